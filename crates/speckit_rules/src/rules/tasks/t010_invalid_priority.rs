use speckit_model::TaskList;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::common::is_one_of;

declare_rule! {
    /// ## What it checks
    /// A task's `**Priority**` that is not `High`, `Medium` or `Low` (or the
    /// spec-kit style `P1`, `P2`, …).
    ///
    /// ## Why it matters
    /// `tasks next` orders ready tasks by priority; an unknown value sorts as
    /// no priority at all.
    ///
    /// ## Example
    /// ```markdown
    /// - **Priority**: High | Medium | Low
    /// ```
    /// Use instead:
    /// ```markdown
    /// - **Priority**: High
    /// ```
    pub(crate) InvalidPriority {
        code: "T010",
        name: "invalid-priority",
        summary: "A task's Priority is not High, Medium, Low or Pn",
        severity: Warning,
        fix: Never,
        target: Tasks,
    }
}

fn is_pn(value: &str) -> bool {
    let value = crate::rules::common::clean_value(value);
    value
        .strip_prefix(['P', 'p'])
        .is_some_and(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
}

impl InvalidPriority {
    fn run(&self, tasks: &TaskList<'_>, cx: &mut RuleContext<'_>) {
        for task in &tasks.tasks {
            let Some(field) = task.priority() else {
                continue;
            };
            let value = field.value.value;
            if !is_one_of(value, &["High", "Medium", "Low", "Critical"]) && !is_pn(value) {
                let span = if value.is_empty() {
                    field.label.span
                } else {
                    field.value.span
                };
                drop(
                    cx.report(
                        span,
                        format!(
                            "priority `{value}` of task `{}` is not a known priority",
                            task.id.value
                        ),
                    )
                    .help("use High, Medium or Low (or P1, P2, …)"),
                );
            }
        }
    }
}
