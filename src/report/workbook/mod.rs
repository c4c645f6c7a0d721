//! `metrics.xlsx`: the analyst's workbook. The figures as read (Inputs and Company sheets, in
//! the spreadsheet input format, so the workbook reads back as an input), a sheet per series
//! whose every derived value is a live Excel formula over the Inputs cells with ipobrief's
//! value cached, the non-GAAP reconciliations (a `SUM` over formulas on the Inputs cells), the
//! plan's path as formulas, the scorecard and notes.
//!
//! The formulas come from the metric catalogue (`metrics::catalogue::workbook`); this module
//! lays out cells and answers where each operand is. Strings are always written as strings, so
//! a name starting with `=` stays text. The bytes are deterministic: the document's dates are
//! fixed, or the report date (`--as-of`, `SOURCE_DATE_EPOCH`) when there is one.

mod a1;
mod budget;
mod budget_layout;
pub(crate) mod cached;
mod company;
mod inputs;
mod inputs_non_gaap;
mod kpi;
mod non_gaap;
mod non_gaap_block;
mod non_gaap_cells;
#[cfg(test)]
mod non_gaap_read_back_tests;
#[cfg(test)]
mod non_gaap_tests;
mod notes;
mod peers;
mod plan;
mod reported;
mod saved;
mod series;
pub(crate) mod style;
mod template;
mod term;
#[cfg(test)]
mod tests;
mod tree;
mod variance;
mod variance_cells;
mod variance_guidance;
mod variance_row;
mod written;

use anyhow::{Context, Result};
use rayon::prelude::*;
use rust_xlsxwriter::{
    utility::row_col_to_cell_absolute, DocProperties, ExcelDateTime, Workbook, Worksheet, XlsxError,
};

use crate::analysis::Analysis;
use crate::input::CompanyInput;
use crate::metrics::catalogue::workbook::SCALE;
use crate::period::PeriodKind;

#[cfg(test)]
use saved::build_with;
pub use saved::{build, file};
pub use series::{cell_value, sheet_name};

/// The document date when no report date is asked for: any fixed date gives the same bytes.
const FIXED_DATE: (u16, u8, u8) = (2000, 1, 1);

/// The workbook of [`build`], not yet saved.
fn unsaved(
    input: &CompanyInput,
    analysis: &Analysis,
    peers: Option<&crate::report::peers::PeersView>,
    low_memory: bool,
) -> Result<Workbook> {
    let metrics = &analysis.metrics;
    let decimals = crate::metrics::amount_decimals(&metrics.periods, metrics.company.scale);
    let styles = style::Styles::new(decimals);
    let mut workbook = Workbook::new();
    workbook.set_properties(&document_properties(
        &format!("{}: metrics", metrics.company.name),
        analysis.as_of.as_deref(),
        &metrics.generator,
    )?);
    let lines = metrics
        .cost_line_names()
        .into_iter()
        .map(String::from)
        .collect();
    let growing = |workbook: &mut Workbook| -> Result<Worksheet> {
        match low_memory {
            true => workbook.new_worksheet_with_low_memory().context(
                "cannot create the workbook's temporary file in the system's temporary folder \
                 (TMPDIR), which a workbook of this many periods is written through",
            ),
            false => Ok(Worksheet::new()),
        }
    };
    let inputs_sheet = growing(&mut workbook)?;
    let mut layout = inputs::layout(input, lines);
    let company_sheet = company::company_sheet(input, &mut layout, &styles)?;
    let sources = series::Sources::new(input, metrics, &layout);
    let (budget_sheet, variance_sheet) = variance::sheets(&sources, &styles)?;
    let mut series_sheets = Vec::new();
    for kind in [PeriodKind::Year, PeriodKind::Half, PeriodKind::Quarter] {
        if metrics.periods.iter().any(|p| p.kind == kind) {
            series_sheets.push((kind, growing(&mut workbook)?));
        }
    }
    // The Notes sheet lists every n/a value of every period: it grows with the history too.
    let notes_sheet = growing(&mut workbook)?;
    // The sheets do not depend on one another: they are written side by side (the Inputs
    // sheet, a long history's quarter sheet beside its year sheet, and the rest), then added
    // in their order.
    let (inputs_sheet, (series_sheets, other_sheets)) = rayon::join(
        || inputs::inputs_sheet(inputs_sheet, input, &layout, &styles),
        || {
            rayon::join(
                || {
                    series_sheets
                        .into_par_iter()
                        .map(|(kind, sheet)| series::sheet(sheet, &sources, kind, &styles))
                        .collect::<Result<Vec<Worksheet>, XlsxError>>()
                },
                || other_sheets(analysis, input, peers, (&layout, notes_sheet), &styles),
            )
        },
    );
    workbook.push_worksheet(inputs_sheet?);
    workbook.push_worksheet(company_sheet);
    if let Some(sheet) = budget_sheet {
        workbook.push_worksheet(sheet);
    }
    for sheet in series_sheets?
        .into_iter()
        .chain(variance_sheet)
        .chain(other_sheets?)
    {
        workbook.push_worksheet(sheet);
    }
    finish(workbook, analysis, &layout)
}

/// The workbook's defined names, its first series sheet active, and its compression level.
fn finish(
    mut workbook: Workbook,
    analysis: &Analysis,
    layout: &inputs::InputsLayout,
) -> Result<Workbook> {
    let periods = &analysis.metrics.periods;
    define_names(&mut workbook, analysis, layout)?;
    if let Some(first) = [PeriodKind::Year, PeriodKind::Half, PeriodKind::Quarter]
        .into_iter()
        .find(|kind| periods.iter().any(|p| p.kind == *kind))
    {
        workbook
            .worksheet_from_name(sheet_name(first))?
            .set_active(true);
    }
    workbook.set_zip_compression_level(saved::ZIP_LEVEL);
    Ok(workbook)
}

/// The sheets after the series: the non-GAAP reconciliations and the figures reported for
/// them, the plan's, the peers', the scorecard and the notes (written into `notes_sheet`).
fn other_sheets(
    analysis: &Analysis,
    input: &CompanyInput,
    peers: Option<&crate::report::peers::PeersView>,
    (layout, notes_sheet): (&inputs::InputsLayout, Worksheet),
    styles: &style::Styles,
) -> Result<Vec<Worksheet>, XlsxError> {
    let metrics = &analysis.metrics;
    let mut sheets = Vec::new();
    if !metrics.non_gaap.hidden() {
        sheets.push(non_gaap::sheet(input, metrics, layout, styles)?);
        sheets.extend(reported::sheet(input, layout, styles)?);
    }
    if let Some(plan) = &analysis.plan {
        sheets.push(plan::sheet(plan, metrics, layout, styles)?);
    }
    if let Some(view) = peers {
        sheets.push(peers::sheet(view, &input.company, styles)?);
    }
    sheets.push(notes::scorecard(analysis, styles)?);
    sheets.push(notes::notes(notes_sheet, analysis, styles)?);
    Ok(sheets)
}

/// Fixed document properties; the date is the report date when there is one, else a fixed
/// one, so the same input gives the same bytes.
pub(crate) fn document_properties(
    title: &str,
    as_of: Option<&str>,
    generator: &crate::metrics::Generator,
) -> Result<DocProperties> {
    let (year, month, day) = as_of.and_then(parse_date).unwrap_or(FIXED_DATE);
    let date = ExcelDateTime::from_ymd(year, month, day)?;
    Ok(DocProperties::new()
        .set_title(title)
        .set_author("ipobrief")
        .set_comment(format!(
            "Written by {} {}",
            generator.name, generator.version
        ))
        .set_creation_datetime(&date))
}

/// `YYYY-MM-DD` as the settings write it.
fn parse_date(text: &str) -> Option<(u16, u8, u8)> {
    let mut parts = text.splitn(3, '-');
    Some((
        parts.next()?.parse().ok()?,
        parts.next()?.parse().ok()?,
        parts.next()?.parse().ok()?,
    ))
}

/// Defined names: `Scale`, each Inputs column of figures (`Revenue`, `Headcount_end`, ...) and
/// the plan's inputs (`Annual_attrition`, ...).
fn define_names(
    workbook: &mut Workbook,
    analysis: &Analysis,
    layout: &inputs::InputsLayout,
) -> Result<()> {
    let factor = analysis.metrics.company.scale.factor();
    workbook.define_name(SCALE, &format!("={factor}"))?;
    let periods = analysis.metrics.periods.len();
    if periods > 0 {
        for (name, field) in inputs::named_fields() {
            let first = inputs::InputsLayout::row(0);
            let last = inputs::InputsLayout::row(periods - 1);
            let column = inputs::field_column(field);
            let range = format!(
                "={}!{}:{}",
                inputs::INPUTS,
                row_col_to_cell_absolute(first, column),
                row_col_to_cell_absolute(last, column)
            );
            workbook.define_name(name, &range)?;
        }
    }
    for (name, cell) in &layout.names {
        workbook.define_name(*name, &format!("={cell}"))?;
    }
    Ok(())
}
