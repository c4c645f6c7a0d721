//! What a value is shown against: the company's currency and scale, and the threshold that
//! judges it.

use rust_decimal::Decimal;

/// What a value is shown against: the company's currency and the scale its tables are in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame<'a> {
    /// The ISO code ("USD"); empty where no currency is shown.
    pub currency: &'a str,
    /// How many units one of the tables' amounts is (1,000,000 for millions).
    pub scale: Decimal,
    /// The most decimals an amount in a table shows.
    pub amount_decimals: u32,
}

impl Frame<'_> {
    /// No currency, amounts in units with one decimal.
    pub const PLAIN: Frame<'static> = Frame {
        currency: "",
        scale: Decimal::ONE,
        amount_decimals: 1,
    };
}

/// The threshold a value is judged against: it then shows the digits that decide it.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Judge {
    /// The least the value may be (a bar, a KPI's `min`).
    pub floor: Option<f64>,
    /// The most the value may be (a KPI's `max`).
    pub ceiling: Option<f64>,
}

impl Judge {
    pub const NONE: Judge = Judge {
        floor: None,
        ceiling: None,
    };

    pub(super) fn is_set(self) -> bool {
        self.floor.is_some() || self.ceiling.is_some()
    }
}
