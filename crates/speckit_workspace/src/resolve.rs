//! Turning a user's feature reference into a feature.
//!
//! A reference is a number (`3`, `003`), a folder name (`003-user-auth`), a
//! slug (`user-auth`) or a path to the folder. Without a reference, the
//! current feature is inferred the way spec-kit and the plugin do
//! (FORMATS.md §A.6): `SPECIFY_FEATURE_DIRECTORY`, `.specify/feature.json`,
//! `SPECIFY_FEATURE`, the plugin's `progress.yml`, then the git branch.

use std::path::Path;

use crate::discover::Workspace;
use crate::error::WorkspaceError;
use crate::feature::{Feature, FeatureNumber, parse_feature_dir_name};
use crate::git;

/// Finds the one feature `reference` names.
pub fn find_feature<'w>(
    workspace: &'w Workspace,
    reference: &str,
) -> Result<&'w Feature, WorkspaceError> {
    let reference = reference.trim().trim_end_matches('/');
    let matches = matching_features(workspace, reference);
    match matches.as_slice() {
        [one] => Ok(one),
        [] => Err(WorkspaceError::FeatureNotFound {
            reference: reference.to_string(),
            available: workspace
                .features
                .iter()
                .map(|feature| feature.dir.clone())
                .collect(),
        }),
        many => Err(WorkspaceError::AmbiguousFeature {
            reference: reference.to_string(),
            candidates: many.iter().map(|feature| feature.dir.clone()).collect(),
        }),
    }
}

fn matching_features<'w>(workspace: &'w Workspace, reference: &str) -> Vec<&'w Feature> {
    let by = |predicate: &dyn Fn(&Feature) -> bool| -> Vec<&'w Feature> {
        workspace
            .features
            .iter()
            .filter(|feature| predicate(feature))
            .collect()
    };
    // A path to the folder, relative to the root or absolute.
    let as_path = Path::new(reference);
    let relative = if as_path.is_absolute() {
        as_path
            .strip_prefix(&workspace.root)
            .ok()
            .and_then(Path::to_str)
            .map(|path| path.replace('\\', "/"))
    } else {
        Some(reference.replace('\\', "/"))
    };
    if let Some(relative) = relative {
        let found = by(&|feature| feature.dir == relative);
        if !found.is_empty() {
            return found;
        }
    }
    if reference.bytes().all(|b| b.is_ascii_digit()) && !reference.is_empty() {
        let value = reference.parse::<u64>().unwrap_or(u64::MAX);
        return by(&|feature| feature.number_value == FeatureNumber::Sequential(value));
    }
    if reference.len() == 15 && reference.as_bytes().get(8) == Some(&b'-') {
        return by(&|feature| feature.number == reference);
    }
    let found = by(&|feature| feature.dir_name == reference);
    if !found.is_empty() {
        return found;
    }
    let found = by(&|feature| feature.slug == reference);
    if !found.is_empty() {
        return found;
    }
    // A branch-like reference: `spec-kit/003-x`, `feat/003-x`, `003-other-name`.
    let last = reference.rsplit('/').next().unwrap_or(reference);
    if let Some((number, _)) = parse_feature_dir_name(last) {
        let found = by(&|feature| feature.dir_name == last);
        if !found.is_empty() {
            return found;
        }
        if let Ok(value) = number.parse::<u64>() {
            return by(&|feature| feature.number_value == FeatureNumber::Sequential(value));
        }
    }
    Vec::new()
}

/// Infers the current feature when none was given.
pub fn current_feature(workspace: &Workspace) -> Result<&Feature, WorkspaceError> {
    let mut tried = Vec::new();
    if let Ok(directory) = std::env::var("SPECIFY_FEATURE_DIRECTORY") {
        tried.push(format!("SPECIFY_FEATURE_DIRECTORY={directory}"));
        return find_feature(workspace, &directory);
    }
    let pointer = workspace.root.join(".specify/feature.json");
    if let Ok(text) = std::fs::read_to_string(&pointer) {
        tried.push(".specify/feature.json".to_string());
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(&text)
            && let Some(directory) = value
                .get("feature_directory")
                .and_then(serde_json::Value::as_str)
        {
            return find_feature(workspace, directory);
        }
    }
    if let Ok(name) = std::env::var("SPECIFY_FEATURE") {
        tried.push(format!("SPECIFY_FEATURE={name}"));
        if let Ok(feature) = find_feature(workspace, &name) {
            return Ok(feature);
        }
    }
    let progress = workspace.root.join(".claude/spec-kit/memory/progress.yml");
    if let Ok(text) = std::fs::read_to_string(&progress) {
        tried.push(".claude/spec-kit/memory/progress.yml".to_string());
        let current = text.lines().find_map(|line| {
            let value = line.trim().strip_prefix("currentSpec:")?;
            Some(value.trim().trim_matches(['"', '\'']).to_string())
        });
        if let Some(current) = current
            && let Ok(feature) = find_feature(workspace, &current)
        {
            return Ok(feature);
        }
    }
    match git::current_branch(&workspace.root) {
        Some(branch) => {
            tried.push(format!("git branch `{branch}`"));
            let last = branch.rsplit('/').next().unwrap_or(&branch);
            if parse_feature_dir_name(last).is_some() {
                return find_feature(workspace, &branch);
            }
        }
        None => tried.push("git branch (not a git work tree)".to_string()),
    }
    Err(WorkspaceError::NoCurrentFeature { tried })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workspace(dirs: &[&str]) -> (tempfile::TempDir, Workspace) {
        let dir = tempfile::tempdir().unwrap();
        for path in dirs {
            std::fs::create_dir_all(dir.path().join(path)).unwrap();
        }
        std::fs::create_dir_all(dir.path().join(".specify")).unwrap();
        let workspace = Workspace::open(dir.path()).unwrap();
        (dir, workspace)
    }

    fn resolve(workspace: &Workspace, reference: &str) -> Result<String, String> {
        find_feature(workspace, reference)
            .map(|feature| feature.dir.clone())
            .map_err(|error| error.to_string())
    }

    #[test]
    fn references() {
        let (_dir, ws) = workspace(&[
            "specs/001-login",
            "specs/003-user-auth",
            "specs/003-audit-log",
            "specs/010-export",
        ]);
        assert_eq!(resolve(&ws, "1"), Ok("specs/001-login".into()));
        assert_eq!(resolve(&ws, "001"), Ok("specs/001-login".into()));
        assert_eq!(resolve(&ws, "010-export"), Ok("specs/010-export".into()));
        assert_eq!(resolve(&ws, "export"), Ok("specs/010-export".into()));
        assert_eq!(
            resolve(&ws, "specs/010-export/"),
            Ok("specs/010-export".into())
        );
        assert_eq!(
            resolve(&ws, "spec-kit/001-login"),
            Ok("specs/001-login".into())
        );
        assert_eq!(
            resolve(&ws, "feat/010-other-name"),
            Ok("specs/010-export".into())
        );
        assert_eq!(
            resolve(&ws, "3"),
            Err("`3` matches several features: specs/003-audit-log, specs/003-user-auth".into())
        );
        let missing = resolve(&ws, "nope").unwrap_err();
        assert!(
            missing.starts_with("no feature matches `nope` (features: specs/001-login"),
            "{missing}"
        );
    }
}
