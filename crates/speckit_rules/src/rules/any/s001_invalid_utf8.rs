use speckit_model::{INVALID_UTF8, Model};

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A file whose bytes are not valid UTF-8.
    ///
    /// ## Why it matters
    /// Every tool in the chain (editors, agents, GitHub) assumes UTF-8. speckit
    /// reads such a file with replacement characters so that the other rules
    /// can still run, but it refuses to edit it, because writing it back would
    /// change bytes nobody asked to change.
    ///
    /// ## Example
    /// A spec saved as Latin-1 from an old editor: `Caf\xe9 menu`.
    ///
    /// Use instead: re-save the file as UTF-8 (`Café menu`).
    pub(crate) InvalidUtf8 {
        code: "S001",
        name: "invalid-utf8",
        summary: "The file is not valid UTF-8",
        severity: Error,
        fix: Never,
        target: Any,
    }
}

impl InvalidUtf8 {
    fn run(&self, _model: &Model<'_>, cx: &mut RuleContext<'_>) {
        let found: Vec<_> = cx
            .document
            .diagnostics
            .iter()
            .filter(|d| d.code == INVALID_UTF8)
            .cloned()
            .collect();
        for diagnostic in found {
            let mut report = cx.report(diagnostic.span, diagnostic.message);
            if let Some(help) = diagnostic.help {
                report = report.help(help);
            }
            drop(report);
        }
    }
}
