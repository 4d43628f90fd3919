//! `speckit doctor`: is everything speckit relies on in place?

use schemars::JsonSchema;
use serde::Serialize;
use speckit_templates::TemplateName;
use speckit_workspace::{Workspace, git};

use super::templates::override_candidates;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Ok,
    Warning,
    Problem,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Check {
    pub name: String,
    pub status: Status,
    pub detail: String,
}

fn tool_version(program: &str) -> Option<String> {
    let output = std::process::Command::new(program)
        .arg("--version")
        .output()
        .ok()?;
    output.status.success().then(|| {
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .next()
            .unwrap_or("")
            .to_string()
    })
}

/// Runs every check. `workspace` is `None` when none was found.
pub fn diagnose(workspace: Option<&Workspace>, workspace_error: Option<String>) -> Vec<Check> {
    let mut checks = tool_checks();
    match workspace {
        Some(workspace) => workspace_checks(workspace, &mut checks),
        None => checks.push(check(
            "workspace",
            Status::Problem,
            workspace_error.unwrap_or_else(|| "no workspace found".into()),
        )),
    }
    checks
}

fn check(name: &str, status: Status, detail: String) -> Check {
    Check {
        name: name.to_string(),
        status,
        detail,
    }
}

fn tool_checks() -> Vec<Check> {
    vec![
        match tool_version("git") {
            Some(version) => check("git", Status::Ok, version),
            None => check("git", Status::Warning, "not found: features get no branch, the current feature is not read from the branch".into()),
        },
        match tool_version("gh") {
            Some(version) => check("gh", Status::Ok, version),
            None => check("gh", Status::Warning, "not found: `tasks export --format github --create` cannot create issues".into()),
        },
    ]
}

fn workspace_checks(workspace: &Workspace, checks: &mut Vec<Check>) {
    checks.push(check(
        "workspace",
        Status::Ok,
        workspace.root.display().to_string(),
    ));
    for layout in &workspace.layouts {
        let features = workspace
            .features
            .iter()
            .filter(|feature| feature.layout == layout.layout)
            .count();
        let (status, detail) = match &layout.constitution {
            Some(path) => (
                Status::Ok,
                format!(
                    "{features} features in {}/, constitution {path}",
                    layout.specs_dir
                ),
            ),
            None => (
                Status::Warning,
                format!(
                    "{features} features in {}/, no constitution (run `speckit init`)",
                    layout.specs_dir
                ),
            ),
        };
        checks.push(check(&format!("{} layout", layout.layout), status, detail));
    }
    for duplicate in workspace.duplicate_numbers() {
        checks.push(check(
            "feature numbers",
            Status::Warning,
            format!("one number, several folders: {}", duplicate.dirs.join(", ")),
        ));
    }
    if !workspace.skipped.is_empty() {
        checks.push(check(
            "specs folders",
            Status::Warning,
            format!("not numbered, ignored: {}", workspace.skipped.join(", ")),
        ));
    }
    if git::run(&workspace.root, &["rev-parse", "--is-inside-work-tree"]).is_some() {
        let branch = git::current_branch(&workspace.root).unwrap_or_else(|| "(detached)".into());
        checks.push(check(
            "git repository",
            Status::Ok,
            format!("on branch {branch}"),
        ));
    } else {
        checks.push(check(
            "git repository",
            Status::Warning,
            "the workspace is not in a git repository".into(),
        ));
    }
    let overrides: Vec<String> = TemplateName::ALL
        .iter()
        .flat_map(|name| override_candidates(workspace, *name))
        .filter(|candidate| workspace.path(candidate).is_file())
        .collect();
    let detail = if overrides.is_empty() {
        "built-in templates".to_string()
    } else {
        format!("overrides in use: {}", overrides.join(", "))
    };
    checks.push(check("templates", Status::Ok, detail));
}
