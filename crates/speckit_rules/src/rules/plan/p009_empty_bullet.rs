use speckit_md::{NodeKind, lex};
use speckit_model::Plan;
use speckit_text::Spanned;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A list item with no text: a bare `-` (the seed template's "fill me in"
    /// bullet) or an empty checkbox `- [ ]`. A single `-` under a line of
    /// text is, for Markdown, the underline of a heading; it is reported as
    /// the empty bullet the author wrote.
    ///
    /// ## Why it matters
    /// Empty bullets are the template's prompts. Left in, they mark lists
    /// (Design Principles, Rollback Plan, Alerts…) that were never written,
    /// and a `-` under a label silently turns the label into a heading.
    ///
    /// ## Example
    /// ```markdown
    /// ### Alerts to Configure
    ///
    /// -
    /// -
    /// ```
    /// Use instead:
    /// ```markdown
    /// ### Alerts to Configure
    ///
    /// - Page on-call when search p95 stays above 800 ms for 10 minutes
    /// ```
    pub(crate) EmptyBullet {
        code: "P009",
        name: "empty-bullet",
        summary: "A list item has no text",
        severity: Warning,
        fix: Never,
        target: Plan,
    }
}

impl EmptyBullet {
    fn run(&self, _plan: &Plan<'_>, cx: &mut RuleContext<'_>) {
        let doc = cx.document;
        let text = doc.text.as_str();
        for node in doc.tree.nodes() {
            let span = match node.kind {
                NodeKind::Item => {
                    let item = Spanned::slice(text, node.span).trim();
                    // A multi-line item has content below its marker line.
                    if item.value.contains('\n') {
                        continue;
                    }
                    let Some(marker) = lex::list_marker(item) else {
                        continue;
                    };
                    let rest = marker.rest.value.trim();
                    let empty = rest.is_empty()
                        || (rest.len() == 3
                            && rest.starts_with('[')
                            && rest.ends_with(']')
                            && lex::checkbox(item).is_some());
                    if !empty {
                        continue;
                    }
                    item.span
                }
                NodeKind::Heading {
                    setext: true,
                    level: 2,
                } => {
                    let Some(underline) = lex::lines(text, node.span).last() else {
                        continue;
                    };
                    let underline = underline.trim();
                    if underline.value != "-" {
                        continue;
                    }
                    underline.span
                }
                _ => continue,
            };
            drop(
                cx.report(span, "empty bullet")
                    .help("write the item, or delete the line if the list needs no more items"),
            );
        }
    }
}
