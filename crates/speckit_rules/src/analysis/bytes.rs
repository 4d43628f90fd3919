//! Byte scans shared by the analysis rules: finding ASCII digits sixteen
//! bytes at a time, and finding where a story reference or an ID may be, so
//! that the exact (and dearer) readers run only on the passages that can
//! hold one.

use std::ops::Range;

/// The first ASCII digit of `bytes` at or after `from`. Sixteen bytes are
/// tested at a time, as two `u64` (most of a text is words, not digits).
pub(crate) fn next_digit(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let mut blocks = rest.chunks_exact(16);
    let mut offset = from;
    for block in &mut blocks {
        let (first, second) = block.split_at(8);
        let (first, second) = (digit_bits(first), digit_bits(second));
        if first | second != 0 {
            let at = if first == 0 {
                8 + second.trailing_zeros() / 8
            } else {
                first.trailing_zeros() / 8
            };
            return Some(offset + at as usize);
        }
        offset += 16;
    }
    blocks
        .remainder()
        .iter()
        .position(u8::is_ascii_digit)
        .map(|at| offset + at)
}

/// The high bit of each of the eight bytes of `word` (first byte lowest)
/// set where the byte is an ASCII digit, every other bit clear.
fn digit_bits(word: &[u8]) -> u64 {
    const LOW: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Added to a byte below 0x80, these set its high bit exactly when the
    // byte is at least `0` (0x30), or at least the byte after `9` (0x3A).
    const FROM_ZERO: u64 = 0x5050_5050_5050_5050;
    const PAST_NINE: u64 = 0x4646_4646_4646_4646;
    let mut eight = [0; 8];
    eight.copy_from_slice(word);
    let value = u64::from_le_bytes(eight);
    // Without their high bit, bytes cannot carry into their neighbour;
    // bytes that had it (non-ASCII) are masked out at the end.
    let low = value & LOW;
    (low + FROM_ZERO) & !(low + PAST_NINE) & !value & HIGH
}

/// A `story` or `us` (in any case) followed, after spaces, `-` and `#`
/// only, by an ASCII digit: where the word starts, its length, and where
/// the digits start. Whether the word stands at the start of a word of the
/// text is for the caller to test.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct StoryWord {
    pub(crate) start: usize,
    pub(crate) len: usize,
    pub(crate) digits: usize,
}

/// Calls `found` with every [`StoryWord`] of `bytes`, in order. Each run of
/// digits is looked at from its first digit back, over the gap, to the
/// word before it.
pub(crate) fn story_words(bytes: &[u8], mut found: impl FnMut(StoryWord)) {
    let mut at = 0;
    while let Some(digit) = next_digit(bytes, at) {
        let mut end = digit;
        while end > 0 && matches!(bytes[end - 1], b' ' | b'-' | b'#') {
            end -= 1;
        }
        // The words end in different letters: at most one matches.
        for (word, len) in [(&b"story"[..], 5), (&b"us"[..], 2)] {
            if end >= len && bytes[end - len..end].eq_ignore_ascii_case(word) {
                found(StoryWord {
                    start: end - len,
                    len,
                    digits: digit,
                });
            }
        }
        // Only the first digit of a run can follow the words.
        at = digit + 1;
        while bytes.get(at).is_some_and(u8::is_ascii_digit) {
            at += 1;
        }
    }
}

/// Byte offsets in `text`, in increasing order, of every [`StoryWord`].
///
/// Every reference [`story_references`](super::mention::story_references)
/// finds in a slice of `text` starts at one of these offsets: a slice
/// without one has no story reference, and need not be read.
pub(crate) fn story_reference_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    story_words(text.as_bytes(), |word| starts.push(word.start));
    starts
}

/// Byte offsets in `text`, in increasing order, of every `-` between an
/// ASCII letter and an ASCII digit (`FR-1`).
///
/// Every ID [`scan_written_ids`](super::mention::scan_written_ids) finds
/// in a slice of `text` holds one of these dashes: a slice without one has
/// no ID, and need not be read.
pub(crate) fn id_dashes(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'-', bytes)
        .filter(|&dash| {
            dash > 0
                && bytes[dash - 1].is_ascii_alphabetic()
                && bytes.get(dash + 1).is_some_and(u8::is_ascii_digit)
        })
        .collect()
}

/// Whether one of `starts` (sorted) lies in `range`.
pub(crate) fn any_in(starts: &[usize], range: Range<usize>) -> bool {
    let first = starts.partition_point(|&start| start < range.start);
    starts.get(first).is_some_and(|&start| start < range.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::mention::{scan_written_ids, story_references};

    #[test]
    fn digits_are_found_in_and_across_words() {
        for place in [0, 5, 7, 8, 9, 15, 16, 17, 23, 24, 31, 32, 47, 48, 49] {
            for digit in b'0'..=b'9' {
                let mut bytes = vec![b'x'; 50];
                bytes[place] = digit;
                assert_eq!(next_digit(&bytes, 0), Some(place), "{place}");
                assert_eq!(next_digit(&bytes, place), Some(place), "{place}");
                assert_eq!(next_digit(&bytes, place + 1), None, "{place}");
            }
        }
        assert_eq!(next_digit(b"12", 5), None);
        assert_eq!(next_digit("é9".as_bytes(), 0), Some(2));
    }

    #[test]
    fn every_byte_is_classified_like_is_ascii_digit() {
        for byte in 0..=u8::MAX {
            for place in 0..16 {
                let mut bytes = [b'/'; 16];
                bytes[place] = byte;
                let expected = byte.is_ascii_digit().then_some(place);
                assert_eq!(next_digit(&bytes, 0), expected, "{byte:#x} at {place}");
            }
        }
        // Bytes around the digits, and high bytes, next to a digit.
        let mut bytes = [b'x'; 32];
        bytes[..8].copy_from_slice(&[0xFF, b'/', b':', 0xB0, 0xB9, b'7', 0x80, b'0']);
        bytes[8..16].copy_from_slice(&[0xBF, 0x3A, 0x2F, b'9', 0xC0, 0xB5, b'5', 0x39]);
        assert_eq!(next_digit(&bytes, 0), Some(5));
        assert_eq!(next_digit(&bytes, 6), Some(7));
        assert_eq!(next_digit(&bytes, 8), Some(11));
        assert_eq!(next_digit(&bytes, 12), Some(14));
        assert_eq!(next_digit(&bytes, 16), None);
    }

    #[test]
    fn starts_cover_every_reference() {
        let text = "See User Story 2, story-3 and US4, us-5, US#6; \
                    not USB 7, focus 8 or history9. Also (US12) and Stories 4, status 3.";
        let starts = story_reference_starts(text);
        assert!(starts.windows(2).all(|pair| pair[0] < pair[1]));
        let words: Vec<&str> = starts
            .iter()
            .map(|&start| text.get(start..start + 2).unwrap_or(""))
            .collect();
        assert_eq!(
            words,
            ["St", "st", "US", "us", "US", "us", "st", "US", "us"]
        );
        // Any slice with references holds the start of each.
        for from in 0..text.len() {
            for to in from..=text.len() {
                let Some(slice) = text.get(from..to) else {
                    continue;
                };
                if !story_references(slice).is_empty() {
                    assert!(any_in(&starts, from..to), "{slice:?}");
                }
            }
        }
    }

    #[test]
    fn dashes_cover_every_id() {
        let text = "FR-001, SC-2a and NFR-12–NFR-14; not T-x, -3, 4-5 or x-y. ab-7";
        let dashes = id_dashes(text);
        assert_eq!(dashes.len(), 5);
        for from in 0..text.len() {
            for to in from..=text.len() {
                let Some(slice) = text.get(from..to) else {
                    continue;
                };
                let mut found = false;
                scan_written_ids(slice, |_, _| found = true);
                if found {
                    assert!(any_in(&dashes, from..to), "{slice:?}");
                }
            }
        }
    }

    #[test]
    fn ranges_hold_starts() {
        let starts = [3, 10, 20];
        assert!(any_in(&starts, 0..4));
        assert!(!any_in(&starts, 0..3));
        assert!(!any_in(&starts, 4..10));
        assert!(any_in(&starts, 10..11));
        assert!(!any_in(&starts, 21..40));
        assert!(!any_in(&[], 0..40));
    }
}
