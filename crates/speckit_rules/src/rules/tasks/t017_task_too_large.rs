use speckit_model::TaskList;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::common::clean_value;

declare_rule! {
    /// ## What it checks
    /// A task estimated `XL` (2–5 days).
    ///
    /// ## Why it matters
    /// The plugin's task guidance keeps tasks within half a day to a day so
    /// that progress is visible and reviews stay small; an XL task hides a
    /// week of work behind one checkbox and should be split.
    ///
    /// ## Example
    /// ```markdown
    /// - **Estimated Effort**: XL
    /// ```
    /// Use instead: two or three tasks of size M or L with their own
    /// acceptance criteria.
    pub(crate) TaskTooLarge {
        code: "T017",
        name: "task-too-large",
        summary: "A task is estimated XL and should be split",
        severity: Info,
        fix: Never,
        target: Tasks,
    }
}

impl TaskTooLarge {
    fn run(&self, tasks: &TaskList<'_>, cx: &mut RuleContext<'_>) {
        for task in &tasks.tasks {
            let Some(field) = task.effort() else { continue };
            if clean_value(field.value.value).eq_ignore_ascii_case("XL") {
                drop(
                    cx.report(field.value.span, format!("task `{}` is estimated XL", task.id.value))
                        .help("split it into tasks of M or L that can be finished and reviewed separately"),
                );
            }
        }
    }
}
