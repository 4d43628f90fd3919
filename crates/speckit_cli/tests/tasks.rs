//! End-to-end tests of `speckit status` and `speckit tasks …`, over copies of
//! the fixtures (these commands write files).

mod common;

use std::fmt::Write as _;

use insta_cmd::assert_cmd_snapshot;

use common::{copy_of, examples, fixture, speckit_in};

#[test]
fn status_of_the_examples() {
    assert_cmd_snapshot!(speckit_in(&examples("speckit-layout")).args(["status"]));
    assert_cmd_snapshot!(speckit_in(&examples("plugin-layout")).args(["status", "001"]));
}

#[test]
fn status_json() {
    assert_cmd_snapshot!(speckit_in(&examples("plugin-layout")).args(["status", "--json"]));
}

#[test]
fn next_on_both_formats() {
    assert_cmd_snapshot!(speckit_in(&examples("speckit-layout")).args(["tasks", "next", "002"]));
    assert_cmd_snapshot!(speckit_in(&examples("plugin-layout")).args(["tasks", "next", "001"]));
}

#[test]
fn graph_text_reports_missing_dependencies() {
    assert_cmd_snapshot!(speckit_in(&examples("plugin-layout")).args(["tasks", "graph", "002"]));
}

#[test]
fn list_filters() {
    assert_cmd_snapshot!(
        speckit_in(&examples("speckit-layout"))
            .args(["tasks", "list", "001", "--status", "open", "--story", "US2"])
    );
}

#[test]
fn export_csv_and_github() {
    assert_cmd_snapshot!(
        speckit_in(&examples("speckit-layout")).args(["tasks", "export", "002", "--format", "csv"])
    );
    let output = speckit_in(&examples("plugin-layout"))
        .args(["tasks", "export", "001", "--format", "github"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let issues: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
    // 14 tasks, 6 done: only the 8 open ones become issues.
    assert_eq!(issues.len(), 8);
    assert!(issues.iter().all(|issue| {
        issue["labels"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l == "speckit")
    }));
}

#[test]
fn done_edits_the_file_and_refuses_undone_dependencies() {
    let (_dir, root) = copy_of(&fixture("mixed"));
    let tasks = root.join("specs/001-login/tasks.md");
    let before = std::fs::read_to_string(&tasks).unwrap();
    // T003 depends on T001 (done) → allowed.
    assert_cmd_snapshot!(speckit_in(&root).args(["tasks", "done", "t003", "--feature", "login"]));
    let after = std::fs::read_to_string(&tasks).unwrap();
    assert_eq!(after, before.replace("- [ ] T003", "- [x] T003"));
    // Doing it again changes nothing.
    assert_cmd_snapshot!(speckit_in(&root).args(["tasks", "done", "T003", "--feature", "login"]));
    assert_eq!(std::fs::read_to_string(&tasks).unwrap(), after);
}

#[test]
fn plugin_done_with_note_and_json() {
    let (_dir, root) = copy_of(&fixture("mixed"));
    let output = speckit_in(&root)
        .args(["tasks", "done", "1.2", "--feature", "003", "--json"])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let outcome: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(outcome["from"], "in-progress");
    assert_eq!(outcome["to"], "done");
    let text =
        std::fs::read_to_string(root.join(".claude/spec-kit/specs/003-search/tasks.md")).unwrap();
    assert!(text.contains("### Task 1.2: Query endpoint\n- **Status**: ✅ Complete\n"));
}

#[test]
fn refusal_unknown_task_and_missing_feature() {
    let (_dir, root) = copy_of(&fixture("mixed"));
    let refusal = speckit_in(&root)
        .args(["tasks", "done", "T002", "-f", "login"])
        .output()
        .unwrap();
    // T002 has no dependencies and is done already: a no-op.
    assert_eq!(refusal.status.code(), Some(0));
    let text = "# Tasks\n- [ ] T001 a\n- [ ] T002 b (depends on T001)\n";
    std::fs::write(root.join("specs/001-audit/tasks.md"), text).unwrap();
    assert_cmd_snapshot!(speckit_in(&root).args(["tasks", "done", "T002", "-f", "audit"]));
    assert_eq!(
        std::fs::read_to_string(root.join("specs/001-audit/tasks.md")).unwrap(),
        text
    );
    assert_cmd_snapshot!(speckit_in(&root).args(["tasks", "start", "T009", "-f", "audit"]));
    assert_cmd_snapshot!(speckit_in(&root).args(["tasks", "start", "T001", "-f", "002"]));
}

/// Many `tasks done` runs on one file at the same time: the lock makes them
/// take turns, so no edit is lost.
#[test]
fn concurrent_edits_are_not_lost() {
    let (_dir, root) = copy_of(&fixture("mixed"));
    let path = root.join("specs/001-audit/tasks.md");
    let mut text = String::from("# Tasks: Audit\n\n## Phase 1: Setup\n\n");
    for number in 1..=24 {
        let _ = writeln!(text, "- [ ] T{number:03} [P] Task number {number}");
    }
    std::fs::write(&path, &text).unwrap();
    let children: Vec<_> = (1..=24)
        .map(|number| {
            speckit_in(&root)
                .args(["tasks", "done", &format!("T{number:03}"), "-f", "audit"])
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let after = std::fs::read_to_string(&path).unwrap();
    assert_eq!(after, text.replace("- [ ] T", "- [X] T"));
}

#[test]
fn github_create_without_gh_says_so() {
    let output = speckit_in(&examples("plugin-layout"))
        .args(["tasks", "export", "001", "--format", "github", "--create"])
        .env("PATH", "/nonexistent")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("the GitHub CLI `gh` is not installed"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn github_create_calls_gh() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("calls.log");
    let script = dir.path().join("gh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\necho \"$@\" >> {log}\ncase \"$1\" in\n  issue) if [ \"$2\" = list ]; then echo '[{{\"title\":\"1.4: already there\"}}]'; else echo https://github.com/o/r/issues/1; fi ;;\nesac\nexit 0\n",
            log = log.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!(
        "{}:{}",
        dir.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let output = speckit_in(&examples("plugin-layout"))
        .args(["tasks", "export", "001", "--format", "github", "--create"])
        .env("PATH", path)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let calls = std::fs::read_to_string(&log).unwrap();
    assert!(
        calls
            .lines()
            .any(|line| line.starts_with("label create speckit --force")),
        "{calls}"
    );
    let creates = calls
        .lines()
        .filter(|line| line.starts_with("issue create"))
        .count();
    // 8 open tasks, one of which (1.4) already has an issue.
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.ends_with("issues created, 1 skipped\n") || stdout.contains(" skipped"),
        "{stdout}"
    );
    assert_eq!(
        creates + usize::from(stdout.contains("skipped 1.4")),
        8,
        "{stdout}"
    );
}

#[test]
fn graph_diagrams() {
    assert_cmd_snapshot!(
        speckit_in(&examples("speckit-layout"))
            .args(["tasks", "graph", "002", "--format", "mermaid"])
    );
    let svg = speckit_in(&examples("plugin-layout"))
        .args(["tasks", "graph", "001", "--format", "svg"])
        .output()
        .unwrap();
    assert_eq!(svg.status.code(), Some(0));
    let text = String::from_utf8(svg.stdout).unwrap();
    assert!(
        text.starts_with("<svg") && text.trim_end().ends_with("</svg>"),
        "{}",
        &text[..text.len().min(200)]
    );
    for id in ["1.1", "2.3", "3.4"] {
        assert!(text.contains(&format!(">{id}<")), "node {id} missing");
    }
    let dot = speckit_in(&examples("plugin-layout"))
        .args(["tasks", "graph", "001", "--format", "dot"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&dot.stdout).starts_with("digraph"));
}
