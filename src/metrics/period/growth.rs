//! Revenue growth on a year earlier and on the previous quarter.

use super::compared::{compared, growth_of};
use super::Context;
use crate::metrics::reason::{Compared, Reason};
use crate::period::PeriodKind;

pub(super) struct Growth {
    pub(super) yoy: Option<f64>,
    pub(super) qoq: Option<f64>,
}

/// Revenue growth against the same period a year earlier and, for quarters, the previous one.
pub(super) fn growth(cx: &mut Context) -> Growth {
    let period = cx.period;
    let label = period.label;
    let first = cx.first;
    let yoy = cx.na.take(
        "revenue_growth_yoy_pct",
        compared(cx.year_earlier, period, Compared::YearEarlier, first, |p| {
            Ok(p.revenue)
        })
        .and_then(|before| growth_of(period.revenue, before, Compared::YearEarlier, "revenue")),
    );
    let qoq = cx.na.take(
        "revenue_growth_qoq_pct",
        if label.kind == PeriodKind::Quarter {
            compared(cx.previous, period, Compared::Previous, first, |p| {
                Ok(p.revenue)
            })
            .and_then(|before| growth_of(period.revenue, before, Compared::Previous, "revenue"))
        } else {
            Err(Reason::QuartersOnly)
        },
    );
    Growth { yoy, qoq }
}
