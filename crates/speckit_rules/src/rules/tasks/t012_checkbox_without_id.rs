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
    ///
    /// A struck-through item (`- [x] ~~T051~~ dropped`) is a withdrawn task,
    /// and an item that opens with an ID of its own scheme
    /// (`- [ ] [SETUP-001] Install the tools`) is tracked by that ID; neither
    /// is reported.
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
            let text = item.text.value.trim_start();
            if text.starts_with("~~") || own_id_len(text).is_some() {
                continue;
            }
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

/// Length of an ID of the document's own scheme at the start of `text`:
/// `SETUP-001`, `MIG1-004`, `US1-002`, optionally in brackets or bold. Capital
/// letters and digits, a hyphen, digits.
fn own_id_len(text: &str) -> Option<usize> {
    let inner = text
        .strip_prefix('[')
        .or_else(|| text.strip_prefix("**"))
        .unwrap_or(text);
    let bytes = inner.as_bytes();
    let mut index = 0;
    while bytes
        .get(index)
        .is_some_and(|byte| byte.is_ascii_uppercase() || (index > 0 && byte.is_ascii_digit()))
    {
        index += 1;
    }
    if index < 2 || bytes.get(index) != Some(&b'-') {
        return None;
    }
    index += 1;
    let digits_start = index;
    while bytes.get(index).is_some_and(u8::is_ascii_digit) {
        index += 1;
    }
    let ends = matches!(bytes.get(index), None | Some(b']' | b'*' | b':' | b' '));
    (index > digits_start && ends).then_some(index)
}
