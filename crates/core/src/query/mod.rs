//! Filtering, search and facet counts over a fact sheet. Pure Rust: the
//! browser shell calls [`select`](fn@select) from a memo on every filter change.
//!
//! - [`state`]: the filter state and its canonical URL form;
//! - [`params`]: URL query decoding/encoding, parameters the state does not own;
//! - [`text`]: folding, search terms, highlighting, years in a text;
//! - [`index`]: each item's tags, places, years and text, and the country options
//!   each set of places answers to, built once;
//! - [`select`](mod@select): which items show, and the live counts;
//! - [`page`]: long lists shown a page at a time.

pub mod index;
pub mod page;
pub mod params;
pub mod select;
pub mod state;
pub mod text;

#[cfg(test)]
mod fixture;

pub use index::{Index, Item, ItemKind};
pub use select::{select, FacetCounts, Reached, Selection};
pub use state::{Facet, FilterState, View};
