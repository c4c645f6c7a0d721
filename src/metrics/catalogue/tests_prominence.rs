//! A non-GAAP figure never comes before, or without, its GAAP measure (Regulation S-K Item
//! 10(e)(1)(i)(A); Non-GAAP C&DI 102.10): in the catalogue's order, which the brief's tables
//! follow, and in every view that picks from the catalogue.

use super::picks::{Shown, View};
use super::{metric, Metric, CATALOGUE};

const VIEWS: [View; 5] = [
    View::Headline,
    View::Peers,
    View::CompareChart,
    View::SiteIndex,
    View::CashMargins,
];

fn position(key: &str) -> usize {
    CATALOGUE
        .iter()
        .position(|m| m.key == key)
        .unwrap_or(usize::MAX)
}

fn non_gaap() -> Vec<(&'static Metric, &'static Metric)> {
    CATALOGUE
        .iter()
        .filter_map(|m| {
            let base = m.picks.gaap_base?;
            let base = metric(base).unwrap_or_else(|| panic!("{}: no metric {base}", m.key));
            Some((m, base))
        })
        .collect()
}

#[test]
fn the_company_s_adjusted_figures_name_their_gaap_measure() {
    let pairs: Vec<(&str, &str)> = non_gaap().iter().map(|(m, b)| (m.key, b.key)).collect();
    assert_eq!(
        pairs,
        [
            ("adjusted_operating_income", "operating_income"),
            ("adjusted_operating_margin_pct", "operating_margin_pct"),
            ("free_cash_flow", "operating_cash_flow")
        ]
    );
}

#[test]
fn a_non_gaap_figure_follows_its_gaap_measure_in_its_table() {
    for (m, base) in non_gaap() {
        assert!(
            base.picks.gaap_base.is_none(),
            "{}: its base is not GAAP",
            m.key
        );
        assert_eq!(
            m.section, base.section,
            "{}: not in {}'s table",
            m.key, base.key
        );
        assert!(
            position(base.key) < position(m.key),
            "{} comes before {}",
            m.key,
            base.key
        );
        assert!(
            base.in_tables || !m.in_tables,
            "{}'s table lacks {}",
            m.key,
            base.key
        );
        assert_eq!(
            m.series, base.series,
            "{}: shown in other periods than {}",
            m.key, base.key
        );
    }
}

#[test]
fn every_view_of_a_non_gaap_figure_shows_its_gaap_measure_first() {
    for (m, base) in non_gaap() {
        for view in VIEWS {
            let Some(rank) = m.picks.rank(view) else {
                continue;
            };
            let base_rank = base.picks.rank(view);
            assert!(
                base_rank.is_some_and(|b| b < rank),
                "{view:?} shows {} at {rank} without {} before it ({base_rank:?})",
                m.key,
                base.key
            );
        }
        // A headline card of a non-GAAP figure: its GAAP card is shown whenever it is, always
        // or, when both are shown only when given, because the figure is computed from its
        // base (free cash flow is operating cash flow less capex: no base, no figure).
        if let (Some(figure), Some(card)) = (m.picks.headline, base.picks.headline) {
            let computed_from_base = match &m.formula {
                super::Formula::Tree(tree) => tree.formula.contains(base.key),
                _ => false,
            };
            assert!(
                card.shown == Shown::Always
                    || (figure.shown == Shown::WhenGiven && computed_from_base),
                "{}'s card may be left out",
                base.key
            );
        }
    }
}
