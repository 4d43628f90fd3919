//! End-to-end tests of the `speckit` binary: exit codes, stdout and stderr
//! are snapshotted.

mod common;

use std::path::Path;

use insta_cmd::assert_cmd_snapshot;

use common::{fixture, speckit_in};

/// Binds insta filters that replace machine-specific paths, then runs `body`.
fn with_filters(body: impl FnOnce()) {
    let mut settings = insta::Settings::clone_current();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    settings.add_filter(&regex_escape(&fixtures.display().to_string()), "[FIXTURES]");
    settings.bind(body);
}

macro_rules! snapshot {
    ($command:expr) => {
        with_filters(|| assert_cmd_snapshot!($command))
    };
}

#[test]
fn list_mixed_layouts() {
    snapshot!(speckit_in(&fixture("mixed")).args(["list", "--root", "."]));
}

#[test]
fn list_json() {
    snapshot!(speckit_in(&fixture("mixed")).args(["list", "--json"]));
}

#[test]
fn show_spec_kit_feature_by_slug() {
    snapshot!(speckit_in(&fixture("mixed")).args(["show", "login"]));
}

#[test]
fn show_plugin_feature_json() {
    snapshot!(speckit_in(&fixture("mixed")).args(["show", "003", "--json"]));
}

#[test]
fn show_reports_invalid_utf8() {
    snapshot!(speckit_in(&fixture("mixed")).args(["show", "002-broken"]));
}

#[test]
fn ambiguous_number_lists_candidates() {
    snapshot!(speckit_in(&fixture("mixed")).args(["show", "1"]));
}

#[test]
fn unknown_feature() {
    snapshot!(speckit_in(&fixture("mixed")).args(["show", "nope"]));
}

#[test]
fn no_current_feature_outside_git() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("specs/001-a")).unwrap();
    let output = speckit_in(dir.path()).arg("show").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr,
        "error: no feature given and none could be inferred (git branch (not a git work tree))\n"
    );
}

#[test]
fn current_feature_from_environment() {
    let output = speckit_in(&fixture("mixed"))
        .arg("show")
        .env("SPECIFY_FEATURE_DIRECTORY", "specs/001-login")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("Feature 001-login"));
}

#[test]
fn missing_root_is_an_io_error() {
    snapshot!(speckit_in(&fixture("mixed")).args(["list", "--root", "does-not-exist"]));
}

#[test]
fn no_workspace_found() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    let output = speckit_in(dir.path()).arg("list").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("error: no speckit workspace found at or above"),
        "{stderr}"
    );
}

#[test]
fn usage_error_exits_2() {
    snapshot!(speckit_in(&fixture("mixed")).args(["list", "--bogus"]));
}

#[test]
fn help_has_examples() {
    let output = speckit_in(&fixture("mixed"))
        .arg("--help")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("Examples:") && stdout.contains("speckit show 001"),
        "{stdout}"
    );
}

#[test]
fn schema_describes_show_output() {
    let output = speckit_in(&fixture("mixed"))
        .arg("schema")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let schema: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(schema["title"], "ShowOutput");
    let defs = schema["$defs"].as_object().unwrap();
    for name in [
        "TaskList",
        "Spec",
        "Plan",
        "Constitution",
        "Checklist",
        "Span",
    ] {
        assert!(
            defs.keys().any(|key| key.starts_with(name)),
            "missing {name} in {:?}",
            defs.keys()
        );
    }
}

#[test]
fn completions_for_bash() {
    let output = speckit_in(&fixture("mixed"))
        .args(["completions", "bash"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stdout).contains("_speckit"));
}

#[test]
fn closed_stdout_is_not_an_error() {
    use std::process::Stdio;
    let mut child = speckit_in(&fixture("mixed"))
        .args(["schema"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn regex_escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if "\\.+*?()|[]{}^$".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
