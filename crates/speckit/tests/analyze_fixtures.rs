//! Every cross-document rule against its fixture workspaces:
//! `fixtures/analyze/CODE/fail/` plants the defect once and `pass/` is its
//! clean twin. The fail workspace's findings (all codes) are snapshotted,
//! so the expected findings are exact; the pass workspace must produce no
//! finding at all and score 100.

use std::path::{Path, PathBuf};

use speckit::analyze::{AnalyzeRun, analyze_workspace};
use speckit::check::{CheckOptions, rule_infos};
use speckit::render::{HumanOptions, render_human};
use speckit::rules::registry;
use speckit::workspace::Workspace;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/analyze")
}

fn analyze(root: &Path) -> AnalyzeRun {
    let workspace = Workspace::open(root).unwrap();
    analyze_workspace(&workspace, &CheckOptions::default()).unwrap()
}

fn render(run: &AnalyzeRun) -> String {
    let files = run.source_files();
    let rules = rule_infos();
    let report = run.check_report(&files, &rules);
    render_human(
        &report,
        HumanOptions {
            color: false,
            anonymize_line_numbers: false,
        },
    )
}

#[test]
fn every_cross_rule_has_a_failing_workspace_and_a_clean_twin() {
    let mut missing = Vec::new();
    let mut failures = Vec::new();
    for rule in registry::all() {
        let meta = rule.meta();
        if !meta.target.is_cross() {
            continue;
        }
        let dir = fixtures().join(meta.code);
        let (fail, pass) = (dir.join("fail"), dir.join("pass"));
        if !fail.is_dir() || !pass.is_dir() {
            missing.push(meta.code);
            continue;
        }
        let run = analyze(&fail);
        if run.diagnostics.iter().any(|d| d.code == meta.code) {
            insta::assert_snapshot!(format!("analyze_{}", meta.code), render(&run));
        } else {
            failures.push(format!(
                "{}: the fail workspace does not trigger it; it reports:\n{}",
                meta.code,
                render(&run)
            ));
        }
        let run = analyze(&pass);
        if !run.diagnostics.is_empty() {
            failures.push(format!(
                "{}: the pass workspace is not clean:\n{}",
                meta.code,
                render(&run)
            ));
        } else if run.report.score.value != 100 {
            failures.push(format!(
                "{}: the pass workspace scores {}",
                meta.code, run.report.score.value
            ));
        }
    }
    assert!(
        missing.is_empty(),
        "rules without fixture workspaces: {missing:?}"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// A skipped task (`[-]`, or its ID struck through) builds nothing, so the
/// coverage matrix does not count it for the requirements it names.
#[test]
fn skipped_tasks_cover_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let feature = dir.path().join("specs/001-note-pins");
    std::fs::create_dir_all(&feature).unwrap();
    let source = fixtures().join("X004/pass/specs/001-note-pins");
    for name in ["spec.md", "plan.md"] {
        std::fs::copy(source.join(name), feature.join(name)).unwrap();
    }
    let tasks = std::fs::read_to_string(source.join("tasks.md")).unwrap();
    let tasks = tasks.replace(
        "- [ ] T003 [US1] Remember pins across sessions in src/notes/pins.ts (FR-002)",
        "- [-] T003 [US1] Remember pins across sessions in src/notes/pins.ts (FR-002)\n\
         - [ ] ~~T005~~ [US1] Keep pins across sessions in src/notes/pins.ts (FR-002)",
    );
    assert!(
        tasks.contains("~~T005~~"),
        "the fixture's task line changed"
    );
    std::fs::write(feature.join("tasks.md"), tasks).unwrap();
    let run = analyze(dir.path());
    let rows = &run.report.features[0].coverage.requirements;
    let tasks_of = |id: &str| {
        rows.iter()
            .find(|row| row.id == id)
            .and_then(|row| row.tasks.clone())
            .unwrap()
    };
    assert_eq!(tasks_of("FR-001"), ["T002"]);
    assert!(tasks_of("FR-002").is_empty(), "{:?}", tasks_of("FR-002"));
}
