//! Which template source is used: a repository override or the built-in.
//!
//! Overrides are looked up, first match wins, in: the `[templates] dir` of
//! `speckit.toml`, `.specify/templates/overrides/`, `.specify/templates/`
//! (as `<name>-template.md` or `<name>.md`), and `.claude/spec-kit/templates/`.

use std::path::PathBuf;

use speckit_templates::{Layout as TemplateLayout, TemplateName, builtin};
use speckit_workspace::{Layout, Workspace, fs};

use super::ScaffoldError;

/// Where a template's source comes from.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", content = "path", rename_all = "lowercase")]
pub enum TemplateSource {
    Builtin,
    /// An override file, relative to the workspace root.
    Override(String),
}

pub fn template_layout(layout: Layout) -> TemplateLayout {
    match layout {
        Layout::Speckit => TemplateLayout::Speckit,
        Layout::Plugin => TemplateLayout::Plugin,
    }
}

/// Candidate override paths for `name`, most specific first.
pub fn override_candidates(workspace: &Workspace, name: TemplateName) -> Vec<String> {
    let stem = name.as_str();
    let mut candidates = Vec::new();
    if let Some(dir) = &workspace.config.templates.dir {
        let dir = dir.trim_end_matches('/');
        candidates.push(format!("{dir}/{stem}.md"));
        candidates.push(format!("{dir}/{stem}-template.md"));
    }
    candidates.push(format!(".specify/templates/overrides/{stem}.md"));
    candidates.push(format!(".specify/templates/{stem}-template.md"));
    candidates.push(format!(".specify/templates/{stem}.md"));
    candidates.push(format!(".claude/spec-kit/templates/{stem}.md"));
    candidates.push(format!(".claude/spec-kit/templates/{stem}-template.md"));
    candidates
}

/// The template text to use for `name` in `layout`, and where it came from.
pub fn resolve(
    workspace: &Workspace,
    name: TemplateName,
    layout: Layout,
) -> Result<(String, TemplateSource), ScaffoldError> {
    for candidate in override_candidates(workspace, name) {
        // A spec-kit override does not apply to the plugin layout and back.
        let for_other_layout = match layout {
            Layout::Speckit => candidate.starts_with(".claude/"),
            Layout::Plugin => candidate.starts_with(".specify/"),
        };
        if for_other_layout {
            continue;
        }
        let path: PathBuf = workspace.path(&candidate);
        if path.is_file() {
            let bytes = fs::read_file(&path)?;
            let text = String::from_utf8(bytes).map_err(|_| ScaffoldError::NotUtf8 {
                path: candidate.clone(),
            })?;
            return Ok((text, TemplateSource::Override(candidate)));
        }
    }
    Ok((
        builtin(name, template_layout(layout)).to_string(),
        TemplateSource::Builtin,
    ))
}

/// Where `template eject` writes `name` for `layout`.
pub fn eject_path(workspace: &Workspace, name: TemplateName, layout: Layout) -> String {
    if let Some(dir) = &workspace.config.templates.dir {
        return format!("{}/{}.md", dir.trim_end_matches('/'), name.as_str());
    }
    match layout {
        Layout::Speckit => format!(".specify/templates/overrides/{}.md", name.as_str()),
        Layout::Plugin => format!(".claude/spec-kit/templates/{}.md", name.as_str()),
    }
}
