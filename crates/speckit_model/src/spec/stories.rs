//! User stories.
//!
//! spec-kit: `### User Story 2 - Title (Priority: P2)` with a narrative
//! paragraph, `**Why this priority**`, `**Independent Test**` and numbered
//! scenarios (read by the `scenarios` module). Plugin: `#### Story 2` with
//! `**As a**` / `**I want**` / `**So that**` lines and an
//! `**Acceptance Criteria:**` checkbox list. Heading variants seen in real
//! files are read too: em dashes, `US3 (P2) — Title`, and Japanese
//! `ユーザーストーリー 1 - … (優先度: P1)` with `**この優先度の理由**` fields.

use schemars::JsonSchema;
use serde::Serialize;
use speckit_md::{NodeKind, SectionId, lex};
use speckit_text::{Span, Spanned};

use super::scenarios::{AcceptanceScenario, ScenarioReader, may_open_scenario};
use crate::common::{CheckItem, MetaField, Text, field, find_double_star, sub_text, trim};
use crate::document::Document;

/// One user story.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct UserStory<'a> {
    /// The whole heading text.
    pub heading: Text<'a>,
    pub heading_span: Span,
    pub span: Span,
    /// `2` of `User Story 2` / `Story 2`.
    pub number: Option<Text<'a>>,
    /// The title after the number, without the priority.
    pub title: Option<Text<'a>>,
    /// `P2` of `(Priority: P2)` or `(P2)`.
    pub priority: Option<Text<'a>>,
    /// The first plain paragraph (spec-kit's "user journey").
    pub narrative: Option<Text<'a>>,
    /// Value of `**Why this priority**`.
    pub why_priority: Option<Text<'a>>,
    /// Value of `**Independent Test**`.
    pub independent_test: Option<Text<'a>>,
    pub scenarios: Vec<AcceptanceScenario<'a>>,
    /// Plugin `**As a** …`.
    pub as_a: Option<Text<'a>>,
    /// Plugin `**I want** …`.
    pub i_want: Option<Text<'a>>,
    /// Plugin `**So that** …`.
    pub so_that: Option<Text<'a>>,
    /// Checkbox items (plugin `**Acceptance Criteria:**`).
    pub acceptance_criteria: Vec<CheckItem<'a>>,
    /// Every `**Label**: value` line of the story's paragraphs.
    pub fields: Vec<MetaField<'a>>,
}

impl UserStory<'_> {
    /// The story number as an integer, when it is one.
    pub fn number_value(&self) -> Option<u32> {
        self.number.and_then(|number| number.value.parse().ok())
    }

    /// The priority's digits as an integer (`P2` → 2).
    pub fn priority_value(&self) -> Option<u32> {
        self.priority
            .and_then(|priority| priority.value.trim_start_matches(['P', 'p']).parse().ok())
    }
}

/// The parts of a story heading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct StoryHeading<'a> {
    pub(crate) number: Option<Text<'a>>,
    pub(crate) title: Option<Text<'a>>,
    pub(crate) priority: Option<Text<'a>>,
}

const STORY_WORDS: [&str; 7] = [
    "User Story",
    "ユーザーストーリー",
    "用户故事",
    "使用者故事",
    "Story",
    "ストーリー",
    "US",
];
const PRIORITY_WORDS: [&str; 5] = ["Priority", "優先度", "优先级", "優先級", "優先順位"];

/// Lead bytes of the story words: ASCII `U`/`S` in either case, and the
/// first byte of `ユ`, `ス`, `用` and `使` (checked by a test).
fn may_start_story_word(byte: u8) -> bool {
    matches!(byte, b'U' | b'u' | b'S' | b's' | 0xE3 | 0xE4 | 0xE7)
}

/// The number and the rest of a trimmed story heading: a story word, then
/// a number (`2`, `2a`) that no letter or digit follows.
fn story_number(value: &str) -> Option<(&str, &str)> {
    if !may_start_story_word(*value.as_bytes().first()?) {
        return None;
    }
    let after_word = STORY_WORDS.iter().find_map(|word| {
        let head = value.get(..word.len())?;
        head.eq_ignore_ascii_case(word)
            .then(|| value.get(word.len()..))
            .flatten()
    })?;
    let after_space = after_word.trim_start_matches([' ', '\u{3000}', '#']);
    let digits = after_space.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let number_len = if after_space
        .as_bytes()
        .get(digits)
        .is_some_and(u8::is_ascii_lowercase)
        && !after_space
            .as_bytes()
            .get(digits + 1)
            .is_some_and(u8::is_ascii_alphanumeric)
    {
        digits + 1
    } else {
        digits
    };
    let number = after_space.get(..number_len)?;
    let rest = after_space.get(number_len..)?;
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    Some((number, rest))
}

/// True when `title` is a story heading (see [`split_story_heading`]).
pub(crate) fn is_story_heading(title: &str) -> bool {
    story_number(title.trim()).is_some()
}

/// Reads `User Story 2 - Title (Priority: P2)` and its variants. A story
/// heading needs a number after the story word.
pub(crate) fn split_story_heading(title: Text<'_>) -> Option<StoryHeading<'_>> {
    let (number, rest) = story_number(title.value.trim())?;
    let (priority, before, after) = match find_priority(rest) {
        Some((group, value)) => (
            Some(value),
            rest.get(..group.start)?,
            rest.get(group.end..)?,
        ),
        None => (None, rest, ""),
    };
    let story_title = [before, after]
        .into_iter()
        .map(trim_title)
        .find(|part| !part.is_empty());
    let sub = |part| sub_text(title, part);
    Some(StoryHeading {
        number: Some(sub(number)),
        title: story_title.map(sub),
        priority: priority.map(sub),
    })
}

fn trim_title(part: &str) -> &str {
    let trimmed = part.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '–' | '—' | ':' | '：' | '.')
    });
    lex::strip_heading_decorations(trimmed)
}

/// Finds `(Priority: P2)`, `（優先度: P1）` or `(P2)`; returns the group's
/// byte range in `text` and the priority value.
fn find_priority(text: &str) -> Option<(std::ops::Range<usize>, &str)> {
    let mut search = 0;
    while let Some(found) = text.get(search..)?.find(['(', '（']) {
        let open = search + found;
        let open_len = if text.get(open..)?.starts_with('（') {
            '（'.len_utf8()
        } else {
            1
        };
        let inner_start = open + open_len;
        let inner_rest = text.get(inner_start..)?;
        let Some(close_rel) = inner_rest.find([')', '）']) else {
            break;
        };
        let close = inner_start + close_rel;
        let close_len = if text.get(close..)?.starts_with('）') {
            '）'.len_utf8()
        } else {
            1
        };
        let inner = text.get(inner_start..close)?.trim();
        let value = PRIORITY_WORDS
            .iter()
            .find_map(|word| {
                let head = inner.get(..word.len())?;
                head.eq_ignore_ascii_case(word)
                    .then(|| inner.get(word.len()..))
                    .flatten()
            })
            .map(|after| after.trim_start_matches([':', '：', ' ']).trim())
            .or_else(|| is_priority_token(inner).then_some(inner));
        if let Some(value) = value.filter(|value| !value.is_empty()) {
            return Some((open..close + close_len, value));
        }
        search = close + close_len;
    }
    None
}

fn is_priority_token(text: &str) -> bool {
    text.strip_prefix('P')
        .is_some_and(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
}

const WHY_LABELS: &[&str] = &[
    "Why this priority",
    "この優先度の理由",
    "优先级原因",
    "為何此優先級",
    "Why this Priority",
];
const INDEPENDENT_TEST_LABELS: &[&str] =
    &["Independent Test", "独立テスト", "独立测试", "獨立測試"];

/// Reads the story in section `id`, walking its blocks once: paragraphs
/// give fields, the narrative and `6a.`-style scenarios; list items give
/// scenarios and acceptance-criteria boxes.
pub(crate) fn read_story(doc: &Document, id: SectionId) -> UserStory<'_> {
    let heading = doc.section_title(id);
    let parts = split_story_heading(heading);
    let mut story = UserStory {
        heading,
        heading_span: doc.section_heading_span(id),
        span: doc.tree.section(id).span,
        number: parts.and_then(|parts| parts.number),
        title: parts.and_then(|parts| parts.title),
        priority: parts.and_then(|parts| parts.priority),
        narrative: None,
        why_priority: None,
        independent_test: None,
        scenarios: Vec::new(),
        as_a: None,
        i_want: None,
        so_that: None,
        acceptance_criteria: Vec::new(),
        fields: Vec::new(),
    };
    let mut scenarios = ScenarioReader::new(doc);
    for block in doc.tree.section_all_blocks(id) {
        match doc.tree.kind(block) {
            NodeKind::Paragraph => {
                let paragraph = Spanned::slice(&doc.text, doc.tree.span(block));
                if read_paragraph(doc, paragraph, &mut story) {
                    scenarios.paragraph_text(paragraph);
                }
            }
            NodeKind::List { .. } => {
                scenarios.list(block);
                let mut room_made = false;
                for item in doc.items_below(block) {
                    let peek = doc.item_peek(item);
                    scenarios.item(item, peek);
                    if let Some(checkbox) = doc.item_checkbox_peeked(item, peek) {
                        if !room_made {
                            // One box in a list: the rest are likely boxes too.
                            room_made = true;
                            let n_items = doc.tree.list_items(block).count();
                            story.acceptance_criteria.reserve(n_items);
                        }
                        story.acceptance_criteria.push(checkbox);
                    }
                }
            }
            _ => {}
        }
    }
    story.scenarios = scenarios.finish();
    story
}

/// The fields (`**Why this priority**: …`, `**As a** …`) of one paragraph
/// of a story; the first paragraph without any is the narrative. True when
/// a line of the paragraph may open a scenario.
fn read_paragraph<'a>(doc: &'a Document, paragraph: Text<'a>, story: &mut UserStory<'a>) -> bool {
    let mut plain = true;
    let mut scenario = false;
    for line in lex::lines(&doc.text, paragraph.span) {
        if !scenario {
            let rest = doc
                .text
                .get(line.span.start as usize..paragraph.span.end as usize)
                .unwrap_or("");
            scenario = may_open_scenario(rest);
        }
        if let Some(field) = field(line) {
            plain = false;
            let label = field.label.value;
            if is_one_of(label, WHY_LABELS) {
                story.why_priority = Some(field.value);
            } else if is_one_of(label, INDEPENDENT_TEST_LABELS) {
                story.independent_test = Some(field.value);
            }
            story.fields.push(field.into());
        } else if let Some((label, rest)) = bold_prefix(line) {
            plain = false;
            let label = label.value.trim_end_matches([',', ':']);
            if label.eq_ignore_ascii_case("As a") || label.eq_ignore_ascii_case("As an") {
                story.as_a = Some(rest);
            } else if label.eq_ignore_ascii_case("I want") {
                story.i_want = Some(rest);
            } else if label.eq_ignore_ascii_case("So that") {
                story.so_that = Some(rest);
            }
        }
    }
    if plain && story.narrative.is_none() {
        story.narrative = Some(trim(paragraph));
    }
    scenario
}

fn is_one_of(label: &str, names: &[&str]) -> bool {
    names.iter().any(|name| label.eq_ignore_ascii_case(name))
}

/// `**Label** rest` at the start of a line: the bold text and what follows.
pub(crate) fn bold_prefix(line: Text<'_>) -> Option<(Text<'_>, Text<'_>)> {
    // Only a line opening with `*` (or with a byte that may begin Unicode
    // whitespace) can open with `**` once trimmed.
    let first = line
        .value
        .bytes()
        .find(|byte| !matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c'))?;
    if !matches!(first, b'*' | 0x80..) {
        return None;
    }
    let trimmed = trim(line);
    let inner = trimmed.value.strip_prefix("**")?;
    let close = find_double_star(inner)?;
    let label = inner.get(..close)?;
    let rest = inner.get(close + 2..)?.trim();
    if label.trim().is_empty() {
        return None;
    }
    let sub = |part| sub_text(trimmed, part);
    let rest_text = if rest.is_empty() {
        Spanned::new(rest, Span::empty(trimmed.span.end))
    } else {
        sub(rest)
    };
    Some((sub(label.trim()), rest_text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(value: &str) -> Text<'_> {
        Spanned::new(value, Span::new(0, u32::try_from(value.len()).unwrap()))
    }

    fn heading(title: &str) -> Option<(Option<&str>, Option<&str>, Option<&str>)> {
        split_story_heading(text(title)).map(|parts| {
            for part in [parts.number, parts.title, parts.priority]
                .into_iter()
                .flatten()
            {
                assert_eq!(&title[part.span.range()], part.value);
            }
            (
                parts.number.map(|n| n.value),
                parts.title.map(|t| t.value),
                parts.priority.map(|p| p.value),
            )
        })
    }

    #[test]
    fn story_words_start_with_a_known_lead_byte() {
        for word in STORY_WORDS {
            for spelling in [word.to_string(), word.to_ascii_lowercase()] {
                assert!(may_start_story_word(spelling.as_bytes()[0]), "{word}");
            }
        }
    }

    #[test]
    fn story_headings() {
        assert_eq!(
            heading("User Story 1 - Sign in (Priority: P1)"),
            Some((Some("1"), Some("Sign in"), Some("P1")))
        );
        assert_eq!(
            heading("User Story 9 — Cleanup (Priority: P3) 🎯 MVP"),
            Some((Some("9"), Some("Cleanup"), Some("P3")))
        );
        assert_eq!(
            heading("US3 (P2) — Nothing regresses"),
            Some((Some("3"), Some("Nothing regresses"), Some("P2")))
        );
        assert_eq!(
            heading("US5 — Retire the badge (Priority: P2)"),
            Some((Some("5"), Some("Retire the badge"), Some("P2")))
        );
        assert_eq!(
            heading("ユーザーストーリー 2 - 認証 (優先度: P1)"),
            Some((Some("2"), Some("認証"), Some("P1")))
        );
        assert_eq!(heading("Story 3"), Some((Some("3"), None, None)));
        assert_eq!(
            heading("Story 2: Export"),
            Some((Some("2"), Some("Export"), None))
        );
        assert_eq!(
            heading("User Story 4 - No priority"),
            Some((Some("4"), Some("No priority"), None))
        );
        assert_eq!(heading("User Stories"), None);
        assert_eq!(heading("Primary User Story"), None);
        assert_eq!(heading("USB support"), None);
        assert_eq!(heading("Story Points"), None);
    }
}
