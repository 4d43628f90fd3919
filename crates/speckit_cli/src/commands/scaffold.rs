//! `speckit init`, `speckit new …`, `speckit template …`, `speckit doctor`.

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use speckit::scaffold::doctor::{Status, diagnose};
use speckit::scaffold::templates::{TemplateSource, eject_path, resolve};
use speckit::scaffold::{
    Action, InitOptions, NewFeatureOptions, ScaffoldError, TemplateName, init, new_document,
    new_feature,
};
use speckit::workspace::{Layout, Workspace, fs, git, resolve as feature_ref};

use super::{print_json, today};
use crate::cli::{LayoutArg, NewCommand, TemplateArg, TemplateCommand};
use crate::style;

/// Exit code for a refused request (bad name, existing file): nothing written.
const USAGE: u8 = 2;

/// The value of a scaffolding step for the human output, or the exit code
/// when the command ends here: a usage error (reported, exit 2) or the
/// `--json` output (printed, exit 0).
fn finish<T: serde::Serialize>(
    result: Result<T, ScaffoldError>,
    json: bool,
) -> anyhow::Result<Result<T, u8>> {
    match result {
        Ok(value) if json => {
            print_json(&value)?;
            Ok(Err(0))
        }
        Ok(value) => Ok(Ok(value)),
        Err(error) if error.is_usage() => Ok(Err(report_usage(&error))),
        Err(error) => Err(error.into()),
    }
}

fn report_usage(error: &ScaffoldError) -> u8 {
    let mut stderr = anstream::stderr();
    let _ = writeln!(
        stderr,
        "{}error{}: {error}",
        style::ERROR.render(),
        style::ERROR.render_reset()
    );
    USAGE
}

fn author(dir: &Path) -> Option<String> {
    git::user_name(dir)
}

pub(crate) fn run_init(
    dir: Option<&Path>,
    layout: LayoutArg,
    ai: &[String],
    force: bool,
    json: bool,
) -> anyhow::Result<u8> {
    let cwd = std::env::current_dir().context("cannot read the current directory")?;
    let dir = dir.map_or_else(|| cwd.clone(), |dir| cwd.join(dir));
    let options = InitOptions {
        layout: layout.layout(),
        agents: ai.to_vec(),
        force,
        today: today()?,
        author: author(&dir),
    };
    let report = match finish(init(&dir, &options), json)? {
        Ok(report) => report,
        Err(code) => return Ok(code),
    };
    let mut out = anstream::stdout().lock();
    writeln!(
        out,
        "Initialised a {} workspace in {}",
        report.layout,
        super::display_path(&dir)
    )
    .context("cannot write to stdout")?;
    for file in &report.files {
        let (word, note) = match file.action {
            Action::Created => ("created", ""),
            Action::Updated => ("updated", ""),
            Action::Unchanged => ("unchanged", ""),
            Action::Kept => (
                "kept",
                "  (edited since speckit wrote it; --force replaces it)",
            ),
            Action::Overwritten => ("overwritten", ""),
        };
        writeln!(
            out,
            "  {word:<11} {}{}{note}{}",
            file.path,
            style::DIM.render(),
            style::DIM.render_reset()
        )
        .context("cannot write to stdout")?;
    }
    if !report.agents.is_empty() {
        writeln!(out, "Agent commands: {}", report.agents.join(", "))
            .context("cannot write to stdout")?;
    }
    writeln!(out, "Next: speckit new feature \"<what the feature does>\"")
        .context("cannot write to stdout")?;
    Ok(0)
}

pub(crate) fn run_new(workspace: &Workspace, command: NewCommand) -> anyhow::Result<u8> {
    let today = today()?;
    let author = author(&workspace.root);
    match command {
        NewCommand::Feature {
            description,
            name,
            number,
            no_branch,
            layout,
            json,
        } => {
            let options = NewFeatureOptions {
                description: description.join(" "),
                name,
                number,
                no_branch,
                layout: layout.map(LayoutArg::layout),
                today,
                author,
            };
            let created = match finish(new_feature(workspace, &options), json)? {
                Ok(created) => created,
                Err(code) => return Ok(code),
            };
            let mut out = anstream::stdout().lock();
            writeln!(
                out,
                "Created feature {}-{} in {}",
                created.number, created.slug, created.dir
            )
            .context("cannot write to stdout")?;
            writeln!(out, "  spec    {}", created.spec).context("cannot write to stdout")?;
            if created.branch_created {
                writeln!(out, "  branch  {} (checked out)", created.branch)
                    .context("cannot write to stdout")?;
            } else if let Some(note) = &created.note {
                writeln!(out, "  branch  none: {note}").context("cannot write to stdout")?;
            }
            Ok(0)
        }
        NewCommand::Plan(args) => document(
            workspace,
            args.feature.as_deref(),
            TemplateName::Plan,
            None,
            args.force,
            args.json,
            &today,
            author,
        ),
        NewCommand::Tasks(args) => document(
            workspace,
            args.feature.as_deref(),
            TemplateName::Tasks,
            None,
            args.force,
            args.json,
            &today,
            author,
        ),
        NewCommand::Checklist {
            feature,
            name,
            force,
            json,
        } => document(
            workspace,
            feature.as_deref(),
            TemplateName::Checklist,
            name.as_deref(),
            force,
            json,
            &today,
            author,
        ),
    }
}

#[allow(
    clippy::too_many_arguments,
    reason = "one call site per document kind; a struct would only rename the arguments"
)]
fn document(
    workspace: &Workspace,
    reference: Option<&str>,
    kind: TemplateName,
    name: Option<&str>,
    force: bool,
    json: bool,
    today: &str,
    author: Option<String>,
) -> anyhow::Result<u8> {
    let feature = match reference {
        Some(reference) => feature_ref::find_feature(workspace, reference)?,
        None => feature_ref::current_feature(workspace)?,
    };
    let created = match finish(
        new_document(workspace, feature, kind, name, force, today, author),
        json,
    )? {
        Ok(created) => created,
        Err(code) => return Ok(code),
    };
    let mut out = anstream::stdout().lock();
    let from_spec = if created.stories + created.requirements > 0 {
        format!(
            " with {} stories and {} requirements from the spec",
            created.stories, created.requirements
        )
    } else {
        String::new()
    };
    writeln!(
        out,
        "Created {} from the {} template{from_spec}",
        created.path, created.template
    )
    .context("cannot write to stdout")?;
    writeln!(
        out,
        "Next: fill it in, then `speckit check {}`",
        feature.number
    )
    .context("cannot write to stdout")?;
    Ok(0)
}

fn layout_for(workspace: &Workspace, wanted: Option<LayoutArg>) -> Layout {
    wanted
        .map(LayoutArg::layout)
        .or(workspace.config.layout)
        .or_else(|| workspace.layouts.first().map(|root| root.layout))
        .unwrap_or(Layout::Speckit)
}

pub(crate) fn run_template(workspace: &Workspace, command: TemplateCommand) -> anyhow::Result<u8> {
    match command {
        TemplateCommand::List { layout } => {
            let layout = layout_for(workspace, layout);
            let mut out = anstream::stdout().lock();
            writeln!(out, "Templates for the {layout} layout:")
                .context("cannot write to stdout")?;
            for name in TemplateName::ALL {
                let (_, source) = resolve(workspace, name, layout)?;
                let origin = match source {
                    TemplateSource::Builtin => "built-in".to_string(),
                    TemplateSource::Override(path) => format!("override {path}"),
                };
                writeln!(out, "  {:<13} {origin}", name.as_str())
                    .context("cannot write to stdout")?;
            }
            Ok(0)
        }
        TemplateCommand::Show { name, layout } => {
            let (text, _) = resolve(workspace, name.name(), layout_for(workspace, layout))?;
            std::io::stdout()
                .lock()
                .write_all(text.as_bytes())
                .context("cannot write to stdout")?;
            Ok(0)
        }
        TemplateCommand::Eject {
            name,
            layout,
            force,
        } => eject(workspace, name, layout_for(workspace, layout), force),
    }
}

fn eject(
    workspace: &Workspace,
    name: TemplateArg,
    layout: Layout,
    force: bool,
) -> anyhow::Result<u8> {
    let relative = eject_path(workspace, name.name(), layout);
    let path = workspace.path(&relative);
    if path.exists() && !force {
        return Ok(report_usage(&ScaffoldError::Exists { path: relative }));
    }
    let text = speckit::scaffold::builtin_template(name.name(), layout);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    fs::write_atomic(&path, text.as_bytes())?;
    let mut out = anstream::stdout().lock();
    writeln!(
        out,
        "Wrote {relative}; speckit now uses it instead of the built-in {} template",
        name.name().as_str()
    )
    .context("cannot write to stdout")?;
    Ok(0)
}

pub(crate) fn run_doctor(root: Option<&Path>, json: bool) -> anyhow::Result<u8> {
    let cwd = std::env::current_dir().context("cannot read the current directory")?;
    let (workspace, error) = match speckit::open_workspace(root, &cwd) {
        Ok(workspace) => (Some(workspace), None),
        Err(error) => (None, Some(error.to_string())),
    };
    let checks = diagnose(workspace.as_ref(), error);
    if json {
        print_json(&checks)?;
    } else {
        let mut out = anstream::stdout().lock();
        for check in &checks {
            let (mark, mark_style) = match check.status {
                Status::Ok => ("ok", style::GOOD),
                Status::Warning => ("warning", style::WARNING),
                Status::Problem => ("problem", style::ERROR),
            };
            writeln!(
                out,
                "{}{mark:<8}{} {:<16} {}",
                mark_style.render(),
                mark_style.render_reset(),
                check.name,
                check.detail
            )
            .context("cannot write to stdout")?;
        }
    }
    Ok(u8::from(
        checks.iter().any(|check| check.status == Status::Problem),
    ))
}
