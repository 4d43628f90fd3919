//! Line-level lexical elements shared by both layouts (FORMATS.md §B.1).
//!
//! Metadata blocks are consecutive `**Label**: value` lines that CommonMark
//! folds into one paragraph (soft breaks, hard breaks or blank lines depending
//! on the generator), so fields are read per physical line, not per block.
//! Everything here is hand-written byte matching: these run on every line of
//! every document and must stay cheap.

use speckit_text::{Span, Spanned};

/// Physical lines of `span` in `text`, each without its `\n` / `\r\n`.
pub fn lines(text: &str, span: Span) -> impl Iterator<Item = Spanned<&str>> + '_ {
    let slice = text.get(span.range()).unwrap_or("");
    let base = span.start;
    let mut offset = 0usize;
    std::iter::from_fn(move || {
        if offset >= slice.len() {
            return None;
        }
        let rest = slice.get(offset..)?;
        let (line_len, advance) = match memchr::memchr(b'\n', rest.as_bytes()) {
            Some(index) => (index, index + 1),
            None => (rest.len(), rest.len()),
        };
        let mut line = rest.get(..line_len)?;
        if let Some(stripped) = line.strip_suffix('\r') {
            line = stripped;
        }
        let start = base + u32::try_from(offset).unwrap_or(0);
        offset += advance;
        Some(Spanned::new(
            line,
            Span::new(start, start + u32::try_from(line.len()).unwrap_or(0)),
        ))
    })
}

/// A `**Label**: value` (or `**Label:** value`) field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field<'a> {
    pub label: Spanned<&'a str>,
    /// Trimmed value; an empty span at the end of the line when there is none.
    pub value: Spanned<&'a str>,
    /// `**Label:**` rather than `**Label**:`.
    pub colon_inside: bool,
}

/// Reads a bold-label field at the start of `line` (leading spaces allowed).
/// A full-width colon (`：`) is accepted as well.
pub fn field(line: Spanned<&str>) -> Option<Field<'_>> {
    // Most lines are not fields: reject on the first bytes before trimming.
    let head = line.value.trim_start_matches([' ', '\t']);
    if !(head.starts_with("**") || head.starts_with("__")) {
        return None;
    }
    let trimmed = line.trim();
    let text = trimmed.value;
    let rest = text
        .strip_prefix("**")
        .or_else(|| text.strip_prefix("__"))?;
    let close = find_pair(rest, b'*').or_else(|| find_pair(rest, b'_'))?;
    let inner = rest.get(..close)?;
    if inner.is_empty() || inner.contains('*') {
        return None;
    }
    let after = rest.get(close + 2..)?;
    let (label, colon_inside, value) = if let Some(label) = strip_colon_suffix(inner) {
        (label, true, after)
    } else {
        let after_trimmed = after.trim_start();
        let value = strip_colon_prefix(after_trimmed)?;
        (inner, false, value)
    };
    let label = Spanned::new(label.trim(), trimmed.span).trim_within(text, label.trim());
    let value_trimmed = value.trim();
    let value_span = if value_trimmed.is_empty() {
        Span::empty(trimmed.span.end)
    } else {
        trimmed.span.of_subslice(text, value_trimmed)
    };
    Some(Field {
        label,
        value: Spanned::new(value_trimmed, value_span),
        colon_inside,
    })
}

/// Offset of the first `cc` (two `c` bytes in a row) in `text`.
pub fn find_pair(text: &str, c: u8) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = bytes.get(from..).and_then(|rest| memchr::memchr(c, rest)) {
        let index = from + at;
        if bytes.get(index + 1) == Some(&c) {
            return Some(index);
        }
        from = index + 1;
    }
    None
}

fn strip_colon_suffix(text: &str) -> Option<&str> {
    text.strip_suffix(':').or_else(|| text.strip_suffix('：'))
}

fn strip_colon_prefix(text: &str) -> Option<&str> {
    text.strip_prefix(':').or_else(|| text.strip_prefix('：'))
}

trait TrimWithin<'a> {
    fn trim_within(self, whole: &'a str, part: &'a str) -> Spanned<&'a str>;
}

impl<'a> TrimWithin<'a> for Spanned<&'a str> {
    /// Re-anchors `part` (a sub-slice of `whole`, which starts at `self.span.start`).
    fn trim_within(self, whole: &'a str, part: &'a str) -> Spanned<&'a str> {
        Spanned::new(part, self.span.of_subslice(whole, part))
    }
}

/// A list item marker at the start of a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListMarker<'a> {
    /// Columns of indentation before the marker (a tab counts as 4).
    pub indent: usize,
    /// `-`, `*`, `+`, or the `1.` / `1)` of an ordered item.
    pub marker: Spanned<&'a str>,
    /// The number of an ordered item.
    pub number: Option<u64>,
    /// Text after the marker and its following whitespace.
    pub rest: Spanned<&'a str>,
}

/// Where the parts of a list item's first line are, as byte offsets: what
/// [`list_marker`] reads, without building its spans (for hot loops).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MarkerAt {
    /// Start of the marker, after the indentation.
    pub start: usize,
    /// End of the marker.
    pub end: usize,
    /// Where the text after the marker and its whitespace starts.
    pub rest: usize,
    /// The number of an ordered item.
    pub number: Option<u64>,
}

/// Reads a bullet (`- `, `* `, `+ `) or ordered (`1. `, `1) `, at most
/// nine digits) marker after spaces and tabs. A marker followed by nothing
/// (an empty bullet) is accepted.
pub fn list_marker_at(bytes: &[u8]) -> Option<MarkerAt> {
    let mut index = 0;
    while matches!(bytes.get(index), Some(b' ' | b'\t')) {
        index += 1;
    }
    let start = index;
    let number = match bytes.get(index) {
        Some(b'-' | b'*' | b'+') => {
            index += 1;
            None
        }
        Some(b'0'..=b'9') => {
            let mut number = 0;
            while let Some(&digit @ b'0'..=b'9') = bytes.get(index) {
                if index - start >= 9 {
                    break;
                }
                number = number * 10 + u64::from(digit - b'0');
                index += 1;
            }
            if !matches!(bytes.get(index), Some(b'.' | b')')) {
                return None;
            }
            index += 1;
            Some(number)
        }
        _ => return None,
    };
    let end = index;
    match bytes.get(index) {
        None => {}
        Some(b' ' | b'\t') => {
            while matches!(bytes.get(index), Some(b' ' | b'\t')) {
                index += 1;
            }
        }
        Some(_) => return None,
    }
    Some(MarkerAt {
        start,
        end,
        rest: index,
        number,
    })
}

/// Reads a bullet (`- `, `* `, `+ `) or ordered (`1. `, `1) `) marker.
/// A marker followed by nothing (an empty bullet) is accepted.
pub fn list_marker(line: Spanned<&str>) -> Option<ListMarker<'_>> {
    let text = line.value;
    let at = list_marker_at(text.as_bytes())?;
    let indent = text.as_bytes()[..at.start]
        .iter()
        .fold(0, |indent, &byte| match byte {
            b'\t' => indent + 4 - indent % 4,
            _ => indent + 1,
        });
    let marker = text.get(at.start..at.end)?;
    let rest = text.get(at.rest..)?;
    Some(ListMarker {
        indent,
        marker: Spanned::new(marker, line.span.subspan(at.start..at.end)),
        number: at.number,
        rest: Spanned::new(rest, line.span.subspan(at.rest..text.len())),
    })
}

/// A checkbox list item: `- [ ] text`, `* [x] text`, `1. [X] text`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Checkbox<'a> {
    pub list: ListMarker<'a>,
    /// The character between the brackets (`' '`, `x`, `X`, `~`, `-`, `/`, …).
    pub mark: char,
    /// Bytes of the mark character itself (what a status toggle rewrites).
    pub mark_span: Span,
    /// Bytes of the whole `[ ]` box.
    pub box_span: Span,
    /// Text after the box, trimmed.
    pub text: Spanned<&'a str>,
}

impl Checkbox<'_> {
    pub fn is_checked(&self) -> bool {
        matches!(self.mark, 'x' | 'X' | '✓' | '✔')
    }
}

/// Reads a checkbox item. Accepts full-width brackets (`［ ］`) and any single
/// mark character, so that `[~]` and `[-]` seen in real files are kept.
pub fn checkbox(line: Spanned<&str>) -> Option<Checkbox<'_>> {
    checkbox_after(list_marker(line)?)
}

/// The `[ ]` box at the start of a list item's text, read without the
/// list marker (for hot loops that have already stepped over it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CheckboxBox<'a> {
    /// The character between the brackets.
    pub mark: char,
    pub mark_span: Span,
    /// Bytes of the whole box.
    pub box_span: Span,
    /// Text after the box, trimmed.
    pub text: Spanned<&'a str>,
}

/// Reads `[x]` or `［x］` with any one mark, followed by whitespace or
/// nothing, at the start of `rest`.
pub fn checkbox_box(rest: Spanned<&str>) -> Option<CheckboxBox<'_>> {
    let value = rest.value;
    let (open_len, after_open) = if let Some(after) = value.strip_prefix('[') {
        (1, after)
    } else {
        ('［'.len_utf8(), value.strip_prefix('［')?)
    };
    let mut chars = after_open.chars();
    let mark = chars.next()?;
    let after_mark = chars.as_str();
    let close_len = if after_mark.starts_with(']') {
        1
    } else if after_mark.starts_with('］') {
        '］'.len_utf8()
    } else {
        return None;
    };
    if mark == ']' || mark == '［' || mark == '\t' {
        return None;
    }
    let after_box = after_mark.get(close_len..)?;
    if !(after_box.is_empty() || after_box.starts_with([' ', '\t'])) {
        return None;
    }
    let mark_start = open_len;
    let mark_end = mark_start + mark.len_utf8();
    let box_end = mark_end + close_len;
    Some(CheckboxBox {
        mark,
        mark_span: rest.span.subspan(mark_start..mark_end),
        box_span: rest.span.subspan(0..box_end),
        text: Spanned::new(after_box, rest.span.subspan(box_end..value.len())).trim(),
    })
}

/// Reads the checkbox that follows an already read list marker.
pub fn checkbox_after(list: ListMarker<'_>) -> Option<Checkbox<'_>> {
    let found = checkbox_box(list.rest)?;
    Some(Checkbox {
        list,
        mark: found.mark,
        mark_span: found.mark_span,
        box_span: found.box_span,
        text: found.text,
    })
}

/// `- **Label**: value` (a field inside a bullet).
pub fn bullet_field(line: Spanned<&str>) -> Option<(ListMarker<'_>, Field<'_>)> {
    let list = list_marker(line)?;
    let field = field(list.rest)?;
    Some((list, field))
}

/// A line that is only a bullet marker: the "fill me in" bullet of templates.
pub fn is_empty_bullet(line: &str) -> bool {
    let trimmed = line.trim();
    matches!(trimmed, "-" | "*" | "+")
}

/// Splits a pipe-packed metadata line (`**A**: x | **B**: y`) into fields.
/// Pipes inside back-ticks do not split.
pub fn pipe_fields(line: Spanned<&str>) -> Vec<Field<'_>> {
    let text = line.value;
    let mut fields = Vec::new();
    let mut piece_start = 0;
    let mut in_code = false;
    let bytes = text.as_bytes();
    let mut index = 0;
    while index < bytes.len() {
        match bytes.get(index) {
            Some(b'`') => in_code = !in_code,
            Some(b'|') if !in_code => {
                push_field(&mut fields, line, piece_start, index);
                piece_start = index + 1;
            }
            _ => {}
        }
        index += 1;
    }
    push_field(&mut fields, line, piece_start, text.len());
    fields
}

fn push_field<'a>(fields: &mut Vec<Field<'a>>, line: Spanned<&'a str>, start: usize, end: usize) {
    if let Some(piece) = line.value.get(start..end) {
        let piece = Spanned::new(piece, line.span.subspan(start..end));
        if let Some(field) = field(piece) {
            fields.push(field);
        }
    }
}

/// Removes heading decorations used by the templates so that titles can be
/// matched by name: an `*(mandatory)*`/`*(optional)*`/`*(include if …)*`
/// annotation, a `(OPTIONAL …)` note, trailing emoji markers (`🎯 MVP`, `⚠️`),
/// and surrounding whitespace.
pub fn strip_heading_decorations(title: &str) -> &str {
    let mut text = title.trim();
    loop {
        let before = text;
        if let Some(stripped) = strip_trailing_group(text, "*(", ")*") {
            text = stripped;
        }
        if let Some(stripped) = strip_trailing_group(text, "_(", ")_") {
            text = stripped;
        }
        if let Some(stripped) = strip_trailing_paren_note(text) {
            text = stripped;
        }
        text = text.trim_end_matches(|c: char| is_decoration_char(c) || c.is_whitespace());
        if let Some(stripped) = text.strip_suffix("MVP") {
            let candidate = stripped.trim_end();
            if candidate.len() < stripped.len() || candidate.ends_with(is_decoration_char) {
                text = candidate;
            }
        }
        if text == before {
            return text;
        }
    }
}

fn strip_trailing_group<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let without_close = text.strip_suffix(close)?;
    let open_at = without_close.rfind(open)?;
    Some(text.get(..open_at)?.trim_end())
}

/// `(OPTIONAL - only if tests requested)` style notes written in capitals.
fn strip_trailing_paren_note(text: &str) -> Option<&str> {
    let inner_end = text.strip_suffix(')')?;
    let open_at = inner_end.rfind('(')?;
    let inner = inner_end.get(open_at + 1..)?;
    let upper = inner.trim_start();
    if upper.starts_with("OPTIONAL") || upper.starts_with("optional") {
        return Some(text.get(..open_at)?.trim_end());
    }
    None
}

fn is_decoration_char(c: char) -> bool {
    matches!(c as u32, 0x2600..=0x27BF | 0x1F000..=0x1FAFF | 0xFE0F | 0x200D)
}

/// Case-insensitive heading comparison after stripping decorations and a
/// leading section number (`3.`, `3.1`). Called for every section by every
/// look-up, so it rejects on the prefix before doing any stripping.
pub fn heading_is(title: &str, expected: &str) -> bool {
    heading_is_any(title, &[expected])
}

/// [`heading_is`] for several accepted names, the title's leading
/// whitespace and number stripped once rather than once per name.
pub fn heading_is_any(title: &str, names: &[&str]) -> bool {
    let title = strip_leading_number(title.trim_start());
    names.iter().any(|expected| {
        title
            .get(..expected.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(expected))
            && strip_heading_decorations(title).len() == expected.len()
    })
}

/// Case-insensitive prefix test with the same normalisation as [`heading_is`].
pub fn heading_starts_with(title: &str, prefix: &str) -> bool {
    let title = strip_leading_number(title.trim_start());
    title
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// ASCII case-insensitive substring test, without allocating.
pub fn contains_ignore_ascii_case(haystack: &str, needle: &str) -> bool {
    find_ignore_ascii_case(haystack, needle, 0).is_some()
}

/// Byte offset of the first ASCII case-insensitive match of `needle` in
/// `haystack` at or after `from`.
pub fn find_ignore_ascii_case(haystack: &str, needle: &str, from: usize) -> Option<usize> {
    let hay = haystack.as_bytes();
    let needle = needle.as_bytes();
    let first = *needle.first()?;
    let last_start = hay.len().checked_sub(needle.len())?;
    let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    let mut index = from;
    while index <= last_start {
        // Jump to the next byte that can start a match.
        let at = index + memchr::memchr2(lower, upper, hay.get(index..=last_start)?)?;
        if hay
            .get(at..at + needle.len())
            .is_some_and(|window| window.eq_ignore_ascii_case(needle))
        {
            return Some(at);
        }
        index = at + 1;
    }
    None
}

/// Removes a leading `1.`, `2.3`, `A.`, `IV.` numbering from a heading title.
pub fn strip_leading_number(title: &str) -> &str {
    let bytes = title.as_bytes();
    let mut index = 0;
    while matches!(bytes.get(index), Some(b'0'..=b'9' | b'.')) {
        index += 1;
    }
    if index > 0 && matches!(bytes.get(index), Some(b' ' | b'\t')) {
        return title.get(index..).unwrap_or(title).trim_start();
    }
    title
}

/// Spans of every `<!-- … -->` comment inside `span` of `text`.
pub fn html_comments(text: &str, span: Span) -> Vec<Span> {
    let Some(slice) = text.get(span.range()) else {
        return Vec::new();
    };
    let mut comments = Vec::new();
    let mut from = 0;
    while let Some(open) =
        memchr::memmem::find(slice.as_bytes().get(from..).unwrap_or(&[]), b"<!--")
    {
        let start = from + open;
        let body_start = start + 4;
        let end = memchr::memmem::find(slice.as_bytes().get(body_start..).unwrap_or(&[]), b"-->")
            .map_or(slice.len(), |close| body_start + close + 3);
        comments.push(span.subspan(start..end));
        from = end;
    }
    comments
}

/// True if `text` (a block's source) is empty once HTML comments, whitespace
/// and empty bullets are removed: the template's notion of "not filled in".
pub fn is_blank_content(text: &str) -> bool {
    let blank = |line: &str| line.trim().is_empty() || is_empty_bullet(line);
    let finder = memchr::memmem::Finder::new("<!--");
    if finder.find(text.as_bytes()).is_none() {
        return text.split('\n').all(blank);
    }
    // Comments may split a line: join what lies between them, and judge
    // each line as soon as it is complete.
    let mut visible = String::new();
    let mut judged = 0;
    let mut rest = text;
    loop {
        let (before, after) = match finder.find(rest.as_bytes()) {
            Some(open) => {
                let after = rest.get(open + 4..).unwrap_or("");
                let after = after
                    .find("-->")
                    .map_or("", |close| after.get(close + 3..).unwrap_or(""));
                (rest.get(..open).unwrap_or(""), Some(after))
            }
            None => (rest, None),
        };
        visible.push_str(before);
        while let Some(end) = visible.get(judged..).and_then(|tail| tail.find('\n')) {
            if !blank(visible.get(judged..judged + end).unwrap_or("")) {
                return false;
            }
            judged += end + 1;
        }
        match after {
            Some(after) => rest = after,
            None => return blank(visible.get(judged..).unwrap_or("")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spanned(text: &str) -> Spanned<&str> {
        Spanned::new(text, Span::new(0, u32::try_from(text.len()).unwrap()))
    }

    fn check_field(line: &str, expected: Option<(&str, &str, bool)>) {
        let got = field(spanned(line)).map(|f| {
            assert_eq!(&line[f.label.span.range()], f.label.value);
            assert_eq!(&line[f.value.span.range()], f.value.value);
            (f.label.value, f.value.value, f.colon_inside)
        });
        assert_eq!(got, expected, "{line:?}");
    }

    #[test]
    fn fields() {
        check_field("**Status**: Draft", Some(("Status", "Draft", false)));
        check_field("**Status**:   Draft  ", Some(("Status", "Draft", false)));
        check_field(
            "**Acceptance Criteria:**",
            Some(("Acceptance Criteria", "", true)),
        );
        check_field(
            "**Response Success (200):**",
            Some(("Response Success (200)", "", true)),
        );
        check_field(
            "**作成日**：2025-01-01",
            Some(("作成日", "2025-01-01", false)),
        );
        check_field("**Bold** text", None);
        check_field("plain: text", None);
        check_field("****: x", None);
    }

    proptest::proptest! {
        #[test]
        fn pairs_are_found_as_substrings_are(text in "[*_a ]{0,12}") {
            proptest::prop_assert_eq!(find_pair(&text, b'*'), text.find("**"));
            proptest::prop_assert_eq!(find_pair(&text, b'_'), text.find("__"));
        }
    }

    #[test]
    fn pipe_packed_fields() {
        let line = "**Version**: 1.2.0 | **Ratified**: 2025-01-01 | **Last Amended**: 2025-02-01";
        let fields: Vec<_> = pipe_fields(spanned(line))
            .iter()
            .map(|f| (f.label.value, f.value.value))
            .collect();
        assert_eq!(
            fields,
            vec![
                ("Version", "1.2.0"),
                ("Ratified", "2025-01-01"),
                ("Last Amended", "2025-02-01")
            ]
        );
        let line = "**Branch**: `a|b` | **Date**: 2025-01-01";
        assert_eq!(pipe_fields(spanned(line)).len(), 2);
    }

    #[test]
    fn checkboxes() {
        fn check(line: &str) -> Option<(char, &str, &str)> {
            checkbox(spanned(line)).map(|c| (c.mark, c.text.value, &line[c.mark_span.range()]))
        }
        assert_eq!(check("- [ ] T001 do"), Some((' ', "T001 do", " ")));
        assert_eq!(check("  * [X] done"), Some(('X', "done", "X")));
        assert_eq!(check("- [~] partial"), Some(('~', "partial", "~")));
        assert_eq!(check("1. [x] one"), Some(('x', "one", "x")));
        assert_eq!(check("- ［x］ wide"), Some(('x', "wide", "x")));
        assert_eq!(check("- [ ]"), Some((' ', "", " ")));
        assert_eq!(check("- [link](x)"), None);
        assert_eq!(
            check("- [P] tasks = different files"),
            Some(('P', "tasks = different files", "P"))
        );
        assert_eq!(check("-[ ] no space"), None);
    }

    #[test]
    fn list_markers() {
        let marker = list_marker(spanned("\t- item")).unwrap();
        assert_eq!(
            (marker.indent, marker.marker.value, marker.rest.value),
            (4, "-", "item")
        );
        let marker = list_marker(spanned("12) twelve")).unwrap();
        assert_eq!(marker.number, Some(12));
        assert!(list_marker(spanned("-x")).is_none());
        assert!(list_marker(spanned("-")).is_some());
        assert!(list_marker(spanned("2025-01-01")).is_none());
    }

    #[test]
    fn lines_split_crlf_and_keep_spans() {
        let text = "a\r\nbb\n\nccc";
        let got: Vec<_> = lines(text, Span::new(0, 10))
            .map(|l| (l.value, l.span.start))
            .collect();
        assert_eq!(got, vec![("a", 0), ("bb", 3), ("", 6), ("ccc", 7)]);
    }

    #[test]
    fn heading_decorations() {
        assert_eq!(
            strip_heading_decorations("Requirements *(mandatory)*"),
            "Requirements"
        );
        assert_eq!(
            strip_heading_decorations("Key Entities *(include if feature involves data)*"),
            "Key Entities"
        );
        assert_eq!(
            strip_heading_decorations("Phase 3: User Story 1 - Login (Priority: P1) 🎯 MVP"),
            "Phase 3: User Story 1 - Login (Priority: P1)"
        );
        assert_eq!(
            strip_heading_decorations(
                "Tests for User Story 1 (OPTIONAL - only if tests requested) ⚠️"
            ),
            "Tests for User Story 1"
        );
        assert!(heading_is("3. Technical Context", "technical context"));
        assert!(heading_is("Requirements *(mandatory)*", "requirements"));
        assert!(!heading_is("Requirements Traceability", "requirements"));
        assert!(!heading_is("Req", "requirements"));
        assert_eq!(
            find_ignore_ascii_case("a Depends On b", "depends on", 0),
            Some(2)
        );
        assert_eq!(find_ignore_ascii_case("depends", "depends on", 0), None);
        assert!(contains_ignore_ascii_case(
            "Validation CHECKLIST",
            "checklist"
        ));
        assert!(heading_starts_with("Phase 2: Foundational", "phase"));
    }

    #[test]
    fn comments_and_blank_content() {
        let text = "a <!-- x --> b <!-- unclosed";
        let spans = html_comments(text, Span::new(0, u32::try_from(text.len()).unwrap()));
        let found: Vec<&str> = spans.iter().map(|s| &text[s.range()]).collect();
        assert_eq!(found, vec!["<!-- x -->", "<!-- unclosed"]);
        assert!(is_blank_content("<!-- guidance -->\n\n-\n-\n"));
        assert!(!is_blank_content("<!-- guidance -->\n- real\n"));
    }
}
