//! The per-thread cache of stemmed words behind
//! [`scan_tokens`](super::mention::scan_tokens): documents repeat their
//! vocabulary, so most words are stemmed once.
//!
//! Short ASCII words — nearly every word of a spec — are looked up by their
//! lower-cased bytes packed into one 128-bit number, in an open-addressing
//! table: no allocation, no string comparison. A [`Window`] of sixteen bytes
//! of text finds such a word and packs it. Longer and non-ASCII words go
//! through an ordinary map.

use rustc_hash::FxHashMap as HashMap;

use super::mention::{STOP_WORDS, Token};

/// Longest ASCII word kept in the packed table.
pub(super) const SHORT_WORD: usize = 16;

/// The cache is emptied when it holds more than this many words.
const LIMIT: usize = 200_000;

/// Words already stemmed, with the token each yields (`None` for words
/// that carry no meaning).
pub(super) struct StemCache {
    stemmer: rust_stemmers::Stemmer,
    short: ShortWords,
    long: HashMap<Box<str>, Option<Token>>,
}

impl StemCache {
    pub(super) fn new() -> StemCache {
        StemCache {
            stemmer: rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English),
            short: ShortWords::default(),
            long: HashMap::default(),
        }
    }

    /// The token of the short ASCII word whose key is `key` (see
    /// [`Window::key`]) and whose length is `len` bytes.
    #[inline]
    pub(super) fn short_token(&mut self, key: Key, len: usize) -> Option<Token> {
        match self.short.get(key) {
            Some(token) => *token,
            None => self.stem_short(key, len),
        }
    }

    /// Stems a short word seen for the first time and keeps its token.
    /// Apart from the hot look-up, so that the look-up stays small.
    #[cold]
    #[inline(never)]
    fn stem_short(&mut self, key: Key, len: usize) -> Option<Token> {
        let bytes = unpack(key);
        let lower = std::str::from_utf8(&bytes[..len]).unwrap_or("");
        let token = compute(&self.stemmer, lower);
        if self.short.len >= LIMIT {
            self.short = ShortWords::default();
        }
        self.short.insert(key, token);
        token
    }

    /// The token of a lower-cased word, or `None` when it carries no meaning.
    pub(super) fn token(&mut self, word: &str) -> Option<Token> {
        if let Some(token) = self.long.get(word) {
            return *token;
        }
        let token = compute(&self.stemmer, word);
        if self.long.len() >= LIMIT {
            self.long.clear();
        }
        self.long.insert(word.into(), token);
        token
    }
}

/// The token of a lower-cased word.
fn compute(stemmer: &rust_stemmers::Stemmer, word: &str) -> Option<Token> {
    if word.chars().count() < 3
        || word.bytes().all(|b| b.is_ascii_digit())
        || STOP_WORDS.binary_search(&word).is_ok()
    {
        return None;
    }
    let stem = stemmer.stem(word);
    if STOP_WORDS.binary_search(&stem.as_ref()).is_ok() {
        return None;
    }
    Some(fnv(stem.as_bytes()))
}

fn fnv(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// A short ASCII word, lower-cased, as one little-endian number padded
/// with zero bytes. Letters and digits are never zero, so the key is never
/// 0 and tells the word's length.
pub(super) type Key = u128;

/// `byte` in each of the sixteen bytes.
const fn every_byte(byte: u8) -> u128 {
    u128::from_le_bytes([byte; SHORT_WORD])
}

/// The high bit of every byte.
const HIGH_BITS: u128 = every_byte(0x80);

/// Sixteen bytes of text from some position on, zero-padded past the end,
/// read as one little-endian number, with the bytes that are ASCII letters
/// or digits marked: the word at the start, up to [`SHORT_WORD`] bytes, is
/// measured and packed into its [`Key`] without a loop. A zero byte counts
/// as a separator, like the end of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Window {
    bytes: u128,
    /// `0xff` for each letter or digit, `0` for any other byte.
    words: u128,
}

impl Window {
    /// The sixteen bytes of `bytes` from `at` on.
    #[allow(
        clippy::inline_always,
        reason = "measured: out of line (as whole-program optimisation left it), the byte loop is not vectorised and word scanning takes four times as long"
    )]
    #[inline(always)]
    pub(super) fn at(bytes: &[u8], at: usize) -> Window {
        let rest = bytes.get(at..).unwrap_or(&[]);
        let array = if let Some(chunk) = rest.first_chunk::<SHORT_WORD>() {
            *chunk
        } else {
            let mut copy = [0u8; SHORT_WORD];
            copy[..rest.len()].copy_from_slice(rest);
            copy
        };
        // Byte by byte without branches, which the compiler vectorises.
        let mut words = [0u8; SHORT_WORD];
        for (class, &byte) in words.iter_mut().zip(&array) {
            let digit = byte.wrapping_sub(b'0') < 10;
            // Bit 5 lower-cases an ASCII letter, and maps no other byte onto one.
            let letter = (byte | 0x20).wrapping_sub(b'a') < 26;
            *class = u8::from(digit | letter).wrapping_neg();
        }
        Window {
            bytes: u128::from_le_bytes(array),
            words: u128::from_le_bytes(words),
        }
    }

    /// How many bytes from the start are ASCII letters or digits (up to
    /// 16).
    #[inline]
    pub(super) fn word_len(self) -> usize {
        (!self.words).trailing_zeros() as usize / 8
    }

    /// How many bytes from the start are ASCII but neither letters nor
    /// digits (up to 16).
    #[inline]
    pub(super) fn separators_len(self) -> usize {
        (self.words | (self.bytes & HIGH_BITS)).trailing_zeros() as usize / 8
    }

    /// All bits of the bytes of the word at the start.
    #[inline]
    fn word_mask(self) -> u128 {
        WORD_MASKS[self.word_len()]
    }

    /// Whether the byte after the word at the start is ASCII (true when
    /// the word fills the sixteen bytes).
    #[inline]
    pub(super) fn ends_in_ascii(self) -> bool {
        // The lowest bit of the byte after the word, moved to its high bit.
        let after = self.word_mask().wrapping_add(1) << 7;
        self.bytes & after == 0
    }

    /// The key of the word at the start, lower-cased.
    #[inline]
    pub(super) fn key(self) -> Key {
        // Bit 5 lower-cases an ASCII letter and leaves a digit as it is.
        (self.bytes | every_byte(0x20)) & self.word_mask()
    }
}

/// For each length of word up to [`SHORT_WORD`], all bits of its bytes.
const WORD_MASKS: [u128; SHORT_WORD + 1] = {
    let mut masks = [u128::MAX; SHORT_WORD + 1];
    let mut len = 0;
    while len < SHORT_WORD {
        masks[len] = (1u128 << (len * 8)) - 1;
        len += 1;
    }
    masks
};

/// The bytes of a packed word, zero-padded.
fn unpack(key: Key) -> [u8; SHORT_WORD] {
    key.to_le_bytes()
}

/// Open-addressing table of packed words (linear probing).
#[derive(Default)]
struct ShortWords {
    /// Zero keys mark free slots; the length is a power of two (or 0).
    slots: Vec<(Key, Option<Token>)>,
    len: usize,
}

impl ShortWords {
    fn slot_of(&self, key: Key) -> usize {
        let (low, high) = (key as u64, (key >> 64) as u64);
        let hash = (low ^ high.rotate_left(23)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        // The high bits are the well-mixed ones.
        (hash >> 32) as usize & (self.slots.len() - 1)
    }

    /// The cached token of `key`, when the table holds it.
    fn get(&self, key: Key) -> Option<&Option<Token>> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut at = self.slot_of(key);
        loop {
            let (found, token) = &self.slots[at];
            if *found == key {
                return Some(token);
            }
            if *found == 0 {
                return None;
            }
            at = (at + 1) & mask;
        }
    }

    /// Adds a key that is not in the table.
    fn insert(&mut self, key: Key, token: Option<Token>) {
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut at = self.slot_of(key);
        while self.slots[at].0 != 0 {
            at = (at + 1) & mask;
        }
        self.slots[at] = (key, token);
        self.len += 1;
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(1024);
        let old = std::mem::replace(&mut self.slots, vec![(0, None); size]);
        self.len = 0;
        for (key, token) in old {
            if key != 0 {
                self.insert(key, token);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key_of(word: &[u8]) -> Key {
        Window::at(word, 0).key()
    }

    #[test]
    fn packed_words_are_lower_cased_and_padded() {
        let text = b"Export-Recipes and more text after it";
        let window = Window::at(text, 0);
        assert_eq!(window.key(), key_of(b"export"));
        assert_eq!(&unpack(window.key())[..7], b"export\0");
        let long = b"Authentications!";
        assert_eq!(&unpack(Window::at(long, 0).key())[..], b"authentications\0");
        let full = b"SixteenLettersXYand more";
        assert_eq!(&unpack(Window::at(full, 0).key()), b"sixteenlettersxy");
        assert_ne!(key_of(b"abc"), key_of(b"abcd"));
        assert_eq!(Window::at(text, text.len() - 5), Window::at(b"er it", 0));
    }

    #[test]
    fn windows_measure_words_and_separators_byte_by_byte() {
        // Every byte value at every place, before and after others.
        for byte in 0..=u8::MAX {
            for place in 0..SHORT_WORD {
                for fill in [b'a', b'Z', b'7', b' ', b'-', 0xc3] {
                    let mut bytes = [fill; SHORT_WORD + 2];
                    bytes[place] = byte;
                    let window = Window::at(&bytes, 0);
                    let word = bytes.iter().take(SHORT_WORD);
                    let expected_word = word.clone().take_while(|b| b.is_ascii_alphanumeric());
                    assert_eq!(
                        window.word_len(),
                        expected_word.count(),
                        "{byte} at {place}"
                    );
                    let separators = word
                        .clone()
                        .take_while(|b| b.is_ascii() && !b.is_ascii_alphanumeric());
                    assert_eq!(
                        window.separators_len(),
                        separators.count(),
                        "{byte} at {place}"
                    );
                    let after = bytes
                        .get(window.word_len())
                        .filter(|_| window.word_len() < SHORT_WORD);
                    assert_eq!(window.ends_in_ascii(), after.is_none_or(u8::is_ascii));
                    let mut expected_key = [0u8; SHORT_WORD];
                    for (to, from) in expected_key.iter_mut().zip(&bytes[..window.word_len()]) {
                        *to = from.to_ascii_lowercase();
                    }
                    assert_eq!(window.key(), u128::from_le_bytes(expected_key));
                }
            }
        }
        // Past the end of the text, bytes read as zero: separators.
        let window = Window::at(b"xy", 0);
        assert_eq!((window.word_len(), window.ends_in_ascii()), (2, true));
        assert_eq!(Window::at(b"   ", 1).separators_len(), SHORT_WORD);
        assert_eq!(Window::at(b"abc", 7), Window::at(b"", 0));
        assert_eq!(Window::at(b"", 0).key(), 0);
    }

    #[test]
    fn the_table_finds_what_it_holds() {
        let mut table = ShortWords::default();
        for n in 0..5000_u64 {
            let word = format!("w{n}");
            let key = key_of(word.as_bytes());
            assert_eq!(table.get(key), None);
            table.insert(key, Some(n));
        }
        for n in 0..5000_u64 {
            let word = format!("w{n}");
            assert_eq!(table.get(key_of(word.as_bytes())), Some(&Some(n)));
        }
    }

    #[test]
    fn short_and_long_paths_agree() {
        let mut cache = StemCache::new();
        for word in [
            "Exporting",
            "recipes",
            "the",
            "ab",
            "2024",
            "categories",
            "USERS",
        ] {
            let lower = word.to_ascii_lowercase();
            let short = cache.short_token(key_of(word.as_bytes()), word.len());
            assert_eq!(short, cache.token(&lower), "{word}");
            assert_eq!(
                short,
                cache.short_token(key_of(word.as_bytes()), word.len())
            );
        }
    }
}
