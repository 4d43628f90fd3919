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
        if runs_forward(tasks) {
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

/// True when every edge of the task graph points forward in document order,
/// so that the graph has no cycle: each dependency names an earlier task,
/// and tasks come in phase order (phase barriers and the order of tasks
/// within a phase then point forward too).
fn runs_forward(tasks: &TaskList<'_>) -> bool {
    let mut last_phase = None;
    for (index, task) in tasks.tasks.iter().enumerate() {
        if let Some(phase) = task.phase {
            if last_phase.is_some_and(|last| phase < last) {
                return false;
            }
            last_phase = Some(phase);
        }
        let points_back = |id: &str| tasks.index_of(id).is_none_or(|target| target < index);
        if !task
            .dependencies
            .iter()
            .all(|dependency| points_back(dependency.id))
        {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use speckit_diagnostics::FileId;
    use speckit_model::Document;
    use speckit_tasks::graph::TaskGraph;

    use super::*;

    fn list_of(text: &str, check: impl Fn(&TaskList<'_>)) {
        let document = Document::parse(FileId(0), "tasks.md", text.as_bytes().to_vec());
        check(&TaskList::parse(&document));
    }

    #[test]
    fn forward_lists_have_no_cycle_and_others_are_left_to_the_graph() {
        let forward = "# Tasks\n\n## Phase 1: Setup\n\n- [ ] T001 Create the project\n- [ ] T002 Add config (depends on T001)\n\n## Phase 2: Core\n\n- [ ] T003 Build it (depends on T001, T002, T099)\n";
        list_of(forward, |tasks| {
            assert!(runs_forward(tasks));
            assert!(TaskGraph::build(tasks).cycles().is_empty());
        });
        let backward = "# Tasks\n\n## Phase 1: Setup\n\n- [ ] T001 Create the project (depends on T003)\n- [ ] T002 Add config\n\n## Phase 2: Core\n\n- [ ] T003 Build it\n";
        list_of(backward, |tasks| {
            assert!(!runs_forward(tasks));
            assert!(!TaskGraph::build(tasks).cycles().is_empty());
        });
    }
}
