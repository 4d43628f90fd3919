use speckit_model::{Generation, Spec};

use super::open_markers;
use crate::rule::{RuleContext, declare_rule};

/// spec-kit's limit after the specify step (FORMATS.md §B.10).
const MAX_MARKERS: usize = 3;

declare_rule! {
    /// ## What it checks
    /// A spec-kit spec (v0.0.57 template or later) with more than three
    /// `[NEEDS CLARIFICATION: …]` markers. Reported once, at the fourth.
    /// Legacy specs, whose template asked to mark every ambiguity, are not
    /// checked.
    ///
    /// ## Why it matters
    /// spec-kit's specify step keeps at most three markers, chosen by impact
    /// (scope, then security and privacy, then user experience), and makes
    /// informed guesses for the rest, recorded under Assumptions. A spec
    /// with ten open questions is not ready for `/speckit.clarify`, which
    /// asks five at most.
    ///
    /// ## Example
    /// A spec with `[NEEDS CLARIFICATION: …]` in FR-002, FR-004, FR-007 and
    /// FR-009.
    ///
    /// Use instead: keep the three questions that change the scope or the
    /// security of the feature, decide the others and list each decision
    /// under `## Assumptions`.
    pub(crate) TooManyClarificationMarkers {
        code: "R013",
        name: "too-many-clarification-markers",
        summary: "The spec has more than three [NEEDS CLARIFICATION] markers",
        severity: Warning,
        fix: Never,
        target: Spec,
    }
}

impl TooManyClarificationMarkers {
    fn run(&self, spec: &Spec<'_>, cx: &mut RuleContext<'_>) {
        if spec.generation != Generation::SpecKit {
            return;
        }
        let document = cx.document;
        let mut markers = open_markers(spec, &document.text);
        let Some(first) = markers.next() else {
            return;
        };
        let Some(fourth) = markers.nth(MAX_MARKERS - 1) else {
            return;
        };
        let total = MAX_MARKERS + 1 + markers.count();
        drop(
            cx.report(
                fourth.span,
                format!("{total} `[NEEDS CLARIFICATION]` markers; spec-kit keeps at most {MAX_MARKERS}"),
            )
            .label(first.span, "first marker")
            .help("keep the three with the most impact; decide the rest and record them under `## Assumptions`"),
        );
    }
}
