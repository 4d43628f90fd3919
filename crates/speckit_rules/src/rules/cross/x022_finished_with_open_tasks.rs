use super::status::{finished_word, list_ids, open_tasks, statuses};
use crate::analysis::{AnalysisContext, AnalysisFeature};
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// A spec, plan or tasks document whose header `**Status**` says the
    /// work is finished (`Complete`, `Completed`, `Done`, `Implemented`,
    /// `Shipped`, `Released`, `Merged`, `Closed`, …) while tasks of the
    /// feature are still open (unchecked, `⬜ Not Started`, `🟡 In
    /// Progress`, blocked). A status that says some work was set aside
    /// (`carried over`, `deferred`, `follow-up`, `except`) and open tasks
    /// that call themselves optional, deferred or manual are not counted.
    ///
    /// ## Why it matters
    /// The status is what people and agents read to decide whether a
    /// feature is done. When it runs ahead of the task list, either work was
    /// forgotten or the task list was never updated; both mislead the next
    /// person who relies on either document.
    ///
    /// ## Example
    /// ```markdown
    /// **Status**: Implemented
    /// ```
    /// in spec.md, while tasks.md still has `- [ ] T031 Add the export
    /// button in src/web/Export.tsx`. Use instead: finish (and tick) the
    /// open tasks, or set the status back to what is true.
    pub(crate) FinishedWithOpenTasks {
        code: "X022",
        name: "finished-with-open-tasks",
        summary: "A document says the feature is finished while tasks are open",
        severity: Warning,
        fix: Never,
        target: Feature,
    }
}

impl FinishedWithOpenTasks {
    fn run(&self, feature: &AnalysisFeature<'_>, cx: &mut AnalysisContext<'_>) {
        let Some((tasks_document, tasks)) = feature.tasks() else {
            return;
        };
        if tasks.tasks.is_empty() {
            return;
        }
        let mut evaluated = 0;
        for (document, file, status) in statuses(feature) {
            let Some(word) = finished_word(status.value.value) else {
                continue;
            };
            evaluated += 1;
            let open: Vec<&str> = open_tasks(tasks_document, tasks)
                .map(|task| task.id.value)
                .collect();
            if open.is_empty() {
                continue;
            }
            drop(
                cx.report(
                    document,
                    status.value.span,
                    format!(
                        "{file} says `{word}`, but {} of {} tasks {} still open ({})",
                        open.len(),
                        tasks.tasks.len(),
                        if open.len() == 1 { "is" } else { "are" },
                        list_ids(open.iter().copied())
                    ),
                )
                .help("finish and mark the open tasks, or set the status to what is true"),
            );
        }
        cx.evaluated(feature, evaluated);
    }
}
