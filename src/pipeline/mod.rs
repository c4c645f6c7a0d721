//! The library's entry: load -> peers -> analyse -> render, in memory, then write. `generate`,
//! `serve` and `compare` call these stages; no command calls another command, and nothing
//! below this floor imports it.
//!
//! [`load_all`] reads and validates every input (the bundled example with none);
//! [`peers::load`] reads each brief's comparable companies; [`analyse`] computes one company's
//! metrics, plan and scorecard; [`render`] makes every brief's files in memory, and [`write()`]
//! puts them on disk, each company's folder atomically.

mod analyse;
mod briefs;
mod conflicts;
mod load;
mod options;
pub mod peers;
mod render;

pub use self::analyse::analyse;
pub use self::briefs::{write, Briefs};
pub use self::load::{load, load_all, load_each};
pub use self::options::Generate;
pub use self::render::{output_settings, render, render_noting, render_with};
