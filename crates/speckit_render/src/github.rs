//! `--format github`: GitHub Actions workflow commands, which GitHub shows as
//! annotations on the pull request's changed lines.

use std::fmt::Write as _;

use speckit_diagnostics::Severity;

use crate::{Positions, Report, RuleIndex};

/// One `::error file=…,line=…::message` line per diagnostic.
pub fn render_github(report: &Report<'_>) -> String {
    let positions = Positions::new(report);
    let rules = RuleIndex::new(report.rules);
    let mut out = String::new();
    for diagnostic in report.diagnostics {
        let Some(file) = report.file(diagnostic.file) else {
            continue;
        };
        let (start, end) = positions.range(diagnostic.file, diagnostic.span);
        let command = match diagnostic.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let title = match rules.get(diagnostic.code) {
            Some(rule) => format!("{} ({})", rule.code, rule.name),
            None => diagnostic.code.to_string(),
        };
        let mut message = diagnostic.message.clone();
        if let Some(help) = &diagnostic.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        let _ = writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            escape_property(file.path),
            start.line,
            start.column,
            end.line,
            end.column,
            escape_property(&title),
            escape_data(&message)
        );
    }
    out
}

/// Message text: `%`, CR and LF are percent-encoded.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Property values additionally encode `:` and `,`.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape_data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
