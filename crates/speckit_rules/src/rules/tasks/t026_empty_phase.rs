use speckit_model::TaskList;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A phase heading with no tasks under it.
    ///
    /// ## Why it matters
    /// An empty phase is either left over from the template or its tasks
    /// were never written; progress reports show it as done at 0 of 0.
    ///
    /// ## Example
    /// ```markdown
    /// ## Phase 4: User Story 2 - Export (Priority: P2)
    ///
    /// ## Phase 5: Polish & Cross-Cutting Concerns
    /// ```
    /// Use instead: write the phase's tasks, or remove the heading.
    pub(crate) EmptyPhase {
        code: "T026",
        name: "empty-phase",
        summary: "A phase has no tasks",
        severity: Warning,
        fix: Never,
        target: Tasks,
    }
}

impl EmptyPhase {
    fn run(&self, tasks: &TaskList<'_>, cx: &mut RuleContext<'_>) {
        if tasks.tasks.is_empty() {
            // A file with no tasks at all is a different problem (or not a task list).
            return;
        }
        for phase in &tasks.phases {
            if phase.tasks.is_empty() {
                drop(
                    cx.report(
                        phase.heading_span,
                        format!("`{}` has no tasks", phase.title.value),
                    )
                    .help("add its tasks, or remove the phase"),
                );
            }
        }
    }
}
