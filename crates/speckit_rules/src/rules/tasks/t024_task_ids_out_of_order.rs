use speckit_model::TaskList;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// spec-kit task IDs that do not increase through the document
    /// (`T007` after `T009`).
    ///
    /// ## Why it matters
    /// spec-kit numbers tasks in execution order. A lower number further down
    /// usually means tasks were moved or renumbered by hand, and the numbers
    /// no longer tell the order.
    ///
    /// ## Example
    /// ```markdown
    /// - [ ] T009 Write the API
    /// - [ ] T007 Write the schema
    /// ```
    /// Use instead: renumber so the IDs follow the order of the lines.
    ///
    /// Only the task where the numbering steps back is reported: one task
    /// moved up (`T040, T051, T041, T042, …`) gives one finding at `T041`,
    /// not one for every task after it.
    pub(crate) TaskIdsOutOfOrder {
        code: "T024",
        name: "task-ids-out-of-order",
        summary: "Task IDs do not increase through the document",
        severity: Info,
        fix: Never,
        target: Tasks,
    }
}

/// `T012` → 12, `T004a` → 4, `TASK-003` → 3; dotted plugin IDs give `None`.
fn number(id: &str) -> Option<u32> {
    let digits = id.strip_prefix("TASK-").or_else(|| id.strip_prefix('T'))?;
    let end = digits
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(digits.len());
    if digits.get(end..).is_some_and(|rest| rest.starts_with('.')) {
        return None;
    }
    digits.get(..end)?.parse().ok()
}

impl TaskIdsOutOfOrder {
    fn run(&self, tasks: &TaskList<'_>, cx: &mut RuleContext<'_>) {
        let mut previous: Option<(u32, &str)> = None;
        for task in &tasks.tasks {
            let Some(value) = number(task.id.value) else {
                continue;
            };
            if let Some((before, before_id)) = previous
                && value < before
            {
                drop(
                    cx.report(
                        task.id.span,
                        format!("`{}` comes after `{before_id}`", task.id.value),
                    )
                    .help("number tasks in the order they appear"),
                );
            }
            previous = Some((value, task.id.value));
        }
    }
}
