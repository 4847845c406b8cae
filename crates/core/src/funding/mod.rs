//! Money: every piece the sheet names, walked once ([`entries`](mod@entries): project
//! budgets, agreements, staffing programmes, stated totals), what the funding
//! charts show of the visible ones ([`chart_data`]), and totals that cannot mislead
//! ([`totals`]: stated apart from summed, lower bounds kept, overlaps said),
//! with the money's words. The one funding module; the funding view
//! (`crates/funding`) only words and draws what it gives.

pub mod chart_data;
pub mod entries;
pub mod totals;

pub use chart_data::*;
pub use entries::*;
pub use totals::*;
