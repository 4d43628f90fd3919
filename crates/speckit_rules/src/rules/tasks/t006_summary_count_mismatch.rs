use speckit_model::TaskList;
use speckit_model::tasks::TaskStatus;
use speckit_text::Edit;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The plugin's `## Task Summary` table: per phase, Total Tasks must be
    /// the number of task blocks in the phase, Completed the number marked
    /// `✅ Complete`, Remaining their difference; the Total row must add up.
    ///
    /// ## Why it matters
    /// The summary is what people read first. When it is not updated with the
    /// tasks, it reports progress that did not happen (or hides progress that
    /// did). `speckit tasks done` keeps it in step automatically.
    ///
    /// ## Example
    /// ```markdown
    /// | Phase 2 | 6 | 3 | 3 |
    /// ```
    /// when only two of the six Phase 2 tasks are complete. Use instead:
    /// ```markdown
    /// | Phase 2 | 6 | 2 | 4 |
    /// ```
    ///
    /// ## Fix
    /// Safe: rewrites the wrong numbers to the counts of the task blocks.
    pub(crate) SummaryCountMismatch {
        code: "T006",
        name: "summary-count-mismatch",
        summary: "The Task Summary table disagrees with the tasks",
        severity: Warning,
        fix: Always,
        target: Tasks,
    }
}

impl SummaryCountMismatch {
    fn run(&self, tasks: &TaskList<'_>, cx: &mut RuleContext<'_>) {
        let Some(summary) = &tasks.summary else {
            return;
        };
        let count = |phase: Option<&str>| {
            let in_scope = |task: &&speckit_model::Task<'_>| match phase {
                None => true,
                Some(number) => task
                    .phase
                    .and_then(|index| tasks.phases.get(index))
                    .and_then(|p| p.number)
                    .is_some_and(|n| n.value == number),
            };
            let total = tasks.tasks.iter().filter(in_scope).count();
            let done = tasks
                .tasks
                .iter()
                .filter(in_scope)
                .filter(|task| task.status == TaskStatus::Done)
                .count();
            (
                u32::try_from(total).unwrap_or(u32::MAX),
                u32::try_from(done).unwrap_or(u32::MAX),
            )
        };
        for row in &summary.rows {
            let scope = if row.is_total {
                None
            } else {
                match row.phase {
                    Some(number) => Some(number),
                    None => continue,
                }
            };
            let (total, done) = count(scope);
            let expected = [
                (row.total, total, "Total Tasks"),
                (row.completed, done, "Completed"),
                (row.remaining, total.saturating_sub(done), "Remaining"),
            ];
            let wrong: Vec<_> = expected
                .iter()
                .filter(|(cell, want, _)| cell.is_some_and(|cell| cell.value != *want))
                .collect();
            if wrong.is_empty() {
                continue;
            }
            let edits: Vec<Edit> = wrong
                .iter()
                .filter_map(|(cell, want, _)| {
                    cell.map(|cell| Edit::replace(cell.span, want.to_string()))
                })
                .collect();
            let details: Vec<String> = wrong
                .iter()
                .filter_map(|(cell, want, column)| {
                    cell.map(|cell| format!("{column} is {} but should be {want}", cell.value))
                })
                .collect();
            let label = row.label.value.trim_matches('*');
            drop(
                cx.report(
                    row.span,
                    format!("the `{label}` row is out of date: {}", details.join(", ")),
                )
                .help(
                    "update the numbers when a task changes status (`speckit tasks done` does it)",
                )
                .safe_fix("recount from the task blocks", edits),
            );
        }
    }
}
