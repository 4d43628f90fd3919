//! Feature folders: `NNN-slug` (or `YYYYMMDD-HHMMSS-slug`) and the documents in them.

use std::path::Path;

use schemars::JsonSchema;
use serde::Serialize;

use crate::error::WorkspaceError;
use crate::layout::Layout;

/// The number part of a feature folder name.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(tag = "style", content = "value", rename_all = "lowercase")]
pub enum FeatureNumber {
    /// `003-slug`: the value, whatever the padding.
    Sequential(u64),
    /// `20260301-142500-slug` (spec-kit timestamp numbering).
    Timestamp(String),
}

/// Splits a folder name into its number (as written) and slug.
/// `003-user-auth` → (`003`, `user-auth`); `20260301-142500-x` → (`20260301-142500`, `x`).
pub fn parse_feature_dir_name(name: &str) -> Option<(&str, &str)> {
    let bytes = name.as_bytes();
    let is_digits = |range: std::ops::Range<usize>| {
        bytes
            .get(range)
            .is_some_and(|part| part.iter().all(u8::is_ascii_digit))
    };
    if bytes.len() > 16
        && is_digits(0..8)
        && bytes.get(8) == Some(&b'-')
        && is_digits(9..15)
        && bytes.get(15) == Some(&b'-')
    {
        return Some((name.get(..15)?, name.get(16..)?));
    }
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 || bytes.get(digits) != Some(&b'-') || digits + 1 >= bytes.len() {
        return None;
    }
    Some((name.get(..digits)?, name.get(digits + 1..)?))
}

/// A file of a feature folder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct DocumentEntry {
    /// Path relative to the feature folder (`plan.md`, `checklists/ux.md`).
    pub name: String,
    /// Path relative to the workspace root, `/`-separated.
    pub path: String,
    /// Whether the file is Markdown (only those are parsed).
    pub markdown: bool,
}

/// One feature folder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Feature {
    pub layout: Layout,
    /// The number as written in the folder name (`003`, `1`, `20260301-142500`).
    pub number: String,
    pub number_value: FeatureNumber,
    pub slug: String,
    /// The folder name (`003-user-auth`).
    pub dir_name: String,
    /// The folder relative to the workspace root, `/`-separated.
    pub dir: String,
    /// Files of the feature: Markdown documents at the top, `checklists/*`
    /// and `contracts/**`, in a stable order (spec, plan, tasks first).
    pub documents: Vec<DocumentEntry>,
}

impl Feature {
    /// `spec`, `plan`, `tasks`, `research`, … for the documents present.
    pub fn present(&self) -> Vec<String> {
        let mut present = Vec::new();
        let mut checklists = 0;
        let mut contracts = 0;
        for document in &self.documents {
            if let Some(rest) = document.name.strip_prefix("checklists/") {
                checklists += usize::from(!rest.is_empty());
            } else if document.name.starts_with("contracts/") {
                contracts += 1;
            } else if let Some(stem) = document.name.strip_suffix(".md")
                && KNOWN_DOCUMENTS.contains(&document.name.as_str())
            {
                present.push(stem.to_string());
            }
        }
        if contracts > 0 {
            present.push(format!("contracts({contracts})"));
        }
        if checklists > 0 {
            present.push(format!("checklists({checklists})"));
        }
        present
    }

    /// The entry named `name` (`spec.md`, …), if present.
    pub fn document(&self, name: &str) -> Option<&DocumentEntry> {
        self.documents.iter().find(|document| document.name == name)
    }

    pub fn branch_name(&self) -> String {
        self.layout.branch_name(&self.dir_name)
    }
}

/// Documents with a fixed role, in display order.
const KNOWN_DOCUMENTS: [&str; 6] = [
    "spec.md",
    "plan.md",
    "tasks.md",
    "research.md",
    "data-model.md",
    "quickstart.md",
];

fn document_rank(name: &str) -> (usize, &str) {
    let rank = KNOWN_DOCUMENTS
        .iter()
        .position(|known| *known == name)
        .unwrap_or_else(|| {
            if name.starts_with("contracts/") {
                KNOWN_DOCUMENTS.len() + 1
            } else if name.starts_with("checklists/") {
                KNOWN_DOCUMENTS.len() + 2
            } else {
                KNOWN_DOCUMENTS.len()
            }
        });
    (rank, name)
}

/// Lists a feature folder's documents. Subfolders other than `checklists`
/// and `contracts` are not entered; `contracts` is entered to depth 3.
pub(crate) fn list_documents(
    root: &Path,
    dir_rel: &str,
) -> Result<Vec<DocumentEntry>, WorkspaceError> {
    let mut documents = Vec::new();
    let dir = root.join(dir_rel);
    for entry in read_dir_sorted(&dir)? {
        let (name, is_dir) = entry;
        if is_dir {
            if name == "checklists" || name == "contracts" {
                collect_files(root, dir_rel, &name, name == "contracts", 1, &mut documents)?;
            }
        } else if has_md_extension(&name) {
            documents.push(DocumentEntry {
                path: format!("{dir_rel}/{name}"),
                name,
                markdown: true,
            });
        }
    }
    documents.sort_by(|a, b| document_rank(&a.name).cmp(&document_rank(&b.name)));
    Ok(documents)
}

fn collect_files(
    root: &Path,
    feature_rel: &str,
    sub_rel: &str,
    all_files: bool,
    depth: usize,
    out: &mut Vec<DocumentEntry>,
) -> Result<(), WorkspaceError> {
    for (name, is_dir) in read_dir_sorted(&root.join(feature_rel).join(sub_rel))? {
        let name_rel = format!("{sub_rel}/{name}");
        if is_dir {
            if all_files && depth < 3 {
                collect_files(root, feature_rel, &name_rel, all_files, depth + 1, out)?;
            }
        } else if all_files || has_md_extension(&name) {
            out.push(DocumentEntry {
                path: format!("{feature_rel}/{name_rel}"),
                markdown: has_md_extension(&name),
                name: name_rel,
            });
        }
    }
    Ok(())
}

fn has_md_extension(name: &str) -> bool {
    Path::new(name)
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown"))
}

/// Directory entries as `(name, is_dir)`, sorted by name. Names that are not
/// UTF-8 are skipped (they cannot be referenced in documents anyway).
/// Symlinks are followed; a broken or looping link counts as a file that
/// will fail later with a clear error when read.
pub(crate) fn read_dir_sorted(dir: &Path) -> Result<Vec<(String, bool)>, WorkspaceError> {
    let entries = std::fs::read_dir(dir).map_err(|error| WorkspaceError::io(dir, error))?;
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|error| WorkspaceError::io(dir, error))?;
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        // The entry's own type needs no stat; a link is followed.
        let is_dir = match entry.file_type() {
            Ok(kind) if !kind.is_symlink() => kind.is_dir(),
            _ => std::fs::metadata(entry.path()).is_ok_and(|meta| meta.is_dir()),
        };
        out.push((name, is_dir));
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn entries_are_sorted_and_links_to_folders_are_folders() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("spec.md"), "# Spec\n").unwrap();
        std::fs::create_dir(dir.path().join("contracts")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("contracts"), dir.path().join("checklists"))
            .unwrap();
        std::os::unix::fs::symlink(dir.path().join("spec.md"), dir.path().join("linked.md"))
            .unwrap();
        std::os::unix::fs::symlink(dir.path().join("gone"), dir.path().join("dangling")).unwrap();
        assert_eq!(
            read_dir_sorted(dir.path()).unwrap(),
            [
                ("checklists".to_string(), true),
                ("contracts".to_string(), true),
                ("dangling".to_string(), false),
                ("linked.md".to_string(), false),
                ("spec.md".to_string(), false),
            ]
        );
    }

    #[test]
    fn folder_names() {
        assert_eq!(
            parse_feature_dir_name("003-user-auth"),
            Some(("003", "user-auth"))
        );
        assert_eq!(
            parse_feature_dir_name("1-aws-clock"),
            Some(("1", "aws-clock"))
        );
        assert_eq!(parse_feature_dir_name("1000-x"), Some(("1000", "x")));
        assert_eq!(
            parse_feature_dir_name("20260301-142500-login"),
            Some(("20260301-142500", "login"))
        );
        assert_eq!(
            parse_feature_dir_name("20260301-login"),
            Some(("20260301", "login"))
        );
        assert_eq!(parse_feature_dir_name("003-"), None);
        assert_eq!(parse_feature_dir_name("archive"), None);
        assert_eq!(parse_feature_dir_name("v2-ideas"), None);
    }
}
