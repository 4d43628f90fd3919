//! Every output format over one small report: snapshots, plus validation of
//! SARIF against the official 2.1.0 schema (vendored in `tests/data`).

use speckit_diagnostics::{Applicability, Diagnostic, FileId, Fix, Severity};
use speckit_render::{
    Excerpts, HumanOptions, Report, RuleInfo, Source, SourceFile, render_github, render_human,
    render_json, render_junit, render_sarif,
};
use speckit_text::{Edit, Span};

const TASKS: &str = "# Tasks: Café\n\n- [ ] T001 Build\n- [ ] T001 Again (depends on T009)\n";
const PLAN: &str = "# Plan\n\n**Status**: Drafty\n";

fn span_of(text: &str, needle: &str) -> Span {
    let start = text.find(needle).unwrap();
    Span::from_range(start..start + needle.len())
}

fn with_report<T>(body: impl FnOnce(&Report<'_>) -> T) -> T {
    let files = [
        SourceFile::new("specs/001-café/tasks.md", TASKS),
        SourceFile::new("specs/001-café/plan.md", PLAN),
    ];
    let first = span_of(TASKS, "T001");
    let second = Span::new(
        span_of(TASKS, "T001 Again").start,
        span_of(TASKS, "T001 Again").start + 4,
    );
    let diagnostics = vec![
        Diagnostic::new(
            "T001",
            Severity::Error,
            FileId(0),
            second,
            "task ID `T001` is already used",
        )
        .with_label(FileId(0), first, "first used here")
        .with_help("give each task its own ID"),
        Diagnostic::new(
            "T002",
            Severity::Warning,
            FileId(0),
            span_of(TASKS, "T009"),
            "depends on `T009`, which does not exist, 100% sure",
        ),
        Diagnostic::new(
            "P006",
            Severity::Info,
            FileId(1),
            span_of(PLAN, "Drafty"),
            "unknown status `Drafty`",
        )
        .with_fix(Fix {
            message: "use `Draft`".into(),
            applicability: Applicability::Safe,
            edits: vec![Edit::replace(span_of(PLAN, "Drafty"), "Draft")],
        }),
    ];
    let rules = [
        RuleInfo {
            code: "P006",
            name: "invalid-status",
            summary: "Unknown status value",
            docs: "## What it checks\nx",
            severity: Severity::Warning,
        },
        RuleInfo {
            code: "T001",
            name: "duplicate-task-id",
            summary: "Two tasks share an ID",
            docs: "## What it checks\ny",
            severity: Severity::Error,
        },
        RuleInfo {
            code: "T002",
            name: "dependency-not-found",
            summary: "Dangling dependency",
            docs: "## What it checks\nz",
            severity: Severity::Error,
        },
    ];
    let report = Report {
        files: &files,
        diagnostics: &diagnostics,
        rules: &rules,
        version: "0.0.0-test",
    };
    body(&report)
}

#[test]
fn human() {
    let text = with_report(|report| {
        render_human(
            report,
            HumanOptions {
                color: false,
                anonymize_line_numbers: false,
            },
        )
    });
    insta::assert_snapshot!(text);
}

#[test]
fn json() {
    let text = with_report(render_json);
    let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(parsed.as_array().unwrap().len(), 3);
    insta::assert_snapshot!(text);
}

#[test]
fn github() {
    insta::assert_snapshot!(with_report(render_github));
}

#[test]
fn junit() {
    let text = with_report(render_junit);
    assert!(text.starts_with("<?xml"));
    insta::assert_snapshot!(text);
}

#[test]
fn sarif_is_valid_against_the_official_schema() {
    let text = with_report(render_sarif);
    let instance: serde_json::Value = serde_json::from_str(&text).unwrap();
    // The published schema's `language` pattern ends in a lone `]`, which the
    // validator's regex syntax rejects while checking the schema itself;
    // escape it (the vendored file stays as published).
    let published = include_str!("data/sarif-schema-2.1.0.json");
    let patched = published.replace("[a-zA-Z]{2}]?$", "[a-zA-Z]{2}\\\\]?$");
    assert_ne!(
        patched, published,
        "the schema's language pattern changed; revisit this patch"
    );
    let schema: serde_json::Value = serde_json::from_str(&patched).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&instance)
        .map(|error| format!("{error} at {}", error.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // And the validator does catch a broken document.
    let mut broken = instance.clone();
    broken["runs"][0]["results"][0]["level"] = serde_json::json!("fatal");
    assert!(!validator.is_valid(&broken));
    // The café line: columns are UTF-16 units, offsets bytes.
    let region = &instance["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 4);
    assert_eq!(region["startColumn"], 7);
    insta::assert_snapshot!(text);
}

#[test]
fn empty_report_passes() {
    let files = [SourceFile::new("a.md", "# A\n")];
    let report = Report {
        files: &files,
        diagnostics: &[],
        rules: &[],
        version: "0",
    };
    assert_eq!(
        render_human(&report, HumanOptions::default()),
        "All checks passed (1 file).\n"
    );
    assert_eq!(render_github(&report), "");
    assert_eq!(render_json(&report), "[]\n");
}

/// What `keep` keeps of each file of `report` (whole texts), with its path.
fn kept_files<'r>(
    report: &Report<'r>,
    keep: impl Fn(&str, FileId, &[Diagnostic]) -> Excerpts,
) -> Vec<(&'r str, Excerpts)> {
    report
        .files
        .iter()
        .enumerate()
        .map(|(id, file)| {
            let Source::Whole(text) = file.text else {
                panic!("the fixture holds whole texts");
            };
            let id = FileId(u32::try_from(id).unwrap());
            (file.path, keep(text, id, report.diagnostics))
        })
        .collect()
}

#[test]
fn excerpts_render_as_the_whole_text_does() {
    with_report(|report| {
        let excerpts = kept_files(report, Excerpts::of_findings);
        // The tasks file's title line is not shown, so it is not kept.
        assert!(excerpts[0].1.lines_at(0).is_none());
        let files: Vec<SourceFile<'_>> = excerpts
            .iter()
            .map(|(path, excerpts)| SourceFile::excerpted(path, excerpts))
            .collect();
        let excerpted = Report {
            files: &files,
            ..*report
        };
        let human = |report: &Report<'_>| render_human(report, HumanOptions::default());
        let renderers: [&dyn Fn(&Report<'_>) -> String; 5] = [
            &human,
            &render_json,
            &render_sarif,
            &render_github,
            &render_junit,
        ];
        for render in renderers {
            assert_eq!(render(&excerpted), render(report));
        }
        // Formats that show no source need only the positions.
        let positions = kept_files(report, Excerpts::positions_of_findings);
        let files: Vec<SourceFile<'_>> = positions
            .iter()
            .map(|(path, excerpts)| SourceFile::excerpted(path, excerpts))
            .collect();
        let positioned = Report {
            files: &files,
            ..*report
        };
        for render in &renderers[1..] {
            assert_eq!(render(&positioned), render(report));
        }
    });
}
