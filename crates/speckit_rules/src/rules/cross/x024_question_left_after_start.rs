use memchr::memmem;
use speckit_model::{Document, TaskStatus};
use speckit_text::Span;

use super::gates::Fence;
use crate::analysis::{AnalysisContext, AnalysisFeature};
use crate::rule::declare_rule;
use crate::rules::common::clean_value;
use crate::rules::spec::{PAST_DRAFT, leading_status};

declare_rule! {
    /// ## What it checks
    /// An open question left in a plan or tasks document after the work it
    /// describes has started: a `[NEEDS CLARIFICATION: …]` marker (outside
    /// the plan's Technical Context, which P033 covers, and outside code),
    /// or an item of the plan's `## Open Questions` list that is not marked
    /// answered. A plan has started once its status is past drafting
    /// (`Approved`, `Ready`, `In Progress`, `Complete`, …) or a task is done;
    /// a tasks document once its status says so or a task is done. Markers
    /// in the spec are R012's.
    ///
    /// ## Why it matters
    /// Tasks are being carried out on a design that still has a question in
    /// it. Whatever the answer turns out to be, some finished work may not
    /// match it; the question should be settled, or the work paused, before
    /// more is built on a guess.
    ///
    /// ## Example
    /// ```markdown
    /// ## Open Questions
    ///
    /// 1. Should ticked items disappear at once or at the end of the trip?
    /// ```
    /// in a plan whose Phase 1 tasks are already `✅ Complete`. Use instead:
    /// settle the question, write the answer into the plan, and replace the
    /// list with "None open".
    pub(crate) QuestionLeftAfterStart {
        code: "X024",
        name: "question-left-after-start",
        summary: "A plan or tasks document keeps an open question after work started",
        severity: Warning,
        fix: Never,
        target: Feature,
    }
}

impl QuestionLeftAfterStart {
    fn run(&self, feature: &AnalysisFeature<'_>, cx: &mut AnalysisContext<'_>) {
        let any_done = feature.tasks().is_some_and(|(_, tasks)| {
            tasks
                .tasks
                .iter()
                .any(|task| task.status == TaskStatus::Done)
        });
        let mut evaluated = 0;
        if let Some((document, plan)) = feature.plan() {
            let status = plan
                .header
                .status
                .and_then(|field| started(field.value.value));
            let reason = if any_done {
                Some("tasks are already done".to_string())
            } else {
                status.map(|word| format!("the plan is `{word}`"))
            };
            if let Some(reason) = reason {
                let context = plan
                    .technical_context
                    .as_ref()
                    .map(|context| context.section.span);
                let mut questions: Vec<(Span, String)> = markers(document)
                    .into_iter()
                    .filter(|span| !context.is_some_and(|context| context.contains_span(*span)))
                    .map(|span| (span, "a `[NEEDS CLARIFICATION]` marker".to_string()))
                    .collect();
                if let Some(list) = &plan.open_questions {
                    questions.extend(
                        list.items
                            .iter()
                            .filter(|item| is_open_question(item.text.value))
                            .map(|item| (item.line, "an open question".to_string())),
                    );
                }
                evaluated += questions.len();
                for (span, what) in questions {
                    drop(
                        cx.report(document, span, format!("plan.md still has {what}, but {reason}"))
                            .help("settle the question, write the answer into the plan and check the tasks against it"),
                    );
                }
            }
        }
        if let Some((document, tasks)) = feature.tasks() {
            let status = Document::field_named(&tasks.metadata, &["Status"])
                .and_then(|field| started(field.value.value));
            let reason = if any_done {
                Some("tasks are already done".to_string())
            } else {
                status.map(|word| format!("the tasks are `{word}`"))
            };
            if let Some(reason) = reason {
                let found = markers(document);
                evaluated += found.len();
                for span in found {
                    drop(
                        cx.report(
                            document,
                            span,
                            format!(
                                "tasks.md still has a `[NEEDS CLARIFICATION]` marker, but {reason}"
                            ),
                        )
                        .help("settle the question before the task it concerns is carried out"),
                    );
                }
            }
        }
        cx.evaluated(feature, evaluated);
    }
}

/// The status word of `value` when it says drafting is over.
fn started(value: &str) -> Option<&'static str> {
    leading_status(clean_value(value)).filter(|word| PAST_DRAFT.contains(word))
}

const MARKER: &str = "[NEEDS CLARIFICATION:";

/// `[NEEDS CLARIFICATION: question]` markers with a question, outside code
/// blocks, inline code, comments and struck-through text.
fn markers(document: &Document) -> Vec<Span> {
    let text = &document.text;
    let mut found = Vec::new();
    // Most documents have no marker at all: one search settles them.
    let finder = memmem::Finder::new(MARKER);
    if finder.find(text.as_bytes()).is_none() {
        return found;
    }
    let mut fence = Fence::default();
    let mut in_comment = false;
    let mut offset = 0usize;
    for raw in text.split_inclusive('\n') {
        let start = offset;
        offset += raw.len();
        let trimmed = raw.trim();
        if fence.skips(trimmed) {
            continue;
        }
        if in_comment {
            in_comment = !trimmed.contains("-->");
            continue;
        }
        if trimmed.starts_with("<!--") {
            in_comment = !trimmed.contains("-->");
            continue;
        }
        let mut from = 0;
        while let Some(at) = raw
            .as_bytes()
            .get(from..)
            .and_then(|rest| finder.find(rest))
            .map(|at| from + at)
        {
            from = at + MARKER.len();
            let before = raw.get(..at).unwrap_or("");
            let in_code = before.matches('`').count() % 2 == 1;
            let struck = before.matches("~~").count() % 2 == 1;
            let question = raw
                .get(from..)
                .and_then(|rest| rest.split(']').next())
                .unwrap_or("");
            let end = raw
                .get(at..)
                .and_then(|rest| rest.find(']'))
                .map_or(raw.trim_end().len(), |close| at + close + 1);
            // `[NEEDS CLARIFICATION: ...] markers` names the syntax.
            let mention = raw
                .get(end..)
                .is_some_and(|after| after.trim_start().starts_with("marker"));
            let slot = question
                .trim()
                .trim_matches(|c: char| matches!(c, '.' | '…' | '<' | '>' | ' '))
                .is_empty();
            if in_code || struck || slot || mention {
                continue;
            }
            found.push(Span::from_range(start + at..start + end));
        }
    }
    found
}

/// An Open Questions item that is still a question: not empty, not a
/// template slot, not struck through, not marked answered or optional.
fn is_open_question(text: &str) -> bool {
    let trimmed = text.trim();
    if trimmed.is_empty()
        || trimmed.starts_with(['{', '['])
        || trimmed.starts_with("~~")
        || trimmed.starts_with(['✅', '✓', '✔', '🟢'])
    {
        return false;
    }
    let lower = trimmed.to_lowercase();
    ![
        "resolved",
        "answered",
        "answer:",
        "decided",
        "decision:",
        "closed",
        "none",
        "n/a",
        "nice-to-have",
        "→ a:",
        "-> a:",
    ]
    .iter()
    .any(|word| lower.contains(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let document = Document::parse_str("plan.md", text);
        markers(&document)
            .into_iter()
            .map(|span| &text[span.range()])
            .collect()
    }

    #[test]
    fn markers_need_a_question_outside_code() {
        assert_eq!(
            found("- Use [NEEDS CLARIFICATION: which store?] here\n"),
            ["[NEEDS CLARIFICATION: which store?]"]
        );
        assert!(found("No `[NEEDS CLARIFICATION: x]` left\n").is_empty());
        assert!(found("```\n[NEEDS CLARIFICATION: x]\n```\n").is_empty());
        assert!(found("All [NEEDS CLARIFICATION] markers resolved\n").is_empty());
        assert!(found("~~[NEEDS CLARIFICATION: old]~~\n").is_empty());
        assert!(
            found("- [X] T021 extract [NEEDS CLARIFICATION: ...] markers from spec.md\n")
                .is_empty()
        );
    }

    #[test]
    fn open_questions() {
        assert!(is_open_question("Should ticked items vanish at once?"));
        assert!(is_open_question("🔴 Blocker: which sync protocol?"));
        assert!(!is_open_question("{Question 1}"));
        assert!(!is_open_question("~~Which store?~~ SQLite"));
        assert!(!is_open_question("Which store? — Resolved: SQLite"));
        assert!(!is_open_question("🟢 Nice-to-have: colours?"));
    }
}
