use speckit_model::{Plan, Text};
use speckit_text::Span;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::plan::code::{code_blocks, token_span};
use crate::rules::plan::sql::{SQL_LANGUAGES, SqlError, check_sql};

declare_rule! {
    /// ## What it checks
    /// A fenced code block marked `sql` (or `postgresql`, `postgres`, `pgsql`,
    /// `sqlite`, `mysql`) that a SQL parser cannot read, such as a `CREATE
    /// TABLE` of Database Schema Changes with a missing comma. The block is
    /// tried with a generic dialect, then PostgreSQL, SQLite and MySQL; it is
    /// reported only when none of them reads it, at the place the parser that
    /// got furthest stopped, with the statement it was reading.
    ///
    /// ## Why it matters
    /// Schema blocks become migrations more or less verbatim. A statement
    /// that does not parse fails the migration, and an agent asked to "apply
    /// the schema" has to guess what was meant.
    ///
    /// ## Example
    /// ````markdown
    /// ```sql
    /// CREATE TABLE saved_searches (
    ///   id TEXT PRIMARY KEY
    ///   query TEXT NOT NULL
    /// );
    /// ```
    /// ````
    /// Use instead:
    /// ````markdown
    /// ```sql
    /// CREATE TABLE saved_searches (
    ///   id TEXT PRIMARY KEY,
    ///   query TEXT NOT NULL
    /// );
    /// ```
    /// ````
    pub(crate) InvalidSql {
        code: "P019",
        name: "invalid-sql",
        summary: "A sql code block does not parse",
        severity: Error,
        fix: Never,
        target: Plan,
    }
}

impl InvalidSql {
    fn run(&self, _plan: &Plan<'_>, cx: &mut RuleContext<'_>) {
        let doc = cx.document;
        for block in code_blocks(doc, SQL_LANGUAGES) {
            let code = block.content;
            if code.value.trim().is_empty() {
                continue;
            }
            let Err(SqlError { offset, message }) = check_sql(code.value) else {
                continue;
            };
            let mut report = cx
                .report(
                    token_span(code, offset),
                    format!("SQL does not parse: {message}"),
                )
                .help(format!(
                    "fix the `{}` block so that it can be run as written",
                    block.language
                ));
            let statement = statement_line(code, offset);
            if !statement.is_empty() && !statement.contains(token_span(code, offset).start) {
                report = report.label(statement, "in this statement");
            }
            drop(report);
        }
    }
}

/// The first line of the statement that holds byte `at` of the block: the
/// first non-blank line after the previous `;`.
fn statement_line(code: Text<'_>, at: usize) -> Span {
    let text = code.value;
    let head = text.get(..at).unwrap_or("");
    let start = head.rfind(';').map_or(0, |semicolon| semicolon + 1);
    let rest = text.get(start..).unwrap_or("");
    let skipped = rest.len() - rest.trim_start().len();
    let line_start = start + skipped;
    let line_end = text
        .get(line_start..)
        .and_then(|tail| tail.find('\n'))
        .map_or(text.len(), |newline| line_start + newline);
    code.span.subspan(line_start..line_end.max(line_start))
}
