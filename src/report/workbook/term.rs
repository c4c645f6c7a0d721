//! A part of a formula written in Excel ([`Term`]), with the factors of Scale and 100 that
//! bring it to the formula's units kept aside until they cancel or must be written.

use rust_decimal::Decimal;

use crate::metrics::catalogue::workbook::SCALE;
use crate::metrics::Unit;

/// A part of a formula: Excel text whose value times `Scale^scale × 100^hundred` is the part's
/// value in the formula's units. Keeping the factors aside, instead of writing `*Scale` on
/// every amount, lets them cancel: `revenue / values.gmv * 100` as a percentage is written
/// `D4/Inputs!X4`, as an analyst would, not `((D4*Scale)/(Inputs!X4*Scale))*100/100`.
pub(super) struct Term {
    pub text: String,
    pub scale: i32,
    pub hundred: i32,
    /// How tightly the text binds: 1 for `+ -`, 2 for `* /`, 3 for a cell, number or brackets.
    pub binds: u8,
}

impl Term {
    pub fn atom(text: String, scale: i32, hundred: i32) -> Term {
        Term {
            text,
            scale,
            hundred,
            binds: 3,
        }
    }

    /// The literal 1, which a product or quotient leaves out.
    pub fn is_one(&self) -> bool {
        self.text == "1"
    }

    /// The text, in brackets unless it binds at least as tightly as `binds`.
    pub fn within(&self, binds: u8) -> String {
        match self.binds >= binds {
            true => self.text.clone(),
            false => format!("({})", self.text),
        }
    }

    /// The same value with its factors of Scale and 100 brought to the given powers.
    pub fn at(self, scale: i32, hundred: i32) -> Term {
        if self.scale == scale && self.hundred == hundred {
            return self;
        }
        // The literal 100 on its own is written as the number it is (a power of 100 past the
        // decimal range is written as the product below, which Excel computes).
        if self.is_one() && self.scale == scale {
            if let Some(value) = power_of_hundred(self.hundred - hundred) {
                return Term::atom(number(value), scale, hundred);
            }
        }
        let mut text = self.within(2);
        for (extra, factor) in [(self.scale - scale, SCALE), (self.hundred - hundred, "100")] {
            let op = if extra > 0 { '*' } else { '/' };
            for _ in 0..extra.unsigned_abs() {
                text = format!("{text}{op}{factor}");
            }
        }
        Term {
            text,
            scale,
            hundred,
            binds: 2,
        }
    }
}

/// The powers of Scale and 100 by which a sheet cell of `unit` falls short of its value.
pub(super) fn sheet_powers(unit: Unit) -> (i32, i32) {
    match unit {
        Unit::Amount => (1, 0),
        Unit::Pct | Unit::Growth => (0, 1),
        _ => (0, 0),
    }
}

pub(super) fn cell(text: String, unit: Unit) -> Term {
    let (scale, hundred) = sheet_powers(unit);
    Term::atom(text, scale, hundred)
}

/// 100 to the power `power` (0.01 for -1); `None` past the exact decimal range (above 10^28 or
/// below 10^-28), where a formula's literal hundreds stack up (`x / 100 / 100 ... + 100 * 100`).
pub(super) fn power_of_hundred(power: i32) -> Option<Decimal> {
    let value = (0..power.unsigned_abs()).try_fold(Decimal::ONE, |value, _| match power > 0 {
        true => value.checked_mul(Decimal::ONE_HUNDRED),
        false => value.checked_div(Decimal::ONE_HUNDRED),
    })?;
    (!value.is_zero()).then_some(value)
}

/// A number as Excel reads it: plain digits, no exponent, no trailing zeros.
pub(super) fn number(value: Decimal) -> String {
    value.normalize().to_string()
}
