//! The JSON shapes printed by `list --json` and `show --json`, with schemas.

use std::borrow::Cow;

use schemars::JsonSchema;
use serde::Serialize;
use speckit_diagnostics::{Diagnostic, Severity};
use speckit_model::{DocKind, Document, Generation, Model};
use speckit_text::{LineIndex, Span};
use speckit_workspace::{DuplicateNumber, Feature, LayoutRoot, Workspace};

/// Output of `speckit list --json`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ListOutput<'w> {
    /// The workspace root, as an absolute path.
    pub root: String,
    pub layouts: &'w [LayoutRoot],
    pub features: Vec<FeatureSummary<'w>>,
    /// Feature numbers used by more than one folder of a layout.
    pub duplicate_numbers: Vec<DuplicateNumber>,
    /// Folders in a specs directory that are not numbered features.
    pub skipped: &'w [String],
}

/// One feature as listed.
#[derive(Debug, Serialize, JsonSchema)]
pub struct FeatureSummary<'w> {
    #[serde(flatten)]
    pub feature: &'w Feature,
    /// The git branch name the layout gives this feature.
    pub branch: String,
    /// Short names of the documents present (`spec`, `plan`, `tasks`, …).
    pub present: Vec<String>,
}

impl<'w> FeatureSummary<'w> {
    pub fn new(feature: &'w Feature) -> Self {
        FeatureSummary {
            feature,
            branch: feature.branch_name(),
            present: feature.present(),
        }
    }
}

impl<'w> ListOutput<'w> {
    pub fn new(workspace: &'w Workspace) -> Self {
        ListOutput {
            root: workspace.root.display().to_string(),
            layouts: &workspace.layouts,
            features: workspace.features.iter().map(FeatureSummary::new).collect(),
            duplicate_numbers: workspace.duplicate_numbers(),
            skipped: &workspace.skipped,
        }
    }
}

/// Output of `speckit show FEATURE --json`: the feature and the typed model
/// of each of its Markdown documents.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ShowOutput<'a> {
    pub feature: FeatureSummary<'a>,
    pub documents: Vec<DocumentOutput<'a>>,
}

/// One document of `show --json`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct DocumentOutput<'a> {
    /// Path relative to the workspace root.
    pub path: &'a str,
    pub kind: DocKind,
    pub generation: Generation,
    /// Problems met while reading the file (invalid UTF-8, parser failure).
    pub diagnostics: Vec<DiagnosticOutput>,
    /// The typed model; its shape depends on `kind`. Every text value is
    /// `{ "value": …, "span": { "start": …, "end": … } }` with byte offsets.
    pub model: Model<'a>,
}

/// A diagnostic with its position resolved to line and column.
#[derive(Debug, Serialize, JsonSchema)]
pub struct DiagnosticOutput {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub span: Span,
    /// 1-based line of the span start.
    pub line: u32,
    /// 1-based column (in characters) of the span start.
    pub column: u32,
    pub help: Option<Cow<'static, str>>,
}

impl DiagnosticOutput {
    pub fn new(diagnostic: &Diagnostic, text: &str, index: &LineIndex) -> Self {
        let at = index.line_col(text, diagnostic.span.start);
        DiagnosticOutput {
            code: diagnostic.code,
            severity: diagnostic.severity,
            message: diagnostic.message.clone(),
            span: diagnostic.span,
            line: at.line,
            column: at.column,
            help: diagnostic.help.clone(),
        }
    }
}

impl<'a> DocumentOutput<'a> {
    pub fn new(document: &'a Document) -> Self {
        let index = LineIndex::new(&document.text);
        DocumentOutput {
            path: &document.path,
            kind: document.kind,
            generation: document.generation(),
            diagnostics: document
                .diagnostics
                .iter()
                .map(|diagnostic| DiagnosticOutput::new(diagnostic, &document.text, &index))
                .collect(),
            model: document.model(),
        }
    }
}

/// The JSON Schema of `show --json` output.
pub fn show_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(ShowOutput<'static>)).unwrap_or_default()
}

/// The JSON Schema of `list --json` output.
pub fn list_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(ListOutput<'static>)).unwrap_or_default()
}

/// The JSON Schema of `analyze --format json` output.
pub fn analyze_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(speckit_analyze::AnalysisReport)).unwrap_or_default()
}
