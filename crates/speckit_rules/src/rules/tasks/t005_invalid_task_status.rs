use speckit_model::TaskList;
use speckit_model::tasks::TaskStatus;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A task block whose `**Status**` value is none of the known statuses
    /// (`⬜ Not Started`, `🟡 In Progress`, `✅ Complete`, `Blocked`), or
    /// still lists all of them as the template does.
    ///
    /// ## Why it matters
    /// Progress, `tasks next` and the summary table all read the status; a
    /// value nobody can interpret counts as not started, which hides real
    /// progress or real blockers.
    ///
    /// ## Example
    /// ```markdown
    /// - **Status**: ⬜ Not Started | 🟡 In Progress | ✅ Complete
    /// ```
    /// Use instead:
    /// ```markdown
    /// - **Status**: 🟡 In Progress
    /// ```
    pub(crate) InvalidTaskStatus {
        code: "T005",
        name: "invalid-task-status",
        summary: "A task's Status value is not a known status",
        severity: Warning,
        fix: Never,
        target: Tasks,
    }
}

impl InvalidTaskStatus {
    fn run(&self, tasks: &TaskList<'_>, cx: &mut RuleContext<'_>) {
        for task in &tasks.tasks {
            let Some(field) = task.status_field else {
                continue;
            };
            if task.status == TaskStatus::Unknown {
                let span = if field.value.value.is_empty() {
                    field.label.span
                } else {
                    field.value.span
                };
                drop(
                    cx.report(span, format!("task `{}` has status `{}`, which is not a known status", task.id.value, field.value.value))
                        .help("use one of `⬜ Not Started`, `🟡 In Progress`, `✅ Complete`, `🔴 Blocked`"),
                );
            }
        }
    }
}
