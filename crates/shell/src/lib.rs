//! The small shared shell of the ilo-factsheet views: what the report, the
//! map and the funding view all use, and nothing else, so that each view can
//! be a unit of its own (the map and the funding view are wasm chunks
//! fetched on demand) depending on the core and this crate, never on each
//! other.
//!
//! - [`awaited`]: views drawn from futures (loading), under one type;
//! - [`ctx`]: what every view of one widget reads (filter state, sheet,
//!   selection memo, where the widget stands);
//! - [`i18n`]: every interface string, behind `t()`;
//! - [`load`]: the only network code (fetch with timeout, errors named);
//! - [`measure`]: an element's drawn width, for pixel layouts;
//! - [`pages`]: a long list a page at a time ("Show more");
//! - [`words`]: sheet values in words that several views print.
//!
//! Compiled only with `web` (browser) or `ssr` (HTML natively).
#![cfg(any(feature = "web", feature = "ssr"))]
// Rendering to HTML (feature `ssr`) nests view types deeply.
#![recursion_limit = "256"]

// `crate::model`, `crate::query`, … read the same here as in the other crates.
use ilo_factsheet_core::{model, query};

pub mod awaited;
pub mod ctx;
pub mod i18n;
pub mod load;
pub mod measure;
pub mod pages;
pub mod words;
