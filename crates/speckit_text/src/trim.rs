//! `str::trim` for the scanners' hot paths: most texts have plain ASCII
//! edges, which are stepped over byte by byte; only a non-ASCII edge (which
//! may start a Unicode space) needs the general trim.

/// `text.trim_start_matches(prefix)` for a string prefix, without the
/// substring searcher the standard method sets up on every call (it costs
/// more than the trim on the short labels and paths it is used for).
#[inline]
pub fn trim_prefix_repeated<'a>(mut text: &'a str, prefix: &str) -> &'a str {
    if prefix.is_empty() {
        return text;
    }
    while let Some(rest) = text.strip_prefix(prefix) {
        text = rest;
    }
    text
}

/// True for a byte that is ASCII and not whitespace: a text edge that
/// neither `str::trim` nor its Unicode cases would touch.
const fn is_plain(byte: u8) -> bool {
    byte > b' ' && byte.is_ascii()
}

/// `text.trim()`. Plain ASCII edges are stepped over byte by byte; only a
/// non-ASCII byte at an edge (which may start a Unicode space) needs the
/// general trim.
#[inline]
pub fn trim_str(text: &str) -> &str {
    // Most texts have nothing to trim or one space at an edge (table cells,
    // values after a colon); the check stays small enough to inline.
    let bytes = text.as_bytes();
    let len = bytes.len();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return text;
    };
    let start = if is_plain(first) {
        0
    } else if first == b' ' && bytes.get(1).is_some_and(|&next| is_plain(next)) {
        1
    } else {
        return trim_edges(text);
    };
    let end = if is_plain(last) {
        len
    } else if last == b' ' && len >= 2 && bytes.get(len - 2).is_some_and(|&before| is_plain(before))
    {
        len - 1
    } else {
        return trim_edges(text);
    };
    match text.get(start..end) {
        Some(inner) if start < end => inner,
        _ => trim_edges(text),
    }
}

/// [`trim_str`] for a text with something at an edge.
#[inline(never)]
fn trim_edges(text: &str) -> &str {
    let bytes = text.as_bytes();
    let mut start = 0;
    while bytes.get(start).copied().is_some_and(is_space) {
        start += 1;
    }
    let mut end = bytes.len();
    while end > start && bytes.get(end - 1).copied().is_some_and(is_space) {
        end -= 1;
    }
    let inner = text.get(start..end).unwrap_or("");
    let unicode_edge = inner
        .as_bytes()
        .first()
        .is_some_and(|byte| !byte.is_ascii())
        || inner.as_bytes().last().is_some_and(|byte| !byte.is_ascii());
    let inner = if unicode_edge { inner.trim() } else { inner };
    // `str::trim` leaves an all-blank text as the empty slice at its start.
    if inner.is_empty() {
        text.get(..0).unwrap_or("")
    } else {
        inner
    }
}

/// ASCII whitespace as `char::is_whitespace` sees it.
pub fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_give_the_slice_str_trim_gives() {
        for text in [
            "",
            " ",
            "\t\n",
            "\u{b}x\u{c}",
            " \u{a0}x\u{a0} ",
            "\u{3000}y",
            "z\u{2028}",
            "\u{85}",
            "é",
            " é ",
            "\r\n",
            "a b",
            " a",
            "a ",
            "  a  ",
            "**x** ",
        ] {
            assert_eq!(trim_str(text), text.trim(), "{text:?}");
            assert_eq!(trim_str(text).as_ptr(), text.trim().as_ptr(), "{text:?}");
        }
    }

    #[test]
    fn spaces_are_the_ascii_whitespace_chars() {
        for byte in 0..=u8::MAX {
            assert_eq!(
                is_space(byte),
                char::from(byte).is_whitespace() && byte.is_ascii(),
                "{byte}"
            );
        }
    }

    #[test]
    fn repeated_prefixes_are_trimmed_like_the_standard_method() {
        for (text, prefix) in [
            ("USUS3", "US"),
            ("US 3", "US"),
            ("3", "US"),
            ("", "US"),
            ("././a/b", "./"),
            ("U", "US"),
            ("abc", ""),
        ] {
            assert_eq!(
                trim_prefix_repeated(text, prefix),
                text.trim_start_matches(prefix),
                "{text:?}"
            );
        }
    }
}
