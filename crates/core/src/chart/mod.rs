//! Charts as plain Rust: scales, "nice" ticks, label fitting and row layout,
//! CSV (the funding data they show is in `crate::funding`). No web dependency: everything
//! here is tested natively (`cargo test --lib chart`); the SVG components in
//! the funding view (`crates/funding`) only draw what this module computes.
//!
//! Text is measured by estimate ([`text::text_width`], deliberately generous),
//! so the layout never needs the browser and labels never overlap: they wrap,
//! or move above their bars when the chart is narrow.

pub mod csv;
pub mod layout;
pub mod scale;
pub mod text;
pub mod ticks;
