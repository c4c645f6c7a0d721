//! The readiness scorecard: the checks an IPO-readiness review or a growth investor runs first,
//! each judged pass, watch or fail from the computed metrics, with the figure and the reason.
//!
//! A criterion that cannot be computed is "watch", never "fail": missing data is a question for
//! the company, not a verdict. Thresholds have defaults; the input's `[readiness]` table sets its
//! company's own; what is given on the command line (a `--thresholds` file, `--company
//! readiness.<key>=`, `check --fail-on-warnings`) wins over the file being judged, so a company
//! file cannot lower its own bar. Each threshold keeps where it came from ([`Sourced`]).

use std::collections::BTreeMap;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::format;
use crate::input::{CompanyInput, ReadinessOverrides, WarningKind};
use crate::metrics::{Metrics, PeriodMetrics};
use crate::money::growth_pct;
use crate::period::{PeriodKind, PeriodLabel};
use crate::plan::HeadcountPlan;

pub mod kpi_threshold;
mod plan_actual;
mod plan_target;

/// How a criterion, or the whole scorecard, came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    Watch,
    Fail,
}

/// One readiness check.
#[derive(Debug, Clone, Serialize)]
pub struct Criterion {
    /// A stable snake_case key, such as `revenue_growth`.
    pub id: String,
    pub name: String,
    pub status: Status,
    /// The measured value in words, "24.8%" or "n/a".
    pub figure: String,
    /// The number the status was judged on, unrounded where it was judged so: a growth rate in
    /// percent (24.83 for "24.8%"; opex's own rate for "29.2% vs 24.8%"), Rule-of-40 points,
    /// percentage points, or a count (years, the month a plan reaches its target, adjusted
    /// figures without a reported one, warnings not acknowledged). Null when the figure is n/a.
    pub value: Option<f64>,
    /// What passes, ">= 20%".
    pub threshold: String,
    /// One sentence with the numbers behind the status.
    pub why: String,
    /// The period whose figures were judged, when one was (`check --format github` points at
    /// its label); left out of JSON when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<PeriodLabel>,
    /// Where the threshold came from: the default for a criterion whose bar is fixed.
    pub threshold_source: ThresholdSource,
}

impl Criterion {
    fn sourced(mut self, source: ThresholdSource) -> Criterion {
        self.threshold_source = source;
        self
    }
}

/// Every criterion and the counts of each status.
#[derive(Debug, Clone, Serialize)]
pub struct Scorecard {
    pub criteria: Vec<Criterion>,
    pub passed: usize,
    pub watch: usize,
    pub failed: usize,
    /// Fail if any criterion fails, else watch if any is on watch, else pass.
    pub status: Status,
    /// The thresholds judged by: the defaults or the thresholds file, with the company's own
    /// `[readiness]` values applied. Sentences and charts that name a bar read it from here.
    #[serde(skip)]
    pub thresholds: Thresholds,
}

impl Scorecard {
    /// Whether the scorecard counts as failed; with `strict`, a watch counts as a failure too.
    pub fn failed_with(&self, strict: bool) -> bool {
        self.failed > 0 || (strict && self.watch > 0)
    }
}

/// Where a threshold came from, from the weakest to the strongest: a later source wins.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ThresholdSource {
    /// ipobrief's own bar.
    #[default]
    Default,
    /// The company file's `[readiness]` table (a spreadsheet's company sheet).
    CompanyFile,
    /// The `--thresholds FILE` given on the command line.
    ThresholdsFile,
    /// A flag: `--company readiness.<key>=...`, `check --fail-on-warnings`.
    CommandLine,
}

impl ThresholdSource {
    /// The source in words: "thresholds file".
    pub fn words(self) -> &'static str {
        match self {
            ThresholdSource::Default => "default",
            ThresholdSource::CompanyFile => "company file",
            ThresholdSource::ThresholdsFile => "thresholds file",
            ThresholdSource::CommandLine => "command line",
        }
    }
}

/// A threshold and where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Sourced<T> {
    pub value: T,
    pub source: ThresholdSource,
}

impl<T> Sourced<T> {
    fn default_value(value: T) -> Sourced<T> {
        Sourced {
            value,
            source: ThresholdSource::Default,
        }
    }

    /// `value` from `source` in place of this one, unless this one comes from a stronger
    /// source (the command line over the company file).
    pub fn set(&mut self, value: T, source: ThresholdSource) {
        if source >= self.source {
            *self = Sourced { value, source };
        }
    }
}

/// The bars the criteria are measured against, each with where it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Thresholds {
    /// Year-over-year revenue growth, in percent.
    pub min_revenue_growth_pct: Sourced<f64>,
    /// Revenue growth % plus operating margin %.
    pub min_rule_of_40: Sourced<f64>,
    /// Fiscal years of history.
    pub min_fiscal_years: Sourced<u32>,
    /// A margin change within this many percentage points either way counts as flat.
    pub flat_margin_band_pp: Sourced<f64>,
    /// Unacknowledged data warnings fail the "Data warnings" criterion (else they are a watch).
    pub fail_on_warnings: Sourced<bool>,
    /// Of the last four quarters with revenue guidance, how many must reach its low end.
    pub min_quarters_at_guidance: Sourced<u32>,
    /// The largest mean absolute % error of revenue against budget over the last four quarters.
    pub max_budget_error_pct: Sourced<f64>,
    /// Thresholds on the company's own KPIs (its `[[readiness.kpi]]` tables): the criteria
    /// judge by them, and the brief's KPI table shows each value with the digits that decide it.
    #[serde(skip)]
    pub kpi: Vec<crate::input::KpiThreshold>,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            min_revenue_growth_pct: Sourced::default_value(20.0),
            min_rule_of_40: Sourced::default_value(40.0),
            min_fiscal_years: Sourced::default_value(3),
            flat_margin_band_pp: Sourced::default_value(0.5),
            fail_on_warnings: Sourced::default_value(false),
            min_quarters_at_guidance: Sourced::default_value(plan_actual::MIN_QUARTERS_AT_GUIDANCE),
            max_budget_error_pct: Sourced::default_value(plan_actual::MAX_BUDGET_ERROR_PCT),
            kpi: Vec::new(),
        }
    }
}

/// A `--thresholds` file: every key optional, unknown keys refused.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ThresholdsFile {
    pub min_revenue_growth_pct: Option<f64>,
    pub min_rule_of_40: Option<f64>,
    pub min_fiscal_years: Option<u32>,
    pub flat_margin_band_pp: Option<f64>,
    pub fail_on_warnings: Option<bool>,
    pub min_quarters_at_guidance: Option<u32>,
    pub max_budget_error_pct: Option<f64>,
}

impl ThresholdsFile {
    /// The keys a thresholds file takes, for messages.
    pub const KEYS: [&'static str; 7] = [
        "min_revenue_growth_pct",
        "min_rule_of_40",
        "min_fiscal_years",
        "flat_margin_band_pp",
        "fail_on_warnings",
        "min_quarters_at_guidance",
        "max_budget_error_pct",
    ];
}

impl Thresholds {
    /// The defaults with the values of a `--thresholds` file in place.
    pub fn from_file(file: &ThresholdsFile) -> Thresholds {
        let mut thresholds = Thresholds::default();
        let source = ThresholdSource::ThresholdsFile;
        if let Some(value) = file.min_revenue_growth_pct {
            thresholds.min_revenue_growth_pct.set(value, source);
        }
        if let Some(value) = file.min_rule_of_40 {
            thresholds.min_rule_of_40.set(value, source);
        }
        if let Some(value) = file.min_fiscal_years {
            thresholds.min_fiscal_years.set(value, source);
        }
        if let Some(value) = file.flat_margin_band_pp {
            thresholds.flat_margin_band_pp.set(value, source);
        }
        if let Some(value) = file.fail_on_warnings {
            thresholds.fail_on_warnings.set(value, source);
        }
        plan_actual::from_file(&mut thresholds, file);
        thresholds
    }

    /// These thresholds with a company's `[readiness]` values applied where nothing stronger
    /// set them: the company file's values give way to a thresholds file and to the command
    /// line; `--company readiness.<key>=` values are the command line's. A fractional year
    /// count rounds up; a negative one counts as 0.
    pub fn with_overrides(&self, overrides: &ReadinessOverrides) -> Thresholds {
        let float = |value: Decimal| value.to_f64().filter(|v| v.is_finite());
        let years = |value: Decimal| value.max(Decimal::ZERO).ceil().to_u32();
        let source = |key: &str| match overrides.set_on_command_line.iter().any(|k| k == key) {
            true => ThresholdSource::CommandLine,
            false => ThresholdSource::CompanyFile,
        };
        let mut thresholds = self.clone();
        if let Some(value) = overrides.min_revenue_growth_pct.and_then(float) {
            let key = "min_revenue_growth_pct";
            thresholds.min_revenue_growth_pct.set(value, source(key));
        }
        if let Some(value) = overrides.min_rule_of_40.and_then(float) {
            thresholds
                .min_rule_of_40
                .set(value, source("min_rule_of_40"));
        }
        if let Some(value) = overrides.min_fiscal_years.and_then(years) {
            let key = "min_fiscal_years";
            thresholds.min_fiscal_years.set(value, source(key));
        }
        plan_actual::with_overrides(&mut thresholds, overrides, source);
        thresholds.kpi = overrides.kpi.clone();
        thresholds
    }
}

/// Scores a company, and its headcount plan when it has one. The input's `[readiness]`
/// overrides are applied on top of `thresholds`.
pub fn evaluate(
    input: &CompanyInput,
    metrics: &Metrics,
    plan: Option<&HeadcountPlan>,
    thresholds: &Thresholds,
) -> Scorecard {
    let thresholds = thresholds.with_overrides(&input.readiness);
    let mut criteria = vec![
        revenue_growth(metrics, &thresholds).sourced(thresholds.min_revenue_growth_pct.source),
        rule_of_40(metrics, &thresholds).sourced(thresholds.min_rule_of_40.source),
        operating_margin_trend(metrics, &thresholds).sourced(thresholds.flat_margin_band_pp.source),
        revenue_per_employee(metrics),
        opex_vs_revenue_growth(metrics),
        fiscal_years_history(metrics, &thresholds).sourced(thresholds.min_fiscal_years.source),
        adjusted_reconciled(metrics),
        data_warnings(metrics, thresholds.fail_on_warnings.value)
            .sourced(thresholds.fail_on_warnings.source),
    ];
    criteria.extend(plan_actual::criteria(metrics, &thresholds));
    // The plan's target and the KPIs' bars are the company file's own.
    criteria.extend(
        plan.map(plan_target::plan_target)
            .map(|c| c.sourced(ThresholdSource::CompanyFile)),
    );
    criteria.extend(
        thresholds
            .kpi
            .iter()
            .filter_map(|threshold| kpi_threshold::criterion(metrics, threshold))
            .map(|c| c.sourced(ThresholdSource::CompanyFile)),
    );
    let count = |status: Status| criteria.iter().filter(|c| c.status == status).count();
    let (passed, watch, failed) = (
        count(Status::Pass),
        count(Status::Watch),
        count(Status::Fail),
    );
    let status = if failed > 0 {
        Status::Fail
    } else if watch > 0 {
        Status::Watch
    } else {
        Status::Pass
    };
    Scorecard {
        criteria,
        passed,
        watch,
        failed,
        status,
        thresholds,
    }
}

/// Warning kinds that put a period's figures in doubt: a criterion never passes on them. A
/// warning about one company KPI (`share_out_of_range`) puts only that KPI's criterion in doubt
/// (`kpi_threshold.rs`).
pub const DOUBTFUL: &[WarningKind] = &[
    WarningKind::SameDateDisagrees,
    WarningKind::MarginOutOfRange,
    WarningKind::QuartersVsYear,
    WarningKind::HalvesVsYear,
    WarningKind::HeadcountContinuity,
    WarningKind::PersonnelAboveCosts,
    WarningKind::RevenuePerEmployeeJump,
    WarningKind::ImplausiblePerEmployee,
    WarningKind::ScaleJump,
];

/// A criterion before its id and name are attached.
struct Verdict {
    status: Status,
    figure: String,
    /// The number judged (`Criterion::value`).
    value: Option<f64>,
    threshold: String,
    why: String,
    /// The period judged, if one was.
    period: Option<PeriodLabel>,
}

impl Verdict {
    fn named(self, id: &str, name: &str) -> Criterion {
        Criterion {
            id: id.to_string(),
            name: name.to_string(),
            status: self.status,
            figure: self.figure,
            value: self.value,
            threshold: self.threshold,
            why: self.why,
            period: self.period,
            threshold_source: ThresholdSource::Default,
        }
    }

    /// A pass that rests on figures of a period which raised a warning that puts them in doubt
    /// (an operating margin above 100%, quarters that do not add up to their year, ...) is a
    /// watch until the figures are checked: the scorecard never passes on such figures.
    fn unless_warned(mut self, metrics: &Metrics, periods: &[&PeriodMetrics]) -> Verdict {
        if self.status != Status::Pass {
            return self;
        }
        let doubt = metrics.warnings.iter().find(|w| {
            DOUBTFUL.contains(&w.kind)
                && periods
                    .iter()
                    .any(|p| w.period.as_deref() == Some(p.label.to_string().as_str()))
        });
        if let Some(warning) = doubt {
            self.status = Status::Watch;
            self.why = format!(
                "{} Not passed: the figures raised a warning ({}).",
                self.why, warning.message
            );
        }
        self
    }

    /// A pass on a company KPI whose value in `period` raised a warning about that KPI alone (a
    /// share above 100%) is a watch, as [`Verdict::unless_warned`] makes one on doubtful figures.
    fn unless_kpi_warned(
        mut self,
        metrics: &Metrics,
        key: &str,
        period: &PeriodMetrics,
    ) -> Verdict {
        if self.status != Status::Pass {
            return self;
        }
        let label = period.label.to_string();
        let doubt = metrics
            .warnings
            .iter()
            .find(|w| w.kpi.as_deref() == Some(key) && w.period.as_deref() == Some(label.as_str()));
        if let Some(warning) = doubt {
            self.status = Status::Watch;
            self.why = format!(
                "{} Not passed: the KPI raised a warning ({}).",
                self.why, warning.message
            );
        }
        self
    }

    /// A verdict on an operating income that the input does not report but that is derived
    /// from its cost lines says so in its figure and its reason, and is a watch at best until
    /// the input gives the reported figure or acknowledges the derivation.
    fn unless_derived(mut self, metrics: &Metrics, periods: &[&PeriodMetrics]) -> Verdict {
        let derived: Vec<String> = periods
            .iter()
            .filter(|p| p.operating_income_source == Some("derived"))
            .map(|p| p.label.to_string())
            .collect();
        if derived.is_empty() || self.figure == "n/a" {
            return self;
        }
        let acknowledged = metrics
            .warnings
            .iter()
            .find(|w| w.kind == WarningKind::DerivedOperatingIncome)
            .and_then(|w| w.acknowledged.clone());
        self.figure.push_str(" (derived)");
        let whose = derived.join(" and ");
        match acknowledged {
            Some(reason) => {
                self.why = format!(
                    "{} The operating income of {whose} is derived from the listed cost lines \
                     (acknowledged: {reason}).",
                    self.why
                );
            }
            None => {
                self.why = format!(
                    "{} The operating income of {whose} is not reported but derived as revenue \
                     minus the listed cost lines, which counts only the costs listed.",
                    self.why
                );
                if self.status == Status::Pass {
                    self.status = Status::Watch;
                    self.why.push_str(
                        " Not passed: give operating_income as reported, or acknowledge the \
                         derivation.",
                    );
                }
            }
        }
        self
    }

    fn not_available(threshold: String, why: String) -> Verdict {
        Verdict {
            status: Status::Watch,
            figure: "n/a".to_string(),
            value: None,
            threshold,
            why,
            period: None,
        }
    }
}

fn pass_if(pass: bool) -> Status {
    if pass {
        Status::Pass
    } else {
        Status::Fail
    }
}

/// Criterion 1: Year-over-year revenue growth at or above the bar.
fn revenue_growth(metrics: &Metrics, thresholds: &Thresholds) -> Criterion {
    let min = thresholds.min_revenue_growth_pct.value;
    let threshold = format!(">= {}%", number(min));
    let verdict = match latest_with(metrics, |p| p.revenue_growth_yoy_pct) {
        None => Verdict {
            figure: missing_figure(metrics, "revenue_growth_yoy_pct"),
            ..Verdict::not_available(
                threshold,
                format!(
                    "No year-over-year revenue growth: {}.",
                    missing_reason(metrics, "revenue_growth_yoy_pct")
                ),
            )
        },
        Some((period, growth)) => Verdict {
            status: pass_if(growth >= min),
            figure: format!("{}%", against(growth, min)),
            why: format!(
                "Revenue grew {}% in {} over {}, {} the {}% bar.",
                against(growth, min),
                period.label,
                period.label.year_earlier(),
                if growth >= min {
                    "at or above"
                } else {
                    "below"
                },
                number(min)
            ),
            threshold,
            period: Some(period.label),
            value: Some(growth),
        }
        .unless_warned(metrics, &[period]),
    };
    verdict.named("revenue_growth", "Revenue growth (year over year)")
}

/// Criterion 2: Rule of 40: revenue growth plus operating margin.
fn rule_of_40(metrics: &Metrics, thresholds: &Thresholds) -> Criterion {
    use crate::input::RuleOf40Margin;
    let min = thresholds.min_rule_of_40.value;
    let margin = metrics.rule_of_40_margin;
    let article = |words: &str| {
        if words.starts_with(['a', 'e', 'i', 'o', 'u', 'E']) {
            "an"
        } else {
            "a"
        }
    };
    let threshold = format!(">= {}", number(min));
    let verdict = match latest_with(metrics, |p| p.rule_of_40) {
        None => Verdict {
            figure: missing_figure(metrics, "rule_of_40"),
            ..Verdict::not_available(
                threshold,
                format!("No Rule of 40: {}.", missing_reason(metrics, "rule_of_40")),
            )
        },
        Some((period, score)) => Verdict {
            status: pass_if(score >= min),
            figure: against(score, min),
            why: format!(
                "In {} revenue growth of {} plus {} {} of {} makes {}, {} {}.",
                period.label,
                period
                    .revenue_growth_yoy_pct
                    .map_or("n/a".to_string(), |g| part(g, score, min)),
                article(margin.words()),
                margin.words(),
                crate::metrics::catalogue::known(margin.metric_key())
                    .value(period)
                    .map_or("n/a".to_string(), |m| part(m.as_f64(), score, min)),
                against(score, min),
                if score >= min { "at or above" } else { "below" },
                number(min)
            ),
            threshold,
            period: Some(period.label),
            value: Some(score),
        }
        .unless_warned(metrics, &[period]),
    };
    let verdict = match (margin, verdict.period) {
        (RuleOf40Margin::Operating | RuleOf40Margin::Ebitda, Some(label)) => {
            let judged: Vec<&PeriodMetrics> = metrics
                .periods
                .iter()
                .filter(|p| p.label == label)
                .collect();
            verdict.unless_derived(metrics, &judged)
        }
        _ => verdict,
    };
    // The name says which margin, unless it is the usual operating margin.
    let name = match margin {
        RuleOf40Margin::Operating => "Rule of 40",
        RuleOf40Margin::Ebitda => "Rule of 40 (EBITDA margin)",
        RuleOf40Margin::Fcf => "Rule of 40 (free-cash-flow margin)",
    };
    verdict.named("rule_of_40", name)
}

/// Criterion 3: Operating margin improving. The trend is the latest quarter's margin minus the
/// margin four quarters earlier; without such a pair of quarters, the latest fiscal year's
/// margin minus the year before's.
fn operating_margin_trend(metrics: &Metrics, thresholds: &Thresholds) -> Criterion {
    let band = thresholds.flat_margin_band_pp.value;
    let threshold = format!(
        "> +{} pp (within {} pp either way is flat)",
        number(band),
        number(band)
    );
    let pair = [PeriodKind::Quarter, PeriodKind::Year]
        .into_iter()
        .find_map(|kind| latest_pair(metrics, kind, |p| p.operating_margin_pct));
    let verdict = match pair {
        None => Verdict::not_available(
            threshold,
            "No quarter or fiscal year has an operating margin together with the one a year \
             earlier."
                .to_string(),
        ),
        Some(((before_label, before), (after_label, after))) => {
            let change = shown(after - before);
            let status = if change > band {
                Status::Pass
            } else if change >= -band {
                Status::Watch
            } else {
                Status::Fail
            };
            let word = match status {
                Status::Pass => "improving",
                Status::Watch => "flat",
                Status::Fail => "worsening",
            };
            Verdict {
                status,
                figure: pp(change),
                why: format!(
                    "Operating margin went from {} in {before_label} to {} in {after_label}, \
                     {} ({word}).",
                    pct(before),
                    pct(after),
                    pp(change)
                ),
                threshold,
                period: Some(after_label),
                value: Some(change),
            }
            .unless_warned(metrics, &periods(metrics, &[before_label, after_label]))
            .unless_derived(metrics, &periods(metrics, &[before_label, after_label]))
        }
    };
    verdict.named("operating_margin_trend", "Operating margin trend")
}

/// Criterion 4: Revenue per employee up on a year earlier (latest year; else latest quarter).
fn revenue_per_employee(metrics: &Metrics) -> Criterion {
    let threshold = "up on a year earlier".to_string();
    let pair = [PeriodKind::Year, PeriodKind::Quarter]
        .into_iter()
        .find_map(|kind| latest_pair(metrics, kind, |p| p.revenue_per_employee.map(|e| e.0)));
    let currency = &metrics.company.currency;
    let verdict = match pair {
        None => Verdict::not_available(
            threshold,
            format!(
                "No revenue per employee with one a year earlier to compare: {}.",
                missing_reason(metrics, "revenue_per_employee")
            ),
        ),
        Some(((before_label, before), (after_label, after))) => {
            let change = growth_pct(after, before);
            let up = after > before;
            Verdict {
                status: pass_if(up),
                figure: change.map_or_else(|| "n/a".to_string(), signed_pct),
                why: format!(
                    "Revenue per employee (annualised) went from {} in {before_label} to {} in \
                     {after_label}{}.",
                    money(before, currency),
                    money(after, currency),
                    match change {
                        Some(c) => format!(", {}", signed_pct(c)),
                        // From zero there is no rate; otherwise it is past the decimal range.
                        None if before.is_zero() => String::new(),
                        None => ", a change too large to represent exactly".to_string(),
                    }
                ),
                threshold,
                period: Some(after_label),
                value: change,
            }
            .unless_warned(metrics, &periods(metrics, &[before_label, after_label]))
        }
    };
    verdict.named("revenue_per_employee", "Revenue per employee")
}

/// Criterion 5: Operating expenses growing slower than revenue (latest year; else latest quarter).
fn opex_vs_revenue_growth(metrics: &Metrics) -> Criterion {
    let threshold = "opex growth < revenue growth".to_string();
    let both = latest_with(metrics, |p| {
        Some((p.opex_growth_yoy_pct?, p.revenue_growth_yoy_pct?))
    });
    let verdict = match both {
        None => Verdict {
            figure: missing_figure(metrics, "opex_growth_yoy_pct"),
            ..Verdict::not_available(
                threshold,
                format!(
                    "No year-over-year opex growth to compare with revenue growth: {}.",
                    missing_reason(metrics, "opex_growth_yoy_pct")
                ),
            )
        },
        Some((period, (opex, revenue))) => {
            // Judged on the exact rates, and shown with the digits that tell them apart.
            let places = format::distinct_places(opex, revenue, 1);
            let rate = |value: f64| format!("{}%", format::places(value, places, false));
            Verdict {
                status: pass_if(opex < revenue),
                figure: format!("{} vs {}", rate(opex), rate(revenue)),
                why: format!(
                    "In {} operating expenses grew {}, {} revenue ({}).",
                    period.label,
                    rate(opex),
                    if opex < revenue {
                        "slower than"
                    } else {
                        "not slower than"
                    },
                    rate(revenue)
                ),
                threshold,
                period: Some(period.label),
                value: Some(opex),
            }
            .unless_warned(metrics, &[period])
        }
    };
    verdict.named("opex_vs_revenue_growth", "Opex growing slower than revenue")
}

/// Criterion 6: Enough fiscal years of history for a prospectus.
fn fiscal_years_history(metrics: &Metrics, thresholds: &Thresholds) -> Criterion {
    let min = thresholds.min_fiscal_years.value;
    // A year to date is not a year of history; a year summed from its four quarters is.
    let full_years: Vec<&PeriodMetrics> = metrics
        .periods
        .iter()
        .filter(|p| p.kind == PeriodKind::Year && !p.coverage.is_partial())
        .collect();
    let years = full_years.len();
    let summed: Vec<String> = full_years
        .iter()
        .filter(|p| p.coverage == crate::input::Coverage::SummedFromQuarters)
        .map(|p| p.label.to_string())
        .collect();
    let summed = match summed.as_slice() {
        [] => String::new(),
        [one] => format!(" ({one} summed from its quarters)"),
        [init @ .., last] => format!(
            " ({} and {last} summed from their quarters)",
            init.join(", ")
        ),
    };
    let enough = years >= min as usize;
    Verdict {
        status: pass_if(enough),
        figure: plural(years, "year"),
        threshold: format!(">= {}", plural(min as usize, "year")),
        why: format!(
            "The input has {} of fiscal-year figures{summed}; {} {} expected.",
            plural(years, "year"),
            plural(min as usize, "year"),
            if enough { "are" } else { "or more are" }
        ),
        period: None,
        value: Some(years as f64),
    }
    .named("fiscal_years_history", "Fiscal years of history")
}

/// Criterion 7: Every adjusted operating income comes with the reported (IFRS/GAAP) one.
fn adjusted_reconciled(metrics: &Metrics) -> Criterion {
    let threshold = "every adjusted figure has a reported one".to_string();
    let adjusted: Vec<&PeriodMetrics> = metrics
        .periods
        .iter()
        .filter(|p| p.adjusted_operating_income.is_some())
        .collect();
    let missing: Vec<String> = adjusted
        .iter()
        .filter(|p| p.operating_income_source != Some("reported"))
        .map(|p| p.label.to_string())
        .collect();
    let first_missing = adjusted
        .iter()
        .find(|p| p.operating_income_source != Some("reported"))
        .map(|p| p.label);
    let verdict = if adjusted.is_empty() {
        Verdict {
            status: Status::Pass,
            figure: "no adjusted figures".to_string(),
            threshold,
            why:
                "No period reports an adjusted operating income, so there is nothing to reconcile."
                    .to_string(),
            period: None,
            value: Some(0.0),
        }
    } else if missing.is_empty() {
        Verdict {
            status: Status::Pass,
            figure: format!("{} of {}", adjusted.len(), adjusted.len()),
            threshold,
            why: format!(
                "All {} with adjusted operating income also report operating income.",
                plural(adjusted.len(), "period")
            ),
            period: None,
            value: Some(0.0),
        }
    } else {
        Verdict {
            status: Status::Watch,
            figure: format!("{} of {} without", missing.len(), adjusted.len()),
            threshold,
            why: format!(
                "{} {} adjusted operating income without a reported operating income to reconcile \
                 it to.",
                missing.join(", "),
                if missing.len() == 1 { "shows" } else { "show" }
            ),
            period: first_missing,
            value: Some(missing.len() as f64),
        }
    };
    verdict.named("adjusted_reconciled", "Adjusted figures reconciled")
}

/// Criterion 8: Data warnings: a watch, unless `fail_on_warnings` makes an unacknowledged one
/// a failure (`check --fail-on-warnings`, or the thresholds file). A warning the company file
/// acknowledges with a reason (`[[acknowledge]]`) still counts in the figure but not against
/// the criterion, so a company whose only warnings are explained passes.
fn data_warnings(metrics: &Metrics, fail_on_warnings: bool) -> Criterion {
    let count = metrics.warnings.len();
    let acknowledged = metrics
        .warnings
        .iter()
        .filter(|w| w.acknowledged.is_some())
        .count();
    let open = count - acknowledged;
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for warning in &metrics.warnings {
        *kinds.entry(warning.kind.words()).or_default() += 1;
    }
    let by_kind: Vec<String> = kinds
        .iter()
        .map(|(kind, n)| format!("{kind}: {n}"))
        .collect();
    let raised = format!(
        "The figures raised {} ({})",
        plural(count, "data warning"),
        by_kind.join(", ")
    );
    let (figure, why) = match (count, acknowledged) {
        (0, _) => (
            plural(0, "warning"),
            "The figures raised no data warnings.".to_string(),
        ),
        (_, 0) => (plural(count, "warning"), format!("{raised}.")),
        _ if open == 0 => (
            format!("{}, all acknowledged", plural(count, "warning")),
            format!("{raised}, each acknowledged with a reason in the company file."),
        ),
        _ => (
            format!("{open} of {count} unacknowledged"),
            format!(
                "{raised}; {acknowledged} {} acknowledged in the company file, {open} {} not.",
                if acknowledged == 1 { "is" } else { "are" },
                if open == 1 { "is" } else { "are" },
            ),
        ),
    };
    Verdict {
        status: match (open, fail_on_warnings) {
            (0, _) => Status::Pass,
            (_, true) => Status::Fail,
            (_, false) => Status::Watch,
        },
        figure,
        threshold: match fail_on_warnings {
            true => "none (fail on warnings)".to_string(),
            false => "none".to_string(),
        },
        why,
        period: None,
        value: Some(open as f64),
    }
    .named("data_warnings", "Data warnings")
}

/// The latest fiscal year with a value, else the latest quarter with one.
fn latest_with<T>(
    metrics: &Metrics,
    value: impl Fn(&PeriodMetrics) -> Option<T>,
) -> Option<(&PeriodMetrics, T)> {
    [PeriodKind::Year, PeriodKind::Quarter]
        .into_iter()
        .find_map(|kind| {
            metrics
                .periods
                .iter()
                .rev()
                .filter(|p| p.kind == kind)
                .find_map(|p| Some((p, value(p)?)))
        })
}

/// The latest period of `kind` with a value whose same period a year earlier also has one:
/// `((earlier label, earlier value), (later label, later value))`. A year to date is paired
/// with no full year.
#[allow(clippy::type_complexity)]
fn latest_pair<T>(
    metrics: &Metrics,
    kind: PeriodKind,
    value: impl Fn(&PeriodMetrics) -> Option<T>,
) -> Option<((PeriodLabel, T), (PeriodLabel, T))> {
    metrics
        .periods
        .iter()
        .rev()
        .filter(|p| p.kind == kind)
        .find_map(|p| {
            let before = metrics.year_earlier(p)?;
            Some(((before.label, value(before)?), (p.label, value(p)?)))
        })
}

/// What a criterion's figure reads when `key` has no value in the period it would have used:
/// "n/m" when the value is not meaningful there (growth from zero or below), else "n/a".
fn missing_figure(metrics: &Metrics, key: &str) -> String {
    let not_meaningful = reason_period(metrics)
        .and_then(|p| p.unavailable.get(key))
        .is_some_and(|reason| reason.not_meaningful());
    match not_meaningful {
        true => format::NOT_MEANINGFUL.to_string(),
        false => "n/a".to_string(),
    }
}

/// The period whose reasons a criterion without a value gives: the latest year, else the
/// latest quarter, else the latest period.
fn reason_period(metrics: &Metrics) -> Option<&PeriodMetrics> {
    let latest_of = |kind: PeriodKind| metrics.periods.iter().rev().find(|p| p.kind == kind);
    latest_of(PeriodKind::Year)
        .or_else(|| latest_of(PeriodKind::Quarter))
        .or_else(|| metrics.periods.last())
}

/// Why `key` is missing in the period a criterion would have used: the latest year, else the
/// latest quarter, else the latest period.
fn missing_reason(metrics: &Metrics, key: &str) -> String {
    match reason_period(metrics) {
        None => "no periods in the input".to_string(),
        Some(p) => format!(
            "{}: {}",
            p.label,
            p.unavailable
                .reason(key)
                .unwrap_or_else(|| "not computable".to_string())
        ),
    }
}

/// A value as the scorecard shows it, to one decimal: a change within the flat band is judged
/// on the figure a reader sees, so "+0.5 pp" is never "improving" against a band of 0.5.
fn shown(value: f64) -> f64 {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded == 0.0 {
        0.0
    } else {
        rounded
    }
}

/// `value` against the bar it is judged by, with the digits that decide it: 39.95 against 40
/// reads "39.95", never "40.0".
fn against(value: f64, bar: f64) -> String {
    format::places(value, format::decisive_places(value, bar, 1), false)
}

fn pct(value: f64) -> String {
    format::pct(value, false)
}

/// A part of a sum shown with as many places as the sum needs against its bar, so the parts
/// read as adding up to it.
fn part(value: f64, sum: f64, bar: f64) -> String {
    let decimals = format::decisive_places(sum, bar, 1);
    format!("{}%", format::places(value, decimals, false))
}

fn signed_pct(value: f64) -> String {
    format::pct(value, true)
}

/// Percentage points, "-2.3 pp".
fn pp(value: f64) -> String {
    format::pp(value)
}

fn number(value: f64) -> String {
    format::threshold(value)
}

/// A whole number of people with thousands separators, "1,122,341".
fn whole(value: Decimal) -> String {
    format::grouped(value, 0)
}

/// Money as a reader reads it, "$1.12M".
fn money(value: Decimal, currency: &str) -> String {
    format::money_precise(format::to_f64(value), currency)
}

/// The periods of `labels` that the metrics have.
fn periods<'a>(metrics: &'a Metrics, labels: &[PeriodLabel]) -> Vec<&'a PeriodMetrics> {
    labels.iter().filter_map(|l| metrics.period(*l)).collect()
}

fn plural(count: usize, noun: &str) -> String {
    format::plural(count, noun)
}

#[cfg(test)]
mod tests;
