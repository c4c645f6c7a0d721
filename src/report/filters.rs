//! Template filters for finance people: `money`, `pct`, `pp`, `delta`, `delta_html`, `num`,
//! `md` (escape user text in Markdown). A missing value (null) prints as "n/a".

use std::collections::HashMap;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::Deserialize;
use tera::{Filter, Result, Tera, Value};

use super::cell::Place;
use super::model::present;
use crate::format::ChangeIn;
use crate::input::Scale;
use crate::metrics::{Polarity, Unit};

use crate::format;
use crate::format::NOT_AVAILABLE as NA;

/// Registers every filter on a Tera instance.
pub fn register(tera: &mut Tera) {
    tera.register_filter("money", money);
    tera.register_filter("pct", pct);
    tera.register_filter("pp", pp);
    tera.register_filter("num", num);
    tera.register_filter("years", years);
    tera.register_filter("delta", delta);
    tera.register_filter("delta_html", DeltaHtml);
    tera.register_filter("md", md);
    tera.register_filter("cell", Cell { html: false });
    tera.register_filter("cell_html", Cell { html: true });
}

/// A template value as an exact decimal: numbers keep every digit (serde_json's arbitrary
/// precision) and deserialise straight into a decimal, so money is never rounded through a float.
fn decimal(value: &Value) -> Option<Decimal> {
    match value {
        Value::Number(_) => <Decimal as Deserialize>::deserialize(value).ok(),
        _ => None,
    }
}

/// A template value as a float (ratios and percentages are floats from the start).
fn float(value: &Value) -> Option<f64> {
    match value {
        Value::Number(_) => f64::deserialize(value).ok(),
        _ => None,
    }
}

fn arg_str<'a>(args: &'a HashMap<String, Value>, name: &str, default: &'a str) -> &'a str {
    args.get(name).and_then(Value::as_str).unwrap_or(default)
}

fn arg_bool(args: &HashMap<String, Value>, name: &str) -> bool {
    args.get(name).and_then(Value::as_bool).unwrap_or(false)
}

/// `{{ v | money(currency="USD") }}` -> "$2.8B"; `style="precise"` -> "$2.81B"; `style="full"` -> "$2,811,000,000";
/// `style="scaled", scale="millions"` -> "2,811" (for tables headed "USD millions").
fn money(value: &Value, args: &HashMap<String, Value>) -> Result<Value> {
    let Some(amount) = decimal(value) else {
        return Ok(Value::from(NA));
    };
    let currency = arg_str(args, "currency", "");
    let text = match arg_str(args, "style", "compact") {
        "full" => format::money_full(amount, currency),
        "scaled" => {
            // The scale's name is the one thing a template can pass; `Scale` owns its meaning.
            let divisor =
                Scale::parse(arg_str(args, "scale", "units")).map_or(Decimal::ONE, Scale::factor);
            let decimals = args.get("decimals").and_then(Value::as_u64).unwrap_or(1) as u32;
            format::grouped(amount / divisor, decimals.min(6))
        }
        "precise" => format::money_precise(amount.to_f64().unwrap_or(0.0), currency),
        _ => format::money_compact(amount.to_f64().unwrap_or(0.0), currency),
    };
    Ok(Value::from(text.trim().to_string()))
}

/// `{{ v | pct }}` -> "23.5%"; `signed=true` -> "+23.5%".
fn pct(value: &Value, args: &HashMap<String, Value>) -> Result<Value> {
    Ok(Value::from(float(value).map_or(NA.to_string(), |v| {
        format::pct(v, arg_bool(args, "signed"))
    })))
}

/// `{{ v | pp }}` -> "+44.9 pp".
fn pp(value: &Value, _: &HashMap<String, Value>) -> Result<Value> {
    Ok(Value::from(float(value).map_or(NA.to_string(), format::pp)))
}

/// `{{ v | num }}` -> "3,422"; `decimals=1` -> "2,953.5" (at most one place: "57");
/// `decimals=1, fixed=true` -> "57.0" (exactly one place).
fn num(value: &Value, args: &HashMap<String, Value>) -> Result<Value> {
    let decimals = (args.get("decimals").and_then(Value::as_u64).unwrap_or(0) as u32).min(6);
    let fixed = arg_bool(args, "fixed");
    Ok(Value::from(decimal(value).map_or(NA.to_string(), |d| {
        if fixed {
            format::grouped_fixed(d, decimals)
        } else {
            format::grouped(d, decimals)
        }
    })))
}

/// `{{ v | years }}` -> "1 year", "2.2 years".
fn years(value: &Value, _: &HashMap<String, Value>) -> Result<Value> {
    Ok(Value::from(
        float(value).map_or(NA.to_string(), format::years),
    ))
}

/// The `delta` filters' arguments, read once at the template boundary.
fn delta_text(value: &Value, args: &HashMap<String, Value>) -> Option<(String, &'static str)> {
    let change = float(value)?;
    let unit = match arg_str(args, "unit", "pct") {
        "pp" => ChangeIn::PercentagePoints,
        "points" => ChangeIn::Points,
        "money" => ChangeIn::Money,
        _ => ChangeIn::Percent,
    };
    let polarity = Polarity::from_name(arg_str(args, "polarity", "up_good"));
    Some(present::delta(
        change,
        unit,
        polarity,
        1,
        arg_str(args, "currency", ""),
    ))
}

/// `{{ change | delta(unit="pct", polarity="down_good") }}` -> "▲ +3.2%".
fn delta(value: &Value, args: &HashMap<String, Value>) -> Result<Value> {
    Ok(Value::from(
        delta_text(value, args).map_or(NA.to_string(), |(text, _)| text),
    ))
}

/// A change in HTML: `<span class="delta good|bad|neutral">`, the class giving its colour. The
/// colour alone would tell a good change from a bad one (the arrow gives only the direction),
/// so a good or bad change also says so in words, for a screen reader (`sr-only`).
fn delta_span(text: &str, tone: &str) -> String {
    match tone {
        "good" | "bad" => {
            format!("<span class=\"delta {tone}\">{text}<span class=\"sr-only\"> ({tone})</span></span>")
        }
        _ => format!("<span class=\"delta {tone}\">{text}</span>"),
    }
}

/// Like `delta`, wrapped in `<span class="delta good|bad|neutral">` for HTML. Its output is
/// built from numbers only, so it is marked safe.
struct DeltaHtml;

impl Filter for DeltaHtml {
    fn filter(&self, value: &Value, args: &HashMap<String, Value>) -> Result<Value> {
        Ok(Value::from(match delta_text(value, args) {
            Some((text, tone)) => delta_span(&text, tone),
            None => format!("<span class=\"delta na\">{NA}</span>"),
        }))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// What the `cell` filters read of a `cell::Cell`: its text and tone as the brief model set
/// them; a cell without its text (a template's own data) is presented here from its value, unit
/// and place, which stay JSON until its unit says whether it is an exact decimal or a float.
#[derive(Deserialize)]
struct CellData {
    value: Value,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    tone: Option<String>,
    unit: Unit,
    polarity: Polarity,
    #[serde(default)]
    place: Place,
    note: Option<usize>,
    #[serde(default)]
    bar: Option<f64>,
    #[serde(default)]
    ceiling: Option<f64>,
    #[serde(default)]
    not_meaningful: bool,
    #[serde(default)]
    decimals: Option<u32>,
}

impl CellData {
    /// The cell's text and, for a change, its tone: the model's, or (for a cell a template
    /// makes itself, with no text) presented from the value.
    fn presented(self, args: &HashMap<String, Value>) -> (String, Option<String>) {
        if let Some(text) = self.text.filter(|text| !text.is_empty()) {
            return (text, self.tone);
        }
        let Value::Number(number) = &self.value else {
            return (present::missing(self.not_meaningful).to_string(), None);
        };
        let look = present::Look {
            unit: self.unit,
            polarity: self.polarity,
            place: self.place,
            bar: self.bar,
            ceiling: self.ceiling,
            decimals: self.decimals,
            currency: arg_str(args, "currency", ""),
            scale: arg_str(args, "scale", "units"),
        };
        let (text, tone) = present::text(number, &look);
        (text, tone.map(str::to_string))
    }
}

/// `{{ c | cell(currency="USD", scale="millions") }}`: one value of a table or headline (a
/// `cell::Cell`) as the brief model presented it, "n/a" and the footnote mark when unavailable.
/// `cell_html` gives HTML (delta classes, a footnote link); its output is built from numbers
/// only, so it is marked safe.
struct Cell {
    html: bool,
}

impl Filter for Cell {
    fn filter(&self, value: &Value, args: &HashMap<String, Value>) -> Result<Value> {
        let cell = CellData::deserialize(value).map_err(|error| {
            tera::Error::msg(format!(
                "the cell filter takes a table or headline cell (value, unit, polarity, note): {error}"
            ))
        })?;
        let (na, note) = (cell.value.is_null(), cell.note);
        let (text, tone) = cell.presented(args);
        let mut out = match (self.html, na, tone) {
            (true, true, _) => format!("<span class=\"na\">{text}</span>"),
            (true, false, Some(tone)) => delta_span(&text, &tone),
            _ => text,
        };
        if let Some(note) = note {
            if self.html {
                out.push_str(&format!(
                    "<sup class=\"fn\"><a href=\"#fn-{note}\">{note}</a></sup>"
                ));
            } else {
                out.push_str(&format!(" [^{note}]"));
            }
        }
        Ok(Value::from(out))
    }

    fn is_safe(&self) -> bool {
        self.html
    }
}

/// Escapes user text for Markdown, so a name like `<script>` or `a|b` stays text.
fn md(value: &Value, _: &HashMap<String, Value>) -> Result<Value> {
    let text = match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    };
    let mut out = String::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' if starts_entity(&text[at + 1..]) => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            other => out.push(other),
        }
    }
    Ok(Value::from(out))
}

/// Whether the text after an `&` would make it a character reference (`&amp;`, `&#60;`,
/// `&#x3C;`): only then is the `&` escaped, so "D&A" reads as written in the Markdown source.
fn starts_entity(rest: &str) -> bool {
    let name = rest.trim_start_matches('#');
    let len = name
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(name.len());
    len > 0 && name[len..].starts_with(';')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(pairs: &[(&str, Value)]) -> HashMap<String, Value> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect()
    }

    fn number(text: &str) -> Value {
        Value::Number(text.parse().unwrap())
    }

    #[test]
    fn money_styles() {
        let usd = ("currency", Value::from("USD"));
        assert_eq!(
            money(&number("2811000000"), &args(std::slice::from_ref(&usd))).unwrap(),
            "$2.8B"
        );
        assert_eq!(
            money(
                &number("-1234.5"),
                &args(&[usd.clone(), ("style", "full".into())])
            )
            .unwrap(),
            "-$1,234.5"
        );
        assert_eq!(
            money(
                &number("2811000000"),
                &args(&[("style", "scaled".into()), ("scale", "millions".into())])
            )
            .unwrap(),
            "2,811"
        );
        assert_eq!(money(&Value::Null, &args(&[usd])).unwrap(), "n/a");
    }

    #[test]
    fn delta_knows_polarity() {
        // Revenue up 23.5%: good. Cost up 3.2%: bad. Margin down 2.2 pp: bad.
        let up_good = args(&[("polarity", "up_good".into())]);
        let down_good = args(&[("polarity", "down_good".into())]);
        let pp_up_good = args(&[("polarity", "up_good".into()), ("unit", "pp".into())]);
        assert_eq!(delta(&number("23.5"), &up_good).unwrap(), "▲ +23.5%");
        assert_eq!(
            DeltaHtml.filter(&number("3.2"), &down_good).unwrap(),
            "<span class=\"delta bad\">▲ +3.2%<span class=\"sr-only\"> (bad)</span></span>"
        );
        assert_eq!(
            DeltaHtml.filter(&number("-2.2"), &pp_up_good).unwrap(),
            "<span class=\"delta bad\">▼ -2.2 pp<span class=\"sr-only\"> (bad)</span></span>"
        );
        assert_eq!(
            DeltaHtml.filter(&number("-5"), &down_good).unwrap(),
            "<span class=\"delta good\">▼ -5.0%<span class=\"sr-only\"> (good)</span></span>"
        );
        assert_eq!(delta(&Value::Null, &up_good).unwrap(), "n/a");
    }

    #[test]
    fn markdown_escaping_keeps_user_text_inert() {
        let escaped = md(&Value::from("<script>|*x*"), &HashMap::new()).unwrap();
        assert_eq!(escaped, "&lt;script&gt;\\|\\*x\\*");
        // An ampersand stays as written unless it would start a character reference.
        let text = |s: &str| md(&Value::from(s), &HashMap::new()).unwrap();
        assert_eq!(text("D&A, C&DI & co"), "D&A, C&DI & co");
        assert_eq!(
            text("&lt;b&gt; &#60; &#x3C;"),
            "&amp;lt;b&amp;gt; &amp;\\#60; &amp;\\#x3C;"
        );
        assert_eq!(text("&;"), "&;");
    }

    #[test]
    fn cells_format_by_unit_with_their_footnote() {
        let cell = |value: Value, unit: &str, note: Value| serde_json::json!({ "value": value, "unit": unit, "polarity": "down_good", "place": "table", "note": note, "bar": null });
        let usd = args(&[("currency", "USD".into()), ("scale", "millions".into())]);
        let md = Cell { html: false };
        let html = Cell { html: true };
        // 2,811,000,000 in millions is 2,811; a cost up 3.2% is bad; a missing value has its note.
        assert_eq!(
            md.filter(&cell(number("2811000000"), "amount", Value::Null), &usd)
                .unwrap(),
            "2,811"
        );
        assert_eq!(
            html.filter(&cell(number("3.2"), "change", Value::Null), &usd)
                .unwrap(),
            "<span class=\"delta bad\">▲ +3.2%<span class=\"sr-only\"> (bad)</span></span>"
        );
        assert_eq!(
            md.filter(&cell(Value::Null, "pct", 4.into()), &usd)
                .unwrap(),
            "n/a [^4]"
        );
        assert_eq!(
            html.filter(&cell(Value::Null, "pct", 4.into()), &usd)
                .unwrap(),
            "<span class=\"na\">n/a</span><sup class=\"fn\"><a href=\"#fn-4\">4</a></sup>"
        );
        // Issue 12: a table whose inputs are whole in its scale shows derived amounts whole too
        // (AI savings of 173,244,000.5 read "173", not "173.2", among whole numbers).
        let mut whole = cell(number("173244000.5"), "amount", Value::Null);
        whole["decimals"] = 0.into();
        assert_eq!(md.filter(&whole, &usd).unwrap(), "173");
        assert_eq!(
            md.filter(&cell(number("2.7"), "ratio", Value::Null), &usd)
                .unwrap(),
            "2.70×"
        );
        assert_eq!(
            md.filter(&cell(number("57"), "points", Value::Null), &usd)
                .unwrap(),
            "57.0"
        );
    }

    /// Trust II (10, 11): a KPI cell judged by a threshold shows the digit that decides it, as
    /// the scorecard does; a percent change that is not meaningful reads "n/m", with its note.
    #[test]
    fn judged_kpi_cells_and_not_meaningful_changes() {
        let md = Cell { html: false };
        let usd = args(&[("currency", "USD".into()), ("scale", "millions".into())]);
        let judged = |value: &str, unit: &str, bar: Value, ceiling: Value| {
            serde_json::json!({ "value": number(value), "unit": unit, "polarity": "up_good",
                "place": "table", "note": null, "bar": bar, "ceiling": ceiling })
        };
        // 1.38 against a floor of 1.4: "1.4%" would read as meeting it.
        assert_eq!(
            md.filter(&judged("1.38", "pct", 1.4.into(), Value::Null), &usd)
                .unwrap(),
            "1.38%"
        );
        // 341.666... against 300: the table's two places for a multiple.
        assert_eq!(
            md.filter(
                &judged("341.6666666666667", "ratio", 300.into(), Value::Null),
                &usd
            )
            .unwrap(),
            "341.67×"
        );
        // 12,040,000 in millions is 12.04; against a ceiling of 12 one place reads "12".
        assert_eq!(
            md.filter(&judged("12040000", "amount", Value::Null, 12.into()), &usd)
                .unwrap(),
            "12.04"
        );
        let not_meaningful = serde_json::json!({ "value": null, "unit": "change",
            "polarity": "up_good", "place": "table", "note": 3, "bar": null,
            "not_meaningful": true });
        assert_eq!(md.filter(&not_meaningful, &usd).unwrap(), "n/m [^3]");
        assert_eq!(
            Cell { html: true }.filter(&not_meaningful, &usd).unwrap(),
            "<span class=\"na\">n/m</span><sup class=\"fn\"><a href=\"#fn-3\">3</a></sup>"
        );
    }

    #[test]
    fn pct_pp_num() {
        assert_eq!(pct(&number("23.50615"), &HashMap::new()).unwrap(), "23.5%");
        assert_eq!(
            pct(&number("23.50615"), &args(&[("signed", true.into())])).unwrap(),
            "+23.5%"
        );
        assert_eq!(pp(&number("-4.26"), &HashMap::new()).unwrap(), "-4.3 pp");
        assert_eq!(
            num(&number("2953.5"), &args(&[("decimals", 1.into())])).unwrap(),
            "2,953.5"
        );
        assert_eq!(num(&Value::Null, &HashMap::new()).unwrap(), "n/a");
    }
}
