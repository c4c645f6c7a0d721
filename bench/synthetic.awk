# Writes one synthetic company as ipobrief TOML on standard output, deterministically.
#
#   awk -v name="Synthetic 1" -v periods=10000 -v lines=50 -v seed=42 -f bench/synthetic.awk
#
# Quarterly periods from 1001-Q1 on, each with revenue, headcount, personnel cost, reported
# operating income, `lines` cost lines and AI figures. The random numbers come from the
# Park-Miller generator (exact in awk's doubles), so the same seed gives the same bytes.
function rand01() {
    state = (state * 16807) % 2147483647
    return state / 2147483647
}
BEGIN {
    if (name == "") name = "Synthetic"
    if (periods == "") periods = 100
    if (lines == "") lines = 50
    if (seed == "") seed = 42
    state = seed % 2147483646 + 1
    printf "[company]\nname = \"%s\"\ncurrency = \"USD\"\nscale = \"millions\"\n", name
    printf "ai_exposed = [\"line_01\", \"line_02\"]\n"
    printf "summary = \"A synthetic company for benchmarks.\"\n\n"
    printf "[plan]\ntarget_headcount = 2000\nannual_attrition = 0.2\n"
    revenue = 1000
    headcount = 4000
    for (i = 0; i < periods; i++) {
        # A mean-reverting walk, so 10,000 quarters neither overflow nor vanish.
        revenue = revenue + (1000 - revenue) * 0.05 + (rand01() - 0.5) * 60
        headcount = int(headcount + (4000 - headcount) * 0.05 + (rand01() - 0.5) * 200)
        printf "\n[[period]]\nlabel = \"%04d-Q%d\"\nrevenue = %.1f\n", 1001 + int(i / 4), i % 4 + 1, revenue
        printf "headcount_end = %d\npersonnel_cost = %.1f\n", headcount, revenue * 0.3
        costs = ""
        total = 0
        for (l = 1; l <= lines; l++) {
            amount = int(revenue * (0.8 + rand01() * 0.2) / lines * 10) / 10
            total += amount
            costs = costs sprintf("line_%02d = %.1f\n", l, amount)
        }
        printf "operating_income = %.1f\n", revenue - total - 5
        printf "[period.costs]\n%s", costs
        printf "[period.ai]\nspend = %.1f\nfte_equivalent = %d\n", 10 + rand01() * 5, 100 + int(rand01() * 50)
    }
}
