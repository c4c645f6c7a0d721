//! What an error means for the exit code: a problem with how the program was called or with an
//! input is 2, anything else (an output that could not be made or written) is 3. The errors the
//! code branches on live here, below every module that returns them.

use std::process::ExitCode;

use crate::diagnostic::InputError;

/// A problem with how the program was called (exit code 2).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// Several inputs are invalid: every error, in input order. Returned, never printed here; the
/// command's error printer prints each one.
#[derive(Debug, thiserror::Error)]
#[error("{} of {inputs} inputs are invalid; nothing was written", errors.len())]
pub struct InputErrors {
    pub errors: Vec<InputError>,
    /// How many inputs there were.
    pub inputs: usize,
}

/// The exit code for an error: 2 for bad input or usage, 3 for everything else (output).
pub fn code_for(error: &anyhow::Error) -> ExitCode {
    let bad_input = error.chain().any(|cause| {
        cause.downcast_ref::<InputError>().is_some()
            || cause.downcast_ref::<InputErrors>().is_some()
            || cause.downcast_ref::<UsageError>().is_some()
    });
    ExitCode::from(if bad_input { 2 } else { 3 })
}

/// `error` as a usage error (exit code 2), its whole chain in one message.
pub fn usage(error: anyhow::Error) -> anyhow::Error {
    anyhow::Error::new(UsageError(format!("{error:#}")))
}
