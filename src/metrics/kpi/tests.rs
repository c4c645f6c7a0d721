//! Company KPIs: each formula feature computed by hand, and formula errors with positions.

use rust_decimal::Decimal;

use crate::input::from_toml;
use crate::metrics::compute;

const HEAD: &str = "[company]\nname = \"Acme\"\ncurrency = \"EUR\"\nscale = \"millions\"\n";

const PERIODS: &str = "
[[period]]
label = \"2023\"
revenue = 80
headcount_end = 10
[period.costs]
funding = 30
[period.values]
gmv = 2000
[[period]]
label = \"2024\"
revenue = 100
headcount_end = 30
[period.costs]
funding = 40
[period.values]
gmv = 0
";

fn kpi(key: &str, unit: &str, formula: &str) -> String {
    format!(
        "[[kpi]]\nkey = \"{key}\"\nname = \"{key}\"\nunit = \"{unit}\"\nformula = \"{formula}\"\n"
    )
}

/// The KPI values by period label, or the reason it is n/a.
fn values(kpis: &str) -> Vec<(String, Result<Decimal, String>)> {
    let input = from_toml(&format!("{HEAD}{kpis}{PERIODS}")).unwrap_or_else(|e| panic!("{e}"));
    super::check(&input).unwrap_or_else(|e| panic!("{e}"));
    let metrics = compute(&input);
    let key = input.kpis[0].key.clone();
    metrics
        .periods
        .iter()
        .map(|p| {
            let value = match p.kpis[&key] {
                Some(exact) => Ok(exact.0),
                None => Err(p
                    .unavailable
                    .reason(&format!("kpis.{key}"))
                    .unwrap_or_default()),
            };
            (p.label.to_string(), value)
        })
        .collect()
}

fn millions(value: i64) -> Result<Decimal, String> {
    Ok(Decimal::from(value) * Decimal::from(1_000_000))
}

#[test]
fn arithmetic_with_fields_costs_and_precedence() {
    // 2023: 80 - 30 * 2 = 20; 2024: 100 - 40 * 2 = 20 (millions).
    let v = values(&kpi("k", "money", "revenue - costs.funding * 2"));
    assert_eq!(v[0].1, millions(20));
    assert_eq!(v[1].1, millions(20));
    // (80 - 30) * 2 = 100; (100 - 40) * 2 = 120.
    let v = values(&kpi("k", "money", "(revenue - costs.funding) * 2"));
    assert_eq!(
        (v[0].1.clone(), v[1].1.clone()),
        (millions(100), millions(120))
    );
    // Unary minus: -(80) + 100 = 20.
    let v = values(&kpi("k", "money", "-revenue + 100 * 1000000"));
    assert_eq!(v[0].1, Ok(Decimal::from(20_000_000)));
}

#[test]
fn exact_division_values_and_metrics() {
    // Take rate 2023: 80 / 2000 * 100 = 4 exactly; 2024: GMV zero, n/a with the reason.
    let v = values(&kpi("take_rate", "pct", "revenue / values.gmv * 100"));
    assert_eq!(v[0].1, Ok(Decimal::from(4)));
    assert_eq!(
        v[1].1,
        Err("the gmv value is zero, and the formula divides by it".to_string())
    );
    // A metric: revenue per average person, 2024: 100,000,000 / ((10 + 30) / 2) = 5,000,000.
    let v = values(&kpi("k", "money", "revenue / avg_headcount"));
    assert_eq!(v[1].1, Ok(Decimal::from(5_000_000)));
    // 1 / 3 keeps 28 digits, not a float's 17.
    let v = values(&kpi("k", "ratio", "1 / 3"));
    assert_eq!(v[0].1.clone().map(|d| d.to_string().len()), Ok(30));
}

#[test]
fn prior_reads_a_year_earlier_and_kpis_read_each_other() {
    // Growth of GMV-free revenue: (100 - 80) / 80 * 100 = 25 in 2024; 2023 has no 2022.
    let text = format!(
        "{}{}",
        kpi(
            "growth",
            "pct",
            "(revenue - prior(revenue)) / prior(revenue) * 100"
        ),
        kpi("double_growth", "pct", "growth * 2")
    );
    let v = values(&text);
    assert_eq!(
        v[0].1,
        Err(
            "the input's years start at 2023, so there is no earlier year to compare with"
                .to_string()
        )
    );
    assert_eq!(v[1].1, Ok(Decimal::from(25)));
    let input = from_toml(&format!("{HEAD}{text}{PERIODS}")).unwrap();
    let metrics = compute(&input);
    // 25 * 2 = 50; in 2023 the reason says which KPI was missing.
    assert_eq!(
        metrics.periods[1].kpis["double_growth"].map(|e| e.0),
        Some(Decimal::from(50))
    );
    assert_eq!(
        metrics.periods[0]
            .unavailable
            .reason("kpis.double_growth")
            .as_deref(),
        Some("the input's years start at 2023, so there is no earlier year to compare with")
    );
    // A KPI may read its own value a year earlier.
    let v = values(&kpi("running", "money", "revenue + prior(revenue)"));
    assert_eq!(v[1].1, millions(180));
}

#[test]
fn a_missing_operand_is_na_with_its_name() {
    let text = format!("{HEAD}{}{PERIODS}", kpi("k", "money", "values.gmv"))
        .replace("[period.values]\ngmv = 0\n", "");
    let input = from_toml(&text).unwrap();
    let metrics = compute(&input);
    assert_eq!(
        metrics.periods[1].unavailable.reason("kpis.k").as_deref(),
        Some("the input gives no gmv value")
    );
}

/// The error text of an input whose KPIs do not check.
fn error(kpis: &str) -> String {
    let input = from_toml(&format!("{HEAD}{kpis}{PERIODS}")).unwrap_or_else(|e| panic!("{e}"));
    super::check(&input).unwrap_err().to_string()
}

#[test]
fn an_unknown_name_is_pointed_at_with_a_suggestion() {
    // Line 9 is the formula; `formula = "` is 11 characters and `revnue` 10 bytes in: column 22.
    let e = error(&kpi("k", "ratio", "revenue / revnue"));
    assert!(
        e.contains("unknown name `revnue` in the formula of KPI \"k\""),
        "{e}"
    );
    assert!(e.contains("t.toml:9:22"), "{e}");
    assert!(e.contains("did you mean `revenue`?"), "{e}");
    let e = error(&kpi("k", "money", "costs.fundng"));
    assert!(e.contains("did you mean `costs.funding`?"), "{e}");
    let e = error(&kpi("k", "money", "values.gvm"));
    assert!(e.contains("did you mean `values.gmv`?"), "{e}");
}

#[test]
fn cycles_are_refused() {
    let e = error(&kpi("k", "money", "revenue + k"));
    assert!(e.contains("the KPI \"k\" depends on itself"), "{e}");
    assert!(e.contains("t.toml:9:22"), "{e}");
    let text = format!(
        "{}{}",
        kpi("a", "money", "b + 1"),
        kpi("b", "money", "a - 1")
    );
    let e = error(&text);
    assert!(e.contains("in a cycle: a → b → a"), "{e}");
}

#[test]
fn units_must_fit() {
    // money + people, at the operator (column 20 of the line).
    let e = error(&kpi("k", "money", "revenue + headcount_end"));
    assert!(
        e.contains("adds people to money: the units do not fit"),
        "{e}"
    );
    assert!(e.contains("t.toml:9:20"), "{e}");
    // A ratio declared as money.
    let e = error(&kpi("k", "money", "revenue / values.gmv"));
    assert!(
        e.contains("gives a plain number, but its unit is \"money\""),
        "{e}"
    );
    // Money per person is money.
    assert!(values(&kpi("k", "money", "revenue / headcount_end")).len() == 2);
}

#[test]
fn parse_errors_and_bad_tables_point_into_the_file() {
    let text = format!("{HEAD}{}{PERIODS}", kpi("k", "money", "revenue +"));
    let e = from_toml(&text).unwrap_err().to_string();
    // `formula = "` is 11 characters; the end of "revenue +" is 9 bytes in: column 21.
    assert!(e.contains("t.toml:9:21"), "{e}");
    assert!(e.contains("found the end of the formula"), "{e}");
    let text = format!("{HEAD}{}{PERIODS}", kpi("k", "dollars", "revenue"));
    let e = from_toml(&text).unwrap_err().to_string();
    assert!(e.contains("unknown KPI unit \"dollars\""), "{e}");
    let text = format!(
        "{HEAD}{}{}{PERIODS}",
        kpi("k", "money", "revenue"),
        kpi("k", "money", "revenue")
    );
    let e = from_toml(&text).unwrap_err().to_string();
    assert!(e.contains("the KPI \"k\" is defined twice"), "{e}");
    let text = format!(
        "{HEAD}{}[[readiness.kpi]]\nkey = \"kk\"\nmin = 0\n{PERIODS}",
        kpi("k", "money", "revenue")
    );
    let input = from_toml(&text).unwrap();
    let e = super::check(&input).unwrap_err().to_string();
    assert!(
        e.contains("names the KPI \"kk\", which no [[kpi]] defines"),
        "{e}"
    );
}

/// Guards Trust II item 9: a `pct` KPI whose formula lacked `* 100` showed "0.0%" everywhere
/// with no hint. Funding over revenue in 2023 is 30 / 80 = 0.375: a share, shown as 0.4%.
#[test]
fn a_pct_kpi_without_its_hundred_is_warned_about_at_its_formula() {
    let warnings = |formula: &str| {
        let text = format!("{HEAD}{}{PERIODS}", kpi("funding_share", "pct", formula));
        let input = from_toml(&text).unwrap_or_else(|e| panic!("{e}"));
        super::check(&input).unwrap_or_else(|e| panic!("{e}"))
    };
    let found = warnings("costs.funding / revenue");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].kind, crate::input::WarningKind::PercentAsShare);
    assert_eq!(
        found[0].message,
        "KPI \"funding_share\" is in percent (unit = \"pct\") but its formula costs.funding / \
         revenue does not multiply by 100: a share such as 0.021 shows as 0.0%; did you mean \
         (costs.funding / revenue) * 100, or unit = \"ratio\"?"
    );
    // `formula = "..."` is line 9 of the text (HEAD has 4 lines, the [[kpi]] table starts on 5);
    // the formula starts after `formula = "`, in column 12.
    assert_eq!(found[0].at.as_deref(), Some("t.toml:9:12"));
    // In percent already: times 100, or built from a percentage.
    assert!(warnings("costs.funding / revenue * 100").is_empty());
    assert!(warnings("100 * costs.funding / revenue").is_empty());
    assert!(warnings("operating_margin_pct - prior(operating_margin_pct)").is_empty());
}

/// Trust II, 13: values with a unit of their own. The starter's revenue per customer: SEK
/// 410 millions over 1,200,000 customers (a count, not scaled) is 410,000,000 / 1,200,000 =
/// SEK 341.67 a customer, shown "SEK 342"; merchants (a count) per employee, 1,200 / 250 =
/// 4.8, was refused as "gives money". A value not declared stays money in the scale: GMV of
/// 2 millions is 2,000,000, and the share 410 / 2 x 100 = 20,500% is a warning of its own.
#[test]
fn a_value_declared_a_count_is_not_scaled_and_money_over_it_is_money_per_unit() {
    let text = "[company]\nname = \"Acme\"\ncurrency = \"SEK\"\nscale = \"millions\"\n\
        [[kpi]]\nkey = \"revenue_per_customer\"\nname = \"Revenue per customer\"\n\
        unit = \"money_per_unit\"\nformula = \"revenue / values.customers\"\n\
        [[kpi]]\nkey = \"merchants_per_employee\"\nname = \"Merchants per employee\"\n\
        unit = \"number\"\nformula = \"values.merchants / headcount_end\"\n\
        [[kpi]]\nkey = \"gmv\"\nname = \"GMV\"\nunit = \"money\"\nformula = \"values.gmv\"\n\
        [values.customers]\nunit = \"number\"\n[values.merchants]\nunit = \"number\"\n\
        [[period]]\nlabel = \"2023\"\nrevenue = 410\nheadcount_end = 250\n\
        values = { customers = 1200000, merchants = 1200, gmv = 2 }\n";
    let input = from_toml(text).unwrap_or_else(|e| panic!("{e}"));
    super::check(&input).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        input.periods[0].values.get("customers"),
        Some(&Decimal::from(1_200_000))
    );
    let metrics = compute(&input);
    let period = &metrics.periods[0];
    let value = |key: &str| period.kpis.get(key).copied().flatten().map(|e| e.0);
    let per_customer = value("revenue_per_customer").unwrap();
    assert_eq!(per_customer.round_dp(2), Decimal::new(34167, 2));
    assert_eq!(value("merchants_per_employee"), Some(Decimal::new(48, 1)));
    assert_eq!(value("gmv"), Some(Decimal::from(2_000_000)));
    let shown = super::value(&input.kpis[0], period).unwrap();
    assert_eq!(super::unit(&input.kpis[0]), crate::metrics::Unit::Money);
    assert_eq!(
        crate::format::money_precise(shown.as_f64(), "SEK"),
        "SEK 342"
    );
    // Declared as money per unit, money over money is refused: it gives a plain number.
    let e = error(&kpi("k", "money_per_unit", "revenue / values.gmv"));
    assert!(e.contains("gives a plain number"), "{e}");
}

/// A value's unit is one of four, declared for a name the periods give; each refusal points
/// at the `unit` line (line 5 of the file: after the four lines of the company table).
#[test]
fn value_units_are_checked_where_they_are_written() {
    let refused = |units: &str| {
        from_toml(&format!("{HEAD}{units}{PERIODS}"))
            .unwrap_err()
            .to_string()
    };
    let e = refused("[values.gmv]\nunit = \"count\"\n");
    assert!(
        e.contains("unknown unit \"count\" for the value \"gmv\""),
        "{e}"
    );
    assert!(e.contains("t.toml:6:1"), "{e}");
    let e = refused("[values.gmvs]\nunit = \"number\"\n");
    assert!(
        e.contains("a unit is declared for the value \"gmvs\", which no period gives"),
        "{e}"
    );
    assert!(e.contains("did you mean \"gmv\"?"), "{e}");
}
