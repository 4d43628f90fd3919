use speckit_model::TaskList;
use speckit_model::tasks::TaskFormat;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A plugin task block without any `**Acceptance Criteria:**` item.
    ///
    /// ## Why it matters
    /// Acceptance criteria say when a task is done. Without them "done" is
    /// whatever the implementer (or agent) decides, and reviewers have
    /// nothing to check against.
    ///
    /// ## Example
    /// ```markdown
    /// ### Task 2.1: Build the list endpoint
    /// - **Status**: ⬜ Not Started
    /// ```
    /// Use instead:
    /// ```markdown
    /// ### Task 2.1: Build the list endpoint
    /// - **Status**: ⬜ Not Started
    ///
    /// **Acceptance Criteria:**
    /// - [ ] `GET /api/v1/lists` returns the household's lists
    /// - [ ] Unknown households get 404
    /// ```
    pub(crate) TaskWithoutAcceptance {
        code: "T018",
        name: "task-without-acceptance-criteria",
        summary: "A task block has no acceptance criteria",
        severity: Warning,
        fix: Never,
        target: Tasks,
    }
}

impl TaskWithoutAcceptance {
    fn run(&self, tasks: &TaskList<'_>, cx: &mut RuleContext<'_>) {
        if tasks.format != TaskFormat::Blocks {
            return;
        }
        for task in &tasks.tasks {
            if task.acceptance_criteria.is_empty() {
                drop(
                    cx.report(
                        task.line,
                        format!("task `{}` has no acceptance criteria", task.id.value),
                    )
                    .help("add an `**Acceptance Criteria:**` list of 3–5 checkable items"),
                );
            }
        }
    }
}
