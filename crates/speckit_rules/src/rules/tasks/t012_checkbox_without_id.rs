use speckit_model::TaskList;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A checkbox line inside a phase of a spec-kit task list that has no
    /// task ID (`- [ ] Create the model` instead of `- [ ] T012 Create the
    /// model`). Sub-items of a task are fine.
    ///
    /// ## Why it matters
    /// spec-kit's task grammar gives every task an ID; without one the line
    /// cannot be referenced by dependencies, commits or `speckit tasks done`,
    /// and it is left out of progress counts.
    ///
    /// ## Example
    /// ```markdown
    /// ## Phase 2: Foundational
    /// - [ ] Create the database schema
    /// ```
    /// Use instead:
    /// ```markdown
    /// ## Phase 2: Foundational
    /// - [ ] T004 Create the database schema in db/schema.sql
    /// ```
    pub(crate) CheckboxWithoutId {
        code: "T012",
        name: "checkbox-without-task-id",
        summary: "A checkbox in a phase has no task ID",
        severity: Warning,
        fix: Never,
        target: Tasks,
    }
}

impl CheckboxWithoutId {
    fn run(&self, tasks: &TaskList<'_>, cx: &mut RuleContext<'_>) {
        for item in &tasks.loose_items {
            drop(
                cx.report(
                    item.span,
                    "this checkbox has no task ID, so it is not tracked as a task",
                )
                .help("start it with the next free ID (`T0xx`), or make it a plain bullet"),
            );
        }
    }
}
