//! Every cell of the brief presented once: each table and headline cell gets its text and tone
//! from [`super::present::cell`], in the currency and scale it is shown in (the company's for
//! its own figures; each peer's own currency, unscaled, in the Peers table).

use super::present;
use crate::report::cell::Cell;
use crate::report::context::{Brief, Headline};

/// Sets the text and tone of every cell of `brief`.
pub fn present_all(brief: &mut Brief) {
    let (currency, scale) = (brief.company.currency.clone(), brief.company.scale.clone());
    let own = |cell: &mut Cell| set(cell, &currency, &scale);
    for headline in [brief.headline.as_mut(), brief.latest_quarter.as_mut()]
        .into_iter()
        .flatten()
    {
        headline_cells(headline, own);
    }
    let cells = brief
        .series
        .iter_mut()
        .flat_map(|s| s.tables.iter_mut())
        .flat_map(|t| t.rows.iter_mut())
        .flat_map(|r| r.cells.iter_mut());
    cells.for_each(own);
    let reconciled = brief
        .non_gaap
        .iter_mut()
        .flat_map(|n| n.measures.iter_mut())
        .flat_map(|m| m.tables.iter_mut())
        .flat_map(|t| t.rows.iter_mut())
        .flat_map(|r| r.cells.iter_mut());
    reconciled.for_each(|cell| set(cell, &currency, &scale));
    if let Some(plan_actual) = brief.plan_actual.as_mut() {
        plan_actual.cells_mut().for_each(own);
    }
    if let Some(peers) = brief.peers.as_mut() {
        let view = &mut peers.table;
        for row in &mut view.rows {
            for peer_cell in &mut row.cells {
                set(&mut peer_cell.cell, &peer_cell.currency, UNSCALED);
            }
            set(&mut row.median, &view.currency, UNSCALED);
        }
    }
}

/// The Peers table shows amounts in units, each in its own currency.
const UNSCALED: &str = "units";

fn headline_cells(headline: &mut Headline, mut own: impl FnMut(&mut Cell)) {
    for kpi in &mut headline.kpis {
        own(&mut kpi.value);
        if let Some(change) = kpi.change.as_mut() {
            own(change);
        }
    }
}

fn set(cell: &mut Cell, currency: &str, scale: &str) {
    let (text, tone) = present::cell(cell, currency, scale);
    cell.text = text;
    cell.tone = tone;
}
