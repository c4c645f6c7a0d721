//! The views that show a selection of the catalogue (the brief's headline, the Peers table,
//! compare's chart, the site index, the cash margins chart) and where each metric stands in
//! them: a field of its catalogue entry, so no view keeps a list of its own. A view reads its
//! metrics with [`picked`], in the order of their rank.

use super::{Metric, Number, Unit, CATALOGUE};
use crate::metrics::PeriodMetrics;

/// Where a metric is shown beyond its section's table; [`Picks::NONE`] for none of these.
#[derive(Debug, Clone, Copy)]
pub struct Picks {
    /// A card of the brief's headline.
    pub headline: Option<Headline>,
    /// A row of the Peers table, at this rank.
    pub peers: Option<u8>,
    /// A group of compare's chart of key percentages, at this rank.
    pub compare_chart: Option<u8>,
    /// A column of the site index, at this rank.
    pub site_index: Option<u8>,
    /// A line of the cash section's margins chart, at this rank.
    pub cash_margins: Option<u8>,
    /// For a non-GAAP figure, its most directly comparable GAAP measure: every view that
    /// shows this metric shows that one first, at least as prominently (Regulation S-K Item
    /// 10(e)(1)(i)(A); Non-GAAP C&DI 102.10).
    pub gaap_base: Option<&'static str>,
}

impl Picks {
    /// In no view beyond its table.
    pub const NONE: Picks = Picks {
        headline: None,
        peers: None,
        compare_chart: None,
        site_index: None,
        cash_margins: None,
        gaap_base: None,
    };
}

/// A headline card: its rank, the change shown beside it and when it is shown.
#[derive(Debug, Clone, Copy)]
pub struct Headline {
    pub rank: u8,
    pub change: HeadlineChange,
    pub shown: Shown,
}

/// The change beside a headline card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadlineChange {
    None,
    /// The catalogue's change metric of this key, "n/a" with its note when it has no value.
    Noted(&'static str),
    /// The catalogue's change metric of this key, left out when it has no value.
    Metric(&'static str),
    /// The change on the same period a year earlier, by [`year_on_year`].
    YearEarlier,
    /// The distance to the Rule of 40's bar.
    AgainstBar,
}

/// When a headline card is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    Always,
    /// Only when the period has a value.
    WhenGiven,
}

/// The views that pick from the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Headline,
    Peers,
    CompareChart,
    SiteIndex,
    CashMargins,
}

impl Picks {
    pub(super) fn rank(&self, view: View) -> Option<u8> {
        match view {
            View::Headline => self.headline.map(|h| h.rank),
            View::Peers => self.peers,
            View::CompareChart => self.compare_chart,
            View::SiteIndex => self.site_index,
            View::CashMargins => self.cash_margins,
        }
    }
}

/// The metrics a view shows, in its order.
pub fn picked(view: View) -> Vec<&'static Metric> {
    let mut metrics: Vec<(u8, &'static Metric)> = CATALOGUE
        .iter()
        .filter_map(|m| m.picks.rank(view).map(|rank| (rank, m)))
        .collect();
    metrics.sort_by_key(|(rank, _)| *rank);
    metrics.into_iter().map(|(_, m)| m).collect()
}

/// The change of `metric` from `earlier` to `period`: the growth in percent of an amount,
/// per-person money or a headcount, the difference in percentage points of a percentage.
/// None when either value is missing, or a growth has no positive base.
pub fn year_on_year(
    metric: &Metric,
    period: &PeriodMetrics,
    earlier: &PeriodMetrics,
) -> Option<f64> {
    match (metric.value(period)?, metric.value(earlier)?) {
        (Number::Exact(now), Number::Exact(before)) => crate::money::growth_pct(now.0, before.0),
        (now, before) if metric.unit == Unit::Pct => Some(now.as_f64() - before.as_f64()),
        _ => None,
    }
}

/// The unit of a [`year_on_year`] change of a metric of `unit`.
pub fn change_unit(unit: Unit) -> Unit {
    match unit {
        Unit::Pct => Unit::Pp,
        _ => Unit::Growth,
    }
}
