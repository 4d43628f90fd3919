//! `speckit init`: a workspace in one layout, its constitution,
//! `speckit.toml`, and the command files of the chosen AI agents.

use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::Serialize;
use speckit_templates::{
    TemplateContext, TemplateName, agent, agents, command_files, render_builtin,
};
use speckit_workspace::{CONFIG_FILE, Layout, fs};

use super::manifest::{Manifest, hash};
use super::templates::template_layout;
use super::{ScaffoldError, create_dir_all};

#[derive(Clone, Debug)]
pub struct InitOptions {
    pub layout: Layout,
    /// Agent keys (`claude`, `gemini`, …).
    pub agents: Vec<String>,
    pub force: bool,
    /// `YYYY-MM-DD`, for the constitution.
    pub today: String,
    pub author: Option<String>,
}

/// What happened to one file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Created,
    Updated,
    Unchanged,
    /// It exists and was edited by someone: left alone (use --force).
    Kept,
    /// Overwritten with --force although it had been edited.
    Overwritten,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct FileAction {
    pub path: String,
    pub action: Action,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct InitReport {
    pub root: String,
    pub layout: Layout,
    pub agents: Vec<String>,
    pub files: Vec<FileAction>,
}

fn manifest_path(layout: Layout) -> &'static str {
    match layout {
        Layout::Speckit => ".specify/speckit-manifest.json",
        Layout::Plugin => ".claude/spec-kit/speckit-manifest.json",
    }
}

fn config_text(layout: Layout) -> String {
    format!(
        "# speckit settings (https://example.invalid/speckit): every key is optional.\n\
         layout = \"{}\"\n\n\
         [lint]\n\
         # select = [\"ALL\"]          # rule codes or prefixes to run\n\
         # ignore = [\"T023\"]         # rule codes or prefixes to skip\n\
         # severity = {{ T017 = \"warning\" }}\n",
        layout.as_str()
    )
}

/// Creates or updates a workspace in `dir`.
pub fn init(dir: &Path, options: &InitOptions) -> Result<InitReport, ScaffoldError> {
    let mut chosen = Vec::new();
    for key in &options.agents {
        let Some(found) = agent(key) else {
            let known: Vec<&str> = agents().iter().map(|agent| agent.key).collect();
            return Err(ScaffoldError::UnknownAgent {
                key: key.clone(),
                known: known.join(", "),
            });
        };
        if !chosen
            .iter()
            .any(|existing: &&speckit_templates::Agent| existing.key == found.key)
        {
            chosen.push(found);
        }
    }
    std::fs::create_dir_all(dir).map_err(|source| ScaffoldError::Create {
        path: dir.display().to_string(),
        source,
    })?;
    let layout = options.layout;
    match layout {
        Layout::Speckit => {
            create_dir_all(dir, ".specify/memory")?;
            create_dir_all(dir, "specs")?;
        }
        Layout::Plugin => {
            create_dir_all(dir, ".claude/spec-kit/memory")?;
            create_dir_all(dir, ".claude/spec-kit/specs")?;
        }
    }
    let project_name = std::path::absolute(dir)
        .ok()
        .and_then(|path| {
            path.file_name()
                .map(|name| name.to_string_lossy().into_owned())
        })
        .filter(|name| !name.is_empty());
    let context = TemplateContext {
        project_name,
        date: Some(options.today.clone()),
        author: options.author.clone(),
        ..TemplateContext::default()
    };
    let mut planned: Vec<(String, String)> = vec![
        (
            layout.constitution_path().to_string(),
            render_builtin(
                TemplateName::Constitution,
                template_layout(layout),
                &context,
            )?,
        ),
        (CONFIG_FILE.to_string(), config_text(layout)),
    ];
    for agent in &chosen {
        for file in command_files(agent) {
            if !planned.iter().any(|(path, _)| *path == file.path) {
                planned.push((file.path, file.contents));
            }
        }
    }

    let manifest_file = dir.join(manifest_path(layout));
    let mut manifest = Manifest::load(&manifest_file);
    let mut files = Vec::with_capacity(planned.len());
    for (path, contents) in planned {
        let action = write_managed(dir, &path, &contents, &mut manifest, options.force)?;
        files.push(FileAction { path, action });
    }
    manifest.generator = format!("speckit {}", env!("CARGO_PKG_VERSION"));
    manifest.save(&manifest_file)?;
    Ok(InitReport {
        root: dir.display().to_string(),
        layout,
        agents: chosen.iter().map(|agent| agent.key.to_string()).collect(),
        files,
    })
}

/// Writes one generated file under the manifest's protection.
fn write_managed(
    root: &Path,
    path: &str,
    contents: &str,
    manifest: &mut Manifest,
    force: bool,
) -> Result<Action, ScaffoldError> {
    let full: PathBuf = root.join(path);
    let new_hash = hash(contents.as_bytes());
    let action = match std::fs::read(&full) {
        Err(_) => Action::Created,
        Ok(current) => {
            let current_hash = hash(&current);
            if current_hash == new_hash {
                manifest.files.insert(path.to_string(), new_hash);
                return Ok(Action::Unchanged);
            }
            let ours = manifest
                .files
                .get(path)
                .is_some_and(|recorded| *recorded == current_hash);
            match (ours, force) {
                (true, _) => Action::Updated,
                (false, true) => Action::Overwritten,
                (false, false) => return Ok(Action::Kept),
            }
        }
    };
    if let Some(parent) = full.parent() {
        std::fs::create_dir_all(parent).map_err(|source| ScaffoldError::Create {
            path: path.to_string(),
            source,
        })?;
    }
    fs::write_atomic(&full, contents.as_bytes())?;
    manifest.files.insert(path.to_string(), new_hash);
    Ok(action)
}
