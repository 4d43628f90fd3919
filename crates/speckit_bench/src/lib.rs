//! Benchmarks for speckit and the generator of large synthetic workspaces.
//!
//! - [`generator`] writes a workspace of `N` features (the `speckit-bench-gen`
//!   binary is a thin front end to it).
//! - [`workload`] holds the two measured workloads shared by the divan bench
//!   (`benches/model.rs`) and the `compare` example: the pulldown-cmark
//!   floor and the full speckit model.
//!
//! Run `cargo bench -p speckit_bench` (N from `SPECKIT_BENCH_FEATURES`,
//! default 1000, plus N = 100), or
//! `cargo run --release -p speckit_bench --example compare` for wall times
//! and the `model / floor` ratio.

pub mod generator;
pub mod workload;
