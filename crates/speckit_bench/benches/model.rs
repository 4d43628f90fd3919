//! speckit's model against the pulldown-cmark floor, with divan.
//!
//! ```text
//! cargo bench -p speckit_bench
//! SPECKIT_BENCH_FEATURES=300 cargo bench -p speckit_bench -- floor
//! ```
//!
//! Each case first generates a workspace of N features (about 60 KB each)
//! into a temporary directory, once, then times:
//! - `floor`: walk the tree, read every `.md` file and run one bare
//!   pulldown-cmark pass with offsets, in parallel with rayon;
//! - `model`: `speckit::open_workspace` + `speckit::scan_workspace`, which
//!   builds the full typed model of every file;
//! - `check` and `analyze`: the two commands with every rule on, through
//!   the library (the `compare` example also times the binary's process).
//!
//! N is 100 and `SPECKIT_BENCH_FEATURES` (default 1000). The throughput
//! column counts Markdown bytes. For a plain `model / floor` ratio, run the
//! `compare` example instead.

use std::path::PathBuf;
use std::sync::Mutex;

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use speckit_bench::generator::{LayoutChoice, Options, write_workspace};
use speckit_bench::workload;
use tempfile::TempDir;

/// Generated workspaces, kept until the benchmarks are done.
static WORKSPACES: Mutex<Vec<(usize, TempDir)>> = Mutex::new(Vec::new());

/// The allocator of the `speckit` binary, so that library, process and
/// floor figures are measured alike.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
    // Statics are never dropped; delete the temporary workspaces here.
    WORKSPACES.lock().unwrap().clear();
}

fn feature_counts() -> Vec<usize> {
    let main = std::env::var("SPECKIT_BENCH_FEATURES")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(1000);
    let mut counts = vec![100, main];
    counts.sort_unstable();
    counts.dedup();
    counts
}

/// The workspace root for N features and its Markdown size in bytes.
fn workspace(features: usize) -> (PathBuf, u64) {
    let mut workspaces = WORKSPACES.lock().unwrap();
    let root = if let Some((_, dir)) = workspaces.iter().find(|(n, _)| *n == features) {
        dir.path().to_path_buf()
    } else {
        let dir = tempfile::tempdir().unwrap();
        let options = Options {
            features,
            layout: LayoutChoice::Mixed,
            seed: 1,
        };
        write_workspace(dir.path(), &options, false).unwrap();
        let root = dir.path().to_path_buf();
        workspaces.push((features, dir));
        root
    };
    let bytes = workload::floor(&root).unwrap().bytes;
    (root, bytes)
}

#[divan::bench(args = feature_counts(), sample_count = 10, sample_size = 1)]
fn floor(bencher: Bencher, features: usize) {
    let (root, bytes) = workspace(features);
    bencher
        .counter(BytesCount::new(bytes))
        .bench(|| black_box(workload::floor(&root).unwrap()));
}

#[divan::bench(args = feature_counts(), sample_count = 10, sample_size = 1)]
fn model(bencher: Bencher, features: usize) {
    let (root, bytes) = workspace(features);
    bencher
        .counter(BytesCount::new(bytes))
        .bench(|| black_box(workload::model(&root).unwrap()));
}

#[divan::bench(args = feature_counts(), sample_count = 10, sample_size = 1)]
fn check(bencher: Bencher, features: usize) {
    let (root, bytes) = workspace(features);
    bencher
        .counter(BytesCount::new(bytes))
        .bench(|| black_box(workload::check(&root).unwrap()));
}

#[divan::bench(args = feature_counts(), sample_count = 10, sample_size = 1)]
fn analyze(bencher: Bencher, features: usize) {
    let (root, bytes) = workspace(features);
    bencher
        .counter(BytesCount::new(bytes))
        .bench(|| black_box(workload::analyze(&root).unwrap()));
}
