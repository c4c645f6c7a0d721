//! The cross-checks against small inputs whose figures are worked out by hand in the comments.

use crate::input::{from_toml, WarningKind};
use crate::metrics::compute;

/// Amounts in full USD.
const COMPANY: &str = "[company]\nname = \"Test Inc\"\ncurrency = \"USD\"\n";

/// The messages of the warnings of `kind` that `periods` (TOML) raise.
fn messages(periods: &str, kind: WarningKind) -> Vec<String> {
    let input = from_toml(&format!("{COMPANY}{periods}"))
        .unwrap_or_else(|error| panic!("the test input is invalid:\n{error}"));
    compute(&input)
        .warnings
        .into_iter()
        .filter(|w| w.kind == kind)
        .map(|w| w.message)
        .collect()
}

fn year_and_quarters(year: &str, quarters: [&str; 4]) -> String {
    let mut text = format!("[[period]]\nlabel = \"2024\"\n{year}\n");
    for (index, quarter) in quarters.iter().enumerate() {
        text.push_str(&format!(
            "[[period]]\nlabel = \"2024-Q{}\"\n{quarter}\n",
            index + 1
        ));
    }
    text
}

/// A typo of 425,000 for 325,000 in one quarter: the quarters add up to 300,000 + 425,000 +
/// 325,000 + 350,000 = 1,400,000 against the year's 1,300,000, 100,000 more, which is
/// 100,000 / 1,300,000 = 7.69% of the year.
#[test]
fn a_quarter_typo_is_caught_against_the_year() {
    let text = year_and_quarters(
        "revenue = 1300000",
        [
            "revenue = 300000",
            "revenue = 425000",
            "revenue = 325000",
            "revenue = 350000",
        ],
    );
    assert_eq!(
        messages(&text, WarningKind::QuartersVsYear),
        [
            "2024: the four quarters add up to revenue of $1.40M, $100k (7.7%) more than the \
          year's $1.30M; look for a typo in 2024-Q1 to 2024-Q4 or in 2024"
        ]
    );
}

/// The tolerance is 0.5% of the year: 1,300,000 x 0.005 = 6,500. A sum of 1,306,500 is
/// within it, 1,306,501 is not.
#[test]
fn rounding_within_half_a_percent_passes() {
    let quarters = |last: &str| {
        year_and_quarters(
            "revenue = 1300000",
            [
                "revenue = 300000",
                "revenue = 325000",
                "revenue = 325000",
                last,
            ],
        )
    };
    // 300,000 + 325,000 + 325,000 + 356,500 = 1,306,500.
    assert!(messages(&quarters("revenue = 356500"), WarningKind::QuartersVsYear).is_empty());
    // ... + 356,501 = 1,306,501: 6,501 more, 0.50008% of the year.
    assert_eq!(
        messages(&quarters("revenue = 356501"), WarningKind::QuartersVsYear),
        [
            "2024: the four quarters add up to revenue of $1.31M, $6.50k (0.5%) more than the \
          year's $1.30M; look for a typo in 2024-Q1 to 2024-Q4 or in 2024"
        ]
    );
}

/// In millions, two units (2,000,000) exceed 0.5% of a year of 100 (0.5): a sum of 102 passes,
/// 103 does not. Cost lines and operating income are checked too: support 10+10+10+15 = 45
/// against 40 (5 more, 12.5%); operating income 5+5+5+5 = 20 against 20 agrees.
#[test]
fn small_figures_get_two_units_and_every_line_is_checked() {
    let text = format!(
        "[company]\nname = \"M\"\ncurrency = \"EUR\"\nscale = \"millions\"\n{}",
        year_and_quarters(
            "revenue = 100\noperating_income = 20\ncosts = { support = 40 }",
            [
                "revenue = 25\noperating_income = 5\ncosts = { support = 10 }",
                "revenue = 25\noperating_income = 5\ncosts = { support = 10 }",
                "revenue = 25\noperating_income = 5\ncosts = { support = 10 }",
                "revenue = 27\noperating_income = 5\ncosts = { support = 15 }",
            ],
        )
    );
    let input = from_toml(&text).unwrap();
    let found: Vec<String> = compute(&input)
        .warnings
        .into_iter()
        .filter(|w| w.kind == WarningKind::QuartersVsYear)
        .map(|w| w.message)
        .collect();
    assert_eq!(
        found,
        [
            "2024: the four quarters add up to \"Support\" costs of €45.0M, €5.00M (12.5%) more \
          than the year's €40.0M; look for a typo in 2024-Q1 to 2024-Q4 or in 2024"
        ]
    );
    let over = text.replacen("revenue = 27", "revenue = 28", 1);
    let input = from_toml(&over).unwrap();
    let revenue: Vec<String> = compute(&input)
        .warnings
        .into_iter()
        .filter(|w| w.kind == WarningKind::QuartersVsYear && w.message.contains("revenue"))
        .map(|w| w.message)
        .collect();
    // 25 + 25 + 25 + 28 = 103 against 100: 3 more, 3.0%.
    assert_eq!(
        revenue,
        [
            "2024: the four quarters add up to revenue of €103M, €3.00M (3.0%) more than the \
          year's €100M; look for a typo in 2024-Q1 to 2024-Q4 or in 2024"
        ]
    );
}

/// Three quarters are not a year: nothing to compare.
#[test]
fn a_year_without_all_its_quarters_is_not_compared() {
    let text = "[[period]]\nlabel = \"2024\"\nrevenue = 100\n\
                [[period]]\nlabel = \"2024-Q1\"\nrevenue = 90\n";
    assert!(messages(text, WarningKind::QuartersVsYear).is_empty());
}

/// Halves are checked like quarters: 60 + 60 = 120 against 100, 20 more (20.0%).
#[test]
fn halves_are_checked_against_the_year() {
    let text = "[[period]]\nlabel = \"2024\"\nrevenue = 100\n\
                [[period]]\nlabel = \"2024-H1\"\nrevenue = 60\n\
                [[period]]\nlabel = \"2024-H2\"\nrevenue = 60\n";
    assert_eq!(
        messages(text, WarningKind::HalvesVsYear),
        [
            "2024: the two halves add up to revenue of $120, $20 (20.0%) more than the year's \
          $100; look for a typo in 2024-H1 to 2024-H2 or in 2024"
        ]
    );
}

/// 5,900 at the start after 590 at the previous end: 5,900 / 590 = 10 times. The average
/// headcount becomes (5,900 + 600) / 2 = 3,250, and revenue per employee 25M x 4 / 3,250 =
/// $30.8k against 25M x 4 / 590 = $169k and 25M x 4 / 600 = $167k around it: less than a third.
#[test]
fn a_start_headcount_ten_times_the_previous_end_is_caught() {
    let text = "[[period]]\nlabel = \"2025-Q1\"\nrevenue = 25000000\nheadcount_start = 590\nheadcount_end = 590\n\
                [[period]]\nlabel = \"2025-Q2\"\nrevenue = 25000000\nheadcount_start = 5900\nheadcount_end = 600\n\
                [[period]]\nlabel = \"2025-Q3\"\nrevenue = 25000000\nheadcount_end = 600\n";
    assert_eq!(
        messages(text, WarningKind::HeadcountContinuity),
        [
            "2025-Q2: the period starts with 5,900 people but 2025-Q1 ended with 590, 10 times \
          more; look for a typo: the start headcount sets the average headcount and so every \
          per-employee figure of 2025-Q2"
        ]
    );
    assert_eq!(
        messages(text, WarningKind::RevenuePerEmployeeJump),
        ["2025-Q2: revenue per employee of $30.8k is less than a third of both 2025-Q1's ($169k) \
          and 2025-Q3's ($167k); check the headcount and revenue of 2025-Q2"]
    );
}

/// Exactly twice, either way, is allowed; 1,181 after 590 (2.0017 times) and 294 after 590
/// (590 / 294 = 2.007 times fewer) are not.
#[test]
fn headcount_within_a_factor_of_two_passes() {
    let text = |start: &str| {
        format!(
            "[[period]]\nlabel = \"2024\"\nrevenue = 1\nheadcount_end = 590\n\
             [[period]]\nlabel = \"2025\"\nrevenue = 1\nheadcount_start = {start}\nheadcount_end = 590\n"
        )
    };
    for allowed in ["1180", "295", "590"] {
        assert!(messages(&text(allowed), WarningKind::HeadcountContinuity).is_empty());
    }
    assert_eq!(
        messages(&text("294"), WarningKind::HeadcountContinuity),
        [
            "2025: the period starts with 294 people but 2024 ended with 590, 2 times fewer; look \
          for a typo: the start headcount sets the average headcount and so every per-employee \
          figure of 2025"
        ]
    );
    assert_eq!(
        messages(&text("1181"), WarningKind::HeadcountContinuity).len(),
        1
    );
}

/// Regression (a panic): 4 x 10^28 people at the start after 10^-7 at the end is 4 x 10^35
/// times more, past the decimal range: the warning leaves the ratio out.
#[test]
fn a_headcount_ratio_past_the_decimal_range_is_left_out() {
    let text = "[[period]]\nlabel = \"2024\"\nrevenue = 1\nheadcount_end = 0.0000001\n\
                [[period]]\nlabel = \"2025\"\nrevenue = 1\nheadcount_start = 4e28\nheadcount_end = 1\n";
    assert_eq!(
        messages(text, WarningKind::HeadcountContinuity),
        [
            "2025: the period starts with 40,000,000,000,000,000,000,000,000,000 people but 2024 \
          ended with 0; look for a typo: the start headcount sets the average headcount and so \
          every per-employee figure of 2025"
        ]
    );
}

/// Operating income 176.5 on revenue 100 is a margin of 176.5%; adjusted 150 is 150%; a loss
/// of 101 on revenue 10 is -1010%. Exactly 100% and -1000% are allowed.
#[test]
fn margins_outside_minus_1000_to_100_percent_are_caught() {
    let text = "[[period]]\nlabel = \"2023\"\nrevenue = 10\noperating_income = -101\n\
                [[period]]\nlabel = \"2024\"\nrevenue = 100\noperating_income = 176.5\n\
                adjusted_operating_income = 150\n";
    assert_eq!(
        messages(text, WarningKind::MarginOutOfRange),
        [
            "2023: an operating margin of -1010.0% is below -1000.0%: the loss is more than ten \
             times the revenue; check the scale of revenue and costs",
            "2024: an operating margin of 176.5% is above 100.0%: it takes costs below zero to \
             earn more than the revenue; check the signs and the scale of the costs",
            "2024: an adjusted operating margin of 150.0% is above 100.0%: it takes costs below \
             zero to earn more than the revenue; check the signs and the scale of the costs",
        ]
    );
    let edges = "[[period]]\nlabel = \"2023\"\nrevenue = 10\noperating_income = -100\n\
                 [[period]]\nlabel = \"2024\"\nrevenue = 100\noperating_income = 100\n";
    assert!(messages(edges, WarningKind::MarginOutOfRange).is_empty());
}

/// Personnel 120 against cost lines 60 + 40 = 100; personnel of exactly 100 is allowed.
#[test]
fn personnel_cost_above_all_costs_is_caught() {
    let text = |personnel: &str| {
        format!(
            "[[period]]\nlabel = \"2024\"\nrevenue = 500\npersonnel_cost = {personnel}\n\
             costs = {{ staff = 60, rent = 40 }}\n"
        )
    };
    assert_eq!(
        messages(&text("120"), WarningKind::PersonnelAboveCosts),
        [
            "2024: personnel cost ($120) is more than all the listed cost lines together ($100); \
          pay is part of those costs, so a line may be missing, or personnel cost is in another \
          scale"
        ]
    );
    assert!(messages(&text("100"), WarningKind::PersonnelAboveCosts).is_empty());
}

/// Revenue per employee with 10 people each year: 100, 110, 400, 120, 130. 2023's 400 is
/// above 3 x 110 = 330 and 3 x 120 = 360; 2024's 120 is not below a third of 400 and 130.
/// Exactly three times (330 between 110 and 110) is allowed.
#[test]
fn revenue_per_employee_jumping_against_both_neighbours_is_caught() {
    let years = |revenues: &[u32]| -> String {
        revenues
            .iter()
            .enumerate()
            .map(|(i, revenue)| {
                format!(
                    "[[period]]\nlabel = \"{}\"\nrevenue = {revenue}\nheadcount_end = 10\n",
                    2021 + i
                )
            })
            .collect()
    };
    assert_eq!(
        messages(
            &years(&[1000, 1100, 4000, 1200, 1300]),
            WarningKind::RevenuePerEmployeeJump
        ),
        [
            "2023: revenue per employee of $400 is more than three times both 2022's ($110) and \
          2024's ($120); check the headcount and revenue of 2023"
        ]
    );
    assert!(messages(
        &years(&[1100, 3300, 1100]),
        WarningKind::RevenuePerEmployeeJump
    )
    .is_empty());
}

/// Clean figures raise none of the cross-checks.
#[test]
fn the_bundled_example_raises_no_cross_check_warning() {
    let metrics = compute(&crate::input::klarna_example());
    let kinds: Vec<WarningKind> = metrics.warnings.iter().map(|w| w.kind).collect();
    assert_eq!(kinds, [WarningKind::UnlistedCosts; 3]);
}

/// A year and its fourth quarter end on the same day: cash of 242,700 and 142,700, headcount of
/// 1,200 and 1,300 at that day are two figures for one fact, each a warning naming both. The
/// first quarter's start headcount against the year's: 1,000 and 1,000 agree.
#[test]
fn figures_of_one_date_must_agree() {
    let text = year_and_quarters(
        "revenue = 100\ncash = 242700\nheadcount_end = 1200\nheadcount_start = 1000",
        [
            "revenue = 25\nheadcount_start = 1000",
            "revenue = 25",
            "revenue = 25",
            "revenue = 25\ncash = 142700\nheadcount_end = 1300",
        ],
    );
    assert_eq!(
        messages(&text, WarningKind::SameDateDisagrees),
        [
            "2024 and 2024-Q4 end on the same day, but the cash at their end is $242,700 in 2024 \
             and $142,700 in 2024-Q4; one figure is wrong: make them agree",
            "2024 and 2024-Q4 end on the same day, but the headcount at their end is 1,200 in \
             2024 and 1,300 in 2024-Q4; one figure is wrong: make them agree",
        ]
    );
    // Agreeing figures, or a figure only one of them gives, raise nothing.
    let agreeing = year_and_quarters(
        "revenue = 100\ncash = 242700\nheadcount_end = 1200",
        [
            "revenue = 25",
            "revenue = 25",
            "revenue = 25",
            "revenue = 25\ncash = 242700",
        ],
    );
    assert!(messages(&agreeing, WarningKind::SameDateDisagrees).is_empty());
}

/// Operating income not given: derived from the cost lines in both years, named in one warning.
#[test]
fn derived_operating_income_is_named_once() {
    let text = "[[period]]\nlabel = \"2023\"\nrevenue = 100\n[period.costs]\nstaff = 40\n\
                [[period]]\nlabel = \"2024\"\nrevenue = 150\noperating_income = 20\n\
                [period.costs]\nstaff = 130\n\
                [[period]]\nlabel = \"2024-Q1\"\nrevenue = 40\n[period.costs]\nstaff = 10\n";
    assert_eq!(
        messages(text, WarningKind::DerivedOperatingIncome),
        [
            "Operating income is not given for 2023, 2024-Q1, so it is derived as revenue minus \
          the listed cost lines; if the list leaves out any cost, the operating margin and the \
          Rule of 40 are overstated: give operating_income as reported, or acknowledge the \
          derivation"
        ]
    );
}

/// The messages of the warnings of `kind` that a whole file (company table and periods) raises.
fn file_messages(text: &str, kind: WarningKind) -> Vec<String> {
    let input =
        from_toml(text).unwrap_or_else(|error| panic!("the test input is invalid:\n{error}"));
    compute(&input)
        .warnings
        .into_iter()
        .filter(|w| w.kind == kind)
        .map(|w| w.message)
        .collect()
}

/// Trust II, 6a: a file in SEK thousands that forgot `scale = "thousands"`: revenue 4,000 over
/// 100 people is SEK 40 each a year, below the bound of $1,000 x 10 SEK per dollar = SEK
/// 10,000; personnel cost 2,000 over 100 is SEK 20 each, below $500 x 10 = SEK 5,000. With
/// the scale, SEK 40,000 and SEK 20,000 pass.
#[test]
fn a_file_missing_its_scale_is_caught_per_employee() {
    let file = |scale: &str| {
        format!(
            "[company]\nname = \"Acme\"\ncurrency = \"SEK\"\n{scale}\n[[period]]\nlabel = \
             \"2024\"\nrevenue = 4000\nheadcount_end = 100\npersonnel_cost = 2000\n\
             costs = {{ staff = 2000, rent = 500 }}\n"
        )
    };
    assert_eq!(
        file_messages(&file(""), WarningKind::ImplausiblePerEmployee),
        [
            "2024: revenue per employee of SEK 40 a year is below any real company's (SEK \
             10.0k, about $1.00k): check the file's scale (scale = \"thousands\"?) and the \
             headcount",
            "2024: loaded cost per employee of SEK 20 a year is below any real company's (SEK \
             5.00k, about $500): check the file's scale (scale = \"thousands\"?) and the \
             headcount",
        ]
    );
    let scaled = file("scale = \"thousands\"");
    assert!(file_messages(&scaled, WarningKind::ImplausiblePerEmployee).is_empty());
}

/// Amounts in thousands marked as millions: 2,811,000 millions over 3,887 people is
/// 2,811,000,000,000 / 3,887 = $723,179,830 each, above the $100M bound. In yen the bounds
/// are 100 times the dollar's: 5,000,000 yen over 100 people is 50,000 yen each, below
/// 100,000 yen, while $50,000 each passes.
#[test]
fn per_employee_bounds_are_in_the_files_currency() {
    let file = |currency: &str, scale: &str, revenue: &str, headcount: &str| {
        format!(
            "[company]\nname = \"Acme\"\ncurrency = \"{currency}\"\nscale = \"{scale}\"\n\
             [[period]]\nlabel = \"2024\"\nrevenue = {revenue}\nheadcount_end = {headcount}\n"
        )
    };
    assert_eq!(
        file_messages(
            &file("USD", "millions", "2811000", "3887"),
            WarningKind::ImplausiblePerEmployee
        ),
        [
            "2024: revenue per employee of $723M a year is above any real company's ($100M): \
          check the file's scale (amounts in thousands marked as millions?) and the headcount"
        ]
    );
    let yen = file_messages(
        &file("JPY", "units", "5000000", "100"),
        WarningKind::ImplausiblePerEmployee,
    );
    assert_eq!(yen.len(), 1, "{yen:?}");
    assert!(yen[0].contains("50.0k a year is below"), "{yen:?}");
    assert!(file_messages(
        &file("USD", "units", "5000000", "100"),
        WarningKind::ImplausiblePerEmployee
    )
    .is_empty());
}

/// Trust II, 6c: 2023's revenue typed in units among years in thousands: 1,200,000 is more
/// than 500 x 1,000 (2022) and 500 x 1,500 (2024); 2024's marketing of 0.4 is less than a
/// 500th of 2023's 350 and 2022's 300 (0.4 x 500 = 200); a GMV of 90,000,000 among 90,000
/// and 95,000. Its neighbours are not flagged for being off the slip.
#[test]
fn a_figure_a_thousand_times_off_its_neighbours_is_caught() {
    let text = "[company]\nname = \"Acme\"\ncurrency = \"USD\"\nscale = \"thousands\"\n\
        [[period]]\nlabel = \"2022\"\nrevenue = 1000\ncosts = { marketing = 300 }\nvalues = { gmv = 90000 }\n\
        [[period]]\nlabel = \"2023\"\nrevenue = 1200000\ncosts = { marketing = 350 }\nvalues = { gmv = 90000000 }\n\
        [[period]]\nlabel = \"2024\"\nrevenue = 1500\ncosts = { marketing = 0.4 }\nvalues = { gmv = 95000 }\n";
    assert_eq!(
        file_messages(text, WarningKind::ScaleJump),
        [
            "2023: revenue of $1.20B is more than 500 times 2022's $1.00M and 2024's $1.50M: \
             a figure a thousand times off its neighbours; check that it is in the file's \
             scale (thousands)",
            "2024: the \"Marketing\" cost line of $400 is less than a 500th of 2023's $350k \
             and 2022's $300k: a figure a thousand times off its neighbours; check that it is \
             in the file's scale (thousands)",
            "2023: values.gmv of $90.0B is more than 500 times 2022's $90.0M and 2024's \
             $95.0M: a figure a thousand times off its neighbours; check that it is in the \
             file's scale (thousands)",
        ]
    );
}

/// Trust II, 6b: GMV entered in millions in a file in thousands: a take rate of 2,939 / 200
/// x 100 = 1,469.5% is a share above 100%. 2023's 2,500 / 10,000 x 100 = 25% is more than
/// ten times 2022's 2,000 / 100,000 = 2.0% and 2024's 2,200 / 100,000 = 2.2%. An index over
/// a year earlier (2,500 / 2,000 x 100 = 125%) is not a share.
#[test]
fn a_share_above_100_percent_or_far_from_its_history_is_caught() {
    let kpi = |key: &str, formula: &str| {
        format!(
            "[[kpi]]\nkey = \"{key}\"\nname = \"{key}\"\nunit = \"pct\"\nformula = \"{formula}\"\n"
        )
    };
    let company = "[company]\nname = \"Acme\"\ncurrency = \"USD\"\nscale = \"thousands\"\n";
    let slipped = format!(
        "{company}{}[[period]]\nlabel = \"2024\"\nrevenue = 2939\nvalues = {{ gmv = 200 }}\n",
        kpi("take_rate", "revenue / values.gmv * 100")
    );
    assert_eq!(
        file_messages(&slipped, WarningKind::ShareOutOfRange),
        [
            "2024: KPI \"take_rate\" is 1469.5%, but its formula revenue / values.gmv * 100 is a \
          share, which cannot pass 100%: check that both sides are in the file's scale \
          (thousands), such as a value in millions in a file in thousands"
        ]
    );
    let history = format!(
        "{company}{}{}\
         [[period]]\nlabel = \"2022\"\nrevenue = 2000\nvalues = {{ gmv = 100000 }}\n\
         [[period]]\nlabel = \"2023\"\nrevenue = 2500\nvalues = {{ gmv = 10000 }}\n\
         [[period]]\nlabel = \"2024\"\nrevenue = 2200\nvalues = {{ gmv = 100000 }}\n",
        kpi("take_rate", "100 * revenue / values.gmv"),
        kpi("revenue_index", "revenue / prior(revenue) * 100"),
    );
    assert_eq!(
        file_messages(&history, WarningKind::ShareOutOfRange),
        [
            "2023: KPI \"take_rate\" of 25.0% is more than ten times both 2022's (2.0%) and \
          2024's (2.2%); check the scale of its figures in 2023"
        ]
    );
}
