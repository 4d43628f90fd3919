use speckit_model::Checklist;
use speckit_text::Span;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Two items of one checklist with the same `CHK` ID.
    ///
    /// ## Why it matters
    /// Reviews, notes (`CHK007: deferred`) and follow-up tasks refer to
    /// items by ID. spec-kit up to v0.0.90 restarted numbering at `CHK001`
    /// when it appended to an existing file, so real checklists often hold
    /// two `CHK001`s, and every such reference becomes ambiguous.
    ///
    /// ## Example
    /// ```markdown
    /// - [ ] CHK004 - Is the retry limit specified? [Gap]
    /// - [ ] CHK004 - Are error messages defined for each failure? [Completeness]
    /// ```
    /// Use instead:
    /// ```markdown
    /// - [ ] CHK004 - Is the retry limit specified? [Gap]
    /// - [ ] CHK005 - Are error messages defined for each failure? [Completeness]
    /// ```
    pub(crate) DuplicateChecklistId {
        code: "K001",
        name: "duplicate-checklist-id",
        summary: "Two checklist items share an ID",
        severity: Error,
        fix: Never,
        target: Checklist,
    }
}

impl DuplicateChecklistId {
    fn run(&self, checklist: &Checklist<'_>, cx: &mut RuleContext<'_>) {
        let mut ids: Vec<speckit_model::Text<'_>> =
            checklist.items.iter().filter_map(|item| item.id).collect();
        // A stable sort keeps each ID's first item first.
        ids.sort_by_key(|id| id.value);
        let mut first_of_run: Option<(&str, Span)> = None;
        for id in ids {
            match first_of_run {
                Some((first, first_span)) if first == id.value => drop(
                    cx.report(
                        id.span,
                        format!("checklist ID `{}` is already used", id.value),
                    )
                    .label(first_span, "first used here")
                    .help("give the item the next free ID; IDs continue after the largest one"),
                ),
                _ => first_of_run = Some((id.value, id.span)),
            }
        }
    }
}
