//! `[period.guidance.values]`: guidance on a `[period.values]` figure (Snowflake guides product
//! revenue), and `[values.<name>] top_line = true`, the value judged as revenue guidance.

use rust_decimal::Decimal;

use super::Guided;
use crate::input::{from_toml, parse, Format, ReadOptions};

fn company(values: &str) -> String {
    format!(
        "[company]\nname = \"Snow\"\ncurrency = \"USD\"\nscale = \"millions\"\n{values}\
         [[period]]\nlabel = \"2025-Q3\"\nrevenue = 942\n\
         [period.values]\nproduct_revenue = 900.3\n"
    )
}

const TOP_LINE: &str = "[values.product_revenue]\nname = \"Product revenue\"\ntop_line = true\n";

#[test]
fn guidance_on_a_value_is_read_scaled_with_its_name() {
    let text = company(TOP_LINE) + "[period.guidance.values]\nproduct_revenue = [850, 855]\n";
    let input = from_toml(&text).unwrap_or_else(|e| panic!("{e}"));
    let range = &input.plan_actual[0].guidance.as_ref().unwrap().ranges[0];
    assert_eq!(range.key, "values.product_revenue");
    assert_eq!(range.figure, Guided::Value("product_revenue".into()));
    assert_eq!(range.low, Decimal::from(850_000_000));
    assert_eq!(range.high, Decimal::from(855_000_000));
    assert_eq!(input.top_line.as_deref(), Some("product_revenue"));
    assert_eq!(input.value_name("product_revenue"), "Product revenue");
    assert!(input.warnings.is_empty(), "{:?}", input.warnings);
    // The dotted key in [period.guidance] is the same table; JSON nests it.
    let dotted = company("") + "[period.guidance]\nvalues.product_revenue = 852\n";
    let input = from_toml(&dotted).unwrap();
    let range = &input.plan_actual[0].guidance.as_ref().unwrap().ranges[0];
    let point = Decimal::from(852_000_000);
    assert_eq!((range.low, range.high), (point, point));
    let json = r#"{"company": {"name": "Snow", "currency": "USD"},
 "period": [{"label": "2025-Q3", "revenue": 942, "values": {"product_revenue": 900.3},
   "guidance": {"values": {"product_revenue": [850, 855]}}}]}"#;
    let input = parse(json, "t.json", Format::Json, &ReadOptions::default()).unwrap();
    let range = &input.plan_actual[0].guidance.as_ref().unwrap().ranges[0];
    assert_eq!(range.high, Decimal::from(855));
}

#[test]
fn an_unknown_value_gets_did_you_mean_at_its_line() {
    let text = company("") + "[period.guidance.values]\nproduct_revenu = [850, 855]\n";
    let error = from_toml(&text).unwrap_err();
    assert_eq!(error.message, "unknown field `values.product_revenu`");
    let help = error.help.as_deref().unwrap();
    assert!(
        help.starts_with("did you mean `product_revenue`?"),
        "{help}"
    );
    // 4 company lines, 3 period lines, 2 values lines, the header: line 11.
    assert_eq!(error.position().0, Some(11), "{error}");
}

#[test]
fn one_top_line_and_it_is_money() {
    let two = "[values.product_revenue]\ntop_line = true\n[values.gmv]\ntop_line = true\n";
    let text = company(two).replace(
        "product_revenue = 900.3",
        "product_revenue = 900.3\ngmv = 9",
    );
    let error = from_toml(&text).unwrap_err();
    assert!(
        error.message.contains("already the guided top line"),
        "{error}"
    );
    assert_eq!(error.position().0, Some(8), "{error}");
    let count = "[values.product_revenue]\nunit = \"number\"\ntop_line = true\n";
    let error = from_toml(&company(count)).unwrap_err();
    assert!(error.message.contains("its unit is number"), "{error}");
    let long = format!("[values.product_revenue]\nname = \"{}\"\n", "x".repeat(300));
    assert!(from_toml(&company(&long)).is_err());
}
