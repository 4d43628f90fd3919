use speckit_model::{TaskFormat, TaskStatus};

use crate::analysis::{AnalysisContext, AnalysisFeature};
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// A plugin task block whose `**Status**` field says `✅ Complete` while
    /// boxes of its `**Acceptance Criteria:**` list are still unchecked.
    /// Blocks without a Status field take their state from their boxes, so
    /// they cannot disagree.
    ///
    /// ## Why it matters
    /// The plugin's implement step ticks every acceptance box when it marks
    /// a task complete. A complete task with open criteria was either closed
    /// before it met them, or its boxes were never updated; either way the
    /// task's two records of "done" contradict each other and reviewers
    /// cannot tell which to trust.
    ///
    /// ## Example
    /// ```markdown
    /// - **Status**: ✅ Complete
    /// …
    /// **Acceptance Criteria:**
    /// - [x] Items tick offline
    /// - [ ] Ticks sync within 2 s of reconnecting
    /// ```
    /// Use instead: meet and tick the open criterion, or set the status back
    /// to `🟡 In Progress`.
    pub(crate) DoneTaskWithOpenCriteria {
        code: "X026",
        name: "done-task-with-open-criteria",
        summary: "A task marked complete has unchecked acceptance criteria",
        severity: Warning,
        fix: Never,
        target: Feature,
    }
}

impl DoneTaskWithOpenCriteria {
    fn run(&self, feature: &AnalysisFeature<'_>, cx: &mut AnalysisContext<'_>) {
        let Some((document, tasks)) = feature.tasks() else {
            return;
        };
        if tasks.format != TaskFormat::Blocks {
            return;
        }
        let mut evaluated = 0;
        for task in &tasks.tasks {
            let Some(status) = task.status_field else {
                continue;
            };
            if task.status != TaskStatus::Done {
                continue;
            }
            let boxes = task
                .acceptance_criteria
                .iter()
                .filter(|criterion| criterion.checked.is_some())
                .count();
            if boxes == 0 {
                continue;
            }
            evaluated += 1;
            let open: Vec<_> = task
                .acceptance_criteria
                .iter()
                .filter(|criterion| criterion.checked == Some(false))
                .collect();
            let Some(first) = open.first() else {
                continue;
            };
            drop(
                cx.report(
                    document,
                    status.value.span,
                    format!(
                        "Task {} is complete, but {} of its {boxes} acceptance criteria {} unchecked (first: \"{}\")",
                        task.id.value,
                        open.len(),
                        if open.len() == 1 { "is" } else { "are" },
                        first.text.value.trim()
                    ),
                )
                .help("tick the criteria the task meets, or set its status back to in progress"),
            );
        }
        cx.evaluated(feature, evaluated);
    }
}
