//! `--format json`: one object per diagnostic, positions resolved.

use rayon::prelude::*;
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
        .par_iter()
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
    pretty_array(&items)
}

/// `items` as a pretty-printed JSON array and a final newline, exactly as
/// `serde_json::to_string_pretty` writes it, serialised on all cores.
fn pretty_array<T: Serialize + Sync>(items: &[T]) -> String {
    if items.is_empty() {
        return "[]\n".to_string();
    }
    let mut text = String::from("[");
    if chunked_inside(&mut text, items, 256, |chunk| chunk, "[", "\n]").is_err() {
        text.truncate(1);
    }
    text.push_str("\n]\n");
    text
}

/// `head` as pretty JSON with a final newline, exactly as
/// `serde_json::to_string_pretty` writes it once its top-level field `field`
/// (an empty array in `head`) holds `items`, which are serialised on all
/// cores.
pub fn pretty_json_with_array<T: Serialize, I: Serialize + Sync>(
    head: &T,
    field: &str,
    items: &[I],
) -> serde_json::Result<String> {
    let mut head_text = crate::pretty::to_string_pretty(head)?;
    let marker = format!("\n  \"{field}\": []");
    let Some(at) = head_text.find(&marker) else {
        return Err(serde::ser::Error::custom(format!(
            "`{field}` is not an empty top-level array"
        )));
    };
    if items.is_empty() {
        head_text.push('\n');
        return Ok(head_text);
    }
    let opening = format!("{{\n  \"{field}\": [");
    // Small chunks keep both cores busy to the end (the items are large).
    // Room for the head; `chunked_inside` adds room for the items.
    let mut text = String::with_capacity(head_text.len() + 16);
    text.push_str(&head_text[..at]);
    text.push_str(&opening[1..]);
    chunked_inside(
        &mut text,
        items,
        2,
        |chunk| std::collections::BTreeMap::from([(field, chunk)]),
        &opening,
        "\n  ]\n}",
    )?;
    text.push_str("\n  ]");
    text.push_str(&head_text[at + marker.len()..]);
    text.push('\n');
    Ok(text)
}

/// The text between the brackets of an array of `items` in a pretty JSON
/// document, serialised in chunks on all cores. Each chunk is serialised
/// inside `wrap(chunk)`, which must put the array at the depth it has in the
/// whole document and print as `opening`, the array's inside, `closing`:
/// that inside is then a slice of the whole array's, and the slices join
/// with commas.
fn chunked_inside<'i, I, W>(
    out: &mut String,
    items: &'i [I],
    chunk: usize,
    wrap: impl Fn(&'i [I]) -> W + Sync,
    opening: &str,
    closing: &str,
) -> serde_json::Result<()>
where
    I: Serialize + Sync,
    W: Serialize,
{
    let chunks: Vec<String> = items
        .par_chunks(chunk)
        .map(|chunk| crate::pretty::to_string_pretty(&wrap(chunk)))
        .collect::<serde_json::Result<_>>()?;
    out.reserve(chunks.iter().map(String::len).sum::<usize>() + chunks.len());
    for (index, chunk) in chunks.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        let slice = chunk
            .strip_prefix(opening)
            .and_then(|rest| rest.strip_suffix(closing))
            .ok_or_else(|| serde::ser::Error::custom("a chunk printed an unexpected wrapper"))?;
        out.push_str(slice);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Item {
        number: usize,
        words: Vec<&'static str>,
        nested: Option<Span>,
    }

    #[test]
    fn chunked_array_is_the_whole_array() {
        for count in [0, 1, 2, 255, 256, 257, 600] {
            let items: Vec<Item> = (0..count)
                .map(|number| Item {
                    number,
                    words: if number % 3 == 0 {
                        vec![]
                    } else {
                        vec!["a", "b\n"]
                    },
                    nested: (number % 2 == 0).then(|| Span::new(0, 3)),
                })
                .collect();
            let mut whole = serde_json::to_string_pretty(&items).unwrap_or_default();
            whole.push('\n');
            assert_eq!(pretty_array(&items), whole, "{count} items");
        }
    }

    #[derive(Serialize)]
    struct Report<'a> {
        version: u32,
        note: &'a str,
        features: Vec<Item>,
        other: Vec<Item>,
    }

    #[test]
    fn spliced_array_is_the_whole_report() {
        for count in [0, 1, 3, 40] {
            let items = || -> Vec<Item> {
                (0..count)
                    .map(|number| Item {
                        number,
                        words: vec!["\n  \"features\": []", "x"],
                        nested: Some(Span::new(1, 2)),
                    })
                    .collect()
            };
            let full = Report {
                version: 1,
                note: "a \"features\": [] look-alike",
                features: items(),
                other: items(),
            };
            let mut whole = serde_json::to_string_pretty(&full).unwrap_or_default();
            whole.push('\n');
            let head = Report {
                features: Vec::new(),
                ..full
            };
            let spliced = pretty_json_with_array(&head, "features", &items());
            assert_eq!(spliced.ok(), Some(whole), "{count} items");
        }
        let head = Report {
            version: 1,
            note: "",
            features: Vec::new(),
            other: Vec::new(),
        };
        assert!(pretty_json_with_array(&head, "missing", &[1]).is_err());
    }
}
