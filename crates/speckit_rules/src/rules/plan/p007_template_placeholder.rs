use std::sync::LazyLock;

use memchr::memmem;
use speckit_md::NodeKind;
use speckit_model::{Plan, Text};
use speckit_text::{Span, Spanned};

use crate::rule::{RuleContext, declare_rule};
use crate::rules::common::{PlaceholderKind, placeholders};
use crate::rules::plan::shared::plain;

/// spec-kit template sentences written in brackets, matched at the start of
/// a `[…]` (the bracket runs to the next `]` on the line).
const SENTENCE_SLOTS: &[&str] = &[
    "[e.g.,",
    "[e.g. ",
    "[例如",
    "[Extract from feature spec",
    "[Document the selected structure",
    "[link]",
    "[current need]",
    "[specific problem]",
    "[why 3 projects insufficient]",
    "[why direct DB access insufficient]",
    "[single/web/mobile",
    "[domain-specific",
];

/// The second bytes of [`SENTENCE_SLOTS`] (the byte after `[`): a `[`
/// followed by any other byte starts none of them.
const SLOT_SECOND_BYTES: [bool; 256] = second_bytes(SENTENCE_SLOTS);

const fn second_bytes(slots: &[&str]) -> [bool; 256] {
    let mut set = [false; 256];
    let mut index = 0;
    while index < slots.len() {
        let bytes = slots[index].as_bytes();
        if bytes.len() > 1 {
            set[bytes[1] as usize] = true;
        }
        index += 1;
    }
    set
}

/// Searchers for the literals looked for in every code block and prose gap,
/// built once rather than per call.
static FEATURE_NAME: LazyLock<memmem::Finder<'static>> =
    LazyLock::new(|| memmem::Finder::new("{feature-name}"));
static BRANCH_SLOT: LazyLock<memmem::Finder<'static>> =
    LazyLock::new(|| memmem::Finder::new("[###-"));
static TASK_ID_SLOT: LazyLock<memmem::Finder<'static>> =
    LazyLock::new(|| memmem::Finder::new("TXXX"));

declare_rule! {
    /// ## What it checks
    /// Template text left in a plan, outside code:
    ///
    /// - the seed template's `{…}` slots (`{Feature Name}`, `{Your Name}`,
    ///   `{Chosen option}`), and `YYYY-MM-DD` as a header value;
    /// - spec-kit's ALL-CAPS slots (`[FEATURE]`, `[DATE]`), the branch slot
    ///   `[###-feature-name]` (also in code), and its bracketed sentences
    ///   (`[e.g., Python 3.11 …]`, `[Extract from feature spec: …]`, `[link]`,
    ///   the Complexity Tracking example row);
    /// - `{feature-name}` in the File Structure tree.
    ///
    /// `{id}` path parameters, `{}` and code are not placeholders.
    /// `[REMOVE IF UNUSED]` is reported by P035 and the Constitution Check's
    /// `[Gates determined based on constitution file]` by P034.
    ///
    /// ## Why it matters
    /// A placeholder means a part of the plan was generated and never
    /// written. An agent implementing the plan fills the gap with a guess.
    ///
    /// ## Example
    /// ```markdown
    /// #### Decision 1: {Title}
    /// - **Context**: {Why this decision is needed}
    /// ```
    /// Use instead:
    /// ```markdown
    /// #### Decision 1: Storage engine
    /// - **Context**: Saved searches must survive restarts of the server.
    /// ```
    pub(crate) TemplatePlaceholder {
        code: "P007",
        name: "template-placeholder",
        summary: "Template placeholder text is left in the plan",
        severity: Warning,
        fix: Never,
        target: Plan,
    }
}

impl TemplatePlaceholder {
    fn run(&self, plan: &Plan<'_>, cx: &mut RuleContext<'_>) {
        let doc = cx.document;
        let text = doc.text.as_str();
        let mut found: Vec<Text<'_>> = Vec::new();
        let mut cursor = 0u32;
        for node in doc.tree.nodes() {
            let span = node.span;
            match node.kind {
                NodeKind::CodeBlock { .. } => {
                    find_feature_name(text, span, &mut found);
                    find_branch_slots(text, span, &mut found);
                }
                NodeKind::Code => find_branch_slots(text, span, &mut found),
                NodeKind::HtmlBlock | NodeKind::Html | NodeKind::InlineHtml => {}
                _ => continue,
            }
            if span.start > cursor {
                scan_prose(
                    Spanned::slice(text, Span::new(cursor, span.start)),
                    &mut found,
                );
            }
            cursor = cursor.max(span.end);
        }
        let end = u32::try_from(text.len()).unwrap_or(u32::MAX);
        if end > cursor {
            scan_prose(Spanned::slice(text, Span::new(cursor, end)), &mut found);
        }
        for field in &plan.metadata {
            let value = plain(field.value);
            if value.value == "YYYY-MM-DD" {
                found.push(value);
            }
        }
        found.sort_by_key(|slot| slot.span.start);
        found.dedup_by_key(|slot| slot.span);
        // One finding per line: a template table row holds several slots.
        let mut index = 0;
        while let Some(first) = found.get(index) {
            let mut last = index;
            while let Some(next) = found.get(last + 1) {
                let between = Span::new(first.span.end, next.span.start.max(first.span.end));
                if cx.text(between).contains('\n') {
                    break;
                }
                last += 1;
            }
            let group = found.get(index..=last).unwrap_or(&[]);
            let span = group
                .iter()
                .fold(first.span, |span, slot| span.cover(slot.span));
            let message = match group {
                [one] => format!("`{}` is template text", one.value),
                _ => format!(
                    "template text: {}",
                    group
                        .iter()
                        .map(|slot| format!("`{}`", slot.value))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            drop(
                cx.report(span, message)
                    .help("replace it with the plan's real content"),
            );
            index = last + 1;
        }
    }
}

/// Placeholders in text outside code and HTML.
fn scan_prose<'a>(prose: Text<'a>, found: &mut Vec<Text<'a>>) {
    let bytes = prose.value.as_bytes();
    if may_hold_slot(bytes) {
        for slot in placeholders(prose) {
            let keep = match slot.kind {
                // `YYYY-MM-DD` in prose usually describes a format; header
                // values are checked on their own.
                PlaceholderKind::Date => false,
                // `{a,B}` is a brace expansion, not a slot.
                PlaceholderKind::Curly => !is_brace_expansion(slot.text.value),
                PlaceholderKind::Bracket => slot.text.value != "[REMOVE IF UNUSED]",
                PlaceholderKind::Token => true,
            };
            if keep {
                found.push(slot.text);
            }
        }
    }
    for at in memchr::memchr_iter(b'[', bytes) {
        let second = bytes.get(at + 1).copied().unwrap_or(0);
        if !SLOT_SECOND_BYTES[usize::from(second)] {
            continue;
        }
        let rest = prose.value.get(at..).unwrap_or("");
        if !SENTENCE_SLOTS.iter().any(|slot| rest.starts_with(slot)) {
            continue;
        }
        let line_end = rest.find('\n').unwrap_or(rest.len());
        let Some(close) = rest.get(..line_end).and_then(|line| line.find(']')) else {
            continue;
        };
        // `[link](./spec.md)` is a link whose text happens to match.
        if rest
            .get(close + 1..)
            .is_some_and(|after| after.starts_with('('))
        {
            continue;
        }
        let slot = rest.get(..=close).unwrap_or("");
        found.push(Spanned::new(slot, prose.span.subspan(at..at + close + 1)));
    }
}

/// Whether `bytes` can hold a slot of [`placeholders`]: a `{`, a `$`, a `[`
/// before a capital or `#`, or `TXXX`. Most prose holds none, and this look
/// is much cheaper than the full scan.
fn may_hold_slot(bytes: &[u8]) -> bool {
    memchr::memchr3_iter(b'{', b'[', b'$', bytes).any(|at| {
        bytes.get(at) != Some(&b'[')
            || bytes
                .get(at + 1)
                .is_some_and(|next| next.is_ascii_uppercase() || *next == b'#')
    }) || TASK_ID_SLOT.find(bytes).is_some()
}

fn is_brace_expansion(slot: &str) -> bool {
    let inner = slot.trim_start_matches('{').trim_end_matches('}');
    inner
        .split_once(',')
        .is_some_and(|(_, after)| !after.starts_with(' '))
}

/// Every `{feature-name}` inside `span`.
fn find_feature_name<'a>(text: &'a str, span: Span, found: &mut Vec<Text<'a>>) {
    let haystack = text.get(span.range()).unwrap_or("");
    let len = FEATURE_NAME.needle().len();
    for at in FEATURE_NAME.find_iter(haystack.as_bytes()) {
        let slot = haystack.get(at..at + len).unwrap_or("");
        found.push(Spanned::new(slot, span.subspan(at..at + len)));
    }
}

/// `[###-feature-name]` and `[###-feature]` inside `span`.
fn find_branch_slots<'a>(text: &'a str, span: Span, found: &mut Vec<Text<'a>>) {
    let haystack = text.get(span.range()).unwrap_or("");
    // Most code spans hold no `[`: one byte search instead of a searcher.
    if memchr::memchr(b'[', haystack.as_bytes()).is_none() {
        return;
    }
    for at in BRANCH_SLOT.find_iter(haystack.as_bytes()) {
        let rest = haystack.get(at..).unwrap_or("");
        let Some(close) = rest.find(']') else {
            continue;
        };
        let inner = rest.get(5..close).unwrap_or("");
        if inner.is_empty() || !inner.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
            continue;
        }
        let slot = rest.get(..=close).unwrap_or("");
        found.push(Spanned::new(slot, span.subspan(at..at + close + 1)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_bytes_admit_every_sentence_slot() {
        for slot in SENTENCE_SLOTS {
            assert!(slot.len() > 1 && slot.starts_with('['), "{slot}");
        }
        for byte in 0..=u8::MAX {
            let starts_a_slot = SENTENCE_SLOTS
                .iter()
                .any(|slot| slot.as_bytes().get(1) == Some(&byte));
            assert_eq!(
                SLOT_SECOND_BYTES[usize::from(byte)],
                starts_a_slot,
                "{byte}"
            );
        }
    }
}
