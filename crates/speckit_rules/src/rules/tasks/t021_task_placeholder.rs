use speckit_md::lex;
use speckit_model::TaskList;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::common::{may_hold_slot, placeholders, sentence_slots};

declare_rule! {
    /// ## What it checks
    /// Template text left in tasks: `TXXX`, `{Task Name}`, `{XS/S/M/L/XL}`,
    /// `{Name or Unassigned}`, `[FEATURE NAME]`, `YYYY-MM-DD`, and spec-kit's
    /// sentence slots in phase titles, phase fields and task lines
    /// (`[Brief Title]`, `[user journey]`, file names with `[ext]`). A task
    /// whose text is about placeholders or markers quotes them and is not
    /// reported.
    ///
    /// ## Why it matters
    /// A placeholder means the task list was generated but never finished;
    /// an agent implementing it will make up what the placeholder hides.
    ///
    /// ## Example
    /// ```markdown
    /// ### Task 1.1: {Task Name}
    /// ```
    /// Use instead:
    /// ```markdown
    /// ### Task 1.1: Create the saved-search table
    /// ```
    pub(crate) TaskPlaceholder {
        code: "T021",
        name: "task-placeholder",
        summary: "Template placeholder text is left in the task list",
        severity: Warning,
        fix: Never,
        target: Tasks,
    }
}

impl TaskPlaceholder {
    fn run(&self, tasks: &TaskList<'_>, cx: &mut RuleContext<'_>) {
        let mut texts = Vec::new();
        if let Some(title) = tasks.title {
            texts.push(title);
        }
        texts.extend(tasks.metadata.iter().map(|field| field.value));
        for phase in &tasks.phases {
            texts.push(phase.title);
            texts.extend(phase.fields.iter().map(|field| field.value));
        }
        for task in &tasks.tasks {
            texts.push(task.title);
            texts.extend(task.fields.iter().map(|field| field.value));
        }
        let mut found: Vec<_> = texts
            .into_iter()
            .filter(|text| may_hold_slot(text.value) && !quotes_placeholders(text.value))
            .flat_map(|text| {
                placeholders(text)
                    .into_iter()
                    .map(|placeholder| placeholder.text)
                    .chain(sentence_slots(text))
            })
            .collect();
        // A phase title can also be read as a field; report each slot once.
        found.sort_by_key(|slot| slot.span);
        found.dedup_by_key(|slot| slot.span);
        for slot in found {
            drop(
                cx.report(slot.span, format!("`{}` is template text", slot.value))
                    .help("replace it with the real value"),
            );
        }
    }
}

/// A task about placeholders quotes them (`scan for placeholder markers
/// ([PROJECT_NAME], [PRINCIPLE_1_NAME])`) rather than leaving them unfilled.
fn quotes_placeholders(text: &str) -> bool {
    lex::contains_ignore_ascii_case(text, "placeholder")
        || lex::contains_ignore_ascii_case(text, "marker")
}
