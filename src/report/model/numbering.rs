//! The notes of n/a values numbered in the order a reader meets them; equal notes share a
//! number.

use crate::metrics::catalogue::Section;
use crate::report::context::Brief;
use crate::report::notes::{Note, Notes, Numbering};

/// Numbers the notes of n/a values in the order a reader meets them: the headline cards, then
/// each section's tables, years before quarters, as the templates lay them out.
pub fn number_notes(notes: Notes, brief: &mut Brief) -> Vec<Note> {
    let mut numbering = Numbering::new(notes);
    let headlines = [brief.headline.as_mut(), brief.latest_quarter.as_mut()];
    for headline in headlines.into_iter().flatten() {
        for kpi in &mut headline.kpis {
            numbering.note(&mut kpi.value.note);
            if let Some(change) = kpi.change.as_mut() {
                numbering.note(&mut change.note);
            }
        }
    }
    for section in Section::ALL {
        for s in brief.series.iter_mut() {
            for table in s.tables.iter_mut().filter(|t| t.section == section) {
                for row in &mut table.rows {
                    row.number(&mut numbering);
                }
            }
        }
    }
    // The Non-GAAP measures come after the series' tables, the Peers section after them.
    let measures = brief.non_gaap.as_mut().map(|n| &mut n.measures);
    for table in measures.into_iter().flatten().flat_map(|m| &mut m.tables) {
        for row in &mut table.rows {
            row.number(&mut numbering);
        }
    }
    let peers = brief.peers.as_mut().map(|p| &mut p.table);
    for row in peers.into_iter().flat_map(|p| p.rows.iter_mut()) {
        for cell in &mut row.cells {
            numbering.note(&mut cell.cell.note);
        }
        numbering.note(&mut row.median.note);
    }
    // Plan and guidance follows the headcount plan, after the Peers section.
    if let Some(plan_actual) = brief.plan_actual.as_mut() {
        plan_actual.number(&mut numbering);
    }
    numbering.into_notes()
}
