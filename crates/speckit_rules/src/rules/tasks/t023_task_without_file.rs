use speckit_model::TaskList;
use speckit_model::tasks::{PhaseKind, TaskFormat};

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// An open spec-kit implementation task (in a Foundational or story
    /// phase) whose description names no file path.
    ///
    /// ## Why it matters
    /// spec-kit asks every task to name the exact file it touches, so that an
    /// agent knows where to work and `[P]` conflicts can be found. Without a
    /// path the agent guesses.
    ///
    /// ## Example
    /// ```markdown
    /// - [ ] T014 [US1] Implement the login service
    /// ```
    /// Use instead:
    /// ```markdown
    /// - [ ] T014 [US1] Implement the login service in src/services/login.ts
    /// ```
    pub(crate) TaskWithoutFile {
        code: "T023",
        name: "task-without-file-path",
        summary: "An implementation task names no file path",
        severity: Info,
        fix: Never,
        target: Tasks,
    }
}

impl TaskWithoutFile {
    fn run(&self, tasks: &TaskList<'_>, cx: &mut RuleContext<'_>) {
        if tasks.format != TaskFormat::Checklist {
            return;
        }
        for task in &tasks.tasks {
            let Some(phase) = task.phase.and_then(|index| tasks.phases.get(index)) else {
                continue;
            };
            let implementation = matches!(phase.kind, PhaseKind::Foundational | PhaseKind::Story);
            if implementation && !task.status.is_closed() && task.files.is_empty() {
                drop(
                    cx.report(
                        task.id.span,
                        format!("`{}` does not say which file it changes", task.id.value),
                    )
                    .help("end the description with `in <path>`"),
                );
            }
        }
    }
}
