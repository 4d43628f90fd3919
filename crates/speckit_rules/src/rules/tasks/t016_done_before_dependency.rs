use speckit_model::TaskList;
use speckit_model::tasks::TaskStatus;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A task marked done while a task it explicitly depends on is not done.
    ///
    /// ## Why it matters
    /// Either the dependency was wrong, or the work was done out of order and
    /// may rest on something unfinished; either way the document no longer
    /// tells the truth about the order of work.
    ///
    /// ## Example
    /// ```markdown
    /// - [ ] T004 Create the schema
    /// - [x] T005 Seed the data (depends on T004)
    /// ```
    /// Use instead: finish T004 first (`speckit tasks done T004`), or drop
    /// the dependency if it never existed.
    pub(crate) DoneBeforeDependency {
        code: "T016",
        name: "done-before-dependency",
        summary: "A done task depends on a task that is not done",
        severity: Warning,
        fix: Never,
        target: Tasks,
    }
}

impl DoneBeforeDependency {
    fn run(&self, tasks: &TaskList<'_>, cx: &mut RuleContext<'_>) {
        for task in &tasks.tasks {
            if task.status != TaskStatus::Done {
                continue;
            }
            let open: Vec<&str> = task
                .dependencies
                .iter()
                .filter(|dependency| dependency.id != task.id.value)
                .filter(|dependency| {
                    tasks
                        .task(dependency.id)
                        .is_some_and(|target| !target.status.is_closed())
                })
                .map(|dependency| dependency.id)
                .collect();
            if let Some(first) = open.first() {
                let span = task
                    .dependencies
                    .iter()
                    .find(|d| d.id == *first)
                    .map_or(task.id.span, |d| d.span);
                drop(
                    cx.report(
                        span,
                        format!(
                            "`{}` is done but depends on {} which {} not done",
                            task.id.value,
                            open.join(", "),
                            if open.len() == 1 { "is" } else { "are" }
                        ),
                    )
                    .label(task.id.span, "marked done")
                    .help("finish the dependency first, or remove it if it does not hold"),
                );
            }
        }
    }
}
