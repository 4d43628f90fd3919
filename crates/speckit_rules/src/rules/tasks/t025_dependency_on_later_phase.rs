use speckit_model::TaskList;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A task that depends on a task of a later phase.
    ///
    /// ## Why it matters
    /// Phases are done in order; a dependency pointing forward means the
    /// earlier phase cannot be finished on its own, so either the task or
    /// its dependency sits in the wrong phase.
    ///
    /// ## Example
    /// ```markdown
    /// ## Phase 1: Setup
    /// - [ ] T002 Configure CI (depends on T020)
    /// ## Phase 4: Polish
    /// - [ ] T020 Write the release checklist
    /// ```
    /// Use instead: move one of the two tasks, or drop the dependency.
    pub(crate) DependencyOnLaterPhase {
        code: "T025",
        name: "dependency-on-later-phase",
        summary: "A task depends on a task of a later phase",
        severity: Warning,
        fix: Never,
        target: Tasks,
    }
}

impl DependencyOnLaterPhase {
    fn run(&self, tasks: &TaskList<'_>, cx: &mut RuleContext<'_>) {
        for task in &tasks.tasks {
            let Some(phase) = task.phase else { continue };
            for dependency in &task.dependencies {
                let Some(target) = tasks.task(dependency.id) else {
                    continue;
                };
                let Some(target_phase) = target.phase else {
                    continue;
                };
                if target_phase > phase {
                    let name =
                        |index: usize| tasks.phases.get(index).map_or("?", |p| p.title.value);
                    drop(
                        cx.report(
                            dependency.span,
                            format!(
                                "`{}` ({}) depends on `{}` of a later phase ({})",
                                task.id.value,
                                name(phase),
                                dependency.id,
                                name(target_phase)
                            ),
                        )
                        .help("move one of the tasks so that dependencies point backwards"),
                    );
                }
            }
        }
    }
}
