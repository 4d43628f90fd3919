use rustc_hash::FxHashMap as HashMap;
use speckit_model::TaskList;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Two tasks with the same ID in one task list.
    ///
    /// ## Why it matters
    /// IDs are how dependencies, commits, issues and agents refer to tasks.
    /// With two `T017`s, "T020 depends on T017" is ambiguous, and a status
    /// change can only be applied to one of them.
    ///
    /// ## Example
    /// ```markdown
    /// - [ ] T017 Add the week view
    /// - [ ] T017 Add the shopping export
    /// ```
    /// Use instead:
    /// ```markdown
    /// - [ ] T017 Add the week view
    /// - [ ] T018 Add the shopping export
    /// ```
    pub(crate) DuplicateTaskId {
        code: "T001",
        name: "duplicate-task-id",
        summary: "Two tasks share an ID",
        severity: Error,
        fix: Never,
        target: Tasks,
    }
}

impl DuplicateTaskId {
    fn run(&self, tasks: &TaskList<'_>, cx: &mut RuleContext<'_>) {
        // The first task holding each ID.
        let mut first_with: HashMap<&str, usize> = HashMap::default();
        for (index, task) in tasks.tasks.iter().enumerate() {
            let first = *first_with.entry(task.id.value).or_insert(index);
            if let Some(first) = tasks.tasks.get(first).filter(|_| first != index) {
                drop(
                    cx.report(
                        task.id.span,
                        format!("task ID `{}` is already used", task.id.value),
                    )
                    .label(first.id.span, "first used here")
                    .help("give each task its own ID; later references may need updating too"),
                );
            }
        }
    }
}
