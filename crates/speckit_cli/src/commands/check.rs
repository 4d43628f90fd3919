//! `speckit check`: lint, render in the chosen format, optionally fix.

use std::io::{IsTerminal, Write};

use anyhow::Context;
use speckit::check::{
    CheckOptions, CheckRun, check_workspace, planned_fixes, report, rule_infos, unified_diff,
    write_fixes,
};
use speckit::diagnostics::Severity;
use speckit::render::{
    HumanOptions, Report, render_github, render_human, render_json, render_junit, render_sarif,
    write_json,
};
use speckit::workspace::Workspace;

use crate::cli::{CheckArgs, FailOn, OutputFormat};

/// Rounds of `--fix`: a fix can reveal another fixable finding.
const MAX_FIX_ROUNDS: usize = 5;

pub(crate) fn run(workspace: &Workspace, args: &CheckArgs) -> anyhow::Result<u8> {
    let options = CheckOptions {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        features: args.features.clone(),
        source_lines: args.format == OutputFormat::Human,
    };
    let mut run = check_workspace(workspace, &options)?;
    if args.diff {
        let changes = planned_fixes(&run);
        let mut out = std::io::stdout().lock();
        for change in &changes {
            out.write_all(unified_diff(change).as_bytes())
                .context("cannot write to stdout")?;
        }
        let fixes: usize = changes.iter().map(|change| change.fixes).sum();
        let mut stderr = anstream::stderr();
        let _ = writeln!(
            stderr,
            "{fixes} fix{} in {} file{} (not applied)",
            plural_es(fixes),
            changes.len(),
            plural_s(changes.len())
        );
        return Ok(0);
    }
    if args.fix {
        let mut fixed = 0;
        let mut files = std::collections::BTreeSet::new();
        for _ in 0..MAX_FIX_ROUNDS {
            let changes = planned_fixes(&run);
            if changes.is_empty() {
                break;
            }
            write_fixes(workspace, &changes)?;
            fixed += changes.iter().map(|change| change.fixes).sum::<usize>();
            files.extend(changes.iter().map(|change| change.path.clone()));
            run = check_workspace(workspace, &options)?;
        }
        if fixed > 0 {
            let mut stderr = anstream::stderr();
            let _ = writeln!(
                stderr,
                "Fixed {fixed} finding{} in {} file{}.",
                plural_s(fixed),
                files.len(),
                plural_s(files.len())
            );
        }
    }
    print_report(&run, args.format)?;
    let code = exit_code(&run, args.fail_on);
    // The process ends now: freeing every finding and file one allocation
    // at a time would only cost time.
    std::mem::forget(run);
    Ok(code)
}

fn plural_s(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}

fn plural_es(count: usize) -> &'static str {
    if count == 1 { "" } else { "es" }
}

fn print_report(run: &CheckRun, format: OutputFormat) -> anyhow::Result<()> {
    let files = run.source_files();
    let rules = rule_infos();
    let report = report(run, &files, &rules);
    if format == OutputFormat::Json {
        // Written piece by piece: a large run's JSON is megabytes.
        return stream_stdout(|out| write_json(&report, out));
    }
    let text = render(&report, format);
    write_stdout(&text)?;
    // As for the run: the process ends after this.
    std::mem::forget(text);
    Ok(())
}

/// Renders a report of findings in one of `check`'s formats.
pub(crate) fn render(report: &Report<'_>, format: OutputFormat) -> String {
    match format {
        OutputFormat::Human => {
            let color = matches!(
                anstream::ColorChoice::global(),
                anstream::ColorChoice::Always | anstream::ColorChoice::AlwaysAnsi
            ) || (anstream::ColorChoice::global() == anstream::ColorChoice::Auto
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty()));
            render_human(
                report,
                HumanOptions {
                    color,
                    anonymize_line_numbers: false,
                },
            )
        }
        OutputFormat::Json => render_json(report),
        OutputFormat::Sarif => render_sarif(report),
        OutputFormat::Github => render_github(report),
        OutputFormat::Junit => render_junit(report),
    }
}

/// Lets `write` write to stdout, a piece at a time, then flushes it.
pub(crate) fn stream_stdout(
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    write(&mut out)
        .and_then(|()| out.flush())
        .context("cannot write to stdout")
}

pub(crate) fn write_stdout(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .context("cannot write to stdout")?;
    out.flush().context("cannot write to stdout")?;
    Ok(())
}

fn exit_code(run: &CheckRun, fail_on: FailOn) -> u8 {
    let threshold = match fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Info => Severity::Info,
        FailOn::Never => return 0,
    };
    u8::from(run.worst().is_some_and(|worst| worst >= threshold))
}
