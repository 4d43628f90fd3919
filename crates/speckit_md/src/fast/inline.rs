//! Inline constructs the tree stores: code spans, links, images, autolinks
//! and inline HTML, found in one left-to-right pass that mirrors
//! pulldown-cmark 0.13.6's `handle_inline_pass1`.
//!
//! Emphasis, entities and line breaks are not stored and never change where
//! the stored constructs begin or end (they bind less tightly), so they are
//! skipped. Text events are not produced at all: a container's content span
//! is the cover of its events, which the block scanner derives from the
//! region bounds; only the first byte needs care (a leading backslash escape
//! drops the backslash). Anything whose event boundaries would depend on line
//! breaks inside a construct makes the scan decline (`None`).

use super::html::{self, autolink_end, comment_end};
use super::scan::{Scan, at, is_punct, run, tail};
use super::search::Finder;

/// What a found construct becomes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum FoundKind {
    Code,
    Link,
    Image,
    InlineHtml,
}

/// A stored inline construct, in body coordinates.
#[derive(Clone, Copy, Debug)]
pub(super) struct Found {
    pub(super) kind: FoundKind,
    pub(super) start: usize,
    pub(super) end: usize,
    /// The cover of the construct's own inline content, if any.
    pub(super) content: Option<(usize, usize)>,
}

/// An unmatched `[` or `![`.
#[derive(Clone, Copy)]
struct Opener {
    position: usize,
    image: bool,
    disabled: bool,
    /// Index in the found list where the construct would be inserted, so the
    /// list stays in document (pre-)order once a link closes over earlier finds.
    found_index: usize,
}

/// Buffers reused across regions so scanning allocates only while they grow.
#[derive(Default)]
pub(super) struct InlineScanner {
    openers: Vec<Opener>,
    pub(super) found: Vec<Found>,
}

/// `0x01` in every byte of a word.
const LOW_BITS: u64 = u64::from_ne_bytes([0x01; 8]);

/// Flags (high bit of each byte) the bytes of `word` that may start or close
/// a stored construct: `<`, or anything from `[` to a backtick (which also
/// lets through `\\`, `^` and `_`; the caller skips those). Bit tricks on
/// eight bytes at a time: this loop sees every byte of every paragraph.
#[inline]
fn candidates(word: u64) -> u64 {
    // Bytes strictly between 0x5a and 0x61, on the low seven bits (exact,
    // no carries between bytes), then cleared for bytes >= 0x80.
    let low7 = word & (LOW_BITS * 0x7f);
    let range = (LOW_BITS * (127 + 0x61)).wrapping_sub(low7)
        & !word
        & (low7 + LOW_BITS * (127 - 0x5a))
        & (LOW_BITS * 0x80);
    // `<`: a zero byte after xor. Spurious flags can only appear above a
    // real one, and only the lowest flag is used.
    let less = word ^ (LOW_BITS * u64::from(b'<'));
    let less = less.wrapping_sub(LOW_BITS) & !less & (LOW_BITS * 0x80);
    range | less
}

/// The next byte in `bytes[from..to]` that [`candidates`] flags.
#[inline]
fn next_candidate(bytes: &[u8], from: usize, to: usize) -> Option<usize> {
    let haystack = bytes.get(from..to)?;
    let mut chunks = haystack.chunks_exact(8);
    let mut offset = from;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or([0; 8]));
        let found = candidates(word);
        if found != 0 {
            return Some(offset + (found.trailing_zeros() / 8) as usize);
        }
        offset += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| b == b'<' || (b'['..=b'`').contains(&b))
        .map(|n| offset + n)
}

/// Whether the byte at `index` is backslash-escaped: pulldown-cmark pairs
/// backslashes left to right, so an odd run right before it escapes it.
#[inline]
fn is_escaped(bytes: &[u8], start: usize, index: usize) -> bool {
    if index == start || at(bytes, index - 1) != b'\\' {
        return false;
    }
    let before = bytes.get(start..index).unwrap_or(&[]);
    before.iter().rev().take_while(|&&b| b == b'\\').count() % 2 == 1
}

/// The deepest parenthesis nesting pulldown-cmark accepts in a link destination.
const LINK_MAX_NESTED_PARENS: usize = 32;

/// Where the first inline event of content starting at `start` begins: a
/// backslash escape drops the backslash (and in table cells `\\|` drops both).
pub(super) fn first_event(bytes: &[u8], start: usize, in_cell: bool) -> usize {
    if at(bytes, start) == b'\\' && is_punct(at(bytes, start + 1)) {
        if in_cell && at(bytes, start + 1) == b'\\' && at(bytes, start + 2) == b'|' {
            start + 2
        } else {
            start + 1
        }
    } else {
        start
    }
}

impl InlineScanner {
    /// Scans `start..end` (content with trailing blanks removed) whose block
    /// ends at `block_end`. Fills [`InlineScanner::found`] in document order.
    pub(super) fn scan(
        &mut self,
        find: &Finder,
        bytes: &[u8],
        start: usize,
        end: usize,
        block_end: usize,
        in_cell: bool,
    ) -> Option<()> {
        self.found.clear();
        let block = bytes.get(..block_end)?;
        // Code span matching searches ahead; bound the total work so a run of
        // unmatched backticks cannot make the scan quadratic.
        let mut budget = 8 * (end.saturating_sub(start)) + 4096;
        if self.scan_without_links(find, bytes, block, start, end, &mut budget)? {
            return Some(());
        }
        self.found.clear();
        self.scan_with_links(find, bytes, block, start, end, in_cell, &mut budget)
    }

    /// The common case first: links and images can only form where `](`
    /// appears, and without one brackets never change what else is found
    /// (they consume nothing), so only code spans, autolinks and HTML are
    /// looked for. Returns `false` on meeting a `](`, for a full rescan.
    fn scan_without_links(
        &mut self,
        find: &Finder,
        bytes: &[u8],
        block: &[u8],
        start: usize,
        end: usize,
        budget: &mut usize,
    ) -> Option<bool> {
        let region = bytes.get(..end)?;
        let mut i = start;
        while let Some(offset) = find.code_html_or_paren(tail(region, i)) {
            let found = i + offset;
            i = match at(bytes, found) {
                b'(' if found > start && at(bytes, found - 1) == b']' => return Some(false),
                b'`' => {
                    let escaped = is_escaped(bytes, start, found);
                    self.code_span(find, bytes, found, escaped, end, budget)?
                }
                b'<' if !is_escaped(bytes, start, found) => self.angle(block, found, end)?,
                _ => found + 1,
            };
        }
        Some(true)
    }

    /// The full pass, with the bracket stack of `handle_inline_pass1`.
    #[allow(
        clippy::too_many_arguments,
        reason = "one call site; the values are the scan's state"
    )]
    fn scan_with_links(
        &mut self,
        find: &Finder,
        bytes: &[u8],
        block: &[u8],
        start: usize,
        end: usize,
        in_cell: bool,
        budget: &mut usize,
    ) -> Option<()> {
        self.openers.clear();
        let mut i = start;
        while let Some(found) = next_candidate(bytes, i, end) {
            let byte = at(bytes, found);
            if matches!(byte, b'\\' | b'^' | b'_') || (byte == b']' && self.openers.is_empty()) {
                i = found + 1;
                continue;
            }
            let escaped = is_escaped(bytes, start, found);
            i = match byte {
                // An escaped run still forms a code span, one backtick in.
                b'`' => self.code_span(find, bytes, found, escaped, end, budget)?,
                _ if escaped => found + 1,
                b'<' => self.angle(block, found, end)?,
                b'[' => {
                    let bang = found.checked_sub(1).filter(|&b| {
                        b >= start && at(bytes, b) == b'!' && !is_escaped(bytes, start, b)
                    });
                    match bang {
                        Some(bang) => self.push_opener(bang, true),
                        None => self.push_opener(found, false),
                    }
                    found + 1
                }
                b']' => self.close_bracket(bytes, block, found, in_cell)?,
                _ => found + 1,
            };
        }
        Some(())
    }

    fn push_opener(&mut self, position: usize, image: bool) {
        self.openers.push(Opener {
            position,
            image,
            disabled: false,
            found_index: self.found.len(),
        });
    }

    /// A backtick run at `open`; returns where scanning resumes.
    fn code_span(
        &mut self,
        find: &Finder,
        bytes: &[u8],
        open: usize,
        escaped: bool,
        end: usize,
        budget: &mut usize,
    ) -> Option<usize> {
        let count = run(bytes, open, b'`');
        // An escaped run opens with one backtick fewer but still closes with
        // its full length, as in pulldown-cmark.
        let wanted = if escaped { count - 1 } else { count };
        let after = open + count;
        if wanted == 0 {
            return Some(after);
        }
        let mut search = after;
        while search < end {
            let window = bytes.get(search..end)?;
            let Some(offset) = find.backtick(window) else {
                break;
            };
            *budget = budget.checked_sub(offset + 1)?;
            let close = search + offset;
            let length = run(bytes, close, b'`');
            if length == wanted {
                self.found.push(Found {
                    kind: FoundKind::Code,
                    start: if escaped { open + 1 } else { open },
                    end: close + length,
                    content: None,
                });
                return Some(close + length);
            }
            search = close + length;
        }
        *budget = budget.checked_sub(end.saturating_sub(after))?;
        Some(after)
    }

    /// `<` at `i`: an autolink, inline HTML, or plain text.
    fn angle(&mut self, block: &[u8], i: usize, end: usize) -> Option<usize> {
        let next = at(block, i + 1);
        if next == b'\\' || i + 1 >= end {
            return Some(i + 1);
        }
        if let Some(link_end) = autolink_end(block, i + 1) {
            self.found.push(Found {
                kind: FoundKind::Link,
                start: i,
                end: link_end,
                content: Some((i + 1, link_end - 1)),
            });
            return Some(link_end);
        }
        let html_end = match next {
            b'!' => {
                let rest = tail(block, i + 1);
                if rest.starts_with(b"!--") {
                    comment_end(block, i)
                } else if rest.starts_with(b"![CDATA[") || at(rest, 1).is_ascii_alphabetic() {
                    // Declarations and CDATA sections are rare; not worth mirroring.
                    return None;
                } else {
                    None
                }
            }
            b'?' => return None,
            _ => match html::tag(tail(block, i)) {
                Scan::Found(n) => Some(i + n),
                Scan::Absent => None,
                Scan::Multiline => return None,
            },
        };
        match html_end {
            Some(html_end) => {
                self.found.push(Found {
                    kind: FoundKind::InlineHtml,
                    start: i,
                    end: html_end,
                    content: None,
                });
                Some(html_end)
            }
            None => Some(i + 1),
        }
    }

    /// `]` at `i`: closes the innermost opener if an inline link follows.
    fn close_bracket(
        &mut self,
        bytes: &[u8],
        block: &[u8],
        i: usize,
        in_cell: bool,
    ) -> Option<usize> {
        let Some(opener) = self.openers.pop() else {
            return Some(i + 1);
        };
        if opener.disabled {
            return Some(i + 1);
        }
        // Without reference definitions (the block scanner declines them)
        // only inline links can form.
        let link_end = match inline_link_end(block, i + 1, in_cell) {
            Scan::Found(end) => end,
            Scan::Absent => return Some(i + 1),
            Scan::Multiline => return None,
        };
        let text_start = opener.position + if opener.image { 2 } else { 1 };
        let content = if text_start == i {
            None
        } else {
            if starts_with_line_break(bytes, text_start) || ends_after_line_break(bytes, i) {
                // The first or last event would be a line break; not mirrored.
                return None;
            }
            Some((first_event(bytes, text_start, in_cell), i))
        };
        let kind = if opener.image {
            FoundKind::Image
        } else {
            FoundKind::Link
        };
        let found = Found {
            kind,
            start: opener.position,
            end: link_end,
            content,
        };
        if opener.found_index <= self.found.len() {
            self.found.insert(opener.found_index, found);
        } else {
            debug_assert!(false, "opener index past the found list");
            return None;
        }
        if !opener.image {
            // Links cannot contain links: earlier `[` openers become text.
            for other in &mut self.openers {
                if !other.image {
                    other.disabled = true;
                }
            }
        }
        Some(link_end)
    }
}

/// Whether only spaces separate `start` from a line end.
fn starts_with_line_break(bytes: &[u8], start: usize) -> bool {
    let rest = tail(bytes, start);
    let n = rest.iter().take_while(|&&b| b == b' ').count();
    matches!(at(rest, n), b'\n' | b'\r')
}

/// Whether only container prefixes (spaces, `>`) separate a line start from
/// `end`. Conservative: a `>` in text counts as a prefix too.
fn ends_after_line_break(bytes: &[u8], end: usize) -> bool {
    let before = bytes.get(..end).unwrap_or(&[]);
    let n = before
        .iter()
        .rev()
        .take_while(|&&b| b == b' ' || b == b'>')
        .count();
    before.len() > n && at(before, before.len() - n - 1) == b'\n'
}

/// `scan_inline_link` from just after `]`: the end of the `(…)` part.
fn inline_link_end(block: &[u8], start: usize, in_cell: bool) -> Scan {
    if at(block, start) != b'(' {
        return Scan::Absent;
    }
    let Some(mut i) = skip_separator(block, start + 1) else {
        return Scan::Multiline;
    };
    let Some(dest_len) = link_destination(block, i) else {
        return Scan::Absent;
    };
    let Some(after_dest) = skip_separator(block, i + dest_len) else {
        return Scan::Multiline;
    };
    i = after_dest;
    if matches!(at(block, i), b'"' | b'\'' | b'(') {
        match link_title(block, i, in_cell) {
            Scan::Found(title_end) => match skip_separator(block, title_end) {
                Some(after_title) => i = after_title,
                None => return Scan::Multiline,
            },
            Scan::Absent => {}
            Scan::Multiline => return Scan::Multiline,
        }
    }
    if at(block, i) == b')' {
        Scan::Found(i + 1)
    } else {
        Scan::Absent
    }
}

/// Spaces inside the parentheses of a link; `None` at a line end.
fn skip_separator(block: &[u8], start: usize) -> Option<usize> {
    let i = start
        + tail(block, start)
            .iter()
            .take_while(|&&b| b == b' ')
            .count();
    if matches!(at(block, i), b'\n' | b'\r') {
        return None;
    }
    Some(i)
}

/// `scan_link_dest`: the length of the destination at `start`.
fn link_destination(block: &[u8], start: usize) -> Option<usize> {
    let bytes = tail(block, start);
    if at(bytes, 0) == b'<' {
        let mut i = 1;
        while let Some(&b) = bytes.get(i) {
            match b {
                b'\n' | b'\r' | b'<' => return None,
                b'>' => return Some(i + 1),
                b'\\' if is_punct(at(bytes, i + 1)) => i += 1,
                _ => {}
            }
            i += 1;
        }
        return None;
    }
    let mut nest = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            0..=b' ' => break,
            b'(' => {
                if nest > LINK_MAX_NESTED_PARENS {
                    return None;
                }
                nest += 1;
            }
            b')' => {
                if nest == 0 {
                    break;
                }
                nest -= 1;
            }
            b'\\' if is_punct(at(bytes, i + 1)) => i += 1,
            _ => {}
        }
        i += 1;
    }
    (nest == 0).then_some(i)
}

/// `scan_link_title` at `start`: the end after the closing quote.
fn link_title(block: &[u8], start: usize, in_cell: bool) -> Scan {
    let open = at(block, start);
    let close = if open == b'(' { b')' } else { open };
    let mut i = start + 1;
    while let Some(&c) = block.get(i) {
        if c == close {
            return Scan::Found(i + 1);
        }
        if c == open {
            return Scan::Absent;
        }
        match c {
            // pulldown-cmark's handling of `\\|` in table titles is quirky.
            b'\n' | b'\r' => return Scan::Multiline,
            b'\\' if in_cell => return Scan::Multiline,
            b'\\' if is_punct(at(block, i + 1)) => i += 1,
            _ => {}
        }
        i += 1;
    }
    Scan::Absent
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &[(FoundKind, &str, Option<&str>)]) {
        let bytes = input.as_bytes();
        let mut scanner = InlineScanner::default();
        let end = input.trim_end().len();
        let find = Finder::new();
        scanner
            .scan(&find, bytes, 0, end, bytes.len(), false)
            .unwrap();
        let got: Vec<(FoundKind, &str, Option<&str>)> = scanner
            .found
            .iter()
            .map(|f| {
                (
                    f.kind,
                    &input[f.start..f.end],
                    f.content.map(|(s, e)| &input[s..e]),
                )
            })
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn constructs() {
        use FoundKind::*;
        check("a `b` c", &[(Code, "`b`", None)]);
        check("``a`b``", &[(Code, "``a`b``", None)]);
        check("`a", &[]);
        check("\\``a`", &[(Code, "`a`", None)]);
        check(
            "[a `b`](c)",
            &[(Link, "[a `b`](c)", Some("a `b`")), (Code, "`b`", None)],
        );
        check("[a](b \"t\") [P]", &[(Link, "[a](b \"t\")", Some("a"))]);
        check("[a [b](c) d](e)", &[(Link, "[b](c)", Some("b"))]);
        check(
            "![a [b](c)](d)",
            &[
                (Image, "![a [b](c)](d)", Some("a [b](c)")),
                (Link, "[b](c)", Some("b")),
            ],
        );
        check(
            "<https://x.y> <b>x</b> <!-- c -->",
            &[
                (Link, "<https://x.y>", Some("https://x.y")),
                (InlineHtml, "<b>", None),
                (InlineHtml, "</b>", None),
                (InlineHtml, "<!-- c -->", None),
            ],
        );
        check("a < b", &[]);
        check("[\\*a](b)", &[(Link, "[\\*a](b)", Some("*a"))]);
        check("[](b)", &[(Link, "[](b)", None)]);
    }
}
