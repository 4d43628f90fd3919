//! Acceptance scenarios: `**Given** …, **When** …, **Then** …` lines.
//!
//! Read from list items and paragraph lines alike, so that numbers CommonMark
//! does not treat as list markers (`6a.`) still start a scenario. Keywords
//! may be English or Japanese (`**前提**`, `**実行**`, `**結果**`), bold or
//! plain; Given, When and Then may also sit on separate bullets.

use schemars::JsonSchema;
use serde::Serialize;
use speckit_md::{NodeKind, SectionId, lex};
use speckit_text::{Span, Spanned};

use crate::common::{Text, find_double_star, sub_text};
use crate::document::Document;

/// A `**Given** …, **When** …, **Then** …` scenario. When the keywords are
/// missing or odd, the parts that cannot be found are `None` and `text`
/// still holds the whole scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct AcceptanceScenario<'a> {
    /// The list number (`1`, `6a`), if any.
    pub number: Option<Text<'a>>,
    /// The scenario without its list marker.
    pub text: Text<'a>,
    pub given: Option<Text<'a>>,
    pub when: Option<Text<'a>>,
    pub then: Option<Text<'a>>,
    /// The scenario's lines (list marker included).
    pub span: Span,
}

/// Every scenario in section `id` (subsections included): list items that
/// begin with a Given keyword, and paragraph lines such as `6a. **Given** …`.
pub(crate) fn read_scenarios(doc: &Document, id: SectionId) -> Vec<AcceptanceScenario<'_>> {
    let mut scenarios: Vec<AcceptanceScenario<'_>> = Vec::new();
    let mut pieces: Vec<(Option<Text<'_>>, Text<'_>, Span)> = Vec::new();
    for block in doc.tree.section_all_blocks(id) {
        match doc.tree.kind(block) {
            NodeKind::Paragraph => {
                let end = doc.tree.span(block).end as usize;
                let candidate = doc.paragraph_line_starts(block).any(|start| {
                    let rest = doc.text.get(start as usize..end).unwrap_or("");
                    let rest = rest.trim_start_matches([' ', '\t']);
                    let after_number = rest.trim_start_matches(|c: char| c.is_ascii_alphanumeric());
                    starts_scenario(rest)
                        || starts_scenario(after_number.get(1..).unwrap_or("").trim_start())
                });
                if candidate {
                    let paragraph = Spanned::slice(&doc.text, doc.tree.span(block));
                    split_into_scenarios(doc, paragraph, None, &mut pieces);
                }
            }
            NodeKind::List { .. } => {
                for item in doc
                    .tree
                    .descendants(block)
                    .filter(|&node| doc.tree.kind(node) == NodeKind::Item)
                {
                    // Only items that open with a keyword can hold scenarios.
                    if !starts_scenario(doc.item_peek(item)) {
                        continue;
                    }
                    let line = doc.item_head(item);
                    let number = lex::list_marker(line)
                        .and_then(|marker| marker.number.map(|_| marker.marker));
                    let number = number.map(|marker| {
                        let digits = marker.value.trim_end_matches(['.', ')']);
                        Spanned::new(digits, marker.span.subspan(0..digits.len()))
                    });
                    let text = doc.item_text(item);
                    if memchr::memchr(b'\n', text.value.as_bytes()).is_none() {
                        // One line, one scenario: nothing to split.
                        pieces.push((
                            number,
                            text,
                            Span::new(line.span.start, text.span.end.max(line.span.start)),
                        ));
                        continue;
                    }
                    let first = Some((number, line.span.start));
                    split_into_scenarios(doc, text, first, &mut pieces);
                }
            }
            _ => {}
        }
    }
    for (number, text, span) in pieces {
        let parts = scenario_parts(text);
        if parts.given.is_none()
            && let Some(last) = scenarios.last_mut()
            && last.then.is_none()
            && (parts.when.is_some() || parts.then.is_some())
        {
            // Given, When and Then written as separate bullets.
            last.when = last.when.or(parts.when);
            last.then = parts.then;
            last.span = last.span.cover(span);
            last.text = Spanned::slice(
                &doc.text,
                Span::new(
                    last.text.span.start,
                    text.span.end.max(last.text.span.start),
                ),
            );
            continue;
        }
        if parts.given.is_none() && parts.when.is_none() && parts.then.is_none() {
            continue;
        }
        scenarios.push(AcceptanceScenario {
            number,
            text,
            given: parts.given,
            when: parts.when,
            then: parts.then,
            span,
        });
    }
    scenarios
}

/// Splits `text` at lines that start a scenario (optionally after a
/// `6a.`-style number) and pushes one piece per scenario. `first` gives the
/// number and line start of a list item whose marker is not part of `text`.
fn split_into_scenarios<'a>(
    doc: &'a Document,
    text: Text<'a>,
    first: Option<(Option<Text<'a>>, u32)>,
    out: &mut Vec<(Option<Text<'a>>, Text<'a>, Span)>,
) {
    let mut current: Option<(Option<Text<'a>>, u32, u32)> = None;
    let mut last_end = text.span.start;
    let mut first_line = true;
    for line in lex::lines(&doc.text, text.span) {
        let (number, body) = if first_line && first.is_some() {
            (None, line.trim())
        } else {
            split_line_number(line)
        };
        if starts_scenario(body.value) {
            if let Some((number, line_start, body_start)) = current.take() {
                push_piece(doc, number, line_start, body_start, last_end, out);
            }
            let (number, line_start) = match first.filter(|_| first_line) {
                Some((item_number, item_start)) => (item_number, item_start),
                None => (number, line.span.start),
            };
            current = Some((number, line_start, body.span.start));
        }
        if !line.value.trim().is_empty() {
            last_end = line.span.end;
        }
        first_line = false;
    }
    if let Some((number, line_start, body_start)) = current {
        push_piece(doc, number, line_start, body_start, last_end, out);
    }
}

fn push_piece<'a>(
    doc: &'a Document,
    number: Option<Text<'a>>,
    line_start: u32,
    body_start: u32,
    end: u32,
    out: &mut Vec<(Option<Text<'a>>, Text<'a>, Span)>,
) {
    let text = Spanned::slice(&doc.text, Span::new(body_start, end.max(body_start))).trim();
    out.push((
        number,
        text,
        Span::new(line_start.min(body_start), end.max(body_start)),
    ));
}

/// `6a. rest` → (`6a`, `rest`); other lines come back trimmed.
fn split_line_number(line: Text<'_>) -> (Option<Text<'_>>, Text<'_>) {
    let trimmed = line.trim();
    let value = trimmed.value;
    let digits = value.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        let mut end = digits;
        if value
            .as_bytes()
            .get(end)
            .is_some_and(u8::is_ascii_lowercase)
        {
            end += 1;
        }
        if matches!(value.as_bytes().get(end), Some(b'.' | b')'))
            && let Some(rest) = value.get(end + 1..)
            && rest.starts_with([' ', '\t'])
            && let Some(number) = value.get(..end)
        {
            let rest = rest.trim_start();
            let sub = |part| sub_text(trimmed, part);
            return (Some(sub(number)), sub(rest));
        }
    }
    (None, trimmed)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Keyword {
    Given,
    When,
    Then,
}

const GIVEN_WORDS: [&str; 5] = ["Given", "前提", "假设", "假設", "給定"];
const WHEN_WORDS: [&str; 5] = ["When", "実行", "もし", "当", "當"];
const THEN_WORDS: [&str; 5] = ["Then", "結果", "ならば", "那么", "則"];

fn keyword_of(word: &str) -> Option<Keyword> {
    // The longest keyword is 9 bytes; anything much longer is other bold text.
    if word.len() > 16 {
        return None;
    }
    let word = word.trim().trim_end_matches([':', '：', ',']);
    if GIVEN_WORDS
        .iter()
        .any(|known| word.eq_ignore_ascii_case(known))
    {
        Some(Keyword::Given)
    } else if WHEN_WORDS
        .iter()
        .any(|known| word.eq_ignore_ascii_case(known))
    {
        Some(Keyword::When)
    } else if THEN_WORDS
        .iter()
        .any(|known| word.eq_ignore_ascii_case(known))
    {
        Some(Keyword::Then)
    } else {
        None
    }
}

/// True when `text` opens with a bold keyword or a plain `Given `.
fn starts_scenario(text: &str) -> bool {
    if let Some(inner) = text.strip_prefix("**")
        && let Some(close) = find_double_star(inner)
    {
        return inner.get(..close).and_then(keyword_of).is_some();
    }
    text.starts_with("Given ")
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Parts<'a> {
    given: Option<Text<'a>>,
    when: Option<Text<'a>>,
    then: Option<Text<'a>>,
}

/// Locates the keywords of a scenario: bold ones (`**When**`, `**When:**`)
/// first, plain words (`, when `, ` then `) when there are none.
fn scenario_parts(text: Text<'_>) -> Parts<'_> {
    let mut marks: Vec<(Keyword, usize, usize)> = bold_keywords(text.value);
    if marks.is_empty() && text.value.starts_with("Given ") {
        marks.push((Keyword::Given, 0, 5));
        for (keyword, needles) in [
            (Keyword::When, [" When ", " when "]),
            (Keyword::Then, [" Then ", " then "]),
        ] {
            if let Some(at) = needles
                .iter()
                .filter_map(|needle| text.value.find(needle))
                .min()
            {
                marks.push((keyword, at + 1, at + 5));
            }
        }
        marks.sort_by_key(|mark| mark.1);
    }
    let mut parts = Parts::default();
    for (index, &(keyword, _, content_start)) in marks.iter().enumerate() {
        let content_end = marks.get(index + 1).map_or(text.value.len(), |next| next.1);
        let Some(content) = text
            .value
            .get(content_start..content_end.max(content_start))
        else {
            continue;
        };
        let content = content
            .trim_start_matches([':', '：'])
            .trim()
            .trim_end_matches([',', '、', '，', ';'])
            .trim_end();
        let content = Spanned::new(content, text.span.of_subslice(text.value, content));
        let slot = match keyword {
            Keyword::Given => &mut parts.given,
            Keyword::When => &mut parts.when,
            Keyword::Then => &mut parts.then,
        };
        // Later `**Given**` runs (rare) belong to the text of the first one.
        if slot.is_none() {
            *slot = Some(content);
        }
    }
    parts
}

/// Bold keyword runs in `text`: (keyword, start of `**`, end of closing `**`).
fn bold_keywords(text: &str) -> Vec<(Keyword, usize, usize)> {
    let mut found = Vec::new();
    let mut search = 0;
    while let Some(open) = text
        .get(search..)
        .and_then(find_double_star)
        .map(|at| at + search)
    {
        let inner_start = open + 2;
        let Some(close) = text
            .get(inner_start..)
            .and_then(find_double_star)
            .map(|at| at + inner_start)
        else {
            break;
        };
        match text.get(inner_start..close).and_then(keyword_of) {
            Some(keyword) => {
                found.push((keyword, open, close + 2));
                search = close + 2;
            }
            // Not a keyword: step past this bold run entirely.
            None => search = close + 2,
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(value: &str) -> Text<'_> {
        Spanned::new(value, Span::new(0, u32::try_from(value.len()).unwrap()))
    }

    fn parts(value: &str) -> (Option<&str>, Option<&str>, Option<&str>) {
        let found = scenario_parts(text(value));
        for part in [found.given, found.when, found.then].into_iter().flatten() {
            assert_eq!(&value[part.span.range()], part.value);
        }
        (
            found.given.map(|t| t.value),
            found.when.map(|t| t.value),
            found.then.map(|t| t.value),
        )
    }

    #[test]
    fn scenario_keywords() {
        assert_eq!(
            parts("**Given** a cart, **When** I pay, **Then** I get a receipt"),
            (Some("a cart"), Some("I pay"), Some("I get a receipt"))
        );
        assert_eq!(
            parts("**前提** ログイン済み、**実行** 押す、**結果** 表示"),
            (Some("ログイン済み"), Some("押す"), Some("表示"))
        );
        assert_eq!(
            parts("**Given:** x **When:** y **Then:** z"),
            (Some("x"), Some("y"), Some("z"))
        );
        assert_eq!(
            parts("**Given** a list, **Then** it renders"),
            (Some("a list"), None, Some("it renders"))
        );
        assert_eq!(
            parts("Given a cart, when I pay, then done"),
            (Some("a cart"), Some("I pay"), Some("done"))
        );
        assert_eq!(
            parts("**Given** only **bold** words"),
            (Some("only **bold** words"), None, None)
        );
    }
}
