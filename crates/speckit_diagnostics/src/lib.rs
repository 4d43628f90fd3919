//! Diagnostics as plain data.
//!
//! A [`Diagnostic`] says what is wrong, where (a file id and a byte span), how
//! bad it is and, optionally, how to fix it. Producers (the parser, rules,
//! analysis) fill these in; renderers turn them into text, JSON, SARIF and so
//! on. This crate must not format output or read files.

use std::borrow::Cow;
use std::fmt;

use schemars::JsonSchema;
use serde::Serialize;
use speckit_text::{Edit, Span};

/// Index of a file in the table of the run that produced the diagnostic.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema,
)]
pub struct FileId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(text: &str) -> Option<Severity> {
        match text.to_ascii_lowercase().as_str() {
            "info" | "note" => Some(Severity::Info),
            "warning" | "warn" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a fix may be applied without a human looking at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    Safe,
    Unsafe,
}

/// Edits to one file that resolve a diagnostic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub message: String,
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

/// A secondary location, possibly in another file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub file: FileId,
    pub span: Span,
    /// Most label texts are fixed phrases: they are borrowed, not copied.
    pub message: Cow<'static, str>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: &'static str,
    pub severity: Severity,
    pub file: FileId,
    pub span: Span,
    pub message: String,
    pub labels: Vec<Label>,
    /// Most help texts are fixed phrases: they are borrowed, not copied.
    pub help: Option<Cow<'static, str>>,
    /// Boxed: few findings have one, and every finding carries the field.
    pub fix: Option<Box<Fix>>,
}

impl Diagnostic {
    pub fn new(
        code: &'static str,
        severity: Severity,
        file: FileId,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        Self {
            code,
            severity,
            file,
            span,
            message: message.into(),
            labels: Vec::new(),
            help: None,
            fix: None,
        }
    }

    #[must_use]
    pub fn with_help(mut self, help: impl Into<Cow<'static, str>>) -> Self {
        self.help = Some(help.into());
        self
    }

    #[must_use]
    pub fn with_label(
        mut self,
        file: FileId,
        span: Span,
        message: impl Into<Cow<'static, str>>,
    ) -> Self {
        self.labels.push(Label {
            file,
            span,
            message: message.into(),
        });
        self
    }

    #[must_use]
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(Box::new(fix));
        self
    }

    /// The fix `--fix` applies, if the diagnostic has a safe one.
    pub fn safe_fix(&self) -> Option<&Fix> {
        self.fix
            .as_deref()
            .filter(|fix| fix.applicability == Applicability::Safe)
    }

    /// The order renderers print in: file, position, then code.
    pub fn sort_key(&self) -> (FileId, u32, u32, &'static str) {
        (self.file, self.span.start, self.span.end, self.code)
    }
}

/// Sorts diagnostics into the stable order every renderer uses.
pub fn sort_diagnostics(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        a.sort_key()
            .cmp(&b.sort_key())
            .then_with(|| a.message.cmp(&b.message))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_safe_fixes_are_safe_fixes() {
        let fix = |applicability| Fix {
            message: "fix".into(),
            applicability,
            edits: Vec::new(),
        };
        let diagnostic = Diagnostic::new("T001", Severity::Error, FileId(0), Span::empty(0), "m");
        assert!(diagnostic.safe_fix().is_none());
        let safe = diagnostic.clone().with_fix(fix(Applicability::Safe));
        assert_eq!(safe.safe_fix(), Some(&fix(Applicability::Safe)));
        let risky = diagnostic.with_fix(fix(Applicability::Unsafe));
        assert!(risky.safe_fix().is_none());
    }

    #[test]
    fn severity_parses_common_spellings() {
        assert_eq!(Severity::parse("WARN"), Some(Severity::Warning));
        assert_eq!(Severity::parse("note"), Some(Severity::Info));
        assert_eq!(Severity::parse("fatal"), None);
        assert!(Severity::Error > Severity::Warning && Severity::Warning > Severity::Info);
    }

    #[test]
    fn sort_is_by_file_then_position_then_code() {
        let make = |file, start, code| {
            Diagnostic::new(
                code,
                Severity::Error,
                FileId(file),
                Span::new(start, start + 1),
                "m",
            )
        };
        let mut diagnostics = vec![
            make(1, 0, "A"),
            make(0, 5, "B"),
            make(0, 5, "A"),
            make(0, 1, "Z"),
        ];
        sort_diagnostics(&mut diagnostics);
        let order: Vec<_> = diagnostics
            .iter()
            .map(|d| (d.file.0, d.span.start, d.code))
            .collect();
        assert_eq!(
            order,
            vec![(0, 1, "Z"), (0, 5, "A"), (0, 5, "B"), (1, 0, "A")]
        );
    }
}
