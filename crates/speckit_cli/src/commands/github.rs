//! Creating GitHub issues with the `gh` CLI.

use std::io::Write;
use std::process::Command;

use anyhow::{Context, bail};
use speckit::task_engine::export::GithubIssue;

fn gh() -> Command {
    let mut command = Command::new("gh");
    command.env("GH_PROMPT_DISABLED", "1").env("NO_COLOR", "1");
    command
}

/// Creates one issue per payload, skipping tasks that already have an issue
/// (matched by the `ID:` title prefix, open or closed), and creating the
/// labels first so that `gh issue create --label` does not fail.
pub(crate) fn create_issues(issues: &[GithubIssue]) -> anyhow::Result<u8> {
    let version = gh().arg("--version").output();
    if !version.is_ok_and(|output| output.status.success()) {
        bail!(
            "the GitHub CLI `gh` is not installed or not on PATH; install it from https://cli.github.com \
             or run without --create to print the issue payloads"
        );
    }
    let listing = gh()
        .args([
            "issue", "list", "--state", "all", "--limit", "1000", "--json", "title",
        ])
        .output()
        .context("cannot run `gh issue list`")?;
    if !listing.status.success() {
        bail!(
            "`gh issue list` failed: {}",
            String::from_utf8_lossy(&listing.stderr).trim()
        );
    }
    let existing: Vec<serde_json::Value> =
        serde_json::from_slice(&listing.stdout).unwrap_or_default();
    let existing_titles: Vec<&str> = existing
        .iter()
        .filter_map(|issue| issue.get("title")?.as_str())
        .collect();

    let mut labels: Vec<&str> = issues
        .iter()
        .flat_map(|issue| issue.labels.iter().map(String::as_str))
        .collect();
    labels.sort_unstable();
    labels.dedup();
    for label in labels {
        let status = gh()
            .args(["label", "create", label, "--force"])
            .output()
            .context("cannot run `gh label create`")?;
        if !status.status.success() {
            bail!(
                "`gh label create {label}` failed: {}",
                String::from_utf8_lossy(&status.stderr).trim()
            );
        }
    }

    let mut out = anstream::stdout().lock();
    let (mut created, mut skipped) = (0, 0);
    for issue in issues {
        let prefix = issue.title.split(':').next().unwrap_or("");
        if existing_titles
            .iter()
            .any(|title| title.split(':').next() == Some(prefix))
        {
            skipped += 1;
            writeln!(out, "skipped {prefix}: an issue already exists")
                .context("cannot write to stdout")?;
            continue;
        }
        let mut command = gh();
        command.args([
            "issue",
            "create",
            "--title",
            &issue.title,
            "--body",
            &issue.body,
        ]);
        for label in &issue.labels {
            command.args(["--label", label]);
        }
        let output = command.output().context("cannot run `gh issue create`")?;
        if !output.status.success() {
            bail!(
                "`gh issue create` failed for {prefix}: {}",
                String::from_utf8_lossy(&output.stderr).trim()
            );
        }
        created += 1;
        writeln!(
            out,
            "created {prefix}: {}",
            String::from_utf8_lossy(&output.stdout).trim()
        )
        .context("cannot write to stdout")?;
    }
    writeln!(
        out,
        "{created} issue{} created, {skipped} skipped",
        if created == 1 { "" } else { "s" }
    )
    .context("cannot write to stdout")?;
    Ok(0)
}
