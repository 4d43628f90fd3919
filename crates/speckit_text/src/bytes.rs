//! Byte-level helpers for the scanners: sets of bytes as lookup tables, and
//! ASCII lower-casing into a caller's buffer without allocating.

/// A set of bytes, as a table indexed by byte.
pub type ByteSet = [bool; 256];

/// The set holding `bytes` (usable in constants).
pub const fn byte_set(bytes: &[u8]) -> ByteSet {
    let mut set = [false; 256];
    let mut index = 0;
    while index < bytes.len() {
        set[bytes[index] as usize] = true;
        index += 1;
    }
    set
}

/// `text` with ASCII letters lower-cased, written into `buffer`; `None` when
/// it does not fit (so a buffer as long as the longest word looked up
/// answers "no" for longer words without copying them).
pub fn ascii_lowercase_in<'b>(text: &str, buffer: &'b mut [u8]) -> Option<&'b [u8]> {
    let lower = buffer.get_mut(..text.len())?;
    lower.copy_from_slice(text.as_bytes());
    lower.make_ascii_lowercase();
    Some(lower)
}

/// Position of a short `needle` in `haystack`: `memchr` for its first byte,
/// then a compare. Cheaper than building a substring searcher per call
/// (`memmem`, or the one behind `str::find` and `str::contains` with a
/// string pattern) on the short texts of cells, labels and lines.
pub fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    let mut from = 0;
    while let Some(offset) = memchr::memchr(first, haystack.get(from..)?) {
        let at = from + offset;
        if haystack.get(at + 1..at + 1 + rest.len()) == Some(rest) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// [`find_bytes`] over text: where `needle` starts in `haystack`.
pub fn find_str(haystack: &str, needle: &str) -> Option<usize> {
    find_bytes(haystack.as_bytes(), needle.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_hold_exactly_their_bytes() {
        const SET: ByteSet = byte_set(b"a-\xEF");
        let held: Vec<u8> = (0..=u8::MAX)
            .filter(|&byte| SET[usize::from(byte)])
            .collect();
        assert_eq!(held, [b'-', b'a', 0xEF]);
    }

    #[test]
    fn lowercasing_into_a_buffer() {
        let mut buffer = [0; 8];
        assert_eq!(
            ascii_lowercase_in("GraphQL", &mut buffer),
            Some(&b"graphql"[..])
        );
        assert_eq!(
            ascii_lowercase_in("Café", &mut buffer),
            Some("café".as_bytes())
        );
        assert_eq!(ascii_lowercase_in("", &mut buffer), Some(&b""[..]));
        assert_eq!(ascii_lowercase_in("TypeScript", &mut buffer), None);
    }

    #[test]
    fn short_needles_are_found_like_str_find() {
        let haystacks = [
            "",
            "a",
            "src/...",
            "a://b",
            " (x) (y)",
            "aab",
            "ab",
            "[P] T001 [P]",
        ];
        let needles = ["...", "://", " (", "ab", "a", "[P]", "x"];
        for haystack in haystacks {
            for needle in needles {
                assert_eq!(
                    find_str(haystack, needle),
                    haystack.find(needle),
                    "{haystack:?} {needle:?}"
                );
            }
        }
        assert_eq!(find_bytes(b"abc", b""), None);
    }
}
