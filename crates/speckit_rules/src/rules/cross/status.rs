//! Document status fields as the within-feature rules read them: which
//! header says the work is finished, and which tasks are still open.

use speckit_model::{Document, MetaField, TaskList, TaskStatus};

use crate::analysis::AnalysisFeature;
use crate::rules::common::clean_value;

/// Statuses that say the feature's work is finished.
const FINISHED: &[&str] = &[
    "Complete",
    "Completed",
    "Done",
    "Finished",
    "Implemented",
    "Delivered",
    "Shipped",
    "Released",
    "Merged",
    "Closed",
];

/// Words in a status, or in an open task, that say the rest was set aside
/// on purpose.
const SET_ASIDE: &[&str] = &[
    "carried over",
    "carry over",
    "deferred",
    "defer",
    "follow-up",
    "followup",
    "moved to",
    "except",
    "remaining",
    "optional",
    "out of scope",
    "future",
    "later",
    "backlog",
    "won't",
    "skipped",
    "post-mvp",
    "manual",
];

/// The header status of each of the feature's spec, plan and tasks, with
/// the document's file name.
pub(crate) fn statuses<'a>(
    feature: &AnalysisFeature<'a>,
) -> Vec<(&'a Document, &'static str, MetaField<'a>)> {
    let mut found = Vec::new();
    if let Some((document, spec)) = feature.spec()
        && let Some(status) = spec.status()
    {
        found.push((document, "spec.md", status));
    }
    if let Some((document, plan)) = feature.plan()
        && let Some(status) = plan.header.status
    {
        found.push((document, "plan.md", status));
    }
    if let Some((document, tasks)) = feature.tasks()
        && let Some(status) = Document::field_named(&tasks.metadata, &["Status"])
    {
        found.push((document, "tasks.md", status));
    }
    found
}

/// The status word `value` opens with, if it is one of `words`.
fn leading<'w>(value: &str, words: &[&'w str]) -> Option<&'w str> {
    let value = clean_value(value);
    words.iter().copied().find(|word| {
        value
            .get(..word.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(word))
            && !value
                .as_bytes()
                .get(word.len())
                .is_some_and(u8::is_ascii_alphanumeric)
    })
}

/// `Completed (2026-07-05)` → `Completed`; `None` for other statuses and
/// for finished statuses that say some work was set aside.
pub(crate) fn finished_word(value: &str) -> Option<&'static str> {
    let word = leading(value, FINISHED)?;
    (!sets_aside(value)).then_some(word)
}

fn sets_aside(text: &str) -> bool {
    let lower = text.to_lowercase();
    SET_ASIDE.iter().any(|word| lower.contains(word))
}

/// Tasks not done, skipped or set aside by their own wording.
pub(crate) fn open_tasks<'l, 'a>(
    document: &'l Document,
    tasks: &'l TaskList<'a>,
) -> impl Iterator<Item = &'l speckit_model::Task<'a>> + 'l {
    tasks.tasks.iter().filter(|task| {
        matches!(
            task.status,
            TaskStatus::Todo | TaskStatus::InProgress | TaskStatus::Blocked
        ) && !sets_aside(document.text.get(task.line.range()).unwrap_or(""))
    })
}

/// `T040, T041, T042 and 3 more`.
pub(crate) fn list_ids<'t>(ids: impl Iterator<Item = &'t str>) -> String {
    let ids: Vec<&str> = ids.collect();
    let shown: Vec<String> = ids.iter().take(3).map(|id| format!("`{id}`")).collect();
    let shown = shown.join(", ");
    if ids.len() > 3 {
        format!("{shown} and {} more", ids.len() - 3)
    } else {
        shown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_words() {
        assert_eq!(finished_word("Completed (2026-07-05)"), Some("Completed"));
        assert_eq!(finished_word("✅ Complete"), Some("Complete"));
        assert_eq!(
            finished_word("**Implemented** and verified"),
            Some("Implemented")
        );
        assert_eq!(
            finished_word("Completed (remediation tasks T040–T043 carried over as issues)"),
            None
        );
        assert_eq!(finished_word("Completeness review"), None);
        assert_eq!(finished_word("Draft"), None);
    }

    #[test]
    fn id_lists() {
        assert_eq!(list_ids(["T1", "T2"].into_iter()), "`T1`, `T2`");
        assert_eq!(
            list_ids(["T1", "T2", "T3", "T4", "T5"].into_iter()),
            "`T1`, `T2`, `T3` and 2 more"
        );
    }
}
