use speckit_model::Checklist;
use speckit_model::checklist::ChecklistKind;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// An item of a generated spec-kit checklist (one with `CHK` IDs) that
    /// opens like a test step: `Verify …`, `Test …`, `Check …`, `Confirm …`,
    /// `Ensure …` or `Validate …`.
    ///
    /// ## Why it matters
    /// spec-kit's checklists are "unit tests for the requirements": each
    /// item asks whether the *requirements* are complete, clear and
    /// measurable, not whether the code works. "Verify the page shows three
    /// cards" tests the implementation; "Is the number of cards specified?"
    /// tests the spec, which is what the checklist is for.
    ///
    /// ## Example
    /// ```markdown
    /// - [ ] CHK003 - Verify that the import shows an error for pages over 5 MB
    /// ```
    /// Use instead:
    /// ```markdown
    /// - [ ] CHK003 - Is the behaviour for pages over 5 MB specified? [Edge Case, Spec §FR-007]
    /// ```
    pub(crate) ItemPhrasedAsTest {
        code: "K006",
        name: "item-phrased-as-test",
        summary: "A checklist item tests the implementation instead of the requirements",
        severity: Info,
        fix: Never,
        target: Checklist,
    }
}

const TEST_VERBS: [&str; 6] = ["Verify", "Test", "Check", "Confirm", "Ensure", "Validate"];

impl ItemPhrasedAsTest {
    fn run(&self, checklist: &Checklist<'_>, cx: &mut RuleContext<'_>) {
        if checklist.kind != ChecklistKind::Custom {
            return;
        }
        for item in &checklist.items {
            let text = item.text.value.trim_start_matches(['*', '_']);
            let Some(verb) = TEST_VERBS.iter().find(|verb| {
                text.strip_prefix(**verb)
                    .is_some_and(|rest| rest.starts_with([' ', ':']))
            }) else {
                continue;
            };
            let offset = item.text.value.len() - text.len();
            drop(
                cx.report(
                    item.text.span.subspan(offset..offset + verb.len()),
                    format!("the item starts with `{verb}`: it tests the implementation, not the requirements"),
                )
                .help("ask about the requirement instead: `Is … specified?`, `Are … defined for …?`"),
            );
        }
    }
}
