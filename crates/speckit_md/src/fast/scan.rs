//! Byte-level recognisers for block syntax: line ends, blank lines, markers,
//! fences, thematic breaks, table delimiter rows.
//!
//! Each function mirrors one scanner of pulldown-cmark 0.13.6 (named in its
//! doc) on the byte subset the fast path accepts: no tabs, no vertical tabs
//! or form feeds, no NUL, no lone carriage returns (the caller checks this
//! once per document). Positions are byte offsets into the body; reads past
//! the end see `0`, which the accepted input never contains.

/// The outcome of a scan that can also meet a line end it does not follow.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Scan {
    /// The construct ends just before this offset.
    Found(usize),
    /// The construct is not there.
    Absent,
    /// The construct would continue past a line end; not mirrored.
    Multiline,
}

/// The byte at `index`, or `0` past the end.
#[inline]
pub(super) fn at(bytes: &[u8], index: usize) -> u8 {
    bytes.get(index).copied().unwrap_or(0)
}

/// The bytes from `index` on (empty past the end).
#[inline]
pub(super) fn tail(bytes: &[u8], index: usize) -> &[u8] {
    bytes.get(index..).unwrap_or(&[])
}

/// `scan_eol`: length of the line ending at `index` (0 at the end of text).
#[inline]
pub(super) fn eol_len(bytes: &[u8], index: usize) -> Option<usize> {
    match at(bytes, index) {
        0 => Some(0),
        b'\n' => Some(1),
        b'\r' => Some(if at(bytes, index + 1) == b'\n' { 2 } else { 1 }),
        _ => None,
    }
}

/// `LineStart::is_at_eol`.
#[inline]
pub(super) fn is_eol(bytes: &[u8], index: usize) -> bool {
    matches!(at(bytes, index), 0 | b'\n' | b'\r')
}

/// Number of spaces starting at `index`.
#[inline]
pub(super) fn spaces(bytes: &[u8], index: usize) -> usize {
    run(bytes, index, b' ')
}

/// Length of the run of `byte` (not NUL) starting at `index`. A byte loop
/// rather than an iterator over `tail`: most runs are short or empty (most
/// lines have no indentation), and this way they cost one comparison, not a
/// slice.
#[inline]
pub(super) fn run(bytes: &[u8], index: usize, byte: u8) -> usize {
    let mut n = 0;
    while at(bytes, index + n) == byte {
        n += 1;
    }
    n
}

/// `scan_blank_line`: length of a line made only of spaces, line end included.
#[inline]
pub(super) fn blank_line(bytes: &[u8], index: usize) -> Option<usize> {
    let n = spaces(bytes, index);
    eol_len(bytes, index + n).map(|eol| n + eol)
}

/// `is_ascii_punctuation`.
#[inline]
pub(super) fn is_punct(b: u8) -> bool {
    matches!(b, b'!'..=b'/' | b':'..=b'@' | b'['..=b'`' | b'{'..=b'~')
}

/// `scan_hrule`: the length of a thematic break line (line end included).
pub(super) fn hrule(bytes: &[u8], index: usize) -> Option<usize> {
    let rest = tail(bytes, index);
    if rest.len() < 3 {
        return None;
    }
    let marker = at(rest, 0);
    if !matches!(marker, b'*' | b'-' | b'_') {
        return None;
    }
    let mut count = 0;
    let mut i = 0;
    while let Some(&b) = rest.get(i) {
        match b {
            b'\n' | b'\r' => {
                i += eol_len(rest, i).unwrap_or(0);
                break;
            }
            b' ' => {}
            b if b == marker => count += 1,
            _ => return None,
        }
        i += 1;
    }
    (count >= 3).then_some(i)
}

/// `scan_atx_heading`: the level of an ATX heading opening at `index`.
pub(super) fn atx_level(bytes: &[u8], index: usize) -> Option<usize> {
    let level = run(bytes, index, b'#');
    let next_is_space = matches!(at(bytes, index + level), 0 | b' ' | b'\n' | b'\r');
    ((1..=6).contains(&level) && next_is_space).then_some(level)
}

/// `scan_setext_heading`: whether a line of `=` or `-` (then blanks) starts at `index`.
pub(super) fn is_setext_underline(bytes: &[u8], index: usize) -> bool {
    let marker = at(bytes, index);
    if marker != b'=' && marker != b'-' {
        return false;
    }
    let length = run(bytes, index, marker);
    blank_line(bytes, index + length).is_some()
}

/// `scan_code_fence`: the fence length and character of an opening fence.
pub(super) fn code_fence(bytes: &[u8], index: usize) -> Option<(usize, u8)> {
    let fence = at(bytes, index);
    if fence != b'`' && fence != b'~' {
        return None;
    }
    let n = run(bytes, index, fence);
    if n < 3 {
        return None;
    }
    if fence == b'`' {
        // The info string (to the end of the line) may not hold a backtick.
        let info = tail(bytes, index + n);
        if info.iter().take_while(|&&b| b != b'\n').any(|&b| b == b'`') {
            return None;
        }
    }
    Some((n, fence))
}

/// `scan_closing_code_fence`: the length of a closing fence (line end excluded).
pub(super) fn closing_fence(bytes: &[u8], index: usize, fence: u8, n: usize) -> Option<usize> {
    if index >= bytes.len() {
        return Some(0);
    }
    let length = run(bytes, index, fence);
    if length < n {
        return None;
    }
    let end = length + spaces(bytes, index + length);
    eol_len(bytes, index + end).map(|_| end)
}

/// A list marker that opens a new item (`scan_list_marker_with_indent`).
pub(super) struct ListMarker {
    /// `-`, `+` or `*` for bullets; `.` or `)` for ordered lists.
    pub(super) delimiter: u8,
    /// Content indentation of the item, relative to its parent's content.
    pub(super) indent: usize,
    /// Where the item's content starts on this line.
    pub(super) after: usize,
}

/// `LineStart::scan_list_marker_with_indent` plus `finish_list_marker`.
pub(super) fn list_marker(bytes: &[u8], index: usize, outer_indent: usize) -> Option<ListMarker> {
    let first = at(bytes, index);
    let (delimiter, after_marker, base_indent) = match first {
        b'-' | b'+' | b'*' => {
            if hrule(bytes, index).is_some() {
                return None;
            }
            (first, index + 1, outer_indent + 2)
        }
        b'0'..=b'9' => {
            let digits = tail(bytes, index)
                .iter()
                .take(9)
                .take_while(|b| b.is_ascii_digit())
                .count();
            let delimiter = at(bytes, index + digits);
            if delimiter != b'.' && delimiter != b')' {
                return None;
            }
            (delimiter, index + digits + 1, outer_indent + 2 + digits)
        }
        _ => return None,
    };
    let after_space = if at(bytes, after_marker) == b' ' {
        after_marker + 1
    } else if is_eol(bytes, after_marker) {
        after_marker
    } else {
        return None;
    };
    if blank_line(bytes, after_space).is_some() {
        return Some(ListMarker {
            delimiter,
            indent: base_indent,
            after: after_space,
        });
    }
    let post = spaces(bytes, after_space).min(4);
    if post < 4 {
        Some(ListMarker {
            delimiter,
            indent: base_indent + post,
            after: after_space + post,
        })
    } else {
        // Five or more spaces: the content is indented code one column in.
        Some(ListMarker {
            delimiter,
            indent: base_indent,
            after: after_space,
        })
    }
}

/// `scan_listitem` as used by paragraph interruption: whether a list item
/// starts here, whether it is a bullet or starts at 1, and whether its first
/// line is empty.
pub(super) fn list_item_interrupts(bytes: &[u8], index: usize) -> Option<(bool, bool)> {
    let first = at(bytes, index);
    let (width, bullet_or_one) = match first {
        b'-' | b'+' | b'*' => (1, true),
        b'0'..=b'9' => {
            let digits = tail(bytes, index)
                .iter()
                .take(9)
                .take_while(|b| b.is_ascii_digit())
                .count();
            let delimiter = at(bytes, index + digits);
            if delimiter != b'.' && delimiter != b')' {
                return None;
            }
            let number = bytes.get(index..index + digits).unwrap_or(&[]);
            let is_one = number.iter().skip_while(|&&b| b == b'0').eq(b"1".iter());
            (digits + 1, is_one)
        }
        _ => return None,
    };
    let marker_end = index + width;
    if spaces(bytes, marker_end) == 0 && eol_len(bytes, marker_end).is_none() {
        return None;
    }
    let empty = blank_line(bytes, marker_end).is_some();
    Some((bullet_or_one, empty))
}

/// `scan_task_list_marker`: `[ ]`, `[x]` or `[X]` then whitespace. Returns
/// whether it is checked and the position after `]`.
pub(super) fn task_marker(bytes: &[u8], index: usize) -> Option<(bool, usize)> {
    let open = index + spaces(bytes, index).min(3);
    if at(bytes, open) != b'[' {
        return None;
    }
    let checked = match at(bytes, open + 1) {
        b' ' => false,
        b'x' | b'X' => true,
        _ => return None,
    };
    if at(bytes, open + 2) != b']' {
        return None;
    }
    // pulldown-cmark requires a following whitespace byte; the end of text
    // does not count.
    matches!(at(bytes, open + 3), b' ' | b'\n' | b'\r').then_some((checked, open + 3))
}

/// `calc_indent(text, 4)` restricted to spaces, with its quirk of reporting the
/// index of the fourth space rather than the count.
fn calc_indent_4(bytes: &[u8]) -> (usize, usize) {
    let mut spaces = 0;
    let mut offset = 0;
    for (i, &b) in bytes.iter().enumerate() {
        offset = i;
        if b != b' ' {
            break;
        }
        spaces += 1;
        if spaces == 4 {
            break;
        }
    }
    (offset, spaces)
}

/// `scan_table_head`: the length of a delimiter row (line end included) and
/// its column count.
pub(super) fn table_head(bytes: &[u8], index: usize) -> Option<(usize, usize)> {
    let data = tail(bytes, index);
    let (mut i, indent) = calc_indent_4(data);
    if indent > 3 || i == data.len() {
        return None;
    }
    let mut columns = 0;
    let mut start_col = true;
    let mut found_pipe = false;
    let mut found_hyphen = false;
    let mut found_hyphen_in_col = false;
    if at(data, i) == b'|' {
        i += 1;
        found_pipe = true;
    }
    while let Some(&c) = data.get(i) {
        if let Some(n) = eol_len(data, i) {
            i += n;
            break;
        }
        match c {
            b' ' => {}
            b':' => start_col = false,
            b'-' => {
                start_col = false;
                found_hyphen = true;
                found_hyphen_in_col = true;
            }
            b'|' => {
                start_col = true;
                found_pipe = true;
                columns += 1;
                if !found_hyphen_in_col {
                    return None;
                }
                found_hyphen_in_col = false;
            }
            _ => return None,
        }
        i += 1;
    }
    if !start_col {
        columns += 1;
    }
    (found_pipe && found_hyphen).then_some((i, columns))
}

/// `count_header_cols`: columns of a header line with `pipes` unescaped pipes.
pub(super) fn header_columns(bytes: &[u8], pipes: usize, start: usize, last_pipe: usize) -> usize {
    let first = start + spaces(bytes, start);
    let pipes = if at(bytes, first) == b'|' {
        pipes.saturating_sub(1)
    } else {
        pipes
    };
    if blank_line(bytes, last_pipe + 1).is_some() {
        pipes
    } else {
        pipes + 1
    }
}

/// Where a line starting with `<` stands among HTML block starts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum HtmlStart {
    /// `<!--`: a comment block (type 2), which the fast path handles.
    Comment,
    /// Types 1 and 3 to 6, which can also interrupt a paragraph.
    Interrupting,
    /// Type 7: a lone complete tag; it cannot interrupt a paragraph.
    Tag,
    /// Not an HTML block start.
    None,
}

/// Classifies an HTML block start at `index` (which holds `<`), following
/// `get_html_end_tag`, `starts_html_block_type_6` and `scan_html_type_7`.
pub(super) fn html_start(bytes: &[u8], index: usize) -> HtmlStart {
    let rest = tail(bytes, index + 1);
    if rest.starts_with(b"!--") {
        return HtmlStart::Comment;
    }
    if has_end_tag(rest) || starts_type_6(rest) {
        return HtmlStart::Interrupting;
    }
    match super::html::tag_end(tail(bytes, index)) {
        // Block starts get no line continuation: a tag broken over lines is
        // not a type 7 start.
        Some(end) if blank_line(bytes, index + end).is_some() => HtmlStart::Tag,
        _ => HtmlStart::None,
    }
}

/// `get_html_end_tag` for everything but comments (types 1, 3, 4, 5).
fn has_end_tag(rest: &[u8]) -> bool {
    for tag in [&b"pre"[..], b"style", b"script", b"textarea"] {
        if rest.len() >= tag.len()
            && rest
                .get(..tag.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(tag))
        {
            let next = rest.get(tag.len());
            if next.is_none_or(|&b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | b'>'))
            {
                return true;
            }
        }
    }
    if rest.starts_with(b"?") || rest.starts_with(b"![CDATA[") {
        return true;
    }
    at(rest, 0) == b'!' && at(rest, 1).is_ascii_alphabetic()
}

/// Block-level tag names of HTML block type 6.
const BLOCK_TAGS: [&[u8]; 62] = [
    b"address",
    b"article",
    b"aside",
    b"base",
    b"basefont",
    b"blockquote",
    b"body",
    b"caption",
    b"center",
    b"col",
    b"colgroup",
    b"dd",
    b"details",
    b"dialog",
    b"dir",
    b"div",
    b"dl",
    b"dt",
    b"fieldset",
    b"figcaption",
    b"figure",
    b"footer",
    b"form",
    b"frame",
    b"frameset",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"head",
    b"header",
    b"hr",
    b"html",
    b"iframe",
    b"legend",
    b"li",
    b"link",
    b"main",
    b"menu",
    b"menuitem",
    b"nav",
    b"noframes",
    b"ol",
    b"optgroup",
    b"option",
    b"p",
    b"param",
    b"search",
    b"section",
    b"summary",
    b"table",
    b"tbody",
    b"td",
    b"tfoot",
    b"th",
    b"thead",
    b"title",
    b"tr",
    b"track",
    b"ul",
];

/// `starts_html_block_type_6`.
fn starts_type_6(rest: &[u8]) -> bool {
    let slash = usize::from(at(rest, 0) == b'/');
    let name_rest = tail(rest, slash);
    let n = name_rest
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let name = name_rest.get(..n).unwrap_or(&[]);
    if n == 0 || !BLOCK_TAGS.iter().any(|tag| tag.eq_ignore_ascii_case(name)) {
        return false;
    }
    let after = tail(name_rest, n);
    after.is_empty()
        || matches!(at(after, 0), b' ' | b'\t' | b'\r' | b'\n' | b'>')
        || after.starts_with(b"/>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognisers() {
        assert_eq!(hrule(b"- - -\nx", 0), Some(6));
        assert_eq!(hrule(b"--", 0), None);
        assert_eq!(atx_level(b"## a", 0), Some(2));
        assert_eq!(atx_level(b"#a", 0), None);
        assert_eq!(code_fence(b"```rust\n", 0), Some((3, b'`')));
        assert_eq!(code_fence(b"``` a`b\n", 0), None);
        assert_eq!(table_head(b"|---|:-:|\n", 0), Some((10, 2)));
        assert_eq!(table_head(b"||\n", 0), None);
        assert_eq!(task_marker(b"[x] a", 0), Some((true, 3)));
        assert_eq!(task_marker(b"[ ]", 0), None);
        assert_eq!(html_start(b"<!-- a -->", 0), HtmlStart::Comment);
        assert_eq!(html_start(b"<div>", 0), HtmlStart::Interrupting);
        assert_eq!(html_start(b"<feature-name>\n", 0), HtmlStart::Tag);
        assert_eq!(html_start(b"<feature-name> x\n", 0), HtmlStart::None);
        assert_eq!(html_start(b"< 5\n", 0), HtmlStart::None);
        assert_eq!(list_item_interrupts(b"2. a", 0), Some((false, false)));
        assert_eq!(list_item_interrupts(b"01. a", 0), Some((true, false)));
        assert_eq!(list_item_interrupts(b"-\n", 0), Some((true, true)));
    }
}
