use speckit_model::{Generation, Spec};

use super::is_withdrawn;
use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A spec-kit user story heading without a priority:
    /// `### User Story 2 - Import a recipe` instead of
    /// `### User Story 2 - Import a recipe (Priority: P2)`. Plugin stories,
    /// which have no priorities, are not checked.
    ///
    /// ## Why it matters
    /// spec-kit orders stories by priority and builds them in that order:
    /// P1 is the MVP slice, and `tasks.md` gets one phase per story in
    /// priority order. A story without a priority has no place in that plan.
    ///
    /// ## Example
    /// ```markdown
    /// ### User Story 2 - Import a recipe
    /// ```
    /// Use instead:
    /// ```markdown
    /// ### User Story 2 - Import a recipe (Priority: P2)
    /// ```
    pub(crate) StoryWithoutPriority {
        code: "R007",
        name: "story-without-priority",
        summary: "A user story heading has no (Priority: Pn)",
        severity: Warning,
        fix: Never,
        target: Spec,
    }
}

impl StoryWithoutPriority {
    fn run(&self, spec: &Spec<'_>, cx: &mut RuleContext<'_>) {
        if spec.generation != Generation::SpecKit {
            return;
        }
        for story in &spec.stories {
            if story.priority.is_none() && !is_withdrawn(story) {
                drop(
                    cx.report(
                        story.heading_span,
                        format!("`{}` has no priority", story.heading.value.trim()),
                    )
                    .help("end the heading with `(Priority: P1)`, `(Priority: P2)`, …"),
                );
            }
        }
    }
}
