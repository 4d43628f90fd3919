//! The few git facts speckit needs, from the `git` binary.
//!
//! Git is optional: every function returns `None`/an error when git is
//! missing or the directory is not a repository, and callers fall back.

use std::path::Path;
use std::process::Command;

fn git(dir: &Path) -> Command {
    let mut command = Command::new("git");
    command
        .current_dir(dir)
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("LC_ALL", "C");
    command
}

/// Runs git with `args` in `dir`; `Some(stdout)` on success.
pub fn run(dir: &Path, args: &[&str]) -> Option<String> {
    let output = git(dir).args(args).output().ok()?;
    output.status.success().then(|| {
        String::from_utf8_lossy(&output.stdout)
            .trim_end()
            .to_string()
    })
}

/// True when a `git` binary can be run.
pub fn available() -> bool {
    Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success())
}

/// The checked-out branch, if `dir` is in a git work tree on a branch.
pub fn current_branch(dir: &Path) -> Option<String> {
    let branch = run(dir, &["branch", "--show-current"])?;
    (!branch.is_empty()).then_some(branch)
}

/// Local and remote branch names (remote ones without `remotes/<name>/`).
pub fn branches(dir: &Path) -> Vec<String> {
    let Some(listing) = run(dir, &["branch", "-a", "--format=%(refname)"]) else {
        return Vec::new();
    };
    listing
        .lines()
        .filter_map(|line| {
            if let Some(local) = line.strip_prefix("refs/heads/") {
                Some(local.to_string())
            } else {
                let remote = line.strip_prefix("refs/remotes/")?;
                let (_, name) = remote.split_once('/')?;
                (name != "HEAD").then(|| name.to_string())
            }
        })
        .collect()
}

/// `git config user.name`, if set.
pub fn user_name(dir: &Path) -> Option<String> {
    run(dir, &["config", "user.name"]).filter(|name| !name.is_empty())
}

/// Runs git with `args` in `dir`; its stdout, or its stderr as the error.
pub fn run_with_error(dir: &Path, args: &[&str]) -> Result<String, String> {
    let output = git(dir)
        .args(args)
        .output()
        .map_err(|error| error.to_string())?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout)
            .trim_end()
            .to_string())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).trim().to_string())
    }
}
