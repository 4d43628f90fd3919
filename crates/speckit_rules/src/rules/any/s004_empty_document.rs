use speckit_md::lex;
use speckit_model::Model;
use speckit_text::Span;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A document with no content besides whitespace, HTML comments and
    /// empty bullets.
    ///
    /// ## Why it matters
    /// An empty `plan.md` or `tasks.md` looks like progress in a file listing
    /// but gives readers and agents nothing; the next workflow step will run on
    /// nothing.
    ///
    /// ## Example
    /// A `plan.md` holding only `<!-- to do -->`.
    ///
    /// Use instead: fill the document from its template, or delete it.
    pub(crate) EmptyDocument {
        code: "S004",
        name: "empty-document",
        summary: "The document has no content",
        severity: Warning,
        fix: Never,
        target: Any,
    }
}

impl EmptyDocument {
    fn run(&self, _model: &Model<'_>, cx: &mut RuleContext<'_>) {
        let text = cx.document.text.as_str();
        let body = text.get(speckit_md::bom_len(text)..).unwrap_or("");
        // A document that opens with a word or a heading has content; only
        // the others need the full look, which reads past comments.
        let opens_with_text = body
            .bytes()
            .find(|byte| !byte.is_ascii_whitespace())
            .is_some_and(|byte| byte.is_ascii_alphanumeric() || byte == b'#');
        if !opens_with_text && lex::is_blank_content(body) {
            drop(
                cx.report(Span::new(0, 0), "the document is empty")
                    .help("fill it from its template or remove the file"),
            );
        }
    }
}
