//! End-to-end tests of `init`, `new …`, `template …` and `doctor` in
//! temporary directories (git repositories where the test needs one).

mod common;

use std::path::Path;
use std::process::{Command, Output};

/// `speckit` inside `dir`, with a git identity for the commits tests make.
fn speckit_in(dir: &Path) -> Command {
    let mut command = common::speckit_in(dir);
    command
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.com");
    command
}

fn run(dir: &Path, args: &[&str]) -> Output {
    speckit_in(dir).args(args).output().unwrap()
}

fn ok(output: &Output) -> String {
    assert_eq!(
        output.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

fn git_repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q", "-b", "main"]);
    git(dir.path(), &["config", "user.name", "Dana Tester"]);
    git(dir.path(), &["config", "user.email", "dana@example.com"]);
    git(
        dir.path(),
        &["commit", "-q", "--allow-empty", "-m", "start"],
    );
    dir
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_str(&ok(output)).unwrap()
}

#[test]
fn numbering_counts_folders_and_branches() {
    let dir = git_repo();
    let root = dir.path();
    ok(&run(root, &["init"]));
    std::fs::create_dir_all(root.join("specs/004-existing")).unwrap();
    git(root, &["branch", "009-someone-elses-work"]);
    git(root, &["branch", "feat/007-other"]);
    let created = json(&run(
        root,
        &["new", "feature", "Add", "user", "login", "--json"],
    ));
    assert_eq!(created["number"], "010");
    assert_eq!(created["slug"], "user-login");
    assert_eq!(created["dir"], "specs/010-user-login");
    assert_eq!(created["branch"], "010-user-login");
    assert_eq!(created["branch_created"], true);
    let spec = std::fs::read_to_string(root.join("specs/010-user-login/spec.md")).unwrap();
    assert!(
        spec.starts_with("# Feature Specification: User Login"),
        "{spec}"
    );
    assert!(spec.contains("Add user login"));
    // The new branch is checked out and the pointer names the feature.
    let head = Command::new("git")
        .current_dir(root)
        .args(["branch", "--show-current"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&head.stdout).trim(),
        "010-user-login"
    );
    let pointer = std::fs::read_to_string(root.join(".specify/feature.json")).unwrap();
    assert!(pointer.contains("specs/010-user-login"));
    // The current feature is now found without naming it.
    assert!(ok(&run(root, &["show"])).starts_with("Feature 010-user-login"));
}

#[test]
fn explicit_number_and_name() {
    let dir = git_repo();
    let root = dir.path();
    ok(&run(root, &["init"]));
    let created = json(&run(
        root,
        &[
            "new",
            "feature",
            "whatever",
            "--name",
            "Payment Timeout!",
            "--number",
            "42",
            "--no-branch",
            "--json",
        ],
    ));
    assert_eq!(created["dir"], "specs/042-payment-timeout");
    assert_eq!(created["branch_created"], false);
    let taken = run(root, &["new", "feature", "again", "--number", "42"]);
    assert_eq!(taken.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&taken.stderr)
            .contains("feature number 42 is already used by specs/042-payment-timeout")
    );
}

#[test]
fn bad_names_are_rejected_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    ok(&run(root, &["init"]));
    let before: Vec<_> = std::fs::read_dir(root.join("specs")).unwrap().collect();
    for name in ["../escape", "a/b", "a\\b", "x..y", "bad\u{7}name"] {
        let output = run(root, &["new", "feature", "desc", "--name", name]);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{name}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let output = run(root, &["new", "feature", "   "]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        std::fs::read_dir(root.join("specs")).unwrap().count(),
        before.len()
    );
}

#[test]
fn works_without_git() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    ok(&run(root, &["init", "--layout", "plugin"]));
    let output = speckit_in(root)
        .args(["new", "feature", "offline", "sync", "--json"])
        .env("PATH", "/nonexistent")
        .output()
        .unwrap();
    let created = json(&output);
    assert_eq!(created["dir"], ".claude/spec-kit/specs/001-offline-sync");
    assert_eq!(created["branch"], "spec-kit/001-offline-sync");
    assert_eq!(created["branch_created"], false);
    assert!(
        created["note"]
            .as_str()
            .unwrap()
            .contains("git is not installed")
    );
    let progress =
        std::fs::read_to_string(root.join(".claude/spec-kit/memory/progress.yml")).unwrap();
    assert_eq!(progress, "currentSpec: \"001-offline-sync\"\n");
}

#[test]
fn twenty_concurrent_runs_get_distinct_numbers() {
    let dir = git_repo();
    let root = dir.path();
    ok(&run(root, &["init"]));
    let children: Vec<_> = (0..20)
        .map(|index| {
            speckit_in(root)
                .args([
                    "new",
                    "feature",
                    &format!("feature number {index}"),
                    "--json",
                ])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut numbers: Vec<String> = children
        .into_iter()
        .map(|child| {
            let output = child.wait_with_output().unwrap();
            json(&output)["number"].as_str().unwrap().to_string()
        })
        .collect();
    numbers.sort();
    let expected: Vec<String> = (1..=20).map(|n| format!("{n:03}")).collect();
    assert_eq!(numbers, expected);
    assert_eq!(std::fs::read_dir(root.join("specs")).unwrap().count(), 20);
}

#[test]
fn documents_from_templates_are_prefilled_and_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    ok(&run(root, &["init"]));
    ok(&run(
        root,
        &["new", "feature", "weekly", "meal", "planner", "--no-branch"],
    ));
    let spec_path = root.join("specs/001-weekly-meal-planner/spec.md");
    let spec = std::fs::read_to_string(&spec_path).unwrap();
    // Give the spec real stories and requirements, then derive the others.
    let filled = spec.replacen("[Brief Title]", "Plan the week", 1);
    std::fs::write(&spec_path, filled).unwrap();
    let plan = json(&run(root, &["new", "plan", "1", "--json"]));
    assert_eq!(plan["path"], "specs/001-weekly-meal-planner/plan.md");
    let tasks = json(&run(
        root,
        &["new", "tasks", "weekly-meal-planner", "--json"],
    ));
    assert_eq!(tasks["template"], "builtin");
    let tasks_text =
        std::fs::read_to_string(root.join("specs/001-weekly-meal-planner/tasks.md")).unwrap();
    assert!(
        tasks_text.contains("[US1]"),
        "tasks get one phase per story"
    );
    let again = run(root, &["new", "plan", "1"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists; use --force"));
    ok(&run(root, &["new", "plan", "1", "--force"]));
    let checklist = json(&run(root, &["new", "checklist", "1", "security", "--json"]));
    assert_eq!(
        checklist["path"],
        "specs/001-weekly-meal-planner/checklists/security.md"
    );
    let text =
        std::fs::read_to_string(root.join("specs/001-weekly-meal-planner/checklists/security.md"))
            .unwrap();
    assert!(text.contains("(../spec.md)"), "{text}");
}

#[test]
fn init_keeps_user_edits_and_updates_its_own_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    ok(&run(root, &["init", "--ai", "claude"]));
    let skill = root.join(".claude/skills/speckit-plan/SKILL.md");
    let constitution = root.join(".specify/memory/constitution.md");
    std::fs::write(
        &constitution,
        "# My Project Constitution\n\nOur own words.\n",
    )
    .unwrap();
    let again = json(&run(root, &["init", "--ai", "claude", "--json"]));
    let action = |path: &str| {
        again["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|file| file["path"] == path)
            .map(|file| file["action"].clone())
    };
    assert_eq!(
        action(".specify/memory/constitution.md"),
        Some("kept".into())
    );
    assert_eq!(
        action(".claude/skills/speckit-plan/SKILL.md"),
        Some("unchanged".into())
    );
    assert_eq!(
        std::fs::read_to_string(&constitution).unwrap(),
        "# My Project Constitution\n\nOur own words.\n"
    );
    std::fs::write(&skill, "edited").unwrap();
    ok(&run(root, &["init", "--ai", "claude"]));
    assert_eq!(std::fs::read_to_string(&skill).unwrap(), "edited");
    ok(&run(root, &["init", "--ai", "claude", "--force"]));
    assert_ne!(std::fs::read_to_string(&skill).unwrap(), "edited");
    assert_ne!(
        std::fs::read_to_string(&constitution).unwrap(),
        "# My Project Constitution\n\nOur own words.\n"
    );
    let unknown = run(root, &["init", "--ai", "clippy"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("unknown agent `clippy`"));
}

/// Every supported agent gets its files where it looks for them, in its
/// format: TOML that parses, Markdown with front matter.
#[test]
fn every_agent_gets_well_formed_command_files() {
    let agents = [
        "claude", "copilot", "gemini", "cursor", "codex", "windsurf", "opencode", "qwen", "roo",
        "kilocode", "amp", "auggie", "q",
    ];
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let report = json(&run(root, &["init", "--ai", &agents.join(","), "--json"]));
    let files: Vec<&str> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|file| file["path"].as_str().unwrap())
        .collect();
    for agent in agents {
        let dir = match agent {
            "claude" => ".claude/skills/",
            "copilot" => ".github/skills/",
            "gemini" => ".gemini/commands/",
            "cursor" => ".cursor/skills/",
            "codex" => ".agents/skills/",
            "windsurf" => ".windsurf/workflows/",
            "opencode" => ".opencode/commands/",
            "qwen" => ".qwen/commands/",
            "roo" => ".roo/commands/",
            "kilocode" => ".kilo/commands/",
            "amp" => ".agents/commands/",
            "auggie" => ".augment/commands/",
            _ => ".amazonq/prompts/",
        };
        let mine: Vec<&&str> = files.iter().filter(|path| path.starts_with(dir)).collect();
        assert!(mine.len() >= 8, "{agent}: {mine:?}");
        for path in mine {
            let text = std::fs::read_to_string(root.join(path)).unwrap();
            if Path::new(path)
                .extension()
                .is_some_and(|ext| ext.eq_ignore_ascii_case("toml"))
            {
                let value: toml::Table = text
                    .parse()
                    .unwrap_or_else(|error| panic!("{path}: {error}"));
                assert!(
                    value.contains_key("description") && value.contains_key("prompt"),
                    "{path}"
                );
            } else {
                assert!(text.starts_with("---\n"), "{path} has no front matter");
                let end = text[4..]
                    .find("\n---\n")
                    .unwrap_or_else(|| panic!("{path}: unclosed front matter"));
                assert!(text[4..4 + end].contains("description:"), "{path}");
            }
            assert!(
                text.contains("speckit "),
                "{path} should tell the agent which speckit commands to run"
            );
        }
    }
}

#[test]
fn templates_can_be_ejected_and_are_then_used() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    ok(&run(root, &["init"]));
    let ejected = ok(&run(root, &["template", "eject", "plan"]));
    assert!(ejected.starts_with("Wrote .specify/templates/overrides/plan.md"));
    let path = root.join(".specify/templates/overrides/plan.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("## Summary", "## Summary\n\nOur team's note."),
    )
    .unwrap();
    let list = ok(&run(root, &["template", "list"]));
    assert!(
        list.contains("plan          override .specify/templates/overrides/plan.md"),
        "{list}"
    );
    ok(&run(
        root,
        &["new", "feature", "x", "y", "z", "--no-branch"],
    ));
    let plan = json(&run(root, &["new", "plan", "1", "--json"]));
    assert_eq!(plan["template"], ".specify/templates/overrides/plan.md");
    assert!(
        std::fs::read_to_string(root.join("specs/001-x-y-z/plan.md"))
            .unwrap()
            .contains("Our team's note.")
    );
    assert_eq!(
        run(root, &["template", "eject", "plan"]).status.code(),
        Some(2)
    );
    assert!(ok(&run(root, &["template", "show", "tasks"])).contains("\n# Tasks: "));
}

#[test]
fn doctor_reports_tools_and_workspace() {
    let dir = git_repo();
    let root = dir.path();
    ok(&run(root, &["init"]));
    let checks = json(&run(root, &["doctor", "--json"]));
    let names: Vec<&str> = checks
        .as_array()
        .unwrap()
        .iter()
        .map(|check| check["name"].as_str().unwrap())
        .collect();
    for name in [
        "git",
        "gh",
        "workspace",
        "speckit layout",
        "git repository",
        "templates",
    ] {
        assert!(names.contains(&name), "{names:?}");
    }
    let empty = tempfile::tempdir().unwrap();
    let output = run(empty.path(), &["doctor"]);
    assert_eq!(output.status.code(), Some(1));
}

/// Rules whose findings on a fresh document are template text the user
/// still has to replace (or a choice still to make).
const PLACEHOLDER_CODES: &[&str] = &[
    "C006", "K004", "K008", "P007", "P008", "P034", "P035", "R015", "T011", "T021",
];

#[test]
fn a_fresh_workspace_only_reports_its_placeholders() {
    for layout in ["speckit", "plugin"] {
        let dir = git_repo();
        let root = dir.path();
        ok(&run(root, &["init", "--layout", layout, "--ai", "claude"]));
        ok(&run(
            root,
            &[
                "new",
                "feature",
                "Export the weekly plan as PDF",
                "--no-branch",
            ],
        ));
        for kind in ["plan", "tasks", "checklist"] {
            ok(&run(root, &["new", kind, "1"]));
        }
        let output = run(root, &["check", "--format", "json", "--fail-on", "never"]);
        let findings = json(&output);
        let findings = findings.as_array().unwrap();
        let mut files = std::collections::BTreeSet::new();
        for finding in findings {
            let code = finding["code"].as_str().unwrap();
            let file = finding["file"].as_str().unwrap();
            let text = std::fs::read_to_string(root.join(file)).unwrap();
            let start = usize::try_from(finding["span"]["start"].as_u64().unwrap()).unwrap();
            let end = usize::try_from(finding["span"]["end"].as_u64().unwrap()).unwrap();
            let excerpt = &text[start..end];
            assert!(
                PLACEHOLDER_CODES.contains(&code),
                "{layout}: {code} in {file} is not about a placeholder: {}",
                finding["message"]
            );
            assert!(
                excerpt.contains(['[', '{', '_', '/', '|']),
                "{layout}: {code} in {file} points at `{excerpt}`, not at template text"
            );
            files.insert(file.to_string());
        }
        // Every document has placeholders to fill, and they are reported.
        for document in ["constitution.md", "spec.md", "plan.md", "tasks.md"] {
            assert!(
                files.iter().any(|file| file.ends_with(document)),
                "{layout}: nothing reported in {document}: {files:?}"
            );
        }
    }
}
