//! `--format json`: one object per diagnostic, positions resolved.

use rayon::prelude::*;
use serde::Serialize;
use speckit_diagnostics::{Applicability, Diagnostic, Severity};
use speckit_text::Span;

use crate::{Positions, Report, RuleIndex};

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
    let mut bytes = Vec::new();
    let written = json_pieces(report, |piece| {
        bytes.extend_from_slice(piece);
        Ok::<(), serde_json::Error>(())
    });
    match written.map(|()| String::from_utf8(bytes)) {
        Ok(Ok(text)) => text,
        // Serialising plain data cannot fail; were it to, the array is empty.
        _ => "[\n]\n".to_string(),
    }
}

/// Writes what [`render_json`] returns to `out`, a few chunks at a time:
/// a large workspace's JSON (megabytes) is never held whole.
pub fn write_json(report: &Report<'_>, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    json_pieces(report, |piece| out.write_all(piece))
}

/// Diagnostics per serialised chunk.
const CHUNK: usize = 64;

/// Room for a chunk's text: a diagnostic prints as 400–1,000 bytes.
const CHUNK_BYTES: usize = CHUNK * 1024;

/// Chunks serialised at once, on all cores.
const WAVE: usize = 8;

/// The pretty JSON array of the report's diagnostics, handed to `emit` in
/// order, in pieces.
fn json_pieces<E: From<serde_json::Error>>(
    report: &Report<'_>,
    mut emit: impl FnMut(&[u8]) -> Result<(), E>,
) -> Result<(), E> {
    if report.diagnostics.is_empty() {
        return emit(b"[]\n");
    }
    let positions = Positions::new(report);
    let rules = RuleIndex::new(report.rules);
    emit(b"[")?;
    Waves {
        chunk: CHUNK,
        wave: WAVE,
        chunk_bytes: CHUNK_BYTES,
        opening: b"[",
        closing: b"\n]",
    }
    .emit(
        report.diagnostics,
        |chunk| {
            chunk
                .iter()
                .map(|diagnostic| json_diagnostic(report, &positions, &rules, diagnostic))
                .collect::<Vec<_>>()
        },
        &mut emit,
    )?;
    emit(b"\n]\n")
}

/// How the items of a JSON array inside a pretty document are serialised:
/// in chunks of `chunk` items, `wave` chunks at once on all cores, each
/// into a buffer that the next wave reuses (fresh memory is slow to touch
/// the first time, and the text of every chunk at once would be all of
/// it). A chunk prints as `opening`, its slice of the array's inside,
/// `closing`; the slices join with commas.
struct Waves<'w> {
    chunk: usize,
    wave: usize,
    /// Room reserved in each buffer up front.
    chunk_bytes: usize,
    opening: &'w [u8],
    closing: &'w [u8],
}

impl Waves<'_> {
    /// Hands the inside of the array of `items` to `emit`, in order. Each
    /// chunk is serialised as `wrap(chunk)`, which must put an array of the
    /// chunk's items at the depth they have in the whole document.
    fn emit<'i, I, W, E>(
        &self,
        items: &'i [I],
        wrap: impl Fn(&'i [I]) -> W + Sync,
        emit: &mut impl FnMut(&[u8]) -> Result<(), E>,
    ) -> Result<(), E>
    where
        I: Sync,
        W: Serialize,
        E: From<serde_json::Error>,
    {
        let chunk = self.chunk.max(1);
        let mut buffers: Vec<Vec<u8>> = Vec::new();
        for (wave_index, wave) in items.chunks(chunk * self.wave.max(1)).enumerate() {
            let count = wave.len().div_ceil(chunk);
            if buffers.len() < count {
                buffers.resize_with(count, Vec::new);
            }
            wave.par_chunks(chunk)
                .zip(buffers.par_iter_mut())
                .try_for_each(|(items, buffer)| {
                    buffer.clear();
                    buffer.reserve(self.chunk_bytes);
                    crate::pretty::write_pretty(buffer, &wrap(items))
                })?;
            for (index, buffer) in buffers.iter().take(count).enumerate() {
                if wave_index > 0 || index > 0 {
                    emit(b",")?;
                }
                let inside = buffer
                    .strip_prefix(self.opening)
                    .and_then(|rest| rest.strip_suffix(self.closing))
                    .ok_or_else(|| {
                        <serde_json::Error as serde::ser::Error>::custom(
                            "a chunk printed an unexpected wrapper",
                        )
                    })?;
                emit(inside)?;
            }
        }
        Ok(())
    }
}

fn json_diagnostic<'a>(
    report: &'a Report<'a>,
    positions: &Positions<'_>,
    rules: &RuleIndex<'a, 'a>,
    diagnostic: &'a Diagnostic,
) -> JsonDiagnostic<'a> {
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
        name: rules.get(diagnostic.code).map(|rule| rule.name),
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
}

/// Writes `head` as pretty JSON with a final newline, exactly as
/// `serde_json::to_string_pretty` writes it once its top-level field `field`
/// (an empty array in `head`) holds `items`. The items are serialised on all
/// cores and written a few chunks at a time: the whole text is never held at
/// once.
pub fn write_json_with_array<T: Serialize, I: Serialize + Sync>(
    head: &T,
    field: &str,
    items: &[I],
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut emit = |piece: &[u8]| out.write_all(piece);
    let head_text = crate::pretty::to_string_pretty(head)?;
    let marker = format!("\n  \"{field}\": []");
    let Some(at) = head_text.find(&marker) else {
        return Err(std::io::Error::other(format!(
            "`{field}` is not an empty top-level array"
        )));
    };
    if items.is_empty() {
        emit(head_text.as_bytes())?;
        return emit(b"\n");
    }
    let opening = format!("{{\n  \"{field}\": [");
    let head_bytes = head_text.as_bytes();
    emit(head_bytes.get(..at).unwrap_or_default())?;
    emit(&opening.as_bytes()[1..])?;
    Waves {
        // The items are large: small chunks keep both cores busy.
        chunk: 2,
        wave: 32,
        chunk_bytes: 0,
        opening: opening.as_bytes(),
        closing: b"\n  ]\n}",
    }
    .emit(
        items,
        |chunk| std::collections::BTreeMap::from([(field, chunk)]),
        &mut emit,
    )?;
    emit(b"\n  ]")?;
    emit(head_bytes.get(at + marker.len()..).unwrap_or_default())?;
    emit(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `items` as a pretty JSON array and a final newline, in waves of
    /// chunks of 3.
    fn pretty_array<T: Serialize + Sync>(items: &[T]) -> String {
        if items.is_empty() {
            return "[]\n".to_string();
        }
        let mut text = b"[".to_vec();
        let waves = Waves {
            chunk: 3,
            wave: 4,
            chunk_bytes: 16,
            opening: b"[",
            closing: b"\n]",
        };
        waves
            .emit(items, |chunk| chunk, &mut |piece: &[u8]| {
                text.extend_from_slice(piece);
                Ok::<(), serde_json::Error>(())
            })
            .unwrap_or_default();
        text.extend_from_slice(b"\n]\n");
        String::from_utf8(text).unwrap_or_default()
    }

    #[derive(Serialize)]
    struct Item {
        number: usize,
        words: Vec<&'static str>,
        nested: Option<Span>,
    }

    /// Across chunk and wave boundaries, the streamed array is the one
    /// `serde_json` prints for all the diagnostics at once.
    #[test]
    fn waves_of_chunks_are_the_whole_array() {
        use speckit_diagnostics::FileId;

        let text = "line one\nline two é\n".repeat(40);
        let files = [
            crate::SourceFile::new("a.md", &text),
            crate::SourceFile::new("b.md", &text),
        ];
        let rules = [crate::RuleInfo {
            code: "T001",
            name: "duplicate-task-id",
            summary: "",
            docs: "",
            severity: Severity::Error,
        }];
        for count in [
            1,
            CHUNK - 1,
            CHUNK,
            CHUNK * WAVE,
            CHUNK * WAVE + 1,
            3 * CHUNK * WAVE + 7,
        ] {
            let diagnostics: Vec<Diagnostic> = (0..count)
                .map(|index| {
                    let at = u32::try_from(index % 300).unwrap_or(0);
                    let code = if index % 3 == 0 { "T001" } else { "X999" };
                    Diagnostic::new(
                        code,
                        Severity::Warning,
                        FileId(u32::try_from(index % 2).unwrap_or(0)),
                        Span::new(at, at + 3),
                        format!("finding {index} \"quoted\""),
                    )
                })
                .collect();
            let report = crate::Report {
                files: &files,
                diagnostics: &diagnostics,
                rules: &rules,
                version: "0",
            };
            let positions = Positions::new(&report);
            let names = RuleIndex::new(report.rules);
            let items: Vec<JsonDiagnostic<'_>> = diagnostics
                .iter()
                .map(|diagnostic| json_diagnostic(&report, &positions, &names, diagnostic))
                .collect();
            let mut whole = serde_json::to_string_pretty(&items).unwrap_or_default();
            whole.push('\n');
            assert_eq!(render_json(&report), whole, "{count} diagnostics");
            let mut written = Vec::new();
            assert!(write_json(&report, &mut written).is_ok());
            assert_eq!(String::from_utf8(written).ok(), Some(whole), "{count}");
            assert_eq!(
                items.first().and_then(|item| item.name),
                Some("duplicate-task-id")
            );
        }
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
        // 150 items make three waves of 32 chunks of 2.
        for count in [0, 1, 3, 40, 64, 65, 150] {
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
            let mut written = Vec::new();
            assert!(write_json_with_array(&head, "features", &items(), &mut written).is_ok());
            assert_eq!(
                String::from_utf8(written).ok(),
                Some(whole),
                "{count} items"
            );
        }
        let head = Report {
            version: 1,
            note: "",
            features: Vec::new(),
            other: Vec::new(),
        };
        assert!(write_json_with_array(&head, "missing", &[1], &mut Vec::new()).is_err());
    }
}
