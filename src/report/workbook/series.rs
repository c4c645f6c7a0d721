//! A sheet per series (Years, Halves, Quarters): the catalogue's metrics as rows in the brief's
//! order and names, then each cost line; the periods as columns, the latest at the right.
//! Every value is the formula its catalogue entry builds, over the Inputs cells and the sheet's
//! own rows, with ipobrief's value as the cached result; an n/a value is an empty cell with a
//! note giving the reason (on the row's name when every period has the same one).

use foldhash::HashMap;
use rayon::prelude::*;

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::inputs::{value, InputsLayout};
use super::style::{note, width, Styles, Text};
use super::template::RowTemplate;
use super::written::{na_note, shared_note, Ready, Written};
use crate::format::line_name;
use crate::input::{Company, CompanyInput};
use crate::metrics::catalogue::workbook::{Cells, Field, InWorkbook, Which};
use crate::metrics::catalogue::{self, Section, CATALOGUE, LINE_CATALOGUE};
use crate::metrics::{Metrics, Number, PeriodMetrics, Unit};
use crate::period::{PeriodKind, PeriodLabel};

const HEADER: u32 = 1;
const FIRST_PERIOD_COLUMN: u16 = 2;
/// Excel's 16,384 columns less the label and unit columns: a longer series shows its latest
/// periods (every period stays on the Inputs sheet and in `metrics.json`).
pub(super) const MAX_PERIODS: usize = 16_384 - FIRST_PERIOD_COLUMN as usize;

/// What every series sheet reads.
pub struct Sources<'a> {
    pub input: &'a CompanyInput,
    pub metrics: &'a Metrics,
    pub layout: &'a InputsLayout,
    /// The index of each period (in time order) by label.
    pub index: HashMap<PeriodLabel, usize>,
}

impl<'a> Sources<'a> {
    pub fn new(input: &'a CompanyInput, metrics: &'a Metrics, layout: &'a InputsLayout) -> Self {
        let index = metrics
            .periods
            .iter()
            .enumerate()
            .map(|(index, p)| (p.label, index))
            .collect();
        Sources {
            input,
            metrics,
            layout,
            index,
        }
    }

    /// The months the figures of the period `label` cover ([`crate::input::Period::months`]).
    pub fn months(&self, label: PeriodLabel) -> u32 {
        (self.index.get(&label)).map_or(label.kind.months(), |&index| {
            self.input.periods[index].months()
        })
    }
}

/// The sheet's name for a series.
pub fn sheet_name(kind: PeriodKind) -> &'static str {
    match kind {
        PeriodKind::Year => "Years",
        PeriodKind::Half => "Halves",
        PeriodKind::Quarter => "Quarters",
    }
}

/// The unit column's words.
fn unit_words(unit: Unit, company: &Company) -> String {
    unit.heading(&company.currency, company.scale.name())
}

/// A metric's value as the sheet holds it: amounts in the scale, percentages as fractions.
pub fn cell_value(unit: Unit, number: Number, company: &Company) -> f64 {
    match (unit, number) {
        (Unit::Amount, Number::Exact(exact)) => {
            crate::format::to_f64(exact.0 / company.scale.factor())
        }
        (_, number) => crate::format::excel_value(unit, number.as_f64()),
    }
}

/// The row format of the KPI at `index` when a `[[readiness.kpi]]` threshold judges it: the
/// decimals that decide every period's value against it (1.38% against a floor of 1.4 is
/// "1.38%"), as [`crate::format::judged`] gives them in the brief.
fn kpi_places(
    sources: &Sources,
    index: usize,
    periods: &[&PeriodMetrics],
) -> Option<rust_xlsxwriter::Format> {
    let kpi = sources.input.kpis.get(index)?;
    let threshold = sources
        .input
        .readiness
        .kpi
        .iter()
        .find(|t| t.key == kpi.key)?;
    let bound = |b: Option<rust_decimal::Decimal>| b.map(crate::format::to_f64);
    let (floor, ceiling) = (bound(threshold.min), bound(threshold.max));
    let unit = crate::metrics::kpi::unit(kpi);
    // The decimals of the unit's own format: only a row that needs more gets a format of its own.
    let base = crate::format::table_decimals(unit, &crate::format::Frame::PLAIN);
    let places = periods
        .iter()
        .filter_map(|p| crate::metrics::kpi::value(kpi, p))
        .map(|value| {
            let shown = crate::scorecard::kpi_threshold::in_threshold_unit(
                kpi.unit,
                value.as_f64(),
                sources.metrics,
            );
            crate::format::decisive_places_within(shown, floor, ceiling, base)
        })
        .max()
        .filter(|&places| places > base)?;
    super::style::with_places(unit, places)
}

/// One row of the sheet.
pub(super) enum Row {
    Section(&'static str),
    Metric(&'static catalogue::Metric),
    Line(String, &'static catalogue::LineMetric),
    /// A company KPI, by its index in the input's `[[kpi]]` tables.
    Kpi(usize),
}

/// The series sheet of `kind`, written into `sheet` (which may be a low-memory sheet: rows are
/// written in order, top to bottom).
pub fn sheet(
    mut sheet: Worksheet,
    sources: &Sources,
    kind: PeriodKind,
    styles: &Styles,
) -> Result<Worksheet, XlsxError> {
    let company = &sources.metrics.company;
    let mut periods: Vec<&PeriodMetrics> = sources
        .metrics
        .periods
        .iter()
        .filter(|p| p.kind == kind)
        .collect();
    let left_out = periods.len().saturating_sub(MAX_PERIODS);
    periods.drain(..left_out);
    let rows = rows(kind, &periods, sources.input.kpis.len());
    let (metric_rows, kpi_rows, columns) = positions(&rows, &periods);
    title_and_header(&mut sheet, company, kind, left_out, &periods, styles)?;
    let mut longest = ("Metric".len(), "Unit".len());
    let positions = (&metric_rows, &kpi_rows, &columns);
    // A few rows' cells are made side by side (their formulas are most of a long history's
    // sheet), then written in order: a low-memory sheet takes its rows top to bottom, and the
    // cells waiting to be written stay within `CELLS_AT_ONCE`.
    let at_once = (CELLS_AT_ONCE / periods.len().max(1)).max(1);
    for (first, chunk) in (0..).step_by(at_once).zip(rows.chunks(at_once)) {
        let ready: Vec<(Vec<Ready>, Option<String>)> = chunk
            .par_iter()
            .map(|row| ready_row(row, sources, &periods, positions))
            .collect();
        for ((offset, row), (cells, shared)) in chunk.iter().enumerate().zip(ready) {
            let at = HEADER + 1 + (first + offset) as u32;
            let Some(unit) = label(&mut sheet, at, row, sources, &mut longest, styles)? else {
                continue;
            };
            // The row's format is its unit's, so each period's cell needs no format of its
            // own (a format per cell is looked up by hashing it: a tenth of a long history's
            // time).
            match row {
                // A KPI the scorecard judges shows the digits that decide it in every period.
                Row::Kpi(k) => match kpi_places(sources, *k, &periods) {
                    Some(format) => sheet.set_row_format(at, &format)?,
                    None => sheet.set_row_format(at, styles.unit(unit))?,
                },
                _ => sheet.set_row_format(at, styles.unit(unit))?,
            };
            if let Some(text) = &shared {
                sheet.insert_note(at, 0, &note(text))?;
            }
            for (cell, column) in cells.into_iter().zip(FIRST_PERIOD_COLUMN..) {
                cell.write(&mut sheet, (at, column), shared.is_none())?;
            }
        }
    }
    sheet.set_column_width(0, width(longest.0, 20, 60))?;
    sheet.set_column_width(1, width(longest.1, 8, 40))?;
    if !periods.is_empty() {
        let last = FIRST_PERIOD_COLUMN + periods.len() as u16 - 1;
        sheet.set_column_range_width(FIRST_PERIOD_COLUMN, last, 11.0)?;
    }
    sheet.set_freeze_panes(HEADER + 1, FIRST_PERIOD_COLUMN)?;
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, HEADER)?;
    Ok(sheet)
}

/// How many cells are made before they are written, at most (a row's at least).
const CELLS_AT_ONCE: usize = 50_000;

/// A row's cells ready to write, and the note on its name when every period is n/a for one
/// reason; none for a section's title.
fn ready_row(
    row: &Row,
    sources: &Sources,
    periods: &[&PeriodMetrics],
    positions: (&Positions, &KpiRows, &HashMap<PeriodLabel, u16>),
) -> (Vec<Ready>, Option<String>) {
    let Some(unit) = unit_of(row, sources) else {
        return (Vec::new(), None);
    };
    let cells = row_cells(row, sources, periods, positions);
    let shared = shared_note(&cells);
    let company = &sources.metrics.company;
    let as_held = |number| cell_value(unit, number, company);
    let ready = cells
        .into_iter()
        .map(|cell| cell.prepare(as_held))
        .collect();
    (ready, shared)
}

/// The cells of a row, one a period (none for a section's title).
fn row_cells(
    row: &Row,
    sources: &Sources,
    periods: &[&PeriodMetrics],
    (rows, kpis, columns): (&Positions, &KpiRows, &HashMap<PeriodLabel, u16>),
) -> Vec<Written> {
    let mut template = RowTemplate::default();
    let mut cells = Vec::with_capacity(periods.len());
    for period in periods {
        let here = PeriodCells {
            sources,
            rows,
            kpis,
            columns,
            this: period.label,
        };
        cells.push(match row {
            Row::Metric(metric) => Written::metric(metric, period, (&here, &mut template)),
            Row::Line(line, metric) => Written::line(line, metric, period, (&here, &mut template)),
            Row::Kpi(k) => kpi_cell(sources, *k, period, &here),
            Row::Section(_) => break,
        });
    }
    cells
}

/// The company KPI `k`'s cell in `period`: its [[kpi]] formula, written over the sheet's and
/// the Inputs cells.
fn kpi_cell(sources: &Sources, k: usize, period: &PeriodMetrics, here: &PeriodCells) -> Written {
    let kpi = &sources.input.kpis[k];
    let value = crate::metrics::kpi::value(kpi, period);
    let formula = value.and_then(|_| super::kpi::formula(sources.input, k, here));
    let na = value.is_none().then(|| {
        let key = crate::metrics::kpi::reason_key(kpi);
        let why = period.unavailable.reason(&key).unwrap_or_default();
        na_note(period, &key, why)
    });
    Written::new(value, Ok(formula), na)
}

/// Each metric's row on the sheet, by key.
pub(super) type Positions = HashMap<&'static str, (u32, &'static catalogue::Metric)>;

/// The sheet row of each company KPI, by its index in the input's `[[kpi]]` tables.
type KpiRows = HashMap<usize, u32>;

/// The sheet row of each metric and each company KPI, and the column of each period.
pub(super) fn positions(
    rows: &[Row],
    periods: &[&PeriodMetrics],
) -> (Positions, KpiRows, HashMap<PeriodLabel, u16>) {
    let kpi_rows = rows
        .iter()
        .enumerate()
        .filter_map(|(at, row)| match row {
            Row::Kpi(k) => Some((*k, HEADER + 1 + at as u32)),
            _ => None,
        })
        .collect();
    let metric_rows = rows
        .iter()
        .enumerate()
        .filter_map(|(at, row)| match row {
            Row::Metric(metric) => Some((metric.key, (HEADER + 1 + at as u32, *metric))),
            _ => None,
        })
        .collect();
    let columns = periods
        .iter()
        .enumerate()
        .map(|(at, p)| (p.label, FIRST_PERIOD_COLUMN + at as u16))
        .collect();
    (metric_rows, kpi_rows, columns)
}

/// Runs `with` on the cells of one period as its series' sheet lays them out.
#[cfg(test)]
pub fn with_cells<T>(
    sources: &Sources,
    this: PeriodLabel,
    with: impl FnOnce(&dyn Cells) -> T,
) -> T {
    let periods: Vec<&PeriodMetrics> = sources
        .metrics
        .periods
        .iter()
        .filter(|p| p.kind == this.kind)
        .collect();
    let rows = rows(this.kind, &periods, sources.input.kpis.len());
    let (rows, kpis, columns) = positions(&rows, &periods);
    with(&PeriodCells {
        sources,
        rows: &rows,
        kpis: &kpis,
        columns: &columns,
        this,
    })
}

/// The rows of a series: the brief's sections with their metrics in catalogue order, then
/// each cost line its series lists.
pub(super) fn rows(kind: PeriodKind, periods: &[&PeriodMetrics], kpis: usize) -> Vec<Row> {
    let mut rows = Vec::new();
    for section in Section::ALL {
        let mut of_section: Vec<Row> = CATALOGUE
            .iter()
            .filter(|m| m.section == section && m.series.applies_to(kind))
            .map(Row::Metric)
            .collect();
        if section == Section::Kpis {
            of_section.extend((0..kpis).map(Row::Kpi));
        }
        if !of_section.is_empty() {
            rows.push(Row::Section(section.title()));
            rows.extend(of_section);
        }
    }
    let lines = crate::metrics::names_in_order(periods.iter().flat_map(|p| p.cost_lines.keys()));
    if !lines.is_empty() {
        rows.push(Row::Section("Cost lines"));
    }
    for line in lines {
        rows.extend(
            LINE_CATALOGUE
                .iter()
                .map(|m| Row::Line(line.to_string(), m)),
        );
    }
    rows
}

/// The sheet's name and title row, and the header row: metric, unit, one period a column.
fn title_and_header(
    sheet: &mut Worksheet,
    company: &Company,
    kind: PeriodKind,
    left_out: usize,
    periods: &[&PeriodMetrics],
    styles: &Styles,
) -> Result<(), XlsxError> {
    sheet.set_name(sheet_name(kind))?;
    let ticker = company
        .ticker
        .as_deref()
        .map(|t| format!(" ({t})"))
        .unwrap_or_default();
    sheet.text_with(
        0,
        0,
        format!(
            "{}{ticker}: {}, amounts in {} {}{}",
            company.name,
            sheet_name(kind).to_lowercase(),
            company.currency,
            company.scale.name(),
            match left_out {
                0 => String::new(),
                n => format!(" (the latest {MAX_PERIODS}; {n} earlier are on the Inputs sheet)"),
            }
        ),
        &styles.title,
    )?;
    sheet.text_with(HEADER, 0, "Metric", &styles.header)?;
    sheet.text_with(HEADER, 1, "Unit", &styles.header)?;
    for (period, column) in periods.iter().zip(FIRST_PERIOD_COLUMN..) {
        sheet.text_with(
            HEADER,
            column,
            crate::report::context::heading(period),
            &styles.header_right,
        )?;
    }
    Ok(())
}

/// A row's name and unit in words at `at` (a section's title alone, which has no unit);
/// `longest` grows to fit them. The row's unit, none for a section.
fn label(
    sheet: &mut Worksheet,
    at: u32,
    row: &Row,
    sources: &Sources,
    longest: &mut (usize, usize),
    styles: &Styles,
) -> Result<Option<Unit>, XlsxError> {
    let company = &sources.metrics.company;
    let Some((name, unit)) = name_and_unit(row, sources) else {
        if let Row::Section(title) = row {
            sheet.text_with(at, 0, *title, &styles.section)?;
            longest.0 = longest.0.max(title.chars().count());
        }
        return Ok(None);
    };
    let words = match row {
        Row::Kpi(k) if sources.input.kpis[*k].unit == crate::input::KpiUnit::MoneyPerUnit => {
            format!("{} per unit", company.currency)
        }
        _ => unit_words(unit, company),
    };
    *longest = (
        longest.0.max(name.chars().count() + 2),
        longest.1.max(words.chars().count()),
    );
    sheet.text_with(at, 0, name, &styles.label)?;
    sheet.text_with(at, 1, words, &styles.words)?;
    Ok(Some(unit))
}

/// A row's name as the sheet shows it, and its unit; none for a section's title.
fn name_and_unit(row: &Row, sources: &Sources) -> Option<(String, Unit)> {
    let name = match row {
        Row::Section(_) => return None,
        Row::Metric(metric) => metric.name.to_string(),
        Row::Line(line, metric) => format!("{}{}", line_name(line), metric.suffix),
        Row::Kpi(k) => sources.input.kpis[*k].name.clone(),
    };
    Some((name, unit_of(row, sources)?))
}

/// A row's unit; none for a section's title.
fn unit_of(row: &Row, sources: &Sources) -> Option<Unit> {
    match row {
        Row::Section(_) => None,
        Row::Metric(metric) => Some(metric.unit),
        Row::Line(_, metric) => Some(metric.unit),
        Row::Kpi(k) => Some(crate::metrics::kpi::unit(&sources.input.kpis[*k])),
    }
}

/// `C7`: a cell of this sheet.
fn a1_cell(row: u32, column: u16) -> String {
    let mut text = String::with_capacity(8);
    super::a1::push(&mut text, row, column);
    text
}

/// The cells one period's formulas are built from.
#[derive(Clone, Copy)]
pub struct PeriodCells<'a> {
    sources: &'a Sources<'a>,
    rows: &'a Positions,
    kpis: &'a KpiRows,
    columns: &'a HashMap<PeriodLabel, u16>,
    this: PeriodLabel,
}

impl PeriodCells<'_> {
    fn label(&self, which: Which) -> PeriodLabel {
        match which {
            Which::This => self.this,
            Which::YearEarlier => self.this.year_earlier(),
            Which::Previous => self.this.previous(),
        }
    }

    fn index(&self, which: Which) -> Option<usize> {
        self.sources.index.get(&self.label(which)).copied()
    }
}

impl Cells for PeriodCells<'_> {
    fn input(&self, which: Which, field: Field) -> Option<String> {
        let index = self.index(which)?;
        value(&self.sources.input.periods[index], field)?;
        Some(self.sources.layout.field(index, field))
    }

    fn metric(&self, which: Which, key: &str) -> Option<String> {
        let index = self.index(which)?;
        let (row, metric) = *self.rows.get(key)?;
        let guarded_here = match metric.workbook {
            // A guarded formula fills its cell in this period whenever it can be built.
            InWorkbook::Guarded(build) => which == Which::This && build(self).is_some(),
            _ => false,
        };
        if !guarded_here {
            metric.value(&self.sources.metrics.periods[index])?;
        }
        let column = *self.columns.get(&self.label(which))?;
        Some(a1_cell(row, column))
    }

    fn line(&self, which: Which, name: &str) -> Option<String> {
        let index = self.index(which)?;
        self.sources.input.periods[index].costs.get(name)?;
        self.sources.layout.line(index, name)
    }

    fn all_lines(&self, which: Which) -> Option<String> {
        let index = self.index(which)?;
        let period = &self.sources.input.periods[index];
        let layout = self.sources.layout;
        let complete = !period.costs.is_empty()
            && layout
                .lines
                .iter()
                .all(|line| period.costs.contains_key(line));
        complete.then(|| layout.all_lines(index)).flatten()
    }

    fn ai_exposed_lines(&self) -> Vec<String> {
        self.sources
            .metrics
            .company
            .ai_exposed
            .iter()
            .filter_map(|name| self.line(Which::This, name))
            .collect()
    }

    fn months(&self) -> u32 {
        self.sources.months(self.this)
    }

    fn rule_of_40_margin(&self) -> &'static str {
        self.sources.input.readiness.rule_of_40_margin.metric_key()
    }
}

impl super::kpi::KpiCells for PeriodCells<'_> {
    fn year_earlier(&self) -> Self {
        PeriodCells {
            this: self.this.year_earlier(),
            ..*self
        }
    }

    fn metric(&self, key: &str) -> Option<String> {
        Cells::metric(self, Which::This, key)
    }

    fn kpi(&self, index: usize) -> Option<String> {
        let period = &self.sources.metrics.periods[self.index(Which::This)?];
        crate::metrics::kpi::value(self.sources.input.kpis.get(index)?, period)?;
        let row = *self.kpis.get(&index)?;
        Some(a1_cell(row, *self.columns.get(&self.this)?))
    }

    fn line(&self, name: &str) -> Option<String> {
        Cells::line(self, Which::This, name)
    }

    fn value(&self, name: &str) -> Option<String> {
        let index = self.index(Which::This)?;
        self.sources.input.periods[index].values.get(name)?;
        self.sources.layout.value(index, name)
    }

    fn headcount_start(&self) -> Option<String> {
        self.input(Which::This, Field::HeadcountStart)
    }
}
