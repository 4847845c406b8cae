//! Nothing but the benchmarks in `benches/`.
