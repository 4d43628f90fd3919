//! `--format sarif`: SARIF 2.1.0, the format code-scanning services ingest.
//!
//! Regions carry 1-based lines, columns in UTF-16 code units (declared with
//! `columnKind`), and the exact byte offset and length. Fixes become SARIF
//! `fixes` with byte-addressed replacements.

use serde_json::{Value, json};
use speckit_diagnostics::{Diagnostic, Severity};
use speckit_text::Span;

use crate::{Positions, Report};

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

pub fn render_sarif(report: &Report<'_>) -> String {
    let positions = Positions::new(report);
    let rules: Vec<Value> = report
        .rules
        .iter()
        .map(|rule| {
            json!({
                "id": rule.code,
                "name": rule.name,
                "shortDescription": { "text": rule.summary },
                "fullDescription": { "text": rule.summary },
                "help": { "text": rule.docs, "markdown": rule.docs },
                "defaultConfiguration": { "level": level(rule.severity) },
            })
        })
        .collect();
    let artifacts: Vec<Value> = report
        .files
        .iter()
        .map(|file| json!({ "location": { "uri": file.path }, "mimeType": "text/markdown" }))
        .collect();
    let results: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|diagnostic| result(report, &positions, diagnostic))
        .collect();
    let sarif = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "speckit",
                    "version": report.version,
                    "informationUri": "https://github.com/speckit-dev/speckit",
                    "rules": rules,
                }
            },
            "columnKind": "utf16CodeUnits",
            "artifacts": artifacts,
            "results": results,
        }]
    });
    let mut text = crate::pretty::to_string_pretty(&sarif).unwrap_or_default();
    text.push('\n');
    text
}

fn region(
    positions: &Positions<'_>,
    diagnostic_file: speckit_diagnostics::FileId,
    span: Span,
) -> Value {
    let (start, end) = positions.range(diagnostic_file, span);
    json!({
        "startLine": start.line,
        "startColumn": start.column_utf16,
        "endLine": end.line,
        "endColumn": end.column_utf16,
        "byteOffset": span.start,
        "byteLength": span.len(),
    })
}

fn location(
    report: &Report<'_>,
    positions: &Positions<'_>,
    file: speckit_diagnostics::FileId,
    span: Span,
) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": { "uri": report.file(file).map_or("", |file| file.path), "index": file.0 },
            "region": region(positions, file, span),
        }
    })
}

fn result(report: &Report<'_>, positions: &Positions<'_>, diagnostic: &Diagnostic) -> Value {
    let mut message = diagnostic.message.clone();
    if let Some(help) = &diagnostic.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let mut value = json!({
        "ruleId": diagnostic.code,
        "level": level(diagnostic.severity),
        "message": { "text": message },
        "locations": [location(report, positions, diagnostic.file, diagnostic.span)],
    });
    if let Some(index) = report
        .rules
        .iter()
        .position(|rule| rule.code == diagnostic.code)
    {
        value["ruleIndex"] = json!(index);
    }
    if !diagnostic.labels.is_empty() {
        let related: Vec<Value> = diagnostic
            .labels
            .iter()
            .enumerate()
            .map(|(id, label)| {
                let mut related = location(report, positions, label.file, label.span);
                related["id"] = json!(id);
                related["message"] = json!({ "text": label.message });
                related
            })
            .collect();
        value["relatedLocations"] = Value::Array(related);
    }
    if let Some(fix) = &diagnostic.fix {
        let replacements: Vec<Value> = fix
            .edits
            .iter()
            .map(|edit| {
                json!({
                    "deletedRegion": { "byteOffset": edit.span.start, "byteLength": edit.span.len() },
                    "insertedContent": { "text": edit.replacement },
                })
            })
            .collect();
        value["fixes"] = json!([{
            "description": { "text": fix.message },
            "artifactChanges": [{
                "artifactLocation": { "uri": report.file(diagnostic.file).map_or("", |file| file.path) },
                "replacements": replacements,
            }],
        }]);
    }
    value
}
