//! Percentages written as shares: a bar that is in percent (`min_revenue_growth_pct`) written
//! 0.25 where 25 (%) was meant. The opposite slip of a share written in percent
//! (`annual_attrition = 20`), which is refused; this one is a legal bar, so it is warned
//! about, with what was probably meant.

use rust_decimal::prelude::FromPrimitive;
use rust_decimal::Decimal;

/// What is wrong with a percentage written as a share, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PercentSlip {
    pub message: String,
    pub help: String,
}

/// The slip when `value` of the percentage `key` lies strictly between 0 and 1: 0.25 reads as
/// 0.25 %, and a bar so low is almost surely 25 % written as a share.
pub fn percent_as_share(key: &str, value: f64) -> Option<PercentSlip> {
    let exact = Decimal::from_f64(value)?;
    (exact > Decimal::ZERO && exact < Decimal::ONE).then(|| {
        let meant = (exact * Decimal::ONE_HUNDRED).normalize();
        let written = exact.normalize();
        PercentSlip {
            message: format!(
                "{key} = {written} is a bar of {written}%, not {meant}%: it is written in \
                 percent"
            ),
            help: format!("did you mean {key} = {meant} ({meant}%)?"),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Guards Trust II item 9: 0.25 was taken silently as a bar of 0.25 %.
    #[test]
    fn a_share_where_percent_is_meant_is_named_with_what_was_meant() {
        let slip = percent_as_share("min_revenue_growth_pct", 0.25).unwrap();
        assert_eq!(
            slip.message,
            "min_revenue_growth_pct = 0.25 is a bar of 0.25%, not 25%: it is written in percent"
        );
        assert_eq!(slip.help, "did you mean min_revenue_growth_pct = 25 (25%)?");
        // 0.075 -> 7.5 %, not 7.500000000000001.
        assert!(percent_as_share("k", 0.075)
            .unwrap()
            .help
            .contains("k = 7.5 (7.5%)"));
        for fine in [0.0, 1.0, 20.0, -0.5] {
            assert_eq!(percent_as_share("k", fine), None, "{fine}");
        }
    }

    /// Guards Trust II item 9: `[readiness] min_revenue_growth_pct = 0.25` was taken silently
    /// as a bar of 0.25 %. Now a data warning at its line (line 5 of the text).
    #[test]
    fn a_growth_bar_written_as_a_share_is_a_data_warning_at_its_line() {
        let input = crate::input::from_toml(
            "[company]\nname = \"Acme\"\ncurrency = \"USD\"\n[readiness]\n\
             min_revenue_growth_pct = 0.25\n[[period]]\nlabel = \"2024\"\nrevenue = 1\n",
        )
        .unwrap();
        let warnings: Vec<_> = input
            .warnings
            .iter()
            .map(|w| (w.kind, w.message.as_str(), w.at.as_deref()))
            .collect();
        assert_eq!(
            warnings,
            [(
                crate::input::WarningKind::PercentAsShare,
                "min_revenue_growth_pct = 0.25 is a bar of 0.25%, not 25%: it is written in \
                 percent; did you mean min_revenue_growth_pct = 25 (25%)?",
                Some("t.toml:5:1")
            )]
        );
    }
}
