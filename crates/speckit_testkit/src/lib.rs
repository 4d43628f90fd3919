//! Test support shared by the crates' tests: where the shared corpus of
//! real documents is, and the files in it.
//!
//! The corpus (`../shared/corpus` next to the repository, or next to the
//! folder holding its worktrees; `SPECKIT_CORPUS` overrides) is read-only
//! test data. Tests over it skip, saying so, when it is absent.

#![allow(
    clippy::print_stdout,
    reason = "a skipped corpus test says why on the console"
)]

use std::path::{Path, PathBuf};

/// The corpus folder, or `None` after printing why tests over it are skipped.
pub fn corpus() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("SPECKIT_CORPUS").map(PathBuf::from) {
        if path.is_dir() {
            return Some(path);
        }
        println!(
            "skipping: SPECKIT_CORPUS={} is not a folder",
            path.display()
        );
        return None;
    }
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let found = here
        .ancestors()
        .map(|dir| dir.join("shared/corpus"))
        .find(|path| path.is_dir());
    if found.is_none() {
        println!("skipping: no shared/corpus folder above {}", here.display());
    }
    found
}

/// Every file under `dir` (recursively, in sorted order) that `wanted`
/// accepts.
pub fn files_under(dir: &Path, wanted: impl Fn(&Path) -> bool) -> Vec<PathBuf> {
    fn walk(dir: &Path, wanted: &dyn Fn(&Path) -> bool, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .collect();
        paths.sort();
        for path in paths {
            if path.is_dir() {
                walk(&path, wanted, out);
            } else if wanted(&path) {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, &wanted, &mut out);
    out
}

/// The corpus files `wanted` accepts, or `None` (with the printed reason)
/// when the corpus is absent.
pub fn corpus_files(wanted: impl Fn(&Path) -> bool) -> Option<Vec<PathBuf>> {
    corpus().map(|root| files_under(&root, wanted))
}

/// Whether `path` is a Markdown file.
pub fn is_markdown(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext == "md")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_listed_sorted_and_filtered() {
        let dir = std::env::temp_dir().join(format!("speckit-testkit-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("b")).unwrap();
        for name in ["b/z.md", "a.md", "b/c.txt"] {
            std::fs::write(dir.join(name), "x").unwrap();
        }
        let found = files_under(&dir, is_markdown);
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(found, [dir.join("a.md"), dir.join("b/z.md")]);
    }
}
