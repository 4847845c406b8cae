//! The pure core of ilo-factsheet: what a country partnership fact sheet is,
//! and everything derived from it, in plain Rust with no web dependency
//! (`cargo tree -p ilo-factsheet-core` shows none; `make unit` checks it).
//!
//! - [`model`]: the data format, reading a file with every problem collected,
//!   validation, safe links, geographies;
//! - [`query`]: filter state, search, the index, selection and facet counts;
//! - [`funding`]: every piece of money once, totals that cannot mislead,
//!   what the funding charts show, money in words;
//! - [`chart`]: scales, ticks, text widths and layouts, CSV;
//! - [`geo`]: the map's reach and view arithmetic, and (feature `gen-map`) the
//!   geometry generator;
//! - [`data_url`]: which data address a page may load;
//! - [`embed`]: what an embedded widget's attributes ask for, and the
//!   snippets that embed a view;
//! - [`preview`]: what the editors' preview page lists of a file (problems
//!   placed on their lines, the lines drawn);
//! - [`harness`]: a data file through all of the above, for the fuzzer and
//!   the hostile-corpus tests.
//!
//! The Leptos shell (the root crate) and the native tools (`crates/tools`)
//! build on it; it depends on neither. See ARCHITECTURE.md.

pub mod chart;
pub mod data_url;
pub mod embed;
pub mod funding;
pub mod geo;
pub mod harness;
pub mod i18n;
pub mod model;
pub mod preview;
pub mod query;
