//! `--format json`: one object per diagnostic, positions resolved.

use serde::Serialize;
use speckit_diagnostics::{Applicability, Severity};
use speckit_text::Span;

use crate::{Positions, Report};

/// A diagnostic as printed by `--format json`.
#[derive(Debug, Serialize)]
pub struct JsonDiagnostic<'a> {
    pub code: &'a str,
    pub name: Option<&'a str>,
    pub severity: Severity,
    pub message: &'a str,
    pub file: &'a str,
    pub span: Span,
    pub start: Position,
    pub end: Position,
    pub help: Option<&'a str>,
    pub labels: Vec<JsonLabel<'a>>,
    pub fix: Option<JsonFix<'a>>,
}

/// 1-based line and column (columns in characters).
#[derive(Debug, Serialize)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

#[derive(Debug, Serialize)]
pub struct JsonLabel<'a> {
    pub file: &'a str,
    pub span: Span,
    pub line: u32,
    pub message: &'a str,
}

#[derive(Debug, Serialize)]
pub struct JsonFix<'a> {
    pub message: &'a str,
    pub applicability: Applicability,
    pub edits: Vec<JsonEdit<'a>>,
}

#[derive(Debug, Serialize)]
pub struct JsonEdit<'a> {
    pub span: Span,
    pub replacement: &'a str,
}

/// Pretty JSON array of diagnostics.
pub fn render_json(report: &Report<'_>) -> String {
    let positions = Positions::new(report);
    let items: Vec<JsonDiagnostic<'_>> = report
        .diagnostics
        .iter()
        .map(|diagnostic| {
            let (start, end) = positions.range(diagnostic.file, diagnostic.span);
            let labels = diagnostic
                .labels
                .iter()
                .map(|label| JsonLabel {
                    file: report.file(label.file).map_or("", |file| file.path),
                    span: label.span,
                    line: positions.range(label.file, label.span).0.line,
                    message: &label.message,
                })
                .collect();
            JsonDiagnostic {
                code: diagnostic.code,
                name: report.rule(diagnostic.code).map(|rule| rule.name),
                severity: diagnostic.severity,
                message: &diagnostic.message,
                file: report.file(diagnostic.file).map_or("", |file| file.path),
                span: diagnostic.span,
                start: Position {
                    line: start.line,
                    column: start.column,
                },
                end: Position {
                    line: end.line,
                    column: end.column,
                },
                help: diagnostic.help.as_deref(),
                labels,
                fix: diagnostic.fix.as_ref().map(|fix| JsonFix {
                    message: &fix.message,
                    applicability: fix.applicability,
                    edits: fix
                        .edits
                        .iter()
                        .map(|edit| JsonEdit {
                            span: edit.span,
                            replacement: &edit.replacement,
                        })
                        .collect(),
                }),
            }
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".to_string());
    text.push('\n');
    text
}
