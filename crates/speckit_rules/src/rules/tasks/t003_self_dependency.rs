use speckit_model::TaskList;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A task that lists itself as a dependency.
    ///
    /// ## Why it matters
    /// A task cannot wait for itself; it would never become ready. This is
    /// almost always a typo for a neighbouring ID.
    ///
    /// ## Example
    /// ```markdown
    /// - [ ] T014 Wire the routes (depends on T014)
    /// ```
    /// Use instead:
    /// ```markdown
    /// - [ ] T014 Wire the routes (depends on T013)
    /// ```
    pub(crate) SelfDependency {
        code: "T003",
        name: "self-dependency",
        summary: "A task depends on itself",
        severity: Error,
        fix: Never,
        target: Tasks,
    }
}

impl SelfDependency {
    fn run(&self, tasks: &TaskList<'_>, cx: &mut RuleContext<'_>) {
        for task in &tasks.tasks {
            if let Some(dependency) = task
                .dependencies
                .iter()
                .find(|dependency| dependency.id == task.id.value)
            {
                drop(
                    cx.report(
                        dependency.span,
                        format!("task `{}` depends on itself", task.id.value),
                    )
                    .help("name the task it really waits for"),
                );
            }
        }
    }
}
