//! A document: one file's text, its Markdown tree, and its detected kind.

use schemars::JsonSchema;
use serde::Serialize;
use speckit_diagnostics::{Diagnostic, FileId, Severity};
use speckit_md::MdTree;
use speckit_text::Span;

use crate::checklist::Checklist;
use crate::common::Outline;
use crate::constitution::Constitution;
use crate::kind::{DocKind, Generation};
use crate::plan::Plan;
use crate::spec::Spec;
use crate::tasks::TaskList;

/// Diagnostic code for bytes that are not UTF-8.
pub const INVALID_UTF8: &str = "S001";
/// Diagnostic code for a Markdown parser failure.
pub const PARSER_FAILURE: &str = "S002";

/// One parsed file. Owns the text; typed models borrow from it.
#[derive(Clone, Debug)]
pub struct Document {
    pub file: FileId,
    /// Path as given by the caller (workspace-relative, `/`-separated).
    pub path: String,
    /// The file's text. For a file that is not valid UTF-8 this is a lossy
    /// decoding used for reading only; the original bytes are kept.
    pub text: String,
    pub tree: MdTree,
    pub kind: DocKind,
    /// Problems found while reading and parsing (not rule findings).
    pub diagnostics: Vec<Diagnostic>,
    original: Option<Vec<u8>>,
}

impl Document {
    /// Parses a file's bytes. Never fails: invalid UTF-8 is decoded lossily
    /// and reported as a diagnostic.
    pub fn parse(file: FileId, path: impl Into<String>, bytes: Vec<u8>) -> Document {
        let path = path.into();
        let mut diagnostics = Vec::new();
        let (text, original) = match String::from_utf8(bytes) {
            Ok(text) => (text, None),
            Err(error) => {
                let valid_up_to = error.utf8_error().valid_up_to();
                let bytes = error.into_bytes();
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let at = Span::from_range(valid_up_to..valid_up_to + 1);
                diagnostics.push(
                    Diagnostic::new(
                        INVALID_UTF8,
                        Severity::Error,
                        file,
                        Span::new(
                            at.start,
                            at.start
                                .saturating_add(3)
                                .min(Span::from_range(0..text.len()).end),
                        ),
                        format!("file is not valid UTF-8 (first bad byte at offset {valid_up_to})"),
                    )
                    .with_help(
                        "re-save the file as UTF-8; speckit reads it lossily and will not edit it",
                    ),
                );
                (text, Some(bytes))
            }
        };
        let tree = MdTree::parse(&text);
        if tree.parser_panicked() {
            diagnostics.push(Diagnostic::new(
                PARSER_FAILURE,
                Severity::Error,
                file,
                Span::new(0, 0),
                "the Markdown parser failed on this file; its structure is ignored",
            ));
        }
        let mut document = Document {
            file,
            path,
            text,
            tree,
            kind: DocKind::Other,
            diagnostics,
            original,
        };
        document.kind = DocKind::detect(&document.path, document.title().map(|title| title.value));
        document
    }

    /// Parses a string (tests and in-memory documents).
    pub fn parse_str(path: &str, text: &str) -> Document {
        Document::parse(FileId(0), path, text.as_bytes().to_vec())
    }

    /// True when the file was not valid UTF-8; such documents are read-only.
    pub fn is_lossy(&self) -> bool {
        self.original.is_some()
    }

    /// The file's original bytes, exactly as read.
    pub fn bytes(&self) -> &[u8] {
        self.original.as_deref().unwrap_or(self.text.as_bytes())
    }

    /// The template generation, judged from the title and header fields.
    pub fn generation(&self) -> Generation {
        match self.kind {
            DocKind::Spec => crate::spec::detect_generation(self),
            DocKind::Plan => crate::plan::detect_generation(self),
            DocKind::Tasks => crate::tasks::detect_generation(self),
            DocKind::Constitution => crate::constitution::detect_generation(self),
            DocKind::Checklist => crate::checklist::detect_generation(self),
            _ => Generation::Unknown,
        }
    }

    /// Builds the typed model for this document's kind.
    pub fn model(&self) -> Model<'_> {
        match self.kind {
            DocKind::Spec => Model::Spec(Spec::parse(self)),
            DocKind::Plan => Model::Plan(Box::new(Plan::parse(self))),
            DocKind::Tasks => Model::Tasks(TaskList::parse(self)),
            DocKind::Constitution => Model::Constitution(Constitution::parse(self)),
            DocKind::Checklist => Model::Checklist(Checklist::parse(self)),
            _ => Model::Other {
                outline: self.outline(&[]),
            },
        }
    }
}

/// The typed model of one document.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(untagged)]
#[allow(
    clippy::large_enum_variant,
    reason = "built once per document and matched by reference; boxing would only add an allocation"
)]
pub enum Model<'a> {
    Constitution(Constitution<'a>),
    Spec(Spec<'a>),
    Plan(Box<Plan<'a>>),
    Tasks(TaskList<'a>),
    Checklist(Checklist<'a>),
    Other { outline: Outline<'a> },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_a_diagnostic_and_bytes_are_kept() {
        let bytes = b"# Spec\n\xff\xfe bad\n".to_vec();
        let doc = Document::parse(FileId(3), "spec.md", bytes.clone());
        assert!(doc.is_lossy());
        assert_eq!(doc.bytes(), bytes.as_slice());
        assert_eq!(doc.diagnostics.len(), 1);
        assert_eq!(doc.diagnostics[0].code, INVALID_UTF8);
        assert_eq!(doc.diagnostics[0].span.start, 7);
        assert_eq!(doc.kind, DocKind::Spec);
    }

    #[test]
    fn valid_text_round_trips() {
        let text = "\u{feff}# Tasks: X\r\n\r\n- [ ] T001 a";
        let doc = Document::parse_str("tasks.md", text);
        assert!(!doc.is_lossy());
        assert_eq!(doc.bytes(), text.as_bytes());
        assert_eq!(doc.kind, DocKind::Tasks);
    }
}
