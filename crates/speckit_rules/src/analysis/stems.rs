//! The per-thread cache of stemmed words behind
//! [`scan_tokens`](super::mention::scan_tokens): documents repeat their
//! vocabulary, so most words are stemmed once.
//!
//! Short ASCII words — nearly every word of a spec — are looked up by their
//! lower-cased bytes packed into two machine words, in an open-addressing
//! table: no allocation, no string comparison. Longer and non-ASCII words go
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

    /// The token of the ASCII word `word`: letters and digits only, at
    /// most [`SHORT_WORD`] bytes, in any case. `padded` holds the word's
    /// bytes followed by anything (at least `SHORT_WORD` bytes when it is
    /// not the word itself): it lets the caller avoid a copy.
    #[inline]
    pub(super) fn short_token(&mut self, word: &[u8], padded: &[u8]) -> Option<Token> {
        let key = pack(word, padded);
        match self.short.get(key) {
            Some(token) => *token,
            None => self.stem_short(key, word.len()),
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

/// A short ASCII word, lower-cased, as two little-endian words padded with
/// zero bytes. Letters and digits are never zero, so the key is never
/// `[0, 0]` and tells the word's length.
type Key = [u64; 2];

/// Packs `word` (letters and digits, at most [`SHORT_WORD`] bytes),
/// lower-cased. Reads the machine words straight from `padded` when it is
/// long enough.
fn pack(word: &[u8], padded: &[u8]) -> Key {
    let mut copy = [0u8; SHORT_WORD];
    let source = if let Some(window) = padded.get(..SHORT_WORD) {
        window
    } else {
        copy[..word.len()].copy_from_slice(word);
        &copy[..]
    };
    let mut low = [0u8; 8];
    let mut high = [0u8; 8];
    low.copy_from_slice(&source[..8]);
    high.copy_from_slice(&source[8..SHORT_WORD]);
    let (low, high) = (u64::from_le_bytes(low), u64::from_le_bytes(high));
    // Bit 5 lower-cases an ASCII letter and leaves a digit as it is.
    let case = 0x2020_2020_2020_2020_u64;
    let len = word.len();
    let mask = |bytes: usize| {
        if bytes >= 8 {
            u64::MAX
        } else {
            (1u64 << (bytes * 8)) - 1
        }
    };
    [
        (low | case) & mask(len),
        (high | case) & mask(len.saturating_sub(8)),
    ]
}

/// The bytes of a packed word, zero-padded.
fn unpack(key: Key) -> [u8; SHORT_WORD] {
    let mut bytes = [0u8; SHORT_WORD];
    bytes[..8].copy_from_slice(&key[0].to_le_bytes());
    bytes[8..].copy_from_slice(&key[1].to_le_bytes());
    bytes
}

/// Open-addressing table of packed words (linear probing).
#[derive(Default)]
struct ShortWords {
    /// `[0, 0]` keys mark free slots; the length is a power of two (or 0).
    slots: Vec<(Key, Option<Token>)>,
    len: usize,
}

impl ShortWords {
    fn slot_of(&self, key: Key) -> usize {
        let hash = (key[0] ^ key[1].rotate_left(23)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
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
            if *found == [0, 0] {
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
        while self.slots[at].0 != [0, 0] {
            at = (at + 1) & mask;
        }
        self.slots[at] = (key, token);
        self.len += 1;
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(1024);
        let old = std::mem::replace(&mut self.slots, vec![([0, 0], None); size]);
        self.len = 0;
        for (key, token) in old {
            if key != [0, 0] {
                self.insert(key, token);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_words_are_lower_cased_and_padded() {
        let text = b"ExportRecipes and more text after it";
        let word = &text[..6];
        assert_eq!(pack(word, text), pack(b"export", b"export"));
        assert_eq!(&unpack(pack(word, text))[..7], b"export\0");
        let long = b"Authentications!";
        assert_eq!(&unpack(pack(&long[..15], long))[..], b"authentications\0");
        assert_ne!(pack(b"abc", b"abc"), pack(b"abcd", b"abcd"));
    }

    #[test]
    fn the_table_finds_what_it_holds() {
        let mut table = ShortWords::default();
        for n in 0..5000_u64 {
            let word = format!("w{n}");
            let key = pack(word.as_bytes(), word.as_bytes());
            assert_eq!(table.get(key), None);
            table.insert(key, Some(n));
        }
        for n in 0..5000_u64 {
            let word = format!("w{n}");
            assert_eq!(
                table.get(pack(word.as_bytes(), word.as_bytes())),
                Some(&Some(n))
            );
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
            let short = cache.short_token(word.as_bytes(), word.as_bytes());
            assert_eq!(short, cache.token(&lower), "{word}");
            assert_eq!(short, cache.short_token(word.as_bytes(), word.as_bytes()));
        }
    }
}
