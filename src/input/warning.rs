//! Data warnings: something worth a reader's attention that does not stop the brief, and the
//! one list of their kinds. Validation raises some (gaps), the metrics the rest (unlisted costs
//! and the cross-checks of `metrics/checks.rs`); a company file may acknowledge any of them
//! (`acknowledge.rs`).

use serde::Serialize;

/// What a warning is about: its machine-readable name in `metrics.json`, `check` and the
/// `[[acknowledge]]` tables. Every kind a warning can have is listed here, once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// Periods missing inside a series.
    Gap,
    /// Reported operating income differs from revenue minus the listed cost lines.
    UnlistedCosts,
    /// The four quarters of a year do not add up to the year.
    QuartersVsYear,
    /// The two halves of a year do not add up to the year.
    HalvesVsYear,
    /// A period's start headcount is far from the previous period's end.
    HeadcountContinuity,
    /// An operating or adjusted operating margin outside -1000%..100%.
    MarginOutOfRange,
    /// Personnel cost above the listed cost lines together.
    PersonnelAboveCosts,
    /// Revenue per employee more than 3 times off both neighbouring periods.
    RevenuePerEmployeeJump,
    /// An `[[acknowledge]]` table that matches no warning.
    StaleAcknowledgement,
    /// Figures of one date (cash, headcount at a year's end and its last quarter's) disagree.
    SameDateDisagrees,
    /// Operating income is not reported but derived from the listed cost lines.
    DerivedOperatingIncome,
    /// A percentage written as a share: a growth bar of 0.25 (0.25 %), a `pct` KPI whose
    /// formula does not multiply by 100.
    PercentAsShare,
    /// A "Total ..." or "Subtotal ..." row or column that is not the sum of the cost lines.
    SubtotalMismatch,
    /// A CSV header row holding two kinds of separator: which one was used.
    CsvDelimiter,
    /// Revenue or loaded cost per employee that no company has in its currency: a slip of
    /// the file's scale.
    ImplausiblePerEmployee,
    /// A figure a thousand times off its neighbours in a series.
    ScaleJump,
    /// A percentage KPI that is a share above 100%, or far outside its own history.
    ShareOutOfRange,
    /// A non-GAAP figure the company reported differs from its GAAP base plus its items.
    NonGaapNotReconciled,
    /// An adjustment a non-GAAP measure makes in some periods and not in others.
    NonGaapInconsistent,
    /// Non-recurring charges removed from a non-GAAP measure while a non-recurring gain stays in (or the other way).
    NonGaapOneSided,
    /// A performance measure excluding a normal, recurring, cash-settled operating expense.
    NonGaapRecurringCash,
    /// A liquidity measure (other than EBIT or EBITDA) excluding a charge settled in cash.
    NonGaapLiquidityCash,
    /// A non-GAAP measure without a statement of why management finds it useful.
    NonGaapNoPurpose,
    /// A budget or guidance figure for a figure the period's actuals do not give.
    PlanWithoutActual,
}

impl WarningKind {
    /// Every kind, in the order the docs list them.
    pub const ALL: [WarningKind; 24] = [
        WarningKind::Gap,
        WarningKind::UnlistedCosts,
        WarningKind::QuartersVsYear,
        WarningKind::HalvesVsYear,
        WarningKind::HeadcountContinuity,
        WarningKind::MarginOutOfRange,
        WarningKind::PersonnelAboveCosts,
        WarningKind::RevenuePerEmployeeJump,
        WarningKind::StaleAcknowledgement,
        WarningKind::SameDateDisagrees,
        WarningKind::DerivedOperatingIncome,
        WarningKind::PercentAsShare,
        WarningKind::SubtotalMismatch,
        WarningKind::CsvDelimiter,
        WarningKind::ImplausiblePerEmployee,
        WarningKind::ScaleJump,
        WarningKind::ShareOutOfRange,
        WarningKind::NonGaapNotReconciled,
        WarningKind::NonGaapInconsistent,
        WarningKind::NonGaapOneSided,
        WarningKind::NonGaapRecurringCash,
        WarningKind::NonGaapLiquidityCash,
        WarningKind::NonGaapNoPurpose,
        WarningKind::PlanWithoutActual,
    ];

    /// The kind's name as written in files: `unlisted_costs`.
    pub fn as_str(self) -> &'static str {
        match self {
            WarningKind::Gap => "gap",
            WarningKind::UnlistedCosts => "unlisted_costs",
            WarningKind::QuartersVsYear => "quarters_vs_year",
            WarningKind::HalvesVsYear => "halves_vs_year",
            WarningKind::HeadcountContinuity => "headcount_continuity",
            WarningKind::MarginOutOfRange => "margin_out_of_range",
            WarningKind::PersonnelAboveCosts => "personnel_above_costs",
            WarningKind::RevenuePerEmployeeJump => "revenue_per_employee_jump",
            WarningKind::StaleAcknowledgement => "stale_acknowledgement",
            WarningKind::SameDateDisagrees => "same_date_disagrees",
            WarningKind::DerivedOperatingIncome => "derived_operating_income",
            WarningKind::PercentAsShare => "percent_as_share",
            WarningKind::SubtotalMismatch => "subtotal_mismatch",
            WarningKind::CsvDelimiter => "csv_delimiter",
            WarningKind::ImplausiblePerEmployee => "implausible_per_employee",
            WarningKind::ScaleJump => "scale_jump",
            WarningKind::ShareOutOfRange => "share_out_of_range",
            WarningKind::NonGaapNotReconciled => "non_gaap_not_reconciled",
            WarningKind::NonGaapInconsistent => "non_gaap_inconsistent",
            WarningKind::NonGaapOneSided => "non_gaap_one_sided",
            WarningKind::NonGaapRecurringCash => "non_gaap_recurring_cash",
            WarningKind::NonGaapLiquidityCash => "non_gaap_liquidity_cash",
            WarningKind::NonGaapNoPurpose => "non_gaap_no_purpose",
            WarningKind::PlanWithoutActual => "plan_without_actual",
        }
    }

    /// The kind in words, for sentences: "unlisted costs".
    pub fn words(self) -> &'static str {
        match self {
            WarningKind::Gap => "gaps in a series",
            WarningKind::UnlistedCosts => "unlisted costs",
            WarningKind::QuartersVsYear => "quarters against their year",
            WarningKind::HalvesVsYear => "halves against their year",
            WarningKind::HeadcountContinuity => "headcount continuity",
            WarningKind::MarginOutOfRange => "margins out of range",
            WarningKind::PersonnelAboveCosts => "personnel cost above all costs",
            WarningKind::RevenuePerEmployeeJump => "revenue per employee jumps",
            WarningKind::StaleAcknowledgement => "stale acknowledgements",
            WarningKind::SameDateDisagrees => "figures of one date that disagree",
            WarningKind::DerivedOperatingIncome => "operating income derived from cost lines",
            WarningKind::PercentAsShare => "percentages written as shares",
            WarningKind::SubtotalMismatch => "subtotals that are not the sum of their lines",
            WarningKind::CsvDelimiter => "CSV separators",
            WarningKind::ImplausiblePerEmployee => "per-employee amounts no company has",
            WarningKind::ScaleJump => "figures a thousand times off their neighbours",
            WarningKind::ShareOutOfRange => "shares above 100% or far from their history",
            WarningKind::NonGaapNotReconciled => "non-GAAP figures that do not reconcile",
            WarningKind::NonGaapInconsistent => "non-GAAP adjustments that change between periods",
            WarningKind::NonGaapOneSided => "non-GAAP adjustments of charges but not gains",
            WarningKind::NonGaapRecurringCash => "normal recurring cash expenses excluded",
            WarningKind::NonGaapLiquidityCash => {
                "cash-settled charges excluded from a liquidity measure"
            }
            WarningKind::NonGaapNoPurpose => "non-GAAP measures without a stated purpose",
            WarningKind::PlanWithoutActual => "budget or guidance figures without an actual",
        }
    }

    /// The kind named `name`, exactly as [`WarningKind::as_str`] writes it.
    pub fn parse(name: &str) -> Option<WarningKind> {
        WarningKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

impl std::fmt::Display for WarningKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for WarningKind {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// Something worth a reader's attention that does not stop the brief.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// The period it concerns, if any.
    pub period: Option<String>,
    /// A short machine-readable kind, such as `gap` or `unlisted_costs`.
    pub kind: WarningKind,
    /// The warning in words, amounts formatted for a reader.
    pub message: String,
    /// The reason given in the company file's `[[acknowledge]]` table, when the warning is
    /// known and accepted. It still shows, with this reason.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acknowledged: Option<String>,
    /// Where in the input it points, when it is about one place: `t.toml:12:1`,
    /// `t.csv: row 5, column "Total costs"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// The company KPI it is about, by key, when it puts only that KPI in doubt (a share
    /// above 100%): the KPI's criterion is then a watch, the period's other criteria are not.
    #[serde(skip)]
    pub kpi: Option<String>,
}

impl Warning {
    /// A warning not (yet) acknowledged.
    pub fn new(period: Option<String>, kind: WarningKind, message: String) -> Warning {
        Warning {
            period,
            kind,
            message,
            acknowledged: None,
            at: None,
            kpi: None,
        }
    }

    /// The warning pointing at a place in the input.
    pub fn at(mut self, place: Option<String>) -> Warning {
        self.at = place;
        self
    }

    /// The warning about the company KPI `key` alone.
    pub fn about_kpi(mut self, key: &str) -> Warning {
        self.kpi = Some(key.to_string());
        self
    }

    /// The warning as a reader sees it in the brief: its message, and the reason when it is
    /// acknowledged.
    pub fn text(&self) -> String {
        match &self.acknowledged {
            Some(reason) => format!("{} (acknowledged: {reason})", self.message),
            None => self.message.clone(),
        }
    }
}

#[cfg(test)]
#[path = "warning_tests.rs"]
mod tests;
