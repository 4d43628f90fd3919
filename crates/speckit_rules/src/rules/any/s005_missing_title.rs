use speckit_md::SectionId;
use speckit_model::Model;
use speckit_text::Span;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A document without a level-1 heading, or whose first heading is not
    /// level 1.
    ///
    /// ## Why it matters
    /// The title says what the document is (`# Implementation Plan: Login`);
    /// speckit, other tools and readers use it to recognise the document's kind
    /// and feature. Without it the kind is guessed from the file name.
    ///
    /// ## Example
    /// ```markdown
    /// ## Summary
    /// ```
    /// Use instead:
    /// ```markdown
    /// # Implementation Plan: Login
    ///
    /// ## Summary
    /// ```
    pub(crate) MissingTitle {
        code: "S005",
        name: "missing-title",
        summary: "The document has no level-1 title",
        severity: Warning,
        fix: Never,
        target: Any,
    }
}

impl MissingTitle {
    fn run(&self, _model: &Model<'_>, cx: &mut RuleContext<'_>) {
        let tree = &cx.document.tree;
        if cx.document.text.trim().is_empty() {
            return;
        }
        match tree.child_sections(SectionId::DOCUMENT).next() {
            None => drop(
                cx.report(Span::new(0, 0), "the document has no headings")
                    .help("start it with `# <Kind>: <feature name>`"),
            ),
            Some(first) if tree.section(first).level != 1 => {
                let span = cx.document.section_heading_span(first);
                drop(
                    cx.report(span, "the first heading is not a level-1 title")
                        .help("start the document with a `# ` title"),
                );
            }
            Some(_) => {}
        }
    }
}
