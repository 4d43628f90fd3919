//! Acceptance scenarios: `**Given** …, **When** …, **Then** …` lines.
//!
//! Read from list items and paragraph lines alike, so that numbers CommonMark
//! does not treat as list markers (`6a.`) still start a scenario. Keywords
//! may be English or Japanese (`**前提**`, `**実行**`, `**結果**`), bold or
//! plain; Given, When and Then may also sit on separate bullets.

use schemars::JsonSchema;
use serde::Serialize;
use speckit_md::{NodeId, NodeKind, SectionId, lex};
use speckit_text::{Span, Spanned};

use crate::common::{Text, find_double_star, is_space, ordered_marker, sub_text, trim_str};
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
    let mut reader = ScenarioReader::new(doc);
    for block in doc.tree.section_all_blocks(id) {
        match doc.tree.kind(block) {
            NodeKind::Paragraph => reader.paragraph(block),
            NodeKind::List { .. } => {
                reader.list(block);
                for item in doc.items_below(block) {
                    reader.item(item, doc.item_peek(item));
                }
            }
            _ => {}
        }
    }
    reader.finish()
}

/// Reads scenarios block by block, in document order, so that a caller
/// walking a section for other things too can feed it as it goes.
pub(crate) struct ScenarioReader<'a> {
    doc: &'a Document,
    scenarios: Vec<AcceptanceScenario<'a>>,
    /// The list whose items are being read, until room is made for them.
    list: Option<NodeId>,
}

impl<'a> ScenarioReader<'a> {
    pub(crate) fn new(doc: &'a Document) -> Self {
        ScenarioReader {
            doc,
            scenarios: Vec::new(),
            list: None,
        }
    }

    /// Items of `list` come next: if one is a scenario, the others
    /// probably are too, so room for all of them is made at once.
    pub(crate) fn list(&mut self, list: NodeId) {
        self.list = Some(list);
    }

    pub(crate) fn finish(self) -> Vec<AcceptanceScenario<'a>> {
        self.scenarios
    }

    /// A paragraph: scenarios start at lines such as `6a. **Given** …`
    /// (numbers CommonMark did not take for list markers).
    pub(crate) fn paragraph(&mut self, block: NodeId) {
        let doc = self.doc;
        let span = doc.tree.span(block);
        let candidate = doc.paragraph_line_starts(block).any(|start| {
            may_open_scenario(
                doc.text
                    .get(start as usize..span.end as usize)
                    .unwrap_or(""),
            )
        });
        if candidate {
            self.paragraph_text(Spanned::slice(&doc.text, span));
        }
    }

    /// A paragraph already known to hold a line that [`may_open_scenario`].
    pub(crate) fn paragraph_text(&mut self, paragraph: Text<'a>) {
        self.split(paragraph, None);
    }

    /// A list item, given its [`Document::item_peek`].
    pub(crate) fn item(&mut self, item: NodeId, peek: &str) {
        // Only items that open with a keyword can hold scenarios.
        if !starts_scenario(peek) {
            return;
        }
        let doc = self.doc;
        let line = doc.item_head(item);
        let number = ordered_marker(line).map(|marker| {
            let digits = marker.value.trim_end_matches(['.', ')']);
            Spanned::new(digits, marker.span.subspan(0..digits.len()))
        });
        let text = doc.item_text(item);
        if memchr::memchr(b'\n', text.value.as_bytes()).is_none() {
            // One line, one scenario: nothing to split.
            self.piece(
                number,
                text,
                Span::new(line.span.start, text.span.end.max(line.span.start)),
            );
            return;
        }
        self.split(text, Some((number, line.span.start)));
    }

    /// Splits `text` at lines that start a scenario (optionally after a
    /// `6a.`-style number), one piece per scenario. `first` gives the
    /// number and line start of a list item whose marker is not part of `text`.
    fn split(&mut self, text: Text<'a>, first: Option<(Option<Text<'a>>, u32)>) {
        let doc = self.doc;
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
                    self.span_piece(number, line_start, body_start, last_end);
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
            self.span_piece(number, line_start, body_start, last_end);
        }
    }

    fn span_piece(&mut self, number: Option<Text<'a>>, line_start: u32, body_start: u32, end: u32) {
        let text =
            Spanned::slice(&self.doc.text, Span::new(body_start, end.max(body_start))).trim();
        self.piece(
            number,
            text,
            Span::new(line_start.min(body_start), end.max(body_start)),
        );
    }

    /// One scenario's text: a scenario of its own, or the When/Then bullet
    /// of the scenario before it.
    fn piece(&mut self, number: Option<Text<'a>>, text: Text<'a>, span: Span) {
        let parts = scenario_parts(text);
        if parts.given.is_none()
            && let Some(last) = self.scenarios.last_mut()
            && last.then.is_none()
            && (parts.when.is_some() || parts.then.is_some())
        {
            // Given, When and Then written as separate bullets.
            last.when = last.when.or(parts.when);
            last.then = parts.then;
            last.span = last.span.cover(span);
            last.text = Spanned::slice(
                &self.doc.text,
                Span::new(
                    last.text.span.start,
                    text.span.end.max(last.text.span.start),
                ),
            );
            return;
        }
        if parts.given.is_none() && parts.when.is_none() && parts.then.is_none() {
            return;
        }
        if let Some(list) = self.list.take() {
            self.scenarios
                .reserve(self.doc.tree.list_items(list).count());
        }
        self.scenarios.push(AcceptanceScenario {
            number,
            text,
            given: parts.given,
            when: parts.when,
            then: parts.then,
            span,
        });
    }
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

/// Keyword spellings: English and the Japanese and Chinese of translated
/// templates.
const KEYWORDS: [(&str, Keyword); 15] = [
    ("Given", Keyword::Given),
    ("前提", Keyword::Given),
    ("假设", Keyword::Given),
    ("假設", Keyword::Given),
    ("給定", Keyword::Given),
    ("When", Keyword::When),
    ("実行", Keyword::When),
    ("もし", Keyword::When),
    ("当", Keyword::When),
    ("當", Keyword::When),
    ("Then", Keyword::Then),
    ("結果", Keyword::Then),
    ("ならば", Keyword::Then),
    ("那么", Keyword::Then),
    ("則", Keyword::Then),
];

fn keyword_of(word: &str) -> Option<Keyword> {
    // The longest keyword is 9 bytes; anything much longer is other bold text.
    if word.len() > 16 {
        return None;
    }
    if word.is_ascii() {
        return ascii_keyword_of(word.as_bytes());
    }
    let word = trim_str(word);
    let word = match word.as_bytes().last() {
        Some(b':' | b',' | 0x9A) => word.trim_end_matches([':', '：', ',']),
        _ => word,
    };
    for &(known, keyword) in &KEYWORDS {
        if word.eq_ignore_ascii_case(known) {
            return Some(keyword);
        }
    }
    None
}

/// [`keyword_of`] for ASCII text, byte by byte: only the English keywords
/// are ASCII.
fn ascii_keyword_of(word: &[u8]) -> Option<Keyword> {
    let mut start = 0;
    let mut end = word.len();
    while start < end && word.get(start).copied().is_some_and(is_space) {
        start += 1;
    }
    while start < end && word.get(end - 1).copied().is_some_and(is_space) {
        end -= 1;
    }
    while start < end && matches!(word.get(end - 1), Some(b':' | b',')) {
        end -= 1;
    }
    let word = word.get(start..end)?;
    if word.eq_ignore_ascii_case(b"given") {
        Some(Keyword::Given)
    } else if word.eq_ignore_ascii_case(b"when") {
        Some(Keyword::When)
    } else if word.eq_ignore_ascii_case(b"then") {
        Some(Keyword::Then)
    } else {
        None
    }
}

/// True when a paragraph line, given with the rest of its paragraph, opens
/// a scenario: with a keyword, or with a keyword after a `6a.`-style number.
pub(crate) fn may_open_scenario(rest: &str) -> bool {
    let rest = rest.trim_start_matches([' ', '\t']);
    if starts_scenario(rest) {
        return true;
    }
    let after_number = rest.trim_start_matches(|c: char| c.is_ascii_alphanumeric());
    starts_scenario(after_number.get(1..).unwrap_or("").trim_start())
}

/// True when `text` opens with a bold keyword or a plain `Given `.
fn starts_scenario(text: &str) -> bool {
    let Some(inner) = text.strip_prefix("**") else {
        return text.starts_with("Given ");
    };
    // A keyword is at most 16 bytes, so only a `**` among the first 18
    // bytes can close one; the first `**` further on leaves no keyword.
    let head = inner.as_bytes().get(..18).unwrap_or(inner.as_bytes());
    head.windows(2)
        .position(|pair| pair == b"**")
        .and_then(|close| inner.get(..close))
        .and_then(keyword_of)
        .is_some()
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Parts<'a> {
    given: Option<Text<'a>>,
    when: Option<Text<'a>>,
    then: Option<Text<'a>>,
}

impl<'a> Parts<'a> {
    /// Files the content between `start` and `end` of `text` under
    /// `keyword`, unless an earlier run of that keyword already has it:
    /// later `**Given**` runs (rare) belong to the text of the first one.
    fn fill(&mut self, text: Text<'a>, keyword: Keyword, start: usize, end: usize) {
        let slot = match keyword {
            Keyword::Given => &mut self.given,
            Keyword::When => &mut self.when,
            Keyword::Then => &mut self.then,
        };
        if slot.is_some() {
            return;
        }
        let Some(content) = text.value.get(start..end.max(start)) else {
            return;
        };
        *slot = Some(sub_text(text, trim_content(content)));
    }
}

/// A keyword's content without the colon after the keyword, surrounding
/// whitespace and the punctuation before the next keyword. ASCII edges are
/// handled byte by byte; the `str` methods take over at any other byte.
fn trim_content(content: &str) -> &str {
    let content = match content.as_bytes().first() {
        Some(b':' | 0xEF) => content.trim_start_matches([':', '：']),
        _ => content,
    };
    let content = trim_str(content);
    match content.as_bytes().last() {
        Some(b',' | b';' | 0x80..) => content.trim_end_matches([',', '、', '，', ';']).trim_end(),
        _ => content,
    }
}

/// Locates the keywords of a scenario: bold ones (`**When**`, `**When:**`)
/// first, plain words (`, when `, ` then `) when there are none. Each
/// keyword's content runs to the next keyword.
fn scenario_parts(text: Text<'_>) -> Parts<'_> {
    let mut parts = Parts::default();
    // The keyword whose content is open, and where that content starts.
    let mut open: Option<(Keyword, usize)> = None;
    let value = text.value;
    let mut search = 0;
    while let Some(start) = value
        .get(search..)
        .and_then(find_double_star)
        .map(|at| at + search)
    {
        let inner_start = start + 2;
        let Some(close) = value
            .get(inner_start..)
            .and_then(find_double_star)
            .map(|at| at + inner_start)
        else {
            break;
        };
        // Not a keyword: step past this bold run entirely.
        search = close + 2;
        if let Some(keyword) = value.get(inner_start..close).and_then(keyword_of) {
            if let Some((keyword, content_start)) = open {
                parts.fill(text, keyword, content_start, start);
            }
            open = Some((keyword, close + 2));
        }
    }
    if let Some((keyword, content_start)) = open {
        parts.fill(text, keyword, content_start, value.len());
        return parts;
    }
    if !value.starts_with("Given ") {
        return parts;
    }
    // Plain words: Given at the start, then When and Then wherever they
    // first appear, taken in the order they appear.
    let mut marks = [
        Some((0, Keyword::Given, 5)),
        find_plain_word(value, b'W', b'w').map(|at| (at + 1, Keyword::When, at + 5)),
        find_plain_word(value, b'T', b't').map(|at| (at + 1, Keyword::Then, at + 5)),
    ];
    if let [_, Some(when), Some(then)] = marks
        && then.0 < when.0
    {
        marks.swap(1, 2);
    }
    let marks = marks.iter().flatten();
    let mut next_starts = marks.clone().skip(1).map(|mark| mark.0);
    for &(_, keyword, content_start) in marks {
        let content_end = next_starts.next().unwrap_or(value.len());
        parts.fill(text, keyword, content_start, content_end);
    }
    parts
}

/// Where ` When ` or ` when ` (`upper`/`lower` = `W`/`w`), or likewise
/// ` Then `/` then `, first occurs in `text`: the offset of its leading space.
fn find_plain_word(text: &str, upper: u8, lower: u8) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 1;
    while let Some(offset) = memchr::memchr2(upper, lower, bytes.get(from..)?) {
        let at = from + offset;
        if bytes.get(at - 1) == Some(&b' ') && bytes.get(at + 1..at + 5) == Some(b"hen ") {
            return Some(at - 1);
        }
        from = at + 1;
    }
    None
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
