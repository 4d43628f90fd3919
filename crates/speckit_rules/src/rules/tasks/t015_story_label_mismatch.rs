use speckit_model::TaskList;
use speckit_model::tasks::PhaseKind;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A task labelled `[USn]` inside the phase of another story (`[US2]`
    /// under `## Phase 3: User Story 1 - …`).
    ///
    /// ## Why it matters
    /// Story phases are meant to be shipped one at a time. A task of story 2
    /// inside story 1's phase makes story 1 depend on story 2's work, or it
    /// is simply mislabelled.
    ///
    /// ## Example
    /// ```markdown
    /// ## Phase 3: User Story 1 - Sign in (Priority: P1)
    /// - [ ] T011 [US2] Add the password reset mail
    /// ```
    /// Use instead: move the task to User Story 2's phase, or fix the label.
    pub(crate) StoryLabelMismatch {
        code: "T015",
        name: "story-label-phase-mismatch",
        summary: "A task's [USn] label differs from its story phase",
        severity: Warning,
        fix: Never,
        target: Tasks,
    }
}

impl StoryLabelMismatch {
    fn run(&self, tasks: &TaskList<'_>, cx: &mut RuleContext<'_>) {
        for task in &tasks.tasks {
            let Some(phase) = task.phase.and_then(|index| tasks.phases.get(index)) else {
                continue;
            };
            let (PhaseKind::Story, Some(story)) = (phase.kind, phase.story) else {
                continue;
            };
            let labels: Vec<u32> = task
                .stories
                .iter()
                .filter_map(|label| {
                    speckit_text::trim_prefix_repeated(label.value, "US")
                        .trim()
                        .parse()
                        .ok()
                })
                .collect();
            if labels.is_empty() || labels.contains(&story) {
                continue;
            }
            if let Some(label) = task.stories.first() {
                drop(
                    cx.report(
                        label.span,
                        format!(
                            "`{}` is labelled `{}` but sits in the phase of User Story {story}",
                            task.id.value, label.value
                        ),
                    )
                    .help("move the task to its story's phase, or correct the label"),
                );
            }
        }
    }
}
