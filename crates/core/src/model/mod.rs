//! The fact-sheet data model: types, parsing with every problem collected,
//! validation beyond parsing, safe links, geographies, where a problem's path
//! lies in the file's text. Pure Rust, no web code.
//!
//! Flow: `parse::parse(text)` gives a [`FactSheet`] holding everything that
//! could be read, plus the [`Problem`]s found on the way (syntax, types,
//! unknown fields, then the checks of `validate`). A caller shows the sheet
//! and the problems side by side.

pub mod counts;
pub mod date;
pub mod geography;
pub mod languages;
pub mod link;
pub mod local_text;
pub mod locate;
pub mod parse;
pub mod problem;
pub mod quick;
#[cfg(feature = "schema")]
pub mod schema;
pub mod types;
pub mod validate;

pub use counts::Counts;
pub use date::{PartialDate, YearMonth};
pub use link::{SafeUrl, Scheme, UrlRejection};
pub use local_text::LocalText;
pub use locate::{locate, Locator, Place};
pub use parse::{parse, Parsed};
pub use problem::{Problem, Severity};
pub use quick::quick;
pub use types::*;
