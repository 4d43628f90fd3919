//! HTML tags, comments and autolinks, as pulldown-cmark 0.13.6 scans them.
//!
//! Only single-line forms are decided here; a tag whose attributes run onto
//! the next line reports [`Scan::Multiline`] so the caller can decline (inline)
//! or treat it as "not a tag" (block starts, where pulldown-cmark does too).

use super::scan::{Scan, at, tail};

fn is_space(b: u8) -> bool {
    b == b' '
}

fn is_line_end(b: u8) -> bool {
    b == b'\n' || b == b'\r'
}

/// `scan_html_block_inner` on `data`, which starts with `<`; offsets are
/// relative to the `<`.
pub(super) fn tag(data: &[u8]) -> Scan {
    let close = usize::from(at(data, 1) == b'/');
    let name = tail(data, 1 + close)
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    if name == 0 {
        return Scan::Absent;
    }
    let mut i = 1 + close + name;
    i += tail(data, i)
        .iter()
        .take_while(|&&b| b == b'-' || b.is_ascii_alphanumeric())
        .count();
    if close == 0 {
        loop {
            let before = i;
            i += tail(data, i).iter().take_while(|&&b| is_space(b)).count();
            match at(data, i) {
                0 => return Scan::Absent,
                b if is_line_end(b) => return Scan::Multiline,
                _ => {}
            }
            if matches!(at(data, i), b'/' | b'>') {
                break;
            }
            if before == i {
                return Scan::Absent;
            }
            match attribute(data, i) {
                Scan::Found(next) => i = next,
                other => return other,
            }
        }
    }
    i += tail(data, i).iter().take_while(|&&b| is_space(b)).count();
    if close == 0 && at(data, i) == b'/' {
        i += 1;
    }
    if at(data, i) == b'>' {
        Scan::Found(i + 1)
    } else {
        Scan::Absent
    }
}

/// `scan_html_block_inner` for block starts, which get no line continuation.
pub(super) fn tag_end(data: &[u8]) -> Option<usize> {
    match tag(data) {
        Scan::Found(end) => Some(end),
        Scan::Absent | Scan::Multiline => None,
    }
}

/// Whitespace (line ends included) from `i`; `Multiline` if it crosses one.
fn skip_whitespace(data: &[u8], mut i: usize) -> Scan {
    while let Some(&b) = data.get(i) {
        if is_line_end(b) {
            return Scan::Multiline;
        }
        if !is_space(b) {
            break;
        }
        i += 1;
    }
    Scan::Found(i)
}

/// `scan_attribute`: one attribute starting at `i`.
fn attribute(data: &[u8], i: usize) -> Scan {
    let first = at(data, i);
    if !(first.is_ascii_alphabetic() || first == b'_' || first == b':') {
        return Scan::Absent;
    }
    let name_len = 1 + tail(data, i + 1)
        .iter()
        .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b':' | b'-'))
        .count();
    let after_name = i + name_len;
    let Scan::Found(after_space) = skip_whitespace(data, after_name) else {
        return Scan::Multiline;
    };
    if at(data, after_space) != b'=' {
        return Scan::Found(after_name);
    }
    let Scan::Found(value_start) = skip_whitespace(data, after_space + 1) else {
        return Scan::Multiline;
    };
    attribute_value(data, value_start)
}

/// `scan_attribute_value`.
fn attribute_value(data: &[u8], i: usize) -> Scan {
    match at(data, i) {
        quote @ (b'"' | b'\'') => {
            let rest = tail(data, i + 1);
            for (offset, &b) in rest.iter().enumerate() {
                if b == quote {
                    return Scan::Found(i + 1 + offset + 1);
                }
                if is_line_end(b) {
                    return Scan::Multiline;
                }
            }
            Scan::Absent
        }
        0 | b' ' | b'=' | b'>' | b'<' | b'`' | b'\n' | b'\r' => Scan::Absent,
        _ => {
            let n = tail(data, i)
                .iter()
                .take_while(|&&b| {
                    !matches!(
                        b,
                        b'\'' | b'"' | b' ' | b'=' | b'>' | b'<' | b'`' | b'\n' | b'\r'
                    )
                })
                .count();
            Scan::Found(i + n)
        }
    }
}

/// `scan_inline_html_comment` for `<!--`: the end of the comment that opens
/// at `start` (the `<`), searching `data` up to its end.
pub(super) fn comment_end(data: &[u8], start: usize) -> Option<usize> {
    // The search starts at the first dash so that `<!-->` and `<!--->` close
    // themselves, as in pulldown-cmark.
    let from = start + 2;
    memchr::memmem::find(tail(data, from), b"-->").map(|n| from + n + 3)
}

/// `scan_autolink`: the end (after `>`) of an autolink whose text starts at
/// `start` (just after `<`).
pub(super) fn autolink_end(data: &[u8], start: usize) -> Option<usize> {
    uri_end(data, start).or_else(|| email_end(data, start))
}

/// `scan_uri`.
fn uri_end(data: &[u8], start: usize) -> Option<usize> {
    let bytes = tail(data, start);
    if !at(bytes, 0).is_ascii_alphabetic() {
        return None;
    }
    let mut i = 1;
    while let Some(&c) = bytes.get(i) {
        i += 1;
        match c {
            c if c.is_ascii_alphanumeric() => {}
            b'.' | b'-' | b'+' => {}
            b':' => break,
            _ => return None,
        }
    }
    if !(3..=33).contains(&i) {
        return None;
    }
    while let Some(&c) = bytes.get(i) {
        match c {
            b'>' => return Some(start + i + 1),
            b'\0'..=b' ' | b'<' => return None,
            _ => {}
        }
        i += 1;
    }
    None
}

/// `scan_email`.
fn email_end(data: &[u8], start: usize) -> Option<usize> {
    let bytes = tail(data, start);
    let mut i = 0;
    loop {
        let c = *bytes.get(i)?;
        i += 1;
        match c {
            c if c.is_ascii_alphanumeric() => {}
            b'.' | b'!' | b'#' | b'$' | b'%' | b'&' | b'\'' | b'*' | b'+' | b'/' | b'=' | b'?'
            | b'^' | b'_' | b'`' | b'{' | b'|' | b'}' | b'~' | b'-' => {}
            b'@' if i > 1 => break,
            _ => return None,
        }
    }
    loop {
        let label_start = i;
        let mut fresh = true;
        while let Some(&c) = bytes.get(i) {
            match c {
                c if c.is_ascii_alphanumeric() => {}
                b'-' if fresh => return None,
                b'-' => {}
                _ => break,
            }
            fresh = false;
            i += 1;
        }
        if i == label_start || i - label_start > 63 || at(bytes, i - 1) == b'-' {
            return None;
        }
        if at(bytes, i) != b'.' {
            break;
        }
        i += 1;
    }
    (at(bytes, i) == b'>').then_some(start + i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags() {
        assert_eq!(tag(b"<a href=\"x\">y"), Scan::Found(12));
        assert_eq!(tag(b"</div >"), Scan::Found(7));
        assert_eq!(tag(b"<br/>"), Scan::Found(5));
        assert_eq!(tag(b"<a\nb>"), Scan::Multiline);
        assert_eq!(tag(b"< a>"), Scan::Absent);
        assert_eq!(tag(b"<a b=>"), Scan::Absent);
    }

    #[test]
    fn comments_and_autolinks() {
        assert_eq!(comment_end(b"<!-- a -->", 0), Some(10));
        assert_eq!(comment_end(b"<!-->", 0), Some(5));
        assert_eq!(comment_end(b"<!-- a", 0), None);
        assert_eq!(autolink_end(b"<https://x.y>", 1), Some(13));
        assert_eq!(autolink_end(b"<a@b.c>", 1), Some(7));
        assert_eq!(autolink_end(b"<a b>", 1), None);
    }
}
