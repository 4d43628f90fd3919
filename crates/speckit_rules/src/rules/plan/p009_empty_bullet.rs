use speckit_md::{NodeKind, lex};
use speckit_model::Plan;
use speckit_text::{Span, Spanned};

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
                    let item = Spanned::slice(text, node.span);
                    if !may_be_empty(item.value.as_bytes()) {
                        continue;
                    }
                    let Some(span) = empty_item(item) else {
                        continue;
                    };
                    span
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

/// The trimmed span of the list item `item` when it holds only its marker,
/// or only its marker and an empty checkbox.
fn empty_item(item: Spanned<&str>) -> Option<Span> {
    let item = item.trim();
    // A multi-line item has content below its marker line.
    if item.value.contains('\n') {
        return None;
    }
    let marker = lex::list_marker(item)?;
    let rest = marker.rest.value.trim();
    let empty = rest.is_empty()
        || (rest.len() == 3
            && rest.starts_with('[')
            && rest.ends_with(']')
            && lex::checkbox(item).is_some());
    empty.then_some(item.span)
}

/// Whether the item text `item` may be empty for [`empty_item`], from its
/// last visible byte: an empty item ends with its marker (`-`, `*`, `+`, or
/// a digit and `.` or `)`) or with a checkbox's `]`. A non-ASCII last byte
/// answers yes, since it may be white space that only `trim` knows.
fn may_be_empty(item: &[u8]) -> bool {
    let mut end = item.len();
    while end > 0
        && item
            .get(end - 1)
            .is_some_and(|byte| matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c))
    {
        end -= 1;
    }
    let Some(&last) = end.checked_sub(1).and_then(|index| item.get(index)) else {
        return false;
    };
    match last {
        b'-' | b'*' | b'+' | b']' => true,
        b'.' | b')' => end
            .checked_sub(2)
            .and_then(|index| item.get(index))
            .is_some_and(u8::is_ascii_digit),
        _ => !last.is_ascii(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_test_keeps_every_empty_item() {
        let items = [
            "-",
            "- ",
            "-\n",
            "* ",
            "+\t",
            "1.",
            "12)",
            "3. ",
            "- [ ]",
            "- [x]\n",
            "1. [ ]",
            "- [ ] \u{0b}",
            "- \u{a0}",
            "- text",
            "- text.",
            "1. Step 2.",
            "- a [link]",
            "- see (1)",
            "",
            "  ",
            "- [ ]\n  - nested",
            "-\u{3000}",
            "1.\u{0c}",
            "x",
            "- é",
            "10.",
        ];
        for value in items {
            let end = u32::try_from(value.len()).unwrap_or(0);
            let item = Spanned::new(value, Span::new(0, end));
            if !may_be_empty(value.as_bytes()) {
                assert_eq!(empty_item(item), None, "{value:?}");
            }
        }
        assert!(may_be_empty(b"- [ ]\n"));
        assert!(!may_be_empty(b"- text"));
    }
}
