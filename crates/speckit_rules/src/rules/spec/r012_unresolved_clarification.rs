use speckit_model::Spec;

use super::open_markers;
use super::r004_unknown_spec_status::{PAST_DRAFT, leading_status};
use crate::rule::{RuleContext, declare_rule};
use crate::rules::common::clean_value;

declare_rule! {
    /// ## What it checks
    /// A `[NEEDS CLARIFICATION: …]` marker left in a spec that has moved on:
    /// the feature already has a `plan.md` or `tasks.md`, or the spec's
    /// status says it is past drafting (`Approved`, `Ready`, `In Progress`,
    /// `Implemented`, `Complete`, …). Markers in a draft are how the specify
    /// step records open questions, so they are not reported (R013 limits
    /// their number). Mentions of the marker syntax (the legacy template's
    /// guidance, review checklist items, struck-through requirements) are
    /// not markers.
    ///
    /// ## Why it matters
    /// The plan and the tasks were built on a guess. Whatever the answer to
    /// the question turns out to be, the work already planned may not match
    /// it; spec-kit's checklist requires no markers to remain before planning.
    ///
    /// ## Example
    /// ```markdown
    /// **Status**: Approved
    /// …
    /// - **FR-006**: System MUST notify members [NEEDS CLARIFICATION: by e-mail too?]
    /// ```
    /// Use instead: answer the question (with `/speckit.clarify`), record it
    /// under `## Clarifications`, and write the answer into the requirement:
    /// ```markdown
    /// - **FR-006**: System MUST notify members with an in-app notice
    /// ```
    pub(crate) UnresolvedClarification {
        code: "R012",
        name: "unresolved-clarification",
        summary: "A [NEEDS CLARIFICATION] marker is left after the spec moved on",
        severity: Warning,
        fix: Never,
        target: Spec,
    }
}

impl UnresolvedClarification {
    fn run(&self, spec: &Spec<'_>, cx: &mut RuleContext<'_>) {
        let status = spec
            .status()
            .and_then(|status| leading_status(clean_value(status.value.value)))
            .filter(|word| PAST_DRAFT.contains(word));
        let reason = if cx.feature.tasks().is_some() {
            String::from("the feature already has tasks")
        } else if cx.feature.plan().is_some() {
            String::from("the feature already has a plan")
        } else if let Some(word) = status {
            format!("the spec is `{word}`")
        } else {
            return;
        };
        let document = cx.document;
        for marker in open_markers(spec, &document.text) {
            drop(
                cx.report(
                    marker.span,
                    format!("this question is still open, but {reason}"),
                )
                .help("resolve it (`/speckit.clarify`), write the answer into the spec and check the plan against it"),
            );
        }
    }
}
