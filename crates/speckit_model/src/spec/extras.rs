//! The smaller parts of a spec: the Clarifications record, inline
//! `[NEEDS CLARIFICATION: …]` markers, the plugin's Overview, Risks table
//! and Open Questions.

use schemars::JsonSchema;
use serde::Serialize;
use speckit_md::{NodeKind, SectionId};
use speckit_text::{Span, Spanned};

use super::requirements::innermost_key;
use super::sections::{Known, SectionKey};
use crate::common::{Text, find_bytes, sub_text};
use crate::document::Document;

/// One `### Session YYYY-MM-DD` of the Clarifications section. Bullets
/// written directly under `## Clarifications` form a session without title.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ClarificationSession<'a> {
    pub title: Option<Text<'a>>,
    /// The ISO date in the title, if there is one.
    pub date: Option<Text<'a>>,
    pub heading_span: Option<Span>,
    pub span: Span,
    pub entries: Vec<Clarification<'a>>,
}

/// A `- Q: … → A: …` bullet. A bullet of another shape keeps its whole
/// text as the question and has no answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Clarification<'a> {
    pub question: Text<'a>,
    pub answer: Option<Text<'a>>,
    pub span: Span,
}

/// An inline `[NEEDS CLARIFICATION: question]` (or bare `[NEEDS CLARIFICATION]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ClarificationMarker<'a> {
    /// The whole bracket.
    pub span: Span,
    /// The text after the colon; `None` for the bare form.
    pub question: Option<Text<'a>>,
    /// The innermost recognised section holding the marker (a marker in the
    /// legacy review checklist is a checklist item's wording, not an open question).
    pub section: Option<SectionKey>,
}

/// The plugin's `## Overview`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Overview<'a> {
    pub heading_span: Span,
    pub span: Span,
    /// The body of `### Problem Statement`.
    pub problem_statement: Option<Text<'a>>,
    /// The body of `### Proposed Solution`.
    pub proposed_solution: Option<Text<'a>>,
    pub goals: Vec<Text<'a>>,
    pub non_goals: Vec<Text<'a>>,
}

/// A row of the Risks table (or a bullet of a Risks list). Blank rows are kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Risk<'a> {
    pub span: Span,
    pub cells: Vec<Text<'a>>,
    pub risk: Option<Text<'a>>,
    pub impact: Option<Text<'a>>,
    pub probability: Option<Text<'a>>,
    pub mitigation: Option<Text<'a>>,
    /// Every cell is empty.
    pub blank: bool,
}

/// How urgent an open question is, after the plugin's clarify step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum QuestionPriority {
    /// 🔴
    Blocker,
    /// 🟡
    Important,
    /// 🟢
    NiceToHave,
}

/// An item of Open Questions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct OpenQuestion<'a> {
    pub text: Text<'a>,
    pub number: Option<u64>,
    /// `🔴 Blocker`, `🟡 Important`, `🟢 Nice-to-have` as written.
    pub label: Option<Text<'a>>,
    pub priority: Option<QuestionPriority>,
    pub span: Span,
}

pub(crate) fn read_clarifications<'a>(
    doc: &'a Document,
    section: SectionId,
    sessions: &mut Vec<ClarificationSession<'a>>,
) {
    let mut direct = Vec::new();
    for block in doc.tree.section_blocks(section) {
        if matches!(doc.tree.kind(block), NodeKind::List { .. }) {
            for item in doc.tree.list_items(block) {
                direct.push(clarification(doc.item_text(item), doc.tree.span(item)));
            }
        }
    }
    if !direct.is_empty() {
        let span = doc.tree.section(section).span;
        sessions.push(ClarificationSession {
            title: None,
            date: None,
            heading_span: None,
            span,
            entries: direct,
        });
    }
    for child in doc.tree.child_sections(section) {
        let title = doc.section_title(child);
        let mut entries = Vec::new();
        for block in doc.tree.section_all_blocks(child) {
            if matches!(doc.tree.kind(block), NodeKind::List { .. }) {
                for item in doc.tree.list_items(block) {
                    entries.push(clarification(doc.item_text(item), doc.tree.span(item)));
                }
            }
        }
        sessions.push(ClarificationSession {
            title: Some(title),
            date: find_date(title),
            heading_span: Some(doc.section_heading_span(child)),
            span: doc.tree.section(child).span,
            entries,
        });
    }
}

/// The first `YYYY-MM-DD`-shaped run in `text` (not checked against the calendar).
fn find_date(text: Text<'_>) -> Option<Text<'_>> {
    let bytes = text.value.as_bytes();
    let shape = |at: usize| {
        (0..10).all(|offset| {
            let byte = bytes.get(at + offset).copied().unwrap_or(0);
            if offset == 4 || offset == 7 {
                byte == b'-'
            } else {
                byte.is_ascii_digit()
            }
        })
    };
    let at = (0..bytes.len().saturating_sub(9)).find(|&at| shape(at))?;
    let date = text.value.get(at..at + 10)?;
    Some(Spanned::new(date, text.span.subspan(at..at + 10)))
}

/// Reads `Q: … → A: …` (also `**Q**:`, `->`, and `A:` on a wrapped line).
fn clarification(text: Text<'_>, span: Span) -> Clarification<'_> {
    let value = text.value;
    let question_start = strip_label(value, 'Q').map_or(0, |rest| value.len() - rest.len());
    let arrow = ["→", "->", "=>"]
        .iter()
        .filter_map(|arrow| {
            value
                .get(question_start..)?
                .find(arrow)
                .map(|at| (question_start + at, arrow.len()))
        })
        .min_by_key(|&(at, _)| at);
    let (question_end, answer_start) = match arrow {
        Some((at, len)) => (at, Some(at + len)),
        None => match value.find("\nA:").or_else(|| value.find(" A: ")) {
            Some(at) => (at, Some(at + 1)),
            None => (value.len(), None),
        },
    };
    let sub = |part| sub_text(text, part);
    let question = sub(value.get(question_start..question_end).unwrap_or("").trim());
    let answer = answer_start.map(|start| {
        let rest = value.get(start..).unwrap_or("").trim_start();
        let rest = strip_label(rest, 'A').unwrap_or(rest).trim();
        if rest.is_empty() {
            Spanned::new(rest, Span::empty(text.span.end))
        } else {
            sub(rest)
        }
    });
    Clarification {
        question,
        answer,
        span,
    }
}

/// Removes a leading `Q:`, `**Q**:`, `**Q:**`, `Q1:` label.
fn strip_label(text: &str, letter: char) -> Option<&str> {
    let bold = text.strip_prefix("**");
    let rest = bold.unwrap_or(text).strip_prefix(letter)?;
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    let rest = if bold.is_some() {
        rest.strip_prefix("**:")
            .or_else(|| rest.strip_prefix(":**"))
            .or_else(|| rest.strip_prefix("**："))?
    } else {
        rest.strip_prefix([':', '：'])?
    };
    Some(rest.trim_start())
}

const MARKER: &str = "[NEEDS CLARIFICATION";

/// Every marker outside code and HTML comments, in order.
pub(crate) fn find_markers<'a>(doc: &'a Document, known: &[Known]) -> Vec<ClarificationMarker<'a>> {
    let text = doc.text.as_str();
    let mut markers = Vec::new();
    let mut excluded: Option<Vec<Span>> = None;
    let mut search = 0;
    while let Some(found) = text
        .as_bytes()
        .get(search..)
        .and_then(|rest| find_bytes(rest, MARKER.as_bytes()))
    {
        let start = search + found;
        let after = start + MARKER.len();
        search = after;
        let Some(end) = closing_bracket(text, after) else {
            continue;
        };
        let next = text.get(after..).and_then(|rest| rest.chars().next());
        if !matches!(next, Some(']' | ':' | '：' | ' ')) {
            continue;
        }
        let at = u32::try_from(start).unwrap_or(u32::MAX);
        let excluded = excluded.get_or_insert_with(|| doc.tree.code_and_html_spans());
        if excluded.iter().any(|span| span.contains(at)) {
            continue;
        }
        let span = Span::from_range(start..end + 1);
        let inner = text.get(after..end).unwrap_or("");
        let question = inner.strip_prefix([':', '：']).map(|question| {
            let question = question.trim();
            Spanned::new(
                question,
                Span::from_range(0..text.len()).of_subslice(text, question),
            )
        });
        markers.push(ClarificationMarker {
            span,
            question,
            section: innermost_key(known, at),
        });
        search = end + 1;
    }
    markers
}

/// The `]` that closes a bracket opened before `from`, allowing nested
/// brackets and wrapped lines but not a blank line.
fn closing_bracket(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut index = from;
    while let Some(&byte) = bytes.get(index) {
        match byte {
            b'[' => depth += 1,
            b']' if depth == 0 => return Some(index),
            b']' => depth -= 1,
            b'\n'
                if text.get(index + 1..).is_some_and(|rest| {
                    rest.trim_start_matches([' ', '\t', '\r']).starts_with('\n')
                }) =>
            {
                return None;
            }
            _ => {}
        }
        index += 1;
    }
    None
}

pub(crate) fn read_overview<'a>(doc: &'a Document, known: &[Known]) -> Option<Overview<'a>> {
    let overview = known
        .iter()
        .find(|found| found.key == SectionKey::Overview)?;
    let section = overview.id;
    let body = |key| {
        known
            .iter()
            .find(|found| found.key == key && overview.span.contains_span(found.span))
            .map(|found| found.id)
    };
    Some(Overview {
        heading_span: doc.section_heading_span(section),
        span: overview.span,
        problem_statement: body(SectionKey::ProblemStatement).map(|id| doc.section_body(id).trim()),
        proposed_solution: body(SectionKey::ProposedSolution).map(|id| doc.section_body(id).trim()),
        goals: body(SectionKey::Goals)
            .map(|id| doc.bullets_in(id))
            .unwrap_or_default(),
        non_goals: body(SectionKey::NonGoals)
            .map(|id| doc.bullets_in(id))
            .unwrap_or_default(),
    })
}

pub(crate) fn read_risks<'a>(doc: &'a Document, section: SectionId, risks: &mut Vec<Risk<'a>>) {
    for block in doc.tree.section_all_blocks(section) {
        if let Some(table) = doc.tree.table(&doc.text, block) {
            let risk_column = table.column_any(&["Risk", "Risks"]).or(Some(0));
            let impact_column = table.column_any(&["Impact", "Severity"]);
            let probability_column = table.column_any(&["Probability", "Likelihood"]);
            let mitigation_column =
                table.column_any(&["Mitigation Strategy", "Mitigation", "Mitigations"]);
            for row in &table.rows {
                let cell = |column: Option<usize>| {
                    column.and_then(|column| row.cells.get(column).copied())
                };
                risks.push(Risk {
                    span: row.span,
                    cells: row.cells.clone(),
                    risk: cell(risk_column),
                    impact: cell(impact_column),
                    probability: cell(probability_column),
                    mitigation: cell(mitigation_column),
                    blank: row.is_blank(),
                });
            }
        } else if matches!(doc.tree.kind(block), NodeKind::List { .. }) {
            for item in doc.tree.list_items(block) {
                let text = doc.item_text(item);
                risks.push(Risk {
                    span: doc.tree.span(item),
                    cells: Vec::new(),
                    risk: Some(text),
                    impact: None,
                    probability: None,
                    mitigation: None,
                    blank: text.value.is_empty(),
                });
            }
        }
    }
}

pub(crate) fn read_open_questions<'a>(
    doc: &'a Document,
    section: SectionId,
    questions: &mut Vec<OpenQuestion<'a>>,
) {
    for block in doc.tree.section_all_blocks(section) {
        if !matches!(doc.tree.kind(block), NodeKind::List { .. }) {
            continue;
        }
        for item in doc.tree.list_items(block) {
            let text = doc.item_text(item);
            let (label, priority) = match question_label(text) {
                Some((label, priority)) => (Some(label), Some(priority)),
                None => (None, None),
            };
            let number = doc.list_entry(item).number;
            questions.push(OpenQuestion {
                text,
                number,
                label,
                priority,
                span: doc.tree.span(item),
            });
        }
    }
}

/// `🔴 Blocker` and friends: the emoji plus the word after it.
fn question_label(text: Text<'_>) -> Option<(Text<'_>, QuestionPriority)> {
    let value = text.value;
    let (at, emoji, priority) = [
        ('🔴', QuestionPriority::Blocker),
        ('🟡', QuestionPriority::Important),
        ('🟢', QuestionPriority::NiceToHave),
    ]
    .iter()
    .filter_map(|&(emoji, priority)| value.find(emoji).map(|at| (at, emoji, priority)))
    .min_by_key(|&(at, _, _)| at)?;
    let after = value.get(at + emoji.len_utf8()..)?;
    let spaces = after.len() - after.trim_start_matches([' ', '\u{fe0f}']).len();
    let word = after.get(spaces..)?;
    let word_len = word
        .find(|c: char| !(c.is_alphanumeric() || c == '-'))
        .unwrap_or(word.len());
    let end = at + emoji.len_utf8() + if word_len > 0 { spaces + word_len } else { 0 };
    let label = value.get(at..end)?;
    Some((Spanned::new(label, text.span.subspan(at..end)), priority))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(value: &str) -> Text<'_> {
        Spanned::new(value, Span::new(0, u32::try_from(value.len()).unwrap()))
    }

    fn qa(value: &str) -> (&str, Option<&str>) {
        let found = clarification(text(value), Span::default());
        assert_eq!(&value[found.question.span.range()], found.question.value);
        if let Some(answer) = found.answer {
            assert_eq!(&value[answer.span.range()], answer.value);
        }
        (found.question.value, found.answer.map(|a| a.value))
    }

    #[test]
    fn question_and_answer_forms() {
        assert_eq!(
            qa("Q: Which store? → A: SQLite"),
            ("Which store?", Some("SQLite"))
        );
        assert_eq!(
            qa("**Q**: Retry? -> **A**: Twice"),
            ("Retry?", Some("Twice"))
        );
        assert_eq!(
            qa("Q: Long question\n  wrapped → A: yes"),
            ("Long question\n  wrapped", Some("yes"))
        );
        assert_eq!(qa("Q: Unanswered"), ("Unanswered", None));
        assert_eq!(qa("Decided to drop X"), ("Decided to drop X", None));
    }

    #[test]
    fn dates_and_labels() {
        assert_eq!(
            find_date(text("Session 2025-03-04")).map(|d| d.value),
            Some("2025-03-04")
        );
        assert_eq!(find_date(text("From v0.1.0 Dogfooding")), None);
        let label = question_label(text("🟢 Nice-to-have: colours?")).map(|(l, p)| (l.value, p));
        assert_eq!(
            label,
            Some(("🟢 Nice-to-have", QuestionPriority::NiceToHave))
        );
        assert_eq!(question_label(text("plain")), None);
    }
}
