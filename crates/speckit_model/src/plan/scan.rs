//! Byte-level readers the plan model runs on every line it looks at.
//!
//! A plan is read in a few percent of the time the Markdown parser takes over
//! the same text, so the per-line work must stay close to a `memchr`. These
//! readers give exactly the answers of their counterparts in
//! [`speckit_md::lex`] and of `str::trim` (the tests below compare them on
//! arbitrary input) but skip what the plan does not need: spans come from
//! pointer offsets instead of re-validated sub-spans, trimming looks at ASCII
//! bytes first, and a list marker's number is read while its digits are
//! scanned. Nothing here knows a plan section.

use speckit_md::lex;
use speckit_text::{Span, Spanned};

use crate::common::{Text, is_space as is_ascii_space};
pub(crate) use crate::common::{trim_start_str, trim_str};

/// `text.trim_end()`, ASCII first as in [`trim_str`].
#[inline]
pub(crate) fn trim_end_str(text: &str) -> &str {
    let bytes = text.as_bytes();
    let mut end = bytes.len();
    while end > 0 && bytes.get(end - 1).copied().is_some_and(is_ascii_space) {
        end -= 1;
    }
    let rest = text.get(..end).unwrap_or("");
    if rest.as_bytes().last().is_some_and(|byte| !byte.is_ascii()) {
        rest.trim_end()
    } else {
        rest
    }
}

/// `span` of `text` with its span, as `Spanned::slice` (which is not
/// inlined across crates) gives it.
#[inline]
pub(crate) fn slice(text: &str, span: Span) -> Text<'_> {
    Spanned::new(text.get(span.range()).unwrap_or(""), span)
}

/// `part`, a sub-slice of `whole`'s value, with its span. The same span as
/// `Span::of_subslice`, computed from the pointer offset alone.
#[inline]
pub(crate) fn sub<'a>(whole: Text<'a>, part: &'a str) -> Text<'a> {
    Spanned::new(part, sub_span(whole, part))
}

/// The span of `part` (a sub-slice of `whole`'s value), clamped to `whole`'s
/// span as `Span::subspan` clamps.
#[inline]
pub(crate) fn sub_span(whole: Text<'_>, part: &str) -> Span {
    let offset = (part.as_ptr() as usize).wrapping_sub(whole.value.as_ptr() as usize);
    if offset > whole.value.len() || part.len() > whole.value.len() - offset {
        debug_assert!(false, "sub_span called with a foreign slice");
        return whole.span;
    }
    let relative = |at: usize| {
        whole
            .span
            .start
            .saturating_add(u32::try_from(at).unwrap_or(u32::MAX))
            .min(whole.span.end)
    };
    let start = relative(offset);
    Span::new(start, relative(offset + part.len()).max(start))
}

/// [`Spanned::trim`], by [`trim_str`].
#[inline]
pub(crate) fn trim(text: Text<'_>) -> Text<'_> {
    sub(text, trim_str(text.value))
}

pub(crate) use lex::find_pair;

/// [`lex::field`]: a `**Label**: value` (or `**Label:** value`) line.
pub(crate) fn field(line: Text<'_>) -> Option<lex::Field<'_>> {
    let trimmed = trim(line);
    let text = trimmed.value;
    if !matches!(text.as_bytes().get(..2), Some(b"**" | b"__")) {
        return None;
    }
    let rest = text.get(2..)?;
    let close = find_pair(rest, b'*').or_else(|| find_pair(rest, b'_'))?;
    let inner = rest.get(..close)?;
    if inner.is_empty() || memchr::memchr(b'*', inner.as_bytes()).is_some() {
        return None;
    }
    let after = rest.get(close + 2..)?;
    let (label, colon_inside, value) =
        if let Some(label) = inner.strip_suffix(':').or_else(|| inner.strip_suffix('：')) {
            (label, true, after)
        } else {
            let after = trim_start_str(after);
            let value = after
                .strip_prefix(':')
                .or_else(|| after.strip_prefix('：'))?;
            (inner, false, value)
        };
    let value = trim_str(value);
    let value = if value.is_empty() {
        Spanned::new(value, Span::empty(trimmed.span.end))
    } else {
        sub(trimmed, value)
    };
    Some(lex::Field {
        label: sub(trimmed, trim_str(label)),
        value,
        colon_inside,
    })
}

/// [`field`] behind a cheap test: a field starts with `**` or `__` once
/// leading blanks are skipped, and most lines do not.
#[inline]
pub(crate) fn read_field(line: Text<'_>) -> Option<lex::Field<'_>> {
    let start = trim_start_str(line.value);
    if start.starts_with("**") || start.starts_with("__") {
        field(line)
    } else {
        None
    }
}

/// False when the first line of `text` cannot be a field: after leading
/// blanks it does not open with `*` or `_` (nor with a non-ASCII character,
/// which may be a Unicode blank). Looks at a few bytes, not the whole line.
#[inline]
pub(crate) fn may_open_field(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        match byte {
            b'*' | b'_' => return true,
            b'\n' => return false,
            byte if is_ascii_space(byte) => index += 1,
            byte => return !byte.is_ascii(),
        }
    }
    false
}

/// What [`lex::list_marker`] reads that the plan uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Marker<'a> {
    /// The number of an ordered item.
    pub(crate) number: Option<u64>,
    /// Text after the marker and its following whitespace.
    pub(crate) rest: Text<'a>,
}

/// [`lex::list_marker`]: a bullet (`- `, `* `, `+ `) or ordered (`1. `,
/// `1) `) marker at the start of `line`; a marker alone is accepted.
#[inline]
pub(crate) fn list_marker(line: Text<'_>) -> Option<Marker<'_>> {
    let at = lex::list_marker_at(line.value.as_bytes())?;
    let rest = line.value.get(at.rest..)?;
    Some(Marker {
        number: at.number,
        rest: sub(line, rest),
    })
}

/// The box of a checkbox item, read from the text after its marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CheckBox<'a> {
    /// The character between the brackets.
    pub(crate) mark: char,
    pub(crate) mark_span: Span,
    /// Text after the box, trimmed.
    pub(crate) text: Text<'a>,
}

impl CheckBox<'_> {
    /// As [`lex::Checkbox::is_checked`].
    pub(crate) fn is_checked(&self) -> bool {
        matches!(self.mark, 'x' | 'X' | '✓' | '✔')
    }
}

/// [`lex::checkbox`] for a line whose marker was read already: `rest` is
/// [`Marker::rest`].
pub(crate) fn checkbox(rest: Text<'_>) -> Option<CheckBox<'_>> {
    let found = lex::checkbox_box(rest)?;
    Some(CheckBox {
        mark: found.mark,
        mark_span: found.mark_span,
        text: found.text,
    })
}

/// The first line of `text`, without its line break (`\n`, `\r\n` or `\r`).
#[inline]
pub(crate) fn first_line(text: Text<'_>) -> Text<'_> {
    let bytes = text.value.as_bytes();
    let len = memchr::memchr2(b'\n', b'\r', bytes).unwrap_or(bytes.len());
    sub(text, text.value.get(..len).unwrap_or(""))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn spanned(text: &str, start: u32) -> Text<'_> {
        Spanned::new(
            text,
            Span::new(start, start + u32::try_from(text.len()).unwrap()),
        )
    }

    const PIECES: &str = "(?s)[-*_+:：\\[\\]［］~xX✓ \t\r\n\u{3000}\u{a0}a-c0-9`|.)(]{0,24}";

    proptest! {
        #[test]
        fn trims_agree_with_std(text in PIECES) {
            prop_assert_eq!(trim_str(&text), text.trim());
            prop_assert_eq!(trim_start_str(&text), text.trim_start());
            prop_assert_eq!(trim_end_str(&text), text.trim_end());
            let whole = spanned(&text, 7);
            prop_assert_eq!(trim(whole), whole.trim());
        }

        #[test]
        fn fields_agree_with_the_lexer(text in PIECES) {
            let line = spanned(&text, 3);
            prop_assert_eq!(field(line), lex::field(line));
            prop_assert_eq!(read_field(line), lex::field(line));
            // The quick test never turns a field away.
            let whole = spanned(&text, 0);
            if let Some(first) = lex::lines(&text, whole.span).next()
                && read_field(first).is_some()
            {
                prop_assert!(may_open_field(&text));
            }
        }

        #[test]
        fn markers_agree_with_the_lexer(text in PIECES) {
            let line = spanned(&text, 5);
            let ours = list_marker(line);
            let theirs = lex::list_marker(line);
            prop_assert_eq!(ours.map(|m| (m.number, m.rest)), theirs.map(|m| (m.number, m.rest)));
            let ours = ours.and_then(|marker| checkbox(marker.rest));
            let theirs = lex::checkbox(line);
            prop_assert_eq!(
                ours.map(|c| (c.mark, c.mark_span, c.text, c.is_checked())),
                theirs.map(|c| (c.mark, c.mark_span, c.text, c.is_checked()))
            );
            let whole = spanned(&text, 2);
            let mut len = text.find('\n').unwrap_or(text.len());
            if let Some(carriage_return) = text[..len].find('\r') {
                len = carriage_return;
            }
            prop_assert_eq!(first_line(whole), Spanned::new(&text[..len], whole.span.subspan(0..len)));
        }
    }

    #[test]
    fn cases() {
        for text in [
            "**Status**: Draft",
            "**Acceptance Criteria:**",
            "__L__: v",
            "**a*b**: c",
            "***x**: y",
            "**L**：v",
            "  **L**  :  v  ",
            "**L** no",
        ] {
            let line = spanned(text, 0);
            assert_eq!(field(line), lex::field(line), "{text:?}");
        }
        for text in [
            "- [ ] a",
            "1234567890. x",
            "123456789. x",
            "- ［x］ wide",
            "-",
            "- [\t] x",
        ] {
            let line = spanned(text, 0);
            let ours = list_marker(line).map(|m| (m.number, m.rest));
            let theirs = lex::list_marker(line).map(|m| (m.number, m.rest));
            assert_eq!(ours, theirs, "{text:?}");
        }
    }
}
