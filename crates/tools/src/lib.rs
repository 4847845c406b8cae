//! The native tools' shared code. The binaries (`factsheet-check`,
//! `gen-schema`, `gen-map`, `gen-synthetic`) live in `bin/`; what they or the
//! benchmarks share lives here:
//!
//! - [`synthetic`]: large, valid, synthetic fact sheets from a seed, for
//!   benchmarks and scale tests (`gen-synthetic` writes one to a file).

pub mod synthetic;
