//! The ilo-factsheet widget: the report, map and funding views of a fact
//! sheet, in the browser (feature `web`, csr) or rendered to HTML natively
//! (feature `ssr`). Everything it shows is derived by the pure core,
//! `ilo-factsheet-core` (crates/core), re-exported here under the same names
//! so `crate::model`, `crate::query`, … read the same in every module of the widget.
//! See ARCHITECTURE.md for the layers, the code map and the invariants.

// Rendering the views to HTML (feature `ssr`) nests view types deeply.
#![recursion_limit = "256"]

pub use ilo_factsheet_core::{chart, data_url, embed, funding, geo, harness, i18n, model, preview, query};

#[cfg(any(feature = "web", feature = "ssr"))]
pub mod ui;
