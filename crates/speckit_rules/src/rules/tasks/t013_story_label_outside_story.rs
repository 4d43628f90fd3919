use speckit_model::TaskList;
use speckit_model::tasks::PhaseKind;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A `[USn]` label on a task in a Setup, Foundational, Polish or
    /// Convergence phase.
    ///
    /// ## Why it matters
    /// spec-kit keeps shared work out of stories so that each story phase is
    /// an independently shippable slice. A story label on shared work means
    /// either the task belongs in that story's phase, or the label is wrong.
    ///
    /// ## Example
    /// ```markdown
    /// ## Phase 1: Setup
    /// - [ ] T002 [US1] Configure the linter
    /// ```
    /// Use instead:
    /// ```markdown
    /// ## Phase 1: Setup
    /// - [ ] T002 Configure the linter
    /// ```
    pub(crate) StoryLabelOutsideStory {
        code: "T013",
        name: "story-label-outside-story-phase",
        summary: "A shared-work phase has a task with a [USn] label",
        severity: Info,
        fix: Never,
        target: Tasks,
    }
}

impl StoryLabelOutsideStory {
    fn run(&self, tasks: &TaskList<'_>, cx: &mut RuleContext<'_>) {
        for task in &tasks.tasks {
            let Some(phase) = task.phase.and_then(|index| tasks.phases.get(index)) else {
                continue;
            };
            let shared = matches!(
                phase.kind,
                PhaseKind::Setup
                    | PhaseKind::Foundational
                    | PhaseKind::Polish
                    | PhaseKind::Convergence
            );
            if let (true, Some(label)) = (shared, task.stories.first()) {
                drop(
                    cx.report(
                        label.span,
                        format!(
                            "`{}` is labelled `{}` but sits in the shared phase `{}`",
                            task.id.value, label.value, phase.title.value
                        ),
                    )
                    .help("move the task to its story's phase, or drop the label"),
                );
            }
        }
    }
}
