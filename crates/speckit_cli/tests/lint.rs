//! End-to-end tests of `speckit check` and `speckit analyze`: the findings
//! on the shipped examples (exactly their planted defects), the output
//! formats, exit codes, configuration, and `--fix` / `--diff`.

mod common;

use insta_cmd::assert_cmd_snapshot;

use common::{copy_of, examples, run, speckit_in};

#[test]
fn check_finds_the_planted_defects_of_the_spec_kit_example() {
    assert_cmd_snapshot!(speckit_in(&examples("speckit-layout")).args(["check"]));
}

#[test]
fn check_finds_the_planted_defects_of_the_plugin_example() {
    assert_cmd_snapshot!(speckit_in(&examples("plugin-layout")).args(["check"]));
}

#[test]
fn check_machine_formats() {
    let root = examples("speckit-layout");
    for format in ["json", "github", "junit"] {
        let (code, stdout, _) = run(speckit_in(&root).args(["check", "002", "--format", format]));
        assert_eq!(code, 1, "{format}: the duplicate task ID is an error");
        insta::assert_snapshot!(format!("check_002_{format}"), stdout);
    }
    let (_, sarif, _) = run(speckit_in(&root).args(["check", "002", "--format", "sarif"]));
    let sarif: serde_json::Value = serde_json::from_str(&sarif).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    assert!(
        !sarif["runs"][0]["results"].as_array().unwrap().is_empty(),
        "SARIF carries the findings"
    );
}

#[test]
fn check_fail_on_select_and_ignore() {
    let root = examples("plugin-layout");
    // Only warnings selected: passes by default, fails with --fail-on warning.
    let (code, _, _) = run(speckit_in(&root).args(["check", "--select", "T006"]));
    assert_eq!(code, 0);
    let (code, stdout, _) =
        run(speckit_in(&root).args(["check", "--select", "T006", "--fail-on", "warning"]));
    assert_eq!(code, 1);
    assert!(
        stdout.contains("T006") && !stdout.contains("T002"),
        "{stdout}"
    );
    let (code, stdout, _) = run(speckit_in(&root).args(["check", "--ignore", "T,P,K,R,C,S"]));
    assert_eq!(code, 0, "{stdout}");
}

#[test]
fn check_reports_unknown_codes_in_the_configuration() {
    let (_dir, root) = copy_of(&examples("speckit-layout"));
    std::fs::write(root.join("speckit.toml"), "[lint]\nignore = [\"T999\"]\n").unwrap();
    let (_, stdout, _) = run(speckit_in(&root).args(["check", "--select", "S003"]));
    assert!(
        stdout.contains("S003") && stdout.contains("speckit.toml:2"),
        "{stdout}"
    );
}

#[test]
fn check_diff_then_fix_then_nothing_left() {
    let (_dir, root) = copy_of(&examples("plugin-layout"));
    let before =
        std::fs::read_to_string(root.join(".claude/spec-kit/specs/001-shopping-list/tasks.md"))
            .unwrap();
    let (code, diff, stderr) = run(speckit_in(&root).args(["check", "--diff"]));
    assert_eq!(code, 0);
    assert!(diff.starts_with("--- a/"), "{diff}");
    assert!(stderr.contains("(not applied)"), "{stderr}");
    let unchanged =
        std::fs::read_to_string(root.join(".claude/spec-kit/specs/001-shopping-list/tasks.md"))
            .unwrap();
    assert_eq!(before, unchanged, "--diff writes nothing");
    let (_, _, stderr) = run(speckit_in(&root).args(["check", "--fix"]));
    assert!(stderr.starts_with("Fixed "), "{stderr}");
    let (_, diff, _) = run(speckit_in(&root).args(["check", "--diff"]));
    assert!(diff.is_empty(), "a second fix changes nothing:\n{diff}");
}

#[test]
fn analyze_reports_the_examples() {
    assert_cmd_snapshot!(speckit_in(&examples("speckit-layout")).args(["analyze"]));
    assert_cmd_snapshot!(speckit_in(&examples("plugin-layout")).args(["analyze"]));
}

#[test]
fn analyze_json_and_check_formats() {
    let root = examples("speckit-layout");
    let (code, stdout, _) = run(speckit_in(&root).args(["analyze", "002", "--format", "json"]));
    assert_eq!(code, 1);
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["summary"]["features"], 1, "only the named feature");
    assert_eq!(report["features"][0]["feature"], "002-weekly-meal-plan");
    let matrix = report["features"][0]["coverage"]["requirements"]
        .as_array()
        .unwrap();
    assert!(matrix.iter().any(|row| row["id"] == "FR-001"));
    let (_, github, _) = run(speckit_in(&root).args(["analyze", "--format", "github"]));
    assert!(
        github.contains("::error file=specs/001-recipe-library/spec.md"),
        "{github}"
    );
}

#[test]
fn analyze_min_score_and_fail_on() {
    let root = examples("speckit-layout");
    let (code, _, _) = run(speckit_in(&root).args(["analyze", "--fail-on", "never"]));
    assert_eq!(code, 0, "nothing to fail on");
    let (code, _, stderr) =
        run(speckit_in(&root).args(["analyze", "--fail-on", "never", "--min-score", "100"]));
    assert_eq!(code, 1);
    assert!(stderr.contains("is below the required 100%"), "{stderr}");
    let (code, _, _) =
        run(speckit_in(&root).args(["analyze", "--fail-on", "never", "--min-score", "0"]));
    assert_eq!(code, 0);
    let (code, _, stderr) = run(speckit_in(&root).args(["analyze", "--min-score", "101"]));
    assert_eq!(code, 2, "{stderr}");
}

#[cfg(unix)]
#[test]
fn analyze_stops_at_a_document_it_cannot_read() {
    // A feature's plan that vanished (a dangling link): the whole run stops
    // with an error naming the file, in whatever order features are read.
    let (_dir, root) = copy_of(&examples("speckit-layout"));
    let plan = root.join("specs/002-weekly-meal-plan/plan.md");
    std::fs::remove_file(&plan).unwrap();
    std::os::unix::fs::symlink(root.join("nowhere.md"), &plan).unwrap();
    for format in ["markdown", "json", "sarif"] {
        let (code, stdout, stderr) = run(speckit_in(&root).args(["analyze", "--format", format]));
        assert_eq!(code, 2, "{format}: {stderr}");
        assert!(stdout.is_empty(), "{format}: no partial report: {stdout}");
        assert!(
            stderr.contains("specs/002-weekly-meal-plan/plan.md"),
            "{format}: {stderr}"
        );
    }
}

#[test]
fn analyze_schema_is_printed() {
    let (code, stdout, _) =
        run(speckit_in(&examples("speckit-layout")).args(["schema", "analyze"]));
    assert_eq!(code, 0);
    let schema: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(schema["title"], "AnalysisReport");
}
