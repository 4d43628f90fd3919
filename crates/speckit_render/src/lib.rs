//! Turning diagnostics into text for people and machines.
//!
//! Renderers take the checked files (path and text, indexed by
//! [`speckit_diagnostics::FileId`]), the diagnostics (already sorted and
//! filtered) and the metadata of the rules involved, and return a string.
//! Positions are computed here for the offsets findings start and end at
//! (one pass over each file, see [`OffsetPositions`]): characters for
//! people, UTF-16 units for SARIF.
//!
//! Renderers never run rules, read files or decide exit codes.

mod excerpt;
mod github;
mod human;
mod json;
mod junit;
mod pretty;
mod sarif;

use rayon::prelude::*;
use speckit_diagnostics::{Diagnostic, FileId, Severity};
use speckit_text::{LineCol, OffsetPositions};

pub use excerpt::{ExcerptLines, Excerpts};
pub use github::render_github;
pub use human::{HumanOptions, render_human, summary_line};
pub use json::{JsonDiagnostic, render_json, write_json, write_json_with_array};
pub use junit::render_junit;
pub use sarif::render_sarif;

/// One checked file.
#[derive(Clone, Copy, Debug)]
pub struct SourceFile<'a> {
    /// Path shown to users (workspace-relative).
    pub path: &'a str,
    pub text: Source<'a>,
}

/// What renderers have of a file's text.
#[derive(Clone, Copy, Debug)]
pub enum Source<'a> {
    Whole(&'a str),
    /// Only the lines findings point into.
    Excerpts(&'a Excerpts),
}

impl<'a> SourceFile<'a> {
    pub fn new(path: &'a str, text: &'a str) -> Self {
        SourceFile {
            path,
            text: Source::Whole(text),
        }
    }

    pub fn excerpted(path: &'a str, excerpts: &'a Excerpts) -> Self {
        SourceFile {
            path,
            text: Source::Excerpts(excerpts),
        }
    }

    /// The lines around `offset`: the whole text, or the excerpt holding it.
    fn lines_at(&self, offset: u32) -> Option<ExcerptLines<'a>> {
        match self.text {
            Source::Whole(text) => Some(ExcerptLines {
                text,
                offset: 0,
                first_line: 1,
            }),
            Source::Excerpts(excerpts) => excerpts.lines_at(offset),
        }
    }
}

/// What renderers know about a rule.
#[derive(Clone, Copy, Debug)]
pub struct RuleInfo<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub summary: &'a str,
    /// Markdown documentation.
    pub docs: &'a str,
    pub severity: Severity,
}

/// Everything a renderer needs.
#[derive(Clone, Copy)]
pub struct Report<'a> {
    pub files: &'a [SourceFile<'a>],
    pub diagnostics: &'a [Diagnostic],
    pub rules: &'a [RuleInfo<'a>],
    /// The tool's version, for SARIF and JUnit.
    pub version: &'a str,
}

impl Report<'_> {
    fn file(&self, id: FileId) -> Option<&SourceFile<'_>> {
        self.files.get(id.0 as usize)
    }
}

/// The report's rules by code, for renderers that look one up per finding:
/// a binary search rather than a scan of every rule. Where two rules share
/// a code, the first in the report's order is found.
struct RuleIndex<'r, 'a> {
    sorted: Vec<&'r RuleInfo<'a>>,
}

impl<'r, 'a> RuleIndex<'r, 'a> {
    fn new(rules: &'r [RuleInfo<'a>]) -> Self {
        let mut sorted: Vec<&RuleInfo<'a>> = rules.iter().collect();
        // Stable: of equal codes, the first stays first and is kept.
        sorted.sort_by_key(|rule| rule.code);
        sorted.dedup_by_key(|rule| rule.code);
        RuleIndex { sorted }
    }

    fn get(&self, code: &str) -> Option<&'r RuleInfo<'a>> {
        self.sorted
            .binary_search_by(|rule| rule.code.cmp(code))
            .ok()
            .and_then(|index| self.sorted.get(index).copied())
    }
}

/// Positions in the whole files findings point into, computed up front on
/// all cores (a large run's findings touch thousands of files) for the
/// offsets renderers ask for; excerpted files answer from their excerpts.
struct Positions<'a> {
    files: &'a [SourceFile<'a>],
    /// By file id; empty for excerpted files.
    whole: Vec<OffsetPositions>,
}

impl<'a> Positions<'a> {
    fn new(report: &Report<'a>) -> Self {
        let files = report.files;
        let mut offsets: Vec<Vec<u32>> = vec![Vec::new(); files.len()];
        let mut want = |file: FileId, span: speckit_text::Span| {
            if let Some(Source::Whole(_)) = files.get(file.0 as usize).map(|file| file.text)
                && let Some(slot) = offsets.get_mut(file.0 as usize)
            {
                slot.extend([span.start, span.end]);
            }
        };
        for diagnostic in report.diagnostics {
            want(diagnostic.file, diagnostic.span);
            for label in &diagnostic.labels {
                want(label.file, label.span);
            }
        }
        let whole = files
            .par_iter()
            .zip(offsets)
            .map(|(file, offsets)| match file.text {
                Source::Whole(text) if !offsets.is_empty() => OffsetPositions::new(text, offsets),
                _ => OffsetPositions::default(),
            })
            .collect();
        Positions { files, whole }
    }

    /// Start and end of `span` in `file`, 1-based.
    fn range(&self, file: FileId, span: speckit_text::Span) -> (LineCol, LineCol) {
        let index = file.0 as usize;
        let at = |offset: u32| {
            match self.files.get(index).map(|file| file.text) {
                Some(Source::Whole(_)) => self
                    .whole
                    .get(index)
                    .and_then(|positions| positions.get(offset)),
                Some(Source::Excerpts(excerpts)) => excerpts.line_col(offset),
                None => None,
            }
            .unwrap_or(LineCol::START)
        };
        (at(span.start), at(span.end))
    }
}

/// Counts by severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub fixable: usize,
}

impl Counts {
    pub fn of(diagnostics: &[Diagnostic]) -> Counts {
        let mut counts = Counts::default();
        for diagnostic in diagnostics {
            match diagnostic.severity {
                Severity::Error => counts.errors += 1,
                Severity::Warning => counts.warnings += 1,
                Severity::Info => counts.infos += 1,
            }
            if diagnostic.safe_fix().is_some() {
                counts.fixable += 1;
            }
        }
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(code: &'static str, name: &'static str) -> RuleInfo<'static> {
        RuleInfo {
            code,
            name,
            summary: "",
            docs: "",
            severity: Severity::Warning,
        }
    }

    #[test]
    fn rules_are_found_by_code_first_one_first() {
        let rules = [
            rule("T002", "second"),
            rule("P006", "status"),
            rule("T002", "another"),
            rule("A001", "first"),
        ];
        let index = RuleIndex::new(&rules);
        let name = |code: &str| index.get(code).map(|rule| rule.name);
        assert_eq!(name("T002"), Some("second"));
        assert_eq!(name("P006"), Some("status"));
        assert_eq!(name("A001"), Some("first"));
        assert_eq!(name("X999"), None);
        assert_eq!(name(""), None);
    }
}
