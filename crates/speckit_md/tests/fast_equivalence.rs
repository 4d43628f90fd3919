//! The fast scanner against pulldown-cmark on real documents: whenever it
//! accepts a file, the tree must be identical. (Generated benchmark
//! documents are compared in `speckit_bench`'s tests.) Prints how many files took
//! the fast path per data set; a data set that is absent is skipped with a
//! printed reason.

#![allow(
    clippy::print_stdout,
    reason = "the equivalence tests report what they covered"
)]

mod common;

use std::path::Path;

use common::{Outcome, compare};
use speckit_testkit::{corpus, files_under, is_markdown};

/// Compares every Markdown file under `root`; returns (files, fast) overall
/// and for files whose path contains `/specs/`.
fn check_tree(name: &str, root: &Path) -> (usize, usize) {
    let files = files_under(root, is_markdown);
    let (mut fast, mut specs, mut specs_fast) = (0, 0, 0);
    let mut declined = Vec::new();
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let label = path.display().to_string();
        let is_spec = label.contains("/specs/");
        specs += usize::from(is_spec);
        match compare(&label, &text) {
            Outcome::Same => {
                fast += 1;
                specs_fast += usize::from(is_spec);
            }
            Outcome::Declined => declined.push(label),
        }
    }
    println!(
        "{name}: {fast}/{} files took the fast path ({:.1} %); specs/**: {specs_fast}/{specs}",
        files.len(),
        percent(fast, files.len()),
    );
    if std::env::var_os("FASTSCAN_LIST_DECLINED").is_some() {
        for label in declined {
            println!("  declined: {label}");
        }
    }
    (files.len(), fast)
}

fn percent(part: usize, whole: usize) -> f64 {
    let to_f64 = |n: usize| f64::from(u32::try_from(n).unwrap_or(u32::MAX));
    if whole == 0 {
        0.0
    } else {
        100.0 * to_f64(part) / to_f64(whole)
    }
}

#[test]
fn corpus_files_build_the_same_tree() {
    let Some(corpus) = corpus() else { return };
    let (files, fast) = check_tree("corpus", &corpus);
    assert!(files > 0);
    assert!(
        fast * 2 > files,
        "the fast path should take most corpus files"
    );
}

#[test]
fn example_files_build_the_same_tree() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    if !examples.is_dir() {
        println!("skipping: {} is absent", examples.display());
        return;
    }
    check_tree("examples", &examples);
}
