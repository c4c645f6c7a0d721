//! Which XBRL concepts feed which field of our input, in order of preference: for each period
//! the first concept with a value wins, so a company that changed concepts over the years
//! (`SalesRevenueNet` before 2018, `RevenueFromContractWithCustomer...` after) still has a series.

/// Revenue under its usual names.
pub const REVENUE: &[&str] = &[
    "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax",
    "us-gaap:Revenues",
    "us-gaap:RevenueFromContractWithCustomerIncludingAssessedTax",
    "us-gaap:SalesRevenueNet",
    "us-gaap:SalesRevenueServicesNet",
    "ifrs-full:Revenue",
    "ifrs-full:RevenueFromContractsWithCustomers",
];

pub const OPERATING_INCOME: &[&str] = &[
    "us-gaap:OperatingIncomeLoss",
    "ifrs-full:ProfitLossFromOperatingActivities",
];

/// Net income: written as a note, since our input has no field for it.
pub const NET_INCOME: &[&str] = &[
    "us-gaap:NetIncomeLoss",
    "us-gaap:ProfitLoss",
    "ifrs-full:ProfitLoss",
];

pub const PERSONNEL_COST: &[&str] = &[
    "us-gaap:LaborAndRelatedExpense",
    "ifrs-full:EmployeeBenefitsExpense",
];

/// Employees, from the cover page of annual reports.
pub const EMPLOYEES: &str = "dei:EntityNumberOfEmployees";

/// Total operating expenses: a cost line only when no line below breaks it down.
pub const OPERATING_EXPENSES: &[&str] = &[
    "us-gaap:OperatingExpenses",
    "us-gaap:CostsAndExpenses",
    "ifrs-full:OperatingExpense",
];

/// A cost line of our input and the concepts that fill it.
#[derive(Debug, Clone, Copy)]
pub struct CostLine {
    pub name: &'static str,
    pub concepts: &'static [&'static str],
}

/// The cost lines, in the order they are written.
pub const COST_LINES: &[CostLine] = &[
    CostLine {
        name: "cost_of_revenue",
        concepts: &[
            "us-gaap:CostOfRevenue",
            "us-gaap:CostOfGoodsAndServicesSold",
            "us-gaap:CostOfServices",
            "ifrs-full:CostOfSales",
        ],
    },
    CostLine {
        name: "research_development",
        concepts: &[
            "us-gaap:ResearchAndDevelopmentExpense",
            "us-gaap:ResearchAndDevelopmentExpenseExcludingAcquiredInProcessCost",
            "ifrs-full:ResearchAndDevelopmentExpense",
        ],
    },
    CostLine {
        name: "sales_marketing",
        concepts: &[
            "us-gaap:SellingAndMarketingExpense",
            "ifrs-full:SellingExpense",
            "ifrs-full:DistributionCosts",
        ],
    },
    CostLine {
        name: "general_admin",
        concepts: &[
            "us-gaap:GeneralAndAdministrativeExpense",
            "ifrs-full:AdministrativeExpense",
            "ifrs-full:GeneralAndAdministrativeExpense",
        ],
    },
];

/// Selling, general and administrative together: used only for a period that has neither
/// `sales_marketing` nor `general_admin`, so nothing is counted twice.
pub const SELLING_GENERAL_ADMIN: CostLine = CostLine {
    name: "selling_general_admin",
    concepts: &[
        "us-gaap:SellingGeneralAndAdministrativeExpense",
        "ifrs-full:SellingGeneralAndAdministrativeExpense",
    ],
};

/// How a statement figure is filed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filed {
    /// Over a period: three-month quarters and years, and (cash-flow statements) the year to
    /// date at six and nine months, from which the missing quarters are derived.
    Flow,
    /// On a date: the value at the period's end (cash).
    Instant,
}

/// A statement figure of our input (`cost_of_revenue`, ..., `cash`) and the concepts that fill
/// it, in order of preference.
#[derive(Debug, Clone, Copy)]
pub struct StatementFigure {
    pub name: &'static str,
    pub concepts: &'static [&'static str],
    pub filed: Filed,
}

/// Gross profit: cost of revenue is revenue minus it when no cost-of-revenue concept is filed.
pub const GROSS_PROFIT: &[&str] = &["us-gaap:GrossProfit", "ifrs-full:GrossProfit"];

/// The statement figures, in the order they are written.
pub const STATEMENT: &[StatementFigure] = &[
    StatementFigure {
        name: "cost_of_revenue",
        concepts: COST_LINES[0].concepts,
        filed: Filed::Flow,
    },
    StatementFigure {
        name: "depreciation_amortization",
        concepts: &[
            "us-gaap:DepreciationDepletionAndAmortization",
            "us-gaap:DepreciationAmortizationAndAccretionNet",
            "us-gaap:DepreciationAndAmortization",
            "ifrs-full:AdjustmentsForDepreciationAndAmortisationExpense",
            "ifrs-full:DepreciationAndAmortisationExpense",
        ],
        filed: Filed::Flow,
    },
    StatementFigure {
        name: "stock_based_compensation",
        concepts: &[
            "us-gaap:ShareBasedCompensation",
            "us-gaap:AllocatedShareBasedCompensationExpense",
            "ifrs-full:AdjustmentsForSharebasedPayments",
        ],
        filed: Filed::Flow,
    },
    StatementFigure {
        name: "operating_cash_flow",
        concepts: &[
            "us-gaap:NetCashProvidedByUsedInOperatingActivities",
            "ifrs-full:CashFlowsFromUsedInOperatingActivities",
        ],
        filed: Filed::Flow,
    },
    StatementFigure {
        name: "capex",
        concepts: &[
            "us-gaap:PaymentsToAcquirePropertyPlantAndEquipment",
            "ifrs-full:PurchaseOfPropertyPlantAndEquipmentClassifiedAsInvestingActivities",
            "ifrs-full:PurchaseOfPropertyPlantAndEquipment",
        ],
        filed: Filed::Flow,
    },
    StatementFigure {
        name: "cash",
        concepts: &[
            "us-gaap:CashAndCashEquivalentsAtCarryingValue",
            "ifrs-full:CashAndCashEquivalents",
        ],
        filed: Filed::Instant,
    },
];
