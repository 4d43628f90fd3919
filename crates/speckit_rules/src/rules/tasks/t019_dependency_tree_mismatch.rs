use speckit_model::TaskList;
use speckit_model::tasks::DependencySource;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// In the plugin format, a task whose `**Dependencies**` field and its
    /// line in the `## Task Dependencies` tree name different tasks.
    ///
    /// ## Why it matters
    /// The tree is the overview people read, the field is what the task says;
    /// when one is edited and the other is not, readers plan with the wrong
    /// order. speckit takes the union of both, which may hide a stale entry.
    ///
    /// ## Example
    /// ```text
    ///   └─ Task 2.1 (core) → depends on 1.2
    /// ```
    /// while Task 2.1 says `- **Dependencies**: Task 1.2, Task 1.3`. Use
    /// instead: the same list in both places.
    pub(crate) DependencyTreeMismatch {
        code: "T019",
        name: "dependency-tree-mismatch",
        summary: "The dependency tree and a task's Dependencies field disagree",
        severity: Warning,
        fix: Never,
        target: Tasks,
    }
}

impl DependencyTreeMismatch {
    fn run(&self, tasks: &TaskList<'_>, cx: &mut RuleContext<'_>) {
        for entry in &tasks.dependency_tree {
            let Some(task) = tasks.task(entry.id.value) else {
                continue;
            };
            if task.dependencies_field().is_none() {
                continue;
            }
            let in_field: Vec<&str> = task
                .dependencies
                .iter()
                .filter(|dependency| dependency.source == DependencySource::Field)
                .map(|dependency| dependency.id)
                .collect();
            let in_tree: Vec<&str> = entry
                .depends_on
                .iter()
                .map(|dependency| dependency.value)
                .collect();
            let only_tree: Vec<&str> = in_tree
                .iter()
                .copied()
                .filter(|id| !in_field.contains(id))
                .collect();
            let only_field: Vec<&str> = in_field
                .iter()
                .copied()
                .filter(|id| !in_tree.contains(id))
                .collect();
            if only_tree.is_empty() && only_field.is_empty() {
                continue;
            }
            let mut parts = Vec::new();
            if !only_tree.is_empty() {
                parts.push(format!("only the tree names {}", only_tree.join(", ")));
            }
            if !only_field.is_empty() {
                parts.push(format!(
                    "only the Dependencies field names {}",
                    only_field.join(", ")
                ));
            }
            let field_span = task
                .dependencies_field()
                .map_or(task.line, |field| field.value.span);
            drop(
                cx.report(
                    entry.span,
                    format!("Task {}: {}", task.id.value, parts.join("; ")),
                )
                .label(field_span, "the task's Dependencies field")
                .help("make the tree line and the field list the same tasks"),
            );
        }
    }
}
