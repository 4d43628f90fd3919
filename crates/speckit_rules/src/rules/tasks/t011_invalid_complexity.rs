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

const ALLOWED: &[&str] = &["Low", "Medium", "Med", "High"];

impl InvalidComplexity {
    fn run(&self, tasks: &TaskList<'_>, cx: &mut RuleContext<'_>) {
        for task in &tasks.tasks {
            let Some(field) = task.complexity() else {
                continue;
            };
            let value = field.value.value;
            if is_one_of(value, ALLOWED) {
                continue;
            }
            let span = if value.is_empty() {
                field.label.span
            } else {
                field.value.span
            };
            // `Low | Medium | High` is the template's choice, left unmade.
            let choices = value.contains(['|', '/'])
                && value
                    .split(['|', '/'])
                    .all(|choice| is_one_of(choice.trim(), ALLOWED));
            let message = if choices {
                format!(
                    "complexity of task `{}` still lists every choice: `{value}`",
                    task.id.value
                )
            } else {
                format!(
                    "complexity `{value}` of task `{}` is not Low, Medium or High",
                    task.id.value
                )
            };
            drop(cx.report(span, message).help(if choices {
                "keep the one choice that fits"
            } else {
                "use Low, Medium or High"
            }));
        }
    }
}
