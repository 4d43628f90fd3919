//! Every rule against its fixtures: `fixtures/CODE/fail.md` (or a `fail/`
//! folder holding a small feature) must trigger it, `pass.md` (or `pass/`)
//! must not. The human rendering of each failure is snapshotted, so the
//! underline proves the span. Rules with fixes are also checked to fix what
//! they find, and to change nothing on a second run.

use std::path::{Path, PathBuf};

use speckit_diagnostics::{Applicability, Diagnostic, FileId, sort_diagnostics};
use speckit_model::{Document, Model};
use speckit_render::{HumanOptions, Report, RuleInfo, SourceFile, render_human};
use speckit_rules::{FeatureView, FileOracle, LintSettings, check_document, registry};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// Files that exist: those under the fixture folder.
struct FixtureFiles(PathBuf);

impl FileOracle for FixtureFiles {
    fn exists(&self, path: &str) -> bool {
        self.0.join(path).exists()
    }
}

/// The documents of a fixture: one file, or every `.md` under a folder.
fn load(path: &Path) -> (PathBuf, Vec<Document>) {
    if path.is_file() {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let document = Document::parse(FileId(0), name, std::fs::read(path).unwrap());
        return (path.parent().unwrap().to_path_buf(), vec![document]);
    }
    let mut files = Vec::new();
    collect(path, path, &mut files);
    files.sort();
    let documents = files
        .iter()
        .enumerate()
        .map(|(index, relative)| {
            Document::parse(
                FileId(u32::try_from(index).unwrap()),
                relative.clone(),
                std::fs::read(path.join(relative)).unwrap(),
            )
        })
        .collect();
    (path.to_path_buf(), documents)
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(root, &path, out);
        } else if path.extension().is_some_and(|ext| ext == "md") {
            out.push(
                path.strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/"),
            );
        }
    }
}

fn check(root: &Path, documents: &[Document]) -> Vec<Diagnostic> {
    let models: Vec<Model<'_>> = documents.iter().map(Document::model).collect();
    let feature = FeatureView {
        documents: documents.iter().zip(models.iter()).collect(),
    };
    let settings = LintSettings::default();
    let files = FixtureFiles(root.to_path_buf());
    let mut diagnostics = Vec::new();
    for (document, model) in documents.iter().zip(&models) {
        diagnostics.extend(check_document(
            document,
            model,
            &feature,
            &files,
            &settings.selection_for(&document.path),
        ));
    }
    sort_diagnostics(&mut diagnostics);
    diagnostics
}

fn fixture(code: &str, kind: &str) -> Option<PathBuf> {
    let dir = fixtures().join(code);
    [dir.join(format!("{kind}.md")), dir.join(kind)]
        .into_iter()
        .find(|path| path.exists())
}

fn render(documents: &[Document], diagnostics: &[Diagnostic]) -> String {
    let files: Vec<SourceFile<'_>> = documents
        .iter()
        .map(|document| SourceFile::new(&document.path, &document.text))
        .collect();
    let rules: Vec<RuleInfo<'_>> = registry::all()
        .iter()
        .map(|rule| {
            let meta = rule.meta();
            RuleInfo {
                code: meta.code,
                name: meta.name,
                summary: meta.summary,
                docs: meta.docs,
                severity: meta.severity,
            }
        })
        .collect();
    let report = Report {
        files: &files,
        diagnostics,
        rules: &rules,
        version: "test",
    };
    render_human(
        &report,
        HumanOptions {
            color: false,
            anonymize_line_numbers: false,
        },
    )
}

#[test]
fn every_rule_has_fixtures_that_trigger_it_and_not() {
    let mut missing = Vec::new();
    let mut failures = Vec::new();
    // Cross-document rules have workspace fixtures, tested by `speckit_analyze`.
    for rule in registry::all()
        .iter()
        .filter(|rule| !rule.meta().target.is_cross())
    {
        let code = rule.meta().code;
        let (Some(fail), Some(pass)) = (fixture(code, "fail"), fixture(code, "pass")) else {
            missing.push(code);
            continue;
        };
        let (root, documents) = load(&fail);
        let found: Vec<Diagnostic> = check(&root, &documents)
            .into_iter()
            .filter(|d| d.code == code)
            .collect();
        if found.is_empty() {
            failures.push(format!("{code}: fail fixture does not trigger it"));
        } else {
            insta::assert_snapshot!(code, render(&documents, &found));
        }
        let (root, documents) = load(&pass);
        let found: Vec<Diagnostic> = check(&root, &documents)
            .into_iter()
            .filter(|d| d.code == code)
            .collect();
        if !found.is_empty() {
            failures.push(format!(
                "{code}: pass fixture triggers it:\n{}",
                render(&documents, &found)
            ));
        }
    }
    assert!(missing.is_empty(), "rules without fixtures: {missing:?}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn safe_fixes_fix_and_are_idempotent() {
    for rule in registry::all() {
        let meta = rule.meta();
        if meta.fix == speckit_rules::rule::FixAvailability::Never {
            continue;
        }
        let Some(fail) = fixture(meta.code, "fail") else {
            continue;
        };
        let (root, documents) = load(&fail);
        let found: Vec<Diagnostic> = check(&root, &documents)
            .into_iter()
            .filter(|d| d.code == meta.code)
            .collect();
        let fixable: Vec<&Diagnostic> = found
            .iter()
            .filter(|d| {
                d.fix
                    .as_ref()
                    .is_some_and(|fix| fix.applicability == Applicability::Safe)
            })
            .collect();
        assert!(
            !fixable.is_empty(),
            "{}: the fail fixture has no safe fix",
            meta.code
        );
        let mut fixed_documents = Vec::new();
        for document in &documents {
            let edits: Vec<speckit_text::Edit> = fixable
                .iter()
                .filter(|d| d.file == document.file)
                .flat_map(|d| d.fix.iter().flat_map(|fix| fix.edits.clone()))
                .collect();
            let text = speckit_text::apply_edits(&document.text, &edits).unwrap();
            fixed_documents.push(Document::parse(
                document.file,
                document.path.clone(),
                text.into_bytes(),
            ));
        }
        let again: Vec<Diagnostic> = check(&root, &fixed_documents)
            .into_iter()
            .filter(|d| d.code == meta.code && d.fix.is_some())
            .collect();
        assert!(
            again.is_empty(),
            "{}: a second run still has fixes:\n{}",
            meta.code,
            render(&fixed_documents, &again)
        );
    }
}
