//! Finding the workspace root, its layouts and its features.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use schemars::JsonSchema;
use serde::Serialize;

use crate::config::{CONFIG_FILE, Config};
use crate::error::WorkspaceError;
use crate::feature::{
    Feature, FeatureNumber, list_documents, parse_feature_dir_name, read_dir_sorted,
};
use crate::layout::{Layout, LayoutRoot};

/// A discovered workspace: root, configuration, layouts and features.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Workspace {
    #[schemars(with = "String")]
    pub root: PathBuf,
    #[serde(skip)]
    pub config: Config,
    pub layouts: Vec<LayoutRoot>,
    /// Features of every layout, sorted by layout, number, then folder name.
    pub features: Vec<Feature>,
    /// Folders inside a specs directory that are not numbered features.
    pub skipped: Vec<String>,
}

/// A feature number used by more than one folder of the same layout.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct DuplicateNumber {
    pub layout: Layout,
    pub number: FeatureNumber,
    pub dirs: Vec<String>,
}

fn is_dir(path: &Path) -> bool {
    path.is_dir()
}

impl Workspace {
    /// Walks up from `start` to the first directory that holds
    /// `speckit.toml`, `.specify/` or `.claude/spec-kit/`. At a git root
    /// without those, a `specs/` folder (spec-kit before `.specify/` existed)
    /// also counts. The walk stops at the git root.
    pub fn discover(start: &Path) -> Result<Workspace, WorkspaceError> {
        let start = std::path::absolute(start).map_err(|error| WorkspaceError::io(start, error))?;
        for dir in start.ancestors() {
            let has_marker = dir.join(CONFIG_FILE).is_file()
                || is_dir(&dir.join(Layout::Speckit.marker()))
                || is_dir(&dir.join(Layout::Plugin.marker()));
            if has_marker {
                return Workspace::open(dir);
            }
            let is_git_root = dir.join(".git").exists();
            if is_git_root || dir == start {
                let legacy =
                    is_dir(&dir.join("specs")) || dir.join("memory/constitution.md").is_file();
                if legacy {
                    return Workspace::open(dir);
                }
            }
            if is_git_root {
                break;
            }
        }
        Err(WorkspaceError::NotFound { start })
    }

    /// Opens `root` as the workspace root (`--root`).
    pub fn open(root: &Path) -> Result<Workspace, WorkspaceError> {
        let root = std::path::absolute(root).map_err(|error| WorkspaceError::io(root, error))?;
        if !root.is_dir() {
            let (kind, message) = if root.exists() {
                (std::io::ErrorKind::NotADirectory, "not a directory")
            } else {
                (std::io::ErrorKind::NotFound, "no such directory")
            };
            return Err(WorkspaceError::io(
                &root,
                std::io::Error::new(kind, message),
            ));
        }
        let config = Config::load(&root)?;
        let mut layouts = Vec::new();
        for layout in [Layout::Speckit, Layout::Plugin] {
            if config.layout.is_some_and(|only| only != layout) {
                continue;
            }
            let specs_dir = match (layout, &config.specs_dir) {
                (Layout::Speckit, Some(dir)) => dir.trim_end_matches('/').to_string(),
                _ => layout.default_specs_dir().to_string(),
            };
            let present = config.layout == Some(layout)
                || is_dir(&root.join(layout.marker()))
                || (layout == Layout::Speckit
                    && (is_dir(&root.join(&specs_dir))
                        || root.join("memory/constitution.md").is_file()));
            if !present {
                continue;
            }
            let constitution = [layout.constitution_path(), "memory/constitution.md"]
                .into_iter()
                .take(if layout == Layout::Speckit { 2 } else { 1 })
                .find(|candidate| root.join(candidate).is_file())
                .map(str::to_string);
            layouts.push(LayoutRoot {
                layout,
                specs_dir,
                constitution,
            });
        }
        if layouts.is_empty() {
            return Err(WorkspaceError::NotFound { start: root });
        }
        let mut workspace = Workspace {
            root,
            config,
            layouts,
            features: Vec::new(),
            skipped: Vec::new(),
        };
        workspace.scan_features()?;
        Ok(workspace)
    }

    fn scan_features(&mut self) -> Result<(), WorkspaceError> {
        let mut found = Vec::new();
        for layout_root in &self.layouts {
            let specs = self.root.join(&layout_root.specs_dir);
            if !specs.is_dir() {
                continue;
            }
            for (name, is_dir) in read_dir_sorted(&specs)? {
                if !is_dir {
                    continue;
                }
                let dir = format!("{}/{name}", layout_root.specs_dir);
                let Some((number, slug)) = parse_feature_dir_name(&name) else {
                    self.skipped.push(dir);
                    continue;
                };
                let number_value = if number.len() == 15 && number.as_bytes().get(8) == Some(&b'-')
                {
                    FeatureNumber::Timestamp(number.to_string())
                } else {
                    // Numbers too large for u64 sort last.
                    FeatureNumber::Sequential(number.parse().unwrap_or(u64::MAX))
                };
                found.push(Feature {
                    layout: layout_root.layout,
                    number: number.to_string(),
                    number_value,
                    slug: slug.to_string(),
                    dir_name: name.clone(),
                    dir,
                    documents: Vec::new(),
                });
            }
        }
        // Listing each folder is a directory read: do them in parallel, and
        // report the first failure in folder order.
        let listed: Vec<Result<_, WorkspaceError>> = found
            .par_iter()
            .map(|feature| list_documents(&self.root, &feature.dir))
            .collect();
        for (feature, documents) in found.iter_mut().zip(listed) {
            feature.documents = documents?;
        }
        self.features = found;
        self.features.sort_by(|a, b| {
            (a.layout, &a.number_value, &a.dir_name).cmp(&(b.layout, &b.number_value, &b.dir_name))
        });
        Ok(())
    }

    /// Absolute path of a root-relative path.
    pub fn path(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    pub fn layout(&self, layout: Layout) -> Option<&LayoutRoot> {
        self.layouts.iter().find(|root| root.layout == layout)
    }

    /// Numbers shared by several folders of one layout. Real repositories
    /// have them (FORMATS.md §A.4); they are reported, never merged.
    pub fn duplicate_numbers(&self) -> Vec<DuplicateNumber> {
        let mut duplicates: Vec<DuplicateNumber> = Vec::new();
        for pair in self.features.windows(2) {
            let [a, b] = pair else { continue };
            if a.layout != b.layout || a.number_value != b.number_value {
                continue;
            }
            match duplicates.last_mut() {
                Some(last) if last.layout == a.layout && last.number == a.number_value => {
                    last.dirs.push(b.dir.clone());
                }
                _ => duplicates.push(DuplicateNumber {
                    layout: a.layout,
                    number: a.number_value.clone(),
                    dirs: vec![a.dir.clone(), b.dir.clone()],
                }),
            }
        }
        duplicates
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(root: &Path, path: &str) {
        let full = root.join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, "# x\n").unwrap();
    }

    #[test]
    fn both_layouts_side_by_side() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        touch(root, ".specify/memory/constitution.md");
        touch(root, "specs/002-b/spec.md");
        touch(root, "specs/001-a/plan.md");
        touch(root, "specs/001-a/spec.md");
        touch(root, "specs/001-a/checklists/requirements.md");
        touch(root, "specs/001-a/contracts/api.yaml");
        touch(root, "specs/001-dup/spec.md");
        touch(root, "specs/notes/readme.md");
        touch(root, ".claude/spec-kit/specs/001-x/tasks.md");
        let workspace = Workspace::discover(&root.join("specs/001-a")).unwrap();
        let dirs: Vec<&str> = workspace.features.iter().map(|f| f.dir.as_str()).collect();
        assert_eq!(
            dirs,
            vec![
                "specs/001-a",
                "specs/001-dup",
                "specs/002-b",
                ".claude/spec-kit/specs/001-x"
            ]
        );
        assert_eq!(workspace.skipped, vec!["specs/notes"]);
        let first = &workspace.features[0];
        let names: Vec<&str> = first.documents.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(
            names,
            vec![
                "spec.md",
                "plan.md",
                "contracts/api.yaml",
                "checklists/requirements.md"
            ]
        );
        assert_eq!(
            first.present(),
            vec!["spec", "plan", "contracts(1)", "checklists(1)"]
        );
        let duplicates = workspace.duplicate_numbers();
        assert_eq!(duplicates.len(), 1);
        assert_eq!(duplicates[0].dirs, vec!["specs/001-a", "specs/001-dup"]);
        assert_eq!(
            workspace.layouts[0].constitution.as_deref(),
            Some(".specify/memory/constitution.md")
        );
        assert_eq!(workspace.layouts[1].constitution, None);
    }

    #[test]
    fn config_restricts_layout_and_moves_specs() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(
            root.join("speckit.toml"),
            "layout = \"speckit\"\nspecs-dir = \"docs/features\"\n",
        )
        .unwrap();
        touch(root, "docs/features/7-seven/spec.md");
        touch(root, ".claude/spec-kit/specs/001-x/tasks.md");
        let workspace = Workspace::open(root).unwrap();
        assert_eq!(workspace.layouts.len(), 1);
        assert_eq!(workspace.features.len(), 1);
        assert_eq!(
            workspace.features[0].number_value,
            FeatureNumber::Sequential(7)
        );
    }

    #[test]
    fn legacy_specs_only_and_not_found() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join(".git")).unwrap();
        let error = Workspace::discover(root).unwrap_err();
        assert!(matches!(error, WorkspaceError::NotFound { .. }));
        touch(root, "specs/1-first/tasks.md");
        let workspace = Workspace::discover(root).unwrap();
        assert_eq!(workspace.features[0].dir_name, "1-first");
    }
}
