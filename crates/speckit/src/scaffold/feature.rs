//! `speckit new feature`: the next number, a slug, the folder with its
//! spec, the current-feature pointer, and a git branch.
//!
//! The next number is one above the highest used by any feature folder of
//! the layout and by any local or remote branch named like a feature
//! (`003-x`, `spec-kit/003-x`, `feat/003-x`). A lock held from numbering to
//! branch creation makes concurrent runs take distinct numbers.

use schemars::JsonSchema;
use serde::Serialize;
use speckit_templates::{TemplateContext, TemplateName, render_named};
use speckit_workspace::{FeatureNumber, Layout, Workspace, fs, git, parse_feature_dir_name};

use super::slug::{clean_slug, slug_from_description, title_from_slug};
use super::templates::resolve;
use super::{ScaffoldError, create_dir_all};

#[derive(Clone, Debug, Default)]
pub struct NewFeatureOptions {
    pub description: String,
    /// An explicit slug (`--name`).
    pub name: Option<String>,
    /// An explicit number (`--number`).
    pub number: Option<u64>,
    pub no_branch: bool,
    /// Required when the workspace has both layouts.
    pub layout: Option<Layout>,
    pub today: String,
    pub author: Option<String>,
}

/// What `new feature` made (`--json` prints this).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct NewFeature {
    pub number: String,
    pub slug: String,
    pub layout: Layout,
    /// The feature folder, relative to the workspace root.
    pub dir: String,
    pub spec: String,
    pub branch: String,
    pub branch_created: bool,
    /// Why no branch was created, when none was.
    pub note: Option<String>,
}

fn pick_layout(workspace: &Workspace, wanted: Option<Layout>) -> Result<Layout, ScaffoldError> {
    if let Some(layout) = wanted.or(workspace.config.layout) {
        return Ok(layout);
    }
    match workspace.layouts.as_slice() {
        [one] => Ok(one.layout),
        _ => Err(ScaffoldError::AmbiguousLayout),
    }
}

/// The feature number a branch name carries (`003-x`, `spec-kit/003-x`).
fn branch_number(branch: &str) -> Option<u64> {
    let last = branch.rsplit('/').next()?;
    let (number, _) = parse_feature_dir_name(last)?;
    if number.len() == 15 && number.as_bytes().get(8) == Some(&b'-') {
        return None;
    }
    number.parse().ok()
}

/// Creates the feature. The workspace is re-read under the lock, so numbers
/// used by concurrent runs are seen.
pub fn new_feature(
    workspace: &Workspace,
    options: &NewFeatureOptions,
) -> Result<NewFeature, ScaffoldError> {
    let description = options.description.trim();
    if description.is_empty() && options.name.is_none() {
        return Err(ScaffoldError::EmptyDescription);
    }
    let slug = match &options.name {
        Some(name) => clean_slug(name)?,
        None => slug_from_description(description)?,
    };
    let layout = pick_layout(workspace, options.layout)?;
    let specs_dir = workspace.layout(layout).map_or_else(
        || layout.default_specs_dir().to_string(),
        |root| root.specs_dir.clone(),
    );
    create_dir_all(&workspace.root, &specs_dir)?;
    let _lock = fs::FileLock::acquire(&workspace.path(&specs_dir))?;

    let fresh = Workspace::open(&workspace.root)?;
    let folder_numbers = fresh
        .features
        .iter()
        .filter(|feature| feature.layout == layout)
        .filter_map(|feature| match feature.number_value {
            FeatureNumber::Sequential(value) => Some((value, feature.dir.clone())),
            FeatureNumber::Timestamp(_) => None,
        });
    let branches = git::branches(&workspace.root);
    let mut used: Vec<(u64, String)> = folder_numbers.collect();
    used.extend(branches.iter().filter_map(|branch| {
        branch_number(branch).map(|number| (number, format!("branch {branch}")))
    }));
    let number = match options.number {
        Some(number) => {
            if let Some((_, dir)) = used.iter().find(|(taken, _)| *taken == number) {
                return Err(ScaffoldError::NumberTaken {
                    number,
                    dir: dir.clone(),
                });
            }
            number
        }
        None => used.iter().map(|(number, _)| *number).max().unwrap_or(0) + 1,
    };
    let number_text = format!("{number:03}");
    let dir_name = format!("{number_text}-{slug}");
    let dir = format!("{specs_dir}/{dir_name}");
    let full_dir = workspace.path(&dir);
    // `create_dir` (not `_all`) fails if the folder exists: never reuse one.
    std::fs::create_dir(&full_dir).map_err(|source| {
        if source.kind() == std::io::ErrorKind::AlreadyExists {
            ScaffoldError::Exists { path: dir.clone() }
        } else {
            ScaffoldError::Create {
                path: dir.clone(),
                source,
            }
        }
    })?;
    create_dir_all(&workspace.root, &format!("{dir}/checklists"))?;

    let branch = layout.branch_name(&dir_name);
    let context = TemplateContext {
        feature_name: Some(title_from_slug(&slug)),
        feature_number: Some(number_text.clone()),
        slug: Some(slug.clone()),
        branch: Some(branch.clone()),
        date: Some(options.today.clone()),
        author: options.author.clone(),
        description: (!description.is_empty()).then(|| description.to_string()),
        ..TemplateContext::default()
    };
    let (source, origin) = resolve(workspace, TemplateName::Spec, layout)?;
    let origin_name = match &origin {
        super::templates::TemplateSource::Builtin => "spec.md".to_string(),
        super::templates::TemplateSource::Override(path) => path.clone(),
    };
    let spec_text = render_named(&origin_name, &source, &context)?;
    let spec = format!("{dir}/spec.md");
    fs::write_atomic(&workspace.path(&spec), spec_text.as_bytes())?;
    write_current_pointer(workspace, layout, &dir, &dir_name)?;

    let (branch_created, note) = if options.no_branch {
        (false, Some("--no-branch given".to_string()))
    } else {
        create_branch(workspace, &branch)
    };
    Ok(NewFeature {
        number: number_text,
        slug,
        layout,
        dir,
        spec,
        branch,
        branch_created,
        note,
    })
}

/// Records the new feature as the current one, where each layout looks.
fn write_current_pointer(
    workspace: &Workspace,
    layout: Layout,
    dir: &str,
    dir_name: &str,
) -> Result<(), ScaffoldError> {
    match layout {
        Layout::Speckit if workspace.path(".specify").is_dir() => {
            let text = format!("{{\n  \"feature_directory\": \"{dir}\"\n}}\n");
            fs::write_atomic(&workspace.path(".specify/feature.json"), text.as_bytes())?;
        }
        Layout::Plugin if workspace.path(".claude/spec-kit/memory").is_dir() => {
            let text = format!("currentSpec: \"{dir_name}\"\n");
            fs::write_atomic(
                &workspace.path(".claude/spec-kit/memory/progress.yml"),
                text.as_bytes(),
            )?;
        }
        _ => {}
    }
    Ok(())
}

/// Creates and checks out `branch`; `(false, reason)` when git cannot.
fn create_branch(workspace: &Workspace, branch: &str) -> (bool, Option<String>) {
    if !git::available() {
        return (
            false,
            Some("git is not installed; the folder was created without a branch".to_string()),
        );
    }
    if git::run(&workspace.root, &["rev-parse", "--is-inside-work-tree"]).is_none() {
        return (
            false,
            Some("not a git repository; the folder was created without a branch".to_string()),
        );
    }
    match git::run_with_error(&workspace.root, &["switch", "-c", branch]) {
        Ok(_) => (true, None),
        Err(message) => (
            false,
            Some(format!("git could not create branch `{branch}`: {message}")),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn branch_numbers() {
        assert_eq!(branch_number("007-login"), Some(7));
        assert_eq!(branch_number("spec-kit/012-x"), Some(12));
        assert_eq!(branch_number("feat/1000-big"), Some(1000));
        assert_eq!(branch_number("main"), None);
        assert_eq!(branch_number("20260101-101010-x"), None);
    }
}
