use speckit_model::Model;
use speckit_text::Span;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// An HTML comment `<!--` without its closing `-->`.
    ///
    /// ## Why it matters
    /// Everything after an unclosed comment is hidden from the rendered
    /// document, and parsers disagree on where it ends. Template guidance
    /// comments are a common source: one `-->` lost while editing hides the
    /// rest of the plan.
    ///
    /// ## Example
    /// ```markdown
    /// <!-- fill in the risks
    /// ## Risks
    /// ```
    /// Use instead:
    /// ```markdown
    /// <!-- fill in the risks -->
    /// ## Risks
    /// ```
    pub(crate) UnclosedComment {
        code: "S009",
        name: "unclosed-comment",
        summary: "An HTML comment is never closed",
        severity: Error,
        fix: Never,
        target: Any,
    }
}

impl UnclosedComment {
    fn run(&self, _model: &Model<'_>, cx: &mut RuleContext<'_>) {
        let text = cx.document.text.as_str();
        let bytes = text.as_bytes();
        // Forward search is the vectorised one; comments are few.
        let Some(last_open) = memchr::memmem::find_iter(bytes, b"<!--").last() else {
            return;
        };
        // Only the last comment can be unclosed: any earlier one would be
        // closed by the `-->` that must follow the last opening.
        let after = last_open + 4;
        if memchr::memmem::find(bytes.get(after..).unwrap_or(&[]), b"-->").is_some() {
            return;
        }
        // Inside a code block it is just text.
        let in_code = cx.document.tree.nodes().iter().any(|node| {
            matches!(
                node.kind,
                speckit_md::NodeKind::CodeBlock { .. } | speckit_md::NodeKind::Code
            ) && node.span.contains(u32::try_from(last_open).unwrap_or(0))
        });
        if !in_code {
            let start = u32::try_from(last_open).unwrap_or(0);
            drop(
                cx.report(Span::new(start, start + 4), "this comment is never closed")
                    .help("add `-->` where the comment should end"),
            );
        }
    }
}
