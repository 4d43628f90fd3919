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
