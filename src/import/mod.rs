//! Bringing figures in from outside sources as our TOML input, so a listed peer can be compared
//! in one step. Each importer writes TOML text that [`crate::input::parse`] reads back.

pub mod sec;
