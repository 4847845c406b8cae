//! The beneficiary map's pure side.
//!
//! - At development time (`gen-map`, feature `gen-map`): [`topo`] decodes the
//!   world-atlas TopoJSON, [`projection`] projects with Equal Earth,
//!   [`simplify`] thins the lines, [`build`] writes `data/map/world.json`.
//!   None of this is compiled into the browser app.
//! - At run time: [`world`] reads that file, [`reach`] works out what the
//!   map and its table show for the matching projects, [`view`] does the
//!   frame, keyboard and label arithmetic.

#[cfg(any(test, feature = "gen-map"))]
pub mod build;
#[cfg(any(test, feature = "gen-map"))]
pub mod projection;
pub mod reach;
#[cfg(any(test, feature = "gen-map"))]
pub mod simplify;
#[cfg(any(test, feature = "gen-map"))]
pub mod topo;
pub mod view;
pub mod world;
