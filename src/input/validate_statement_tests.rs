use rust_decimal::Decimal;

use crate::input::{parse, Format, ReadOptions, RuleOf40Margin, Statement};

fn read(text: &str, format: Format) -> Result<Vec<Statement>, String> {
    let options = ReadOptions {
        company_fields: vec![
            ("name".into(), "Acme".into()),
            ("currency".into(), "EUR".into()),
            ("scale".into(), "thousands".into()),
        ],
        ..ReadOptions::default()
    };
    parse(text, "t", format, &options)
        .map(|input| input.periods.into_iter().map(|p| p.statement).collect())
        .map_err(|e| e.to_string())
}

fn thousands(value: i64) -> Option<Decimal> {
    Some(Decimal::from(value * 1000))
}

/// The six figures read from TOML, JSON, CSV rows and CSV periods-across alike, scaled.
#[test]
fn statement_fields_read_from_every_format() {
    let toml = "[[period]]\nlabel = \"2024\"\nrevenue = 100\ncost_of_revenue = 40\n\
                    depreciation_amortization = 5\nstock_based_compensation = 7\n\
                    operating_cash_flow = -12\ncapex = 3\ncash = 250\n";
    let json = r#"{"period": [{"label": "2024", "revenue": 100, "cost_of_revenue": 40,
            "depreciation_amortization": 5, "stock_based_compensation": 7,
            "operating_cash_flow": -12, "capex": 3, "cash": 250}]}"#;
    let csv = "label,revenue,cost_of_revenue,depreciation_amortization,\
                   stock_based_compensation,operating_cash_flow,capex,cash\n\
                   2024,100,40,5,7,(12),3,250\n";
    let across = "figure,2024\nrevenue,100\nCost_of_Revenue,40\ndepreciation_amortization,5\n\
                      stock_based_compensation,7\noperating_cash_flow,-12\ncapex,3\ncash,250\n";
    for (text, format) in [
        (toml, Format::Toml),
        (json, Format::Json),
        (csv, Format::Csv),
        (across, Format::Csv),
    ] {
        let statements = read(text, format).unwrap_or_else(|e| panic!("{e}\n{text}"));
        let s = &statements[0];
        assert_eq!(s.cost_of_revenue, thousands(40), "{text}");
        assert_eq!(s.depreciation_amortization, thousands(5));
        assert_eq!(s.stock_based_compensation, thousands(7));
        assert_eq!(s.operating_cash_flow, thousands(-12));
        assert_eq!(s.capex, thousands(3));
        assert_eq!(s.cash, thousands(250));
    }
}

/// Under cost_sign = "negative" the costs among them are negated; a positive one is refused.
#[test]
fn costs_follow_cost_sign_and_cash_never_does() {
    let text = |capex: &str| {
        format!(
            "[company]\nname = \"A\"\ncurrency = \"EUR\"\ncost_sign = \"negative\"\n\
                 [[period]]\nlabel = \"2024\"\nrevenue = 100\ncapex = {capex}\ncash = 9\n\
                 operating_cash_flow = 4\ncosts = {{ staff = -60, rent = -10 }}\n"
        )
    };
    let input = crate::input::from_toml(&text("-3")).unwrap();
    let statement = &input.periods[0].statement;
    assert_eq!(statement.capex, Some(Decimal::from(3)));
    assert_eq!(statement.cash, Some(Decimal::from(9)));
    assert_eq!(statement.operating_cash_flow, Some(Decimal::from(4)));
    let error = crate::input::from_toml(&text("3")).unwrap_err().to_string();
    assert!(
        error.contains("capex is written as 3, above zero"),
        "{error}"
    );
    assert!(error.contains("t.toml:8:1"), "{error}");
}

#[test]
fn rule_of_40_margin_is_read_from_readiness() {
    let text = |margin: &str| {
        format!(
            "[company]\nname = \"A\"\ncurrency = \"EUR\"\n[readiness]\n\
                 rule_of_40_margin = \"{margin}\"\n[[period]]\nlabel = \"2024\"\nrevenue = 1\n"
        )
    };
    let margin =
        |name: &str| crate::input::from_toml(&text(name)).map(|i| i.readiness.rule_of_40_margin);
    assert_eq!(margin("fcf").unwrap(), RuleOf40Margin::Fcf);
    assert_eq!(margin("EBITDA").unwrap(), RuleOf40Margin::Ebitda);
    let error = margin("gross").unwrap_err().to_string();
    assert!(error.contains("t.toml:5:1"), "{error}");
    assert!(error.contains("found \"gross\""), "{error}");
    let default = crate::input::from_toml(
        "[company]\nname = \"A\"\ncurrency = \"EUR\"\n[[period]]\nlabel = \"2024\"\nrevenue = 1\n",
    )
    .unwrap();
    assert_eq!(
        default.readiness.rule_of_40_margin,
        RuleOf40Margin::Operating
    );
    let options = crate::input::ReadOptions {
        company_fields: vec![
            ("name".into(), "A".into()),
            ("currency".into(), "EUR".into()),
            ("readiness.rule_of_40_margin".into(), "ebitda".into()),
        ],
        ..Default::default()
    };
    let input =
        crate::input::parse("label,revenue\n2024,1\n", "t.csv", Format::Csv, &options).unwrap();
    assert_eq!(input.readiness.rule_of_40_margin, RuleOf40Margin::Ebitda);
}
