use speckit_model::TaskList;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::common::is_one_of;

declare_rule! {
    /// ## What it checks
    /// A task's `**Complexity**` that is not `Low`, `Medium` or `High`.
    ///
    /// ## Why it matters
    /// Reviewers use complexity to decide which tasks need a second pair of
    /// eyes; a value outside the scale cannot be compared with the others.
    ///
    /// ## Example
    /// ```markdown
    /// - **Complexity**: tricky
    /// ```
    /// Use instead:
    /// ```markdown
    /// - **Complexity**: High
    /// ```
    pub(crate) InvalidComplexity {
        code: "T011",
        name: "invalid-complexity",
        summary: "A task's Complexity is not Low, Medium or High",
        severity: Warning,
        fix: Never,
        target: Tasks,
    }
}

impl InvalidComplexity {
    fn run(&self, tasks: &TaskList<'_>, cx: &mut RuleContext<'_>) {
        for task in &tasks.tasks {
            let Some(field) = task.complexity() else {
                continue;
            };
            if !is_one_of(field.value.value, &["Low", "Medium", "Med", "High"]) {
                let span = if field.value.value.is_empty() {
                    field.label.span
                } else {
                    field.value.span
                };
                drop(
                    cx.report(
                        span,
                        format!(
                            "complexity `{}` of task `{}` is not Low, Medium or High",
                            field.value.value, task.id.value
                        ),
                    )
                    .help("use Low, Medium or High"),
                );
            }
        }
    }
}
