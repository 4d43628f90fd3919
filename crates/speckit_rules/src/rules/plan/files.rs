//! The File Structure section read for the cross-checks of P014, P015 and
//! P016: the tree's file paths, the paths of the Files to Create and Files
//! to Modify tables, and how paths are read from cells and matched.

use rustc_hash::FxHashMap as HashMap;

use speckit_model::plan::{FileStructure, FileTree};
use speckit_model::strip_markup;
use speckit_text::Span;

/// A file of the File Structure tree.
pub(crate) struct TreeFile {
    /// Root-to-file path, names cut at their first blank.
    pub(crate) path: String,
    /// The entry's name in the tree.
    pub(crate) span: Span,
}

/// Files of the tree that are meant to be new: entries with placeholders,
/// ellipses or a comment calling them existing or modified are left out.
pub(crate) fn tree_files(tree: &FileTree<'_>) -> Vec<TreeFile> {
    // Each entry's path, built on its parent's: parents come first, so the
    // names of a deep tree are not walked again for every file. `None` when
    // a name on the way is not a plain one.
    let mut paths: Vec<Option<String>> = Vec::with_capacity(tree.entries.len());
    let mut files = Vec::new();
    for (index, entry) in tree.entries.iter().enumerate() {
        let path = match entry.parent {
            None => joined("", entry.name.value),
            Some(parent) if parent < index => paths
                .get(parent)
                .and_then(Option::as_deref)
                .and_then(|parent| joined(parent, entry.name.value)),
            // A malformed parent chain: walk it as it is.
            Some(_) => walked(tree, index),
        };
        if !entry.is_dir
            && !entry
                .comment
                .is_some_and(|comment| says_existing(comment.value))
            && let Some(path) = &path
        {
            files.push(TreeFile {
                path: path.clone(),
                span: entry.name.span,
            });
        }
        paths.push(path);
    }
    files
}

/// `parent` (a tree path, empty for a root) joined with the plain name that
/// starts `part`; `None` when `part` holds no plain name.
fn joined(parent: &str, part: &str) -> Option<String> {
    let name = part.split_whitespace().next().unwrap_or("");
    if name.is_empty() || !is_plain_name(name) {
        return None;
    }
    let name = speckit_text::trim_prefix_repeated(name, "./");
    let mut path = String::with_capacity(parent.len() + 1 + name.len());
    path.push_str(parent);
    if !path.is_empty() && !path.ends_with('/') {
        path.push('/');
    }
    path.push_str(name);
    Some(path)
}

/// The path of entry `index`, joined name by name from its root.
fn walked(tree: &FileTree<'_>, index: usize) -> Option<String> {
    tree.path_parts(index)
        .into_iter()
        .try_fold(String::new(), |path, part| joined(&path, part))
}

/// Directories of the tree drawn without children (`migrations/`), whose
/// files the plan leaves to the tables.
pub(crate) fn leaf_directories(tree: &FileTree<'_>) -> Vec<String> {
    let mut has_children = vec![false; tree.entries.len()];
    for entry in &tree.entries {
        if let Some(slot) = entry.parent.and_then(|parent| has_children.get_mut(parent)) {
            *slot = true;
        }
    }
    tree.entries
        .iter()
        .enumerate()
        .filter(|(index, entry)| entry.is_dir && !has_children.get(*index).copied().unwrap_or(true))
        .map(|(index, _)| tree.path(index))
        .collect()
}

fn is_plain_name(name: &str) -> bool {
    !name.contains(['{', '}', '[', ']', '<', '>', '*', '…'])
        && speckit_text::find_str(name, "...").is_none()
}

/// A tree comment that marks a file as already there.
fn says_existing(comment: &str) -> bool {
    ["existing", "modif", "update", "unchanged", "already"]
        .iter()
        .any(|word| speckit_md::lex::contains_ignore_ascii_case(comment, word))
}

/// Paths looked up by file name, so that matching a tree against a table
/// is linear.
pub(crate) struct PathIndex<'a> {
    by_name: HashMap<&'a str, Vec<&'a str>>,
}

impl<'a> PathIndex<'a> {
    pub(crate) fn new(paths: impl Iterator<Item = &'a str>) -> Self {
        let mut by_name: HashMap<&'a str, Vec<&'a str>> = HashMap::default();
        for path in paths {
            by_name.entry(file_name(path)).or_default().push(path);
        }
        PathIndex { by_name }
    }

    /// True when a path of the index and `path` name the same file: equal,
    /// or one ends with the other at a `/` (trees and tables may start at
    /// different roots).
    pub(crate) fn contains(&self, path: &str) -> bool {
        self.by_name.get(file_name(path)).is_some_and(|candidates| {
            candidates
                .iter()
                .any(|known| ends_with_path(known, path) || ends_with_path(path, known))
        })
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.by_name.is_empty()
    }
}

fn file_name(path: &str) -> &str {
    memchr::memrchr(b'/', path.as_bytes())
        .and_then(|slash| path.get(slash + 1..))
        .unwrap_or(path)
}

/// Paths of Files to Create, each with its cell.
pub(crate) fn created<'a>(files: &FileStructure<'a>) -> Vec<(&'a str, Span)> {
    files
        .files_to_create
        .iter()
        .flat_map(|table| &table.rows)
        .filter_map(|row| cell_path(row.path.value).map(|path| (path, row.path.span)))
        .filter(|(path, _)| !path.ends_with('/'))
        .collect()
}

/// Paths of Files to Modify.
pub(crate) fn modified<'a>(files: &FileStructure<'a>) -> Vec<&'a str> {
    files
        .files_to_modify
        .iter()
        .flat_map(|table| &table.rows)
        .filter_map(|row| cell_path(row.path.value))
        .collect()
}

/// A repository path as written in a cell: back-ticks, `./` and a leading
/// `/` removed. `None` when the cell does not hold a single path (spaces,
/// globs, placeholders, ellipses).
pub(crate) fn cell_path(cell: &str) -> Option<&str> {
    let path = strip_markup(cell);
    let path = speckit_text::trim_prefix_repeated(path, "./").trim_start_matches('/');
    let looks_like_path = !path.is_empty()
        && !path.contains(|c: char| {
            c.is_whitespace() || matches!(c, '*' | '{' | '}' | '<' | '>' | '[' | ']' | '…')
        })
        && speckit_text::find_str(path, "...").is_none()
        && speckit_text::find_str(path, "://").is_none();
    looks_like_path.then_some(path)
}

/// True when `long` ends with `short` at a `/` boundary (or equals it).
pub(crate) fn ends_with_path(long: &str, short: &str) -> bool {
    long.strip_suffix(short)
        .is_some_and(|head| head.is_empty() || head.ends_with('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_name_agrees_with_rsplit() {
        for path in [
            "",
            "/",
            "a",
            "src/",
            "src/app.ts",
            "/x/y/z.rs",
            "a//b",
            "é/ü.md",
        ] {
            assert_eq!(
                file_name(path),
                path.rsplit('/').next().unwrap_or(path),
                "{path}"
            );
        }
    }

    #[test]
    fn paths_in_cells() {
        assert_eq!(cell_path("`./src/app.ts`"), Some("src/app.ts"));
        assert_eq!(cell_path("src/**/*.ts"), None);
        assert_eq!(cell_path("src/app.ts (routes)"), None);
        assert_eq!(cell_path(""), None);
        assert!(ends_with_path("src/web/index.ts", "web/index.ts"));
        assert!(!ends_with_path("src/web/index.ts", "eb/index.ts"));
    }
}
