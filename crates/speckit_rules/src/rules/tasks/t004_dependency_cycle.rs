use speckit_model::TaskList;
use speckit_tasks::graph::TaskGraph;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Tasks that depend on each other in a circle (`T003 → T007 → T003`),
    /// including circles closed by phase order (a Setup task that depends on a
    /// Polish task). Self-dependencies are reported by T003 instead.
    ///
    /// ## Why it matters
    /// No task of a cycle can ever start, so the feature cannot be finished
    /// in the order the document describes.
    ///
    /// ## Example
    /// ```markdown
    /// - [ ] T003 Schema (depends on T007)
    /// - [ ] T007 Repository (depends on T003)
    /// ```
    /// Use instead: decide which comes first and drop the other dependency.
    pub(crate) DependencyCycle {
        code: "T004",
        name: "dependency-cycle",
        summary: "Tasks depend on each other in a cycle",
        severity: Error,
        fix: Never,
        target: Tasks,
    }
}

impl DependencyCycle {
    fn run(&self, tasks: &TaskList<'_>, cx: &mut RuleContext<'_>) {
        // Most lists have no explicit dependencies at all, and then no cycle.
        if tasks.tasks.iter().all(|task| task.dependencies.is_empty()) {
            return;
        }
        let graph = TaskGraph::build(tasks);
        for cycle in graph.cycles() {
            if cycle.len() <= 2 {
                continue;
            }
            let Some(first) = cycle.first().and_then(|id| tasks.task(id)) else {
                continue;
            };
            drop(
                cx.report(
                    first.id.span,
                    format!("dependency cycle: {}", cycle.join(" → ")),
                )
                .help("remove one dependency of the cycle so the tasks can be ordered"),
            );
        }
    }
}
