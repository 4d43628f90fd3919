use speckit_model::Checklist;
use speckit_model::checklist::{ChecklistItem, ChecklistKind};
use speckit_text::Span;

use crate::rule::{RuleContext, declare_rule};

/// spec-kit asks at least 80 % of the items to carry a reference.
const MIN_PERCENT: usize = 80;

declare_rule! {
    /// ## What it checks
    /// A generated spec-kit checklist (one with `CHK` IDs) in which fewer
    /// than 80 % of the items carry a traceability reference: a spec or plan
    /// section or document (`[Spec §FR-001]`, `[Plan §Data Model]`,
    /// `[quickstart.md]`), a requirement or story ID (in a tag or in the
    /// wording), or a marker `[Gap]`, `[Ambiguity]`, `[Conflict]`,
    /// `[Assumption]`. Reported once per checklist.
    ///
    /// ## Why it matters
    /// An item that names its requirement can be acted on: the answer goes
    /// into that requirement. Without references, reviewers must search the
    /// spec for every item, and gaps cannot be told from covered topics.
    ///
    /// ## Example
    /// ```markdown
    /// - [ ] CHK001 - Are retry limits specified? [Completeness]
    /// ```
    /// Use instead:
    /// ```markdown
    /// - [ ] CHK001 - Are retry limits specified? [Completeness, Spec §FR-007]
    /// ```
    pub(crate) MissingTraceability {
        code: "K007",
        name: "missing-traceability",
        summary: "Fewer than 80 % of the checklist items cite the spec",
        severity: Info,
        fix: Never,
        target: Checklist,
    }
}

const MARKERS: [&str; 4] = ["Gap", "Ambiguity", "Conflict", "Assumption"];
const ID_PREFIXES: [&str; 5] = ["FR-", "SC-", "NFR-", "TR-", "US"];

/// Whether `text` holds a section sign or a requirement or story ID
/// (`FR-012`, `US3`) as a word of its own.
fn names_id(text: &str) -> bool {
    let bytes = text.as_bytes();
    text.contains('§')
        || ID_PREFIXES.iter().any(|prefix| {
            text.match_indices(prefix).any(|(at, _)| {
                let before = at.checked_sub(1).and_then(|index| bytes.get(index));
                !before.is_some_and(u8::is_ascii_alphanumeric)
                    && bytes.get(at + prefix.len()).is_some_and(u8::is_ascii_digit)
            })
        })
}

/// A reference in a tag (`[Spec §FR-001]`, `[Gap]`, `[quickstart.md]`) or
/// an ID in the wording (`… across US3/US4`, `… (FR-045)`).
fn is_traced(item: &ChecklistItem<'_>) -> bool {
    names_id(item.text.value)
        || item.tag_values().any(|tag| {
            MARKERS
                .iter()
                .any(|marker| tag.eq_ignore_ascii_case(marker))
                || tag.starts_with("Spec")
                || tag.starts_with("Plan")
                || tag.contains(".md")
                || names_id(tag)
        })
}

impl MissingTraceability {
    fn run(&self, checklist: &Checklist<'_>, cx: &mut RuleContext<'_>) {
        if checklist.kind != ChecklistKind::Custom {
            return;
        }
        let total = checklist.items.len();
        let traced = checklist
            .items
            .iter()
            .filter(|item| is_traced(item))
            .count();
        if total == 0 || traced * 100 >= total * MIN_PERCENT {
            return;
        }
        let span = checklist.title.map_or(Span::empty(0), |title| title.span);
        drop(
            cx.report(
                span,
                format!(
                    "only {traced} of {total} items ({}%) cite the spec or mark a gap",
                    traced * 100 / total
                ),
            )
            .help("end each item with a reference such as `[Spec §FR-001]` or `[Gap]`"),
        );
    }
}
