use speckit_model::TaskList;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A dependency (`(depends on T012)`, `- **Dependencies**: Task 1.3`, a
    /// dependency-tree line) that names a task the list does not have.
    ///
    /// ## Why it matters
    /// The task can never become ready: `speckit tasks next` waits for a task
    /// that will never be done. Usually the task was renumbered or removed and
    /// the reference was left behind. (The plugin's own tasks template has
    /// this defect: it refers to Task 1.3 and 2.3, which it never defines.)
    ///
    /// ## Example
    /// ```markdown
    /// ### Task 2.2: Import stock levels
    /// - **Dependencies**: Task 1.4
    /// ```
    /// when there is no `### Task 1.4`. Use instead: point at the task that
    /// really comes first, or add the missing task.
    pub(crate) DependencyNotFound {
        code: "T002",
        name: "dependency-not-found",
        summary: "A task depends on a task that does not exist",
        severity: Error,
        fix: Never,
        target: Tasks,
    }
}

impl DependencyNotFound {
    fn run(&self, tasks: &TaskList<'_>, cx: &mut RuleContext<'_>) {
        for task in &tasks.tasks {
            let mut reported: Vec<&str> = Vec::new();
            for dependency in &task.dependencies {
                if tasks.task(dependency.id).is_some() || reported.contains(&dependency.id) {
                    continue;
                }
                reported.push(dependency.id);
                drop(
                    cx.report(
                        dependency.span,
                        format!(
                            "task `{}` depends on `{}`, which does not exist",
                            task.id.value, dependency.id
                        ),
                    )
                    .label(task.id.span, "the dependent task")
                    .help("refer to an existing task ID, or add the missing task"),
                );
            }
        }
        for entry in &tasks.dependency_tree {
            for dependency in &entry.depends_on {
                if tasks.task(dependency.value).is_none() {
                    drop(cx.report(
                        dependency.span,
                        format!(
                            "the dependency tree names `{}`, which does not exist",
                            dependency.value
                        ),
                    ));
                }
            }
            if tasks.task(entry.id.value).is_none() {
                drop(cx.report(
                    entry.id.span,
                    format!(
                        "the dependency tree lists task `{}`, which does not exist",
                        entry.id.value
                    ),
                ));
            }
        }
    }
}
