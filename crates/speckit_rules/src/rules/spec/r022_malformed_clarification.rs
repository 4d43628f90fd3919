use speckit_model::Spec;
use speckit_model::spec::ClarificationSession;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The `## Clarifications` record: a `### Session` heading without a
    /// date, and a bullet that is not a `- Q: … → A: …` pair (a question
    /// without an answer). A bullet of another shape is reported when it
    /// starts with `Q:` or sits in a session with proper Q/A bullets;
    /// sessions of notes only, and checkboxes, are someone else's format.
    ///
    /// ## Why it matters
    /// spec-kit's clarify step writes exactly one `- Q: … → A: …` bullet per
    /// accepted answer under a dated session, and later runs, `analyze` and
    /// readers rely on that shape to see what was decided when. A question
    /// without its answer looks settled but is not.
    ///
    /// ## Example
    /// ```markdown
    /// ### Session 2026-03-04
    ///
    /// - Q: Who may delete a recipe?
    /// ```
    /// Use instead:
    /// ```markdown
    /// ### Session 2026-03-04
    ///
    /// - Q: Who may delete a recipe? → A: Any member with the Editor role
    /// ```
    pub(crate) MalformedClarification {
        code: "R022",
        name: "malformed-clarification",
        summary: "A clarification is not a dated Q → A bullet",
        severity: Warning,
        fix: Never,
        target: Spec,
    }
}

impl MalformedClarification {
    fn run(&self, spec: &Spec<'_>, cx: &mut RuleContext<'_>) {
        for session in &spec.clarifications {
            let Some(kind) = session_kind(session) else {
                continue;
            };
            if kind == SessionKind::Undated
                && let (Some(title), Some(heading)) = (session.title, session.heading_span)
            {
                drop(
                    cx.report(
                        heading,
                        format!("clarification session `{}` has no date", title.value.trim()),
                    )
                    .help("title the session `### Session YYYY-MM-DD`"),
                );
            }
            let answered = session
                .entries
                .iter()
                .any(|entry| entry.answer.is_some_and(|answer| !answer.value.is_empty()));
            for entry in &session.entries {
                if entry.answer.is_some_and(|answer| !answer.value.is_empty()) {
                    continue;
                }
                let source = cx.text(entry.span);
                let after_marker = source
                    .trim_start()
                    .trim_start_matches(['-', '*', '+'])
                    .trim_start();
                if after_marker.starts_with('[') {
                    continue;
                }
                let labelled = after_marker.starts_with("Q:")
                    || after_marker.starts_with("**Q")
                    || after_marker.starts_with("Q1");
                if !(labelled || answered) {
                    continue;
                }
                let message = if entry.answer.is_some() {
                    "the answer after `→ A:` is empty"
                } else {
                    "this clarification has no `→ A:` answer"
                };
                drop(
                    cx.report(entry.question.span, message)
                        .help("write each clarification as `- Q: <question> → A: <answer>`"),
                );
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SessionKind {
    /// Bullets right under `## Clarifications`, or a dated session.
    Dated,
    /// `### Session` without a date.
    Undated,
}

/// Whether a subsection of Clarifications is a session at all: spec
/// authors also file unrelated subsections there.
fn session_kind(session: &ClarificationSession<'_>) -> Option<SessionKind> {
    match (session.title, session.date) {
        (None, _) | (Some(_), Some(_)) => Some(SessionKind::Dated),
        (Some(title), None) => {
            let title = title.value.trim_start();
            title
                .get(..7)
                .is_some_and(|head| head.eq_ignore_ascii_case("session"))
                .then_some(SessionKind::Undated)
        }
    }
}
