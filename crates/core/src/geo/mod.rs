//! The beneficiary map's pure side.
//!
//! - At development time (`gen-map`, feature `gen-map`): [`topo`] decodes the
//!   world-atlas TopoJSON, [`projection`] projects with Equal Earth,
//!   [`simplify`] thins the lines, [`build`] writes `data/map/world.json`.
//!   None of this is compiled into the browser app.
//! - At run time: [`world`] reads that file, [`reach`] works out what the
//!   map and its table show for the matching projects, [`symbols`] what the
//!   canvas draws over the countries (focus order, figure circles and labels,
//!   outlines, pinch), [`view`] does the frame, keyboard and label arithmetic.
//!
//! Why not the georust crates: `geo`'s simplifiers work on one geometry at a
//! time, so two neighbours would get two different borders (gaps, slivers);
//! simplifying each shared TopoJSON arc once keeps borders shared. No georust
//! crate reads TopoJSON arcs, and Equal Earth is a few lines of arithmetic,
//! where a projection crate would bring the C PROJ library or much more than
//! one projection. The generator thus needs no dependency at all.

#[cfg(any(test, feature = "gen-map"))]
pub mod build;
#[cfg(any(test, feature = "gen-map"))]
pub mod projection;
pub mod reach;
#[cfg(any(test, feature = "gen-map"))]
pub mod simplify;
pub mod symbols;
#[cfg(any(test, feature = "gen-map"))]
pub mod topo;
pub mod view;
pub mod world;
