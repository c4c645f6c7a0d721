//! Errors that point at a field of the file being validated, and the amount checks every
//! table shares.

use rust_decimal::Decimal;

use super::super::locate::{FieldPath, Locate};
use super::super::raw::Amount;
use super::super::Scale;
use crate::diagnostic::InputError;

pub(super) struct Checker<'a> {
    pub(super) file: &'a str,
    pub(super) locator: &'a dyn Locate,
}

impl Checker<'_> {
    pub(super) fn error(&self, path: FieldPath, message: impl Into<String>) -> InputError {
        InputError::new(self.file, message).at(self.locator.locate(&path))
    }

    /// Where `path` is, as a warning names it: `t.toml:12:1`.
    pub(super) fn place(&self, path: FieldPath) -> Option<super::super::non_gaap::Place> {
        let location = self.locator.locate(&path)?;
        Some(super::super::non_gaap::Place::of(&location, self.file))
    }

    /// An amount that must not be negative (revenue, headcount, ...).
    pub(super) fn non_negative(
        &self,
        value: Option<Amount>,
        path: impl FnOnce() -> FieldPath,
        what: &str,
    ) -> Result<Option<Decimal>, InputError> {
        match value {
            Some(Amount(v)) if v.is_sign_negative() && !v.is_zero() => Err(self
                .error(path(), format!("{what} must not be negative, found {v}"))
                .with_help(format!("write {what} as 0 or more"))),
            Some(Amount(v)) => Ok(Some(v)),
            None => Ok(None),
        }
    }

    /// Multiplies an amount by the company's scale, refusing overflow.
    /// (The path is made only for an error: building one per amount was a cost on large inputs.)
    pub(super) fn scaled(
        &self,
        value: Decimal,
        scale: Scale,
        path: impl FnOnce() -> FieldPath,
    ) -> Result<Decimal, InputError> {
        value.checked_mul(scale.factor()).ok_or_else(|| {
            self.error(
                path(),
                format!("the amount {value} is too large once scaled to full units"),
            )
            .with_help("amounts must stay below 10^28 in full currency units")
        })
    }
}
