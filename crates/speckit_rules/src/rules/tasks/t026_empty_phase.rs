use speckit_model::TaskList;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A phase heading with no tasks under it.
    ///
    /// ## Why it matters
    /// An empty phase is either left over from the template or its tasks
    /// were never written; progress reports show it as done at 0 of 0.
    ///
    /// ## Example
    /// ```markdown
    /// ## Phase 4: User Story 2 - Export (Priority: P2)
    ///
    /// ## Phase 5: Polish & Cross-Cutting Concerns
    /// ```
    /// Use instead: write the phase's tasks, or remove the heading. A phase
    /// that says why it has nothing to do (`No setup tasks — the change
    /// reuses the existing modules.`, `*(none)*`) is not reported.
    pub(crate) EmptyPhase {
        code: "T026",
        name: "empty-phase",
        summary: "A phase has no tasks",
        severity: Warning,
        fix: Never,
        target: Tasks,
    }
}

impl EmptyPhase {
    fn run(&self, tasks: &TaskList<'_>, cx: &mut RuleContext<'_>) {
        if tasks.tasks.is_empty() {
            // A file with no tasks at all is a different problem (or not a task list).
            return;
        }
        for phase in &tasks.phases {
            let body = cx
                .document
                .text
                .get(phase.heading_span.end as usize..phase.span.end as usize)
                .unwrap_or("");
            if phase.tasks.is_empty() && !declared_empty(body) {
                drop(
                    cx.report(
                        phase.heading_span,
                        format!("`{}` has no tasks", phase.title.value),
                    )
                    .help("add its tasks, or remove the phase"),
                );
            }
        }
    }
}

/// Whether the phase's own text says it has no work: a line that opens with
/// `None`, `No …`, `Nothing …` or `N/A`, possibly after emphasis, a
/// parenthesis or a `**Purpose**:` label. The template's
/// `**⚠️ CRITICAL**: No user story work can begin …` is not such a line.
fn declared_empty(body: &str) -> bool {
    body.lines().any(|line| {
        let mut line = line.trim_start_matches(['>', ' ', '\t']);
        if line.starts_with(['#', '-', '|']) {
            return false;
        }
        if let Some(rest) = line.strip_prefix("**")
            && let Some((label, value)) = rest.split_once("**:").or_else(|| rest.split_once(":**"))
        {
            if !["purpose", "note", "notes", "tasks"]
                .contains(&label.trim().to_ascii_lowercase().as_str())
            {
                return false;
            }
            line = value;
        }
        let words = line
            .trim_start_matches(['*', '_', '(', ' ', '[', '`'])
            .to_ascii_lowercase();
        let first = words
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '/')
            .next()
            .unwrap_or("");
        matches!(first, "none" | "no" | "nothing" | "n/a")
    })
}
