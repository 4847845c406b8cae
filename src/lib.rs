//! ilo-factsheet: an ILO country partnership fact sheet as data, and the
//! Leptos app that shows it.
//!
//! The pure core (`model`, `query`) has no web dependency and is tested
//! natively; the browser shell (`ui`) is compiled only with the `web` feature.
//! See ARCHITECTURE.md for the map of modules and their invariants.

// Rendering the views to HTML (feature `ssr`) nests view types deeply.
#![recursion_limit = "256"]

pub mod chart;
pub mod data_url;
pub mod geo;
pub mod harness;
pub mod model;
pub mod query;

#[cfg(any(feature = "web", feature = "ssr"))]
pub mod ui;
