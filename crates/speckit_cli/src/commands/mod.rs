//! One module per command. Each returns the process exit code.

mod analyze;
mod check;
mod github;
mod list;
mod rule;
mod scaffold;
mod schema;
mod show;
mod status;
mod tasks;

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use clap::CommandFactory;
use speckit::workspace::Workspace;

use crate::cli::{Cli, Command};

pub(crate) fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Command::List { json } => list::run(&open(cli.global.root.as_deref())?, json),
        Command::Show { feature, json } => {
            show::run(&open(cli.global.root.as_deref())?, feature.as_deref(), json)
        }
        Command::Init {
            dir,
            layout,
            ai,
            force,
            json,
        } => scaffold::run_init(dir.as_deref(), layout, &ai, force, json),
        Command::New(command) => scaffold::run_new(&open(cli.global.root.as_deref())?, command),
        Command::Template(command) => {
            scaffold::run_template(&open(cli.global.root.as_deref())?, command)
        }
        Command::Doctor { json } => scaffold::run_doctor(cli.global.root.as_deref(), json),
        Command::Check(args) => until_exit(open(cli.global.root.as_deref())?, |workspace| {
            check::run(workspace, &args)
        }),
        Command::Analyze(args) => until_exit(open(cli.global.root.as_deref())?, |workspace| {
            analyze::run(workspace, &args)
        }),
        Command::Rule { code, all, format } => rule::run(code.as_deref(), all, format),
        Command::Status { feature, json } => {
            status::run(&open(cli.global.root.as_deref())?, feature.as_deref(), json)
        }
        Command::Tasks(command) => tasks::run(&open(cli.global.root.as_deref())?, command),
        Command::Schema { of } => schema::run(of),
        Command::Completions { shell } => {
            let mut command = Cli::command();
            let mut stdout = std::io::stdout().lock();
            clap_complete::generate(shell, &mut command, "speckit", &mut stdout);
            stdout.flush().context("cannot write to stdout")?;
            Ok(0)
        }
    }
}

/// Runs a command that ends the process on `workspace`, which is then
/// left to the exit: freeing thousands of feature and document entries one
/// by one (and the allocator handing their pages back) would only cost time.
fn until_exit(
    workspace: Workspace,
    command: impl FnOnce(&Workspace) -> anyhow::Result<u8>,
) -> anyhow::Result<u8> {
    let code = command(&workspace);
    std::mem::forget(workspace);
    code
}

fn open(root: Option<&Path>) -> anyhow::Result<Workspace> {
    let cwd = std::env::current_dir().context("cannot read the current directory")?;
    Ok(speckit::open_workspace(root, &cwd)?)
}

/// Writes pretty JSON and a final newline to stdout.
fn print_json(value: &impl serde::Serialize) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut stdout, value)
        .map_err(std::io::Error::from)
        .context("cannot write to stdout")?;
    writeln!(stdout).context("cannot write to stdout")?;
    Ok(())
}

/// Today's date: `SPECKIT_TODAY` when set (tests, reproducible runs), else
/// the local calendar date.
pub(crate) fn today() -> anyhow::Result<String> {
    if let Ok(value) = std::env::var("SPECKIT_TODAY") {
        if speckit::model::parse_iso_date(&value).is_none() {
            anyhow::bail!("SPECKIT_TODAY must be a date like 2026-01-31, not `{value}`");
        }
        return Ok(value);
    }
    Ok(jiff::Zoned::now().date().to_string())
}

/// `path` relative to the current directory when it is below it.
fn display_path(path: &Path) -> String {
    let cwd = std::env::current_dir().ok();
    let relative = cwd.as_deref().and_then(|cwd| path.strip_prefix(cwd).ok());
    match relative {
        Some(relative) if relative.as_os_str().is_empty() => ".".to_string(),
        Some(relative) => relative.display().to_string(),
        None => path.display().to_string(),
    }
}
