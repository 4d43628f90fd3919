//! "Does this document mention that item?" — the matching every coverage
//! check of `analyze` relies on.
//!
//! An item (a requirement, a story, a plan phase…) is *mentioned* by a
//! passage of a target document when either
//!
//! 1. the passage contains the item's ID as a whole word, compared without
//!    case and with leading zeros ignored (`FR-1` matches `fr-001`; ranges
//!    such as `FR-001–FR-004` and `FR-001 to 004` count for every ID inside),
//!    or
//! 2. the passage shares enough of the item's distinctive title tokens:
//!    60% of them ([`TOKEN_SHARE`]), counting a long item as five tokens
//!    ([`TOKEN_CAP`], so three shared words suffice), and at least two
//!    ([`MIN_TOKENS`]). A token found in more than two thirds of the
//!    target's passages is not distinctive; an item with fewer than two distinctive
//!    tokens needs all of its tokens in the passage, and an item with fewer
//!    than two tokens at all is matched by ID only.
//!
//! A passage is a paragraph, a list item's line, a table row, a heading or a
//! task. Tokens are words of three or more letters or digits, lower-cased,
//! reduced to their stem (Snowball English: *authentication* and
//! *authenticate* match), without the [`STOP_WORDS`] (these include the
//! boilerplate every requirement shares: *system*, *must*, *user*…).

use rustc_hash::FxHashMap as HashMap;
use std::cell::OnceCell;
use std::ops::Range;
use std::sync::OnceLock;

use speckit_text::Span;

use super::bytes::story_words;
use super::stems::{SHORT_WORD, StemCache, Window};

/// Share of an item's significant tokens one passage must contain.
pub const TOKEN_SHARE: f64 = 0.6;
/// Items with fewer significant tokens are matched by ID only, and a
/// passage never matches on fewer.
pub const MIN_TOKENS: usize = 2;
/// Long items count as this many tokens: a requirement sentence of twelve
/// words is matched by a task sharing three of its distinctive words.
pub const TOKEN_CAP: usize = 5;

/// Tokens a passage must share with an item that has `count` of them.
pub fn needed_tokens(count: usize) -> usize {
    // ceil(0.6 × min(count, 5)), at least 2.
    let counted = count.min(TOKEN_CAP);
    (counted * 6).div_ceil(10).max(MIN_TOKENS)
}

/// Words that carry no meaning for matching.
pub const STOP_WORDS: &[&str] = &[
    "able",
    "about",
    "above",
    "accept",
    "across",
    "after",
    "again",
    "against",
    "all",
    "allow",
    "also",
    "and",
    "any",
    "are",
    "automatically",
    "available",
    "based",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "can",
    "cannot",
    "could",
    "does",
    "done",
    "during",
    "each",
    "either",
    "enable",
    "ensure",
    "etc",
    "every",
    "feature",
    "for",
    "from",
    "given",
    "has",
    "have",
    "having",
    "her",
    "his",
    "how",
    "implement",
    "include",
    "into",
    "its",
    "may",
    "might",
    "more",
    "most",
    "must",
    "need",
    "new",
    "nor",
    "not",
    "once",
    "one",
    "only",
    "other",
    "our",
    "out",
    "over",
    "own",
    "per",
    "provide",
    "same",
    "shall",
    "should",
    "show",
    "some",
    "such",
    "support",
    "system",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "too",
    "two",
    "under",
    "until",
    "upon",
    "use",
    "user",
    "using",
    "via",
    "want",
    "was",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "you",
    "your",
];

/// A requirement-style ID: letters, a dash, a number, an optional letter
/// (`FR-001`, `NFR-2`, `SC-010a`), compared by value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IdKey {
    prefix: [u8; 4],
    number: u32,
    suffix: u8,
}

impl IdKey {
    /// Reads an ID written as the whole of `text` (surrounding spaces and
    /// `*`/backticks allowed).
    pub fn parse(text: &str) -> Option<IdKey> {
        let text = text.trim().trim_matches(|c| c == '*' || c == '`');
        let (key, end) = read_id(text.as_bytes(), 0)?;
        (end == text.len()).then_some(key)
    }

    /// The letters before the dash, upper-cased (`FR`, `NFR`).
    pub fn prefix(&self) -> &str {
        let len = self.prefix.iter().position(|&b| b == 0).unwrap_or(4);
        std::str::from_utf8(&self.prefix[..len]).unwrap_or("")
    }

    /// The same ID without its letter suffix (`SC-010a` → `SC-010`).
    #[must_use]
    pub fn without_suffix(self) -> IdKey {
        IdKey { suffix: 0, ..self }
    }
}

/// Reads `LETTERS-DIGITS[a-z]` at `at` (which must be the first letter).
fn read_id(bytes: &[u8], at: usize) -> Option<(IdKey, usize)> {
    let mut prefix = [0u8; 4];
    let mut i = at;
    while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
        if i - at >= 4 {
            return None;
        }
        prefix[i - at] = bytes[i].to_ascii_uppercase();
        i += 1;
    }
    if i == at || bytes.get(i) != Some(&b'-') {
        return None;
    }
    i += 1;
    let (number, end) = read_number(bytes, i)?;
    i = end;
    let mut suffix = 0;
    if let Some(&byte) = bytes.get(i)
        && byte.is_ascii_lowercase()
        && !bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)
    {
        suffix = byte;
        i += 1;
    }
    if bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    Some((
        IdKey {
            prefix,
            number,
            suffix,
        },
        i,
    ))
}

fn read_number(bytes: &[u8], at: usize) -> Option<(u32, usize)> {
    let mut i = at;
    let mut number: u32 = 0;
    while i < bytes.len() && bytes[i].is_ascii_digit() {
        number = number
            .checked_mul(10)?
            .checked_add(u32::from(bytes[i] - b'0'))?;
        i += 1;
    }
    (i > at).then_some((number, i))
}

/// Calls `found` for every ID in `text`, ranges expanded (at most 100 IDs
/// per range).
pub fn scan_ids(text: &str, mut found: impl FnMut(IdKey)) {
    scan(text, true, |key, _| found(key));
}

/// Calls `found` for every ID written out in `text`, with its byte range.
/// Ranges are not expanded: `FR-001–FR-004` yields its two ends, and the
/// bare end of `FR-004 to 006` nothing.
pub fn scan_written_ids(text: &str, found: impl FnMut(IdKey, Range<usize>)) {
    scan(text, false, found);
}

fn scan(text: &str, expand: bool, mut found: impl FnMut(IdKey, Range<usize>)) {
    let bytes = text.as_bytes();
    let mut from = 0;
    // One searcher for all the dashes: set up once, not once per dash.
    for dash in memchr::memchr_iter(b'-', bytes) {
        if dash < from {
            // Inside an ID or range already read.
            continue;
        }
        from = dash + 1;
        let mut start = dash;
        while start > 0 && dash - start < 4 && bytes[start - 1].is_ascii_alphabetic() {
            start -= 1;
        }
        if start == dash || (start > 0 && bytes[start - 1].is_ascii_alphanumeric()) {
            continue;
        }
        let Some((key, end)) = read_id(bytes, start) else {
            continue;
        };
        found(key, start..end);
        from = end;
        if !expand {
            continue;
        }
        if let Some((last, after)) = range_end(bytes, end, key) {
            for number in key.number + 1..=last.number {
                found(
                    IdKey {
                        number,
                        suffix: 0,
                        ..key
                    },
                    start..after,
                );
            }
            from = after;
        }
    }
}

/// `–FR-004`, `-004`, ` to FR-004`, `..004` after an ID: the range's end.
fn range_end(bytes: &[u8], at: usize, first: IdKey) -> Option<(IdKey, usize)> {
    let rest = &bytes[at..];
    let mut i = rest.iter().take_while(|b| **b == b' ').count();
    let joiners: [&[u8]; 6] = [
        "\u{2013}".as_bytes(),
        "\u{2014}".as_bytes(),
        b"..",
        b"-",
        b"to ",
        b"through ",
    ];
    let joiner = joiners
        .iter()
        .find(|joiner| rest[i..].starts_with(joiner))?;
    i += joiner.len();
    i += rest[i..].iter().take_while(|b| **b == b' ').count();
    let (last, end) = if rest.get(i).is_some_and(u8::is_ascii_alphabetic) {
        let (key, end) = read_id(rest, i)?;
        (key.prefix == first.prefix).then_some((key, end))?
    } else {
        let (number, end) = read_number(rest, i)?;
        if rest.get(end).is_some_and(u8::is_ascii_alphanumeric) {
            return None;
        }
        (IdKey { number, ..first }, end)
    };
    (last.number > first.number && last.number - first.number <= 100).then_some((last, at + end))
}

/// A significant token, as a hash of its stem.
pub type Token = u64;

/// Calls `found` with each significant token of `text`.
pub fn scan_tokens(text: &str, mut found: impl FnMut(Token)) {
    STEMS.with_borrow_mut(|stems| {
        let bytes = text.as_bytes();
        let mut lower = String::new();
        let mut at = 0;
        while at < bytes.len() {
            // Sixteen bytes at a time: a run of separators is skipped, and a
            // short plain ASCII word — the common case — is measured and
            // packed for the cache at once, lower-cased on the way.
            let window = Window::at(bytes, at);
            let len = window.word_len();
            if len == 0 {
                let separators = window.separators_len();
                if separators > 0 {
                    at += separators;
                    continue;
                }
                // A non-ASCII byte: read below.
            } else {
                let end = if len < SHORT_WORD {
                    at + len
                } else {
                    let rest = &bytes[at + len..];
                    at + len
                        + rest
                            .iter()
                            .position(|byte| !byte.is_ascii_alphanumeric())
                            .unwrap_or(rest.len())
                };
                let ascii_end = if len < SHORT_WORD {
                    window.ends_in_ascii()
                } else {
                    bytes.get(end).is_none_or(u8::is_ascii)
                };
                if ascii_end {
                    let len = end - at;
                    // Words of one or two letters never count.
                    let token = if len < 3 {
                        None
                    } else if len <= SHORT_WORD {
                        stems.short_token(window.key(), len)
                    } else if bytes[at..end].iter().any(u8::is_ascii_uppercase) {
                        lower.clear();
                        lower.push_str(&text[at..end]);
                        lower.make_ascii_lowercase();
                        stems.token(&lower)
                    } else {
                        stems.token(&text[at..end])
                    };
                    if let Some(token) = token {
                        found(token);
                    }
                    // The byte after the word, if any, is a separator.
                    at = end + 1;
                    continue;
                }
                // The word goes on with non-ASCII letters: read it whole.
            }
            let Some((len, token)) = unicode_word(stems, &mut lower, &text[at..]) else {
                break;
            };
            if let Some(token) = token {
                found(token);
            }
            at += len;
        }
    });
}

/// The word of any script (letters and digits) that starts `rest`, or the
/// one other character it starts with: its length in bytes and the word's
/// token, if any (`lower` is a buffer). `None` when `rest` is empty.
fn unicode_word(
    stems: &mut StemCache,
    lower: &mut String,
    rest: &str,
) -> Option<(usize, Option<Token>)> {
    let mut chars = rest.char_indices();
    let (_, first) = chars.next()?;
    if !first.is_alphanumeric() {
        return Some((first.len_utf8(), None));
    }
    let end = chars
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(rest.len(), |(index, _)| index);
    lower.clear();
    lower.extend(rest[..end].chars().flat_map(char::to_lowercase));
    Some((end, stems.token(lower)))
}

thread_local! {
    static STEMS: std::cell::RefCell<StemCache> = std::cell::RefCell::new(StemCache::new());
}

/// The distinct significant tokens of `text`.
pub fn token_set(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    scan_tokens(text, |token| tokens.push(token));
    tokens.sort_unstable();
    tokens.dedup();
    tokens
}

/// A passage of a target document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Passage {
    /// Caller's tag: which document (or which task) it came from.
    pub source: u32,
    pub span: Span,
}

/// Passages with their IDs and tokens, indexed for look-up.
///
/// Each passage keeps its distinct tokens (by number, in order of first
/// appearance in the index); the passages of each token are gathered from
/// them on the first look-up after a passage was added.
#[derive(Debug, Default)]
pub struct PassageIndex {
    pub passages: Vec<Passage>,
    /// Each distinct token once, with its number.
    vocabulary: Vocabulary,
    /// The token numbers of every passage, each once per passage, passage
    /// after passage.
    passage_tokens: Vec<u32>,
    /// Where each passage's tokens end in `passage_tokens`.
    passage_ends: Vec<u32>,
    /// Per token number, the last passage holding it (to keep each once).
    last_passage: Vec<u32>,
    ids: HashMap<IdKey, Vec<u32>>,
    /// The passages of each token.
    postings: OnceLock<Postings>,
}

/// The distinct tokens of an index, numbered in order of first appearance,
/// with an open-addressing table (linear probing) that finds a token's
/// number: the token, already a hash, picks the first slot to look at.
#[derive(Debug, Default)]
struct Vocabulary {
    /// Each distinct token once; a token's place here is its number.
    tokens: Vec<Token>,
    /// Token numbers plus one; 0 marks a free slot. The length is a power
    /// of two (or 0), at least twice the number of tokens.
    slots: Vec<u32>,
}

impl Vocabulary {
    fn slot_of(token: Token, mask: usize) -> usize {
        // The high bits of the product are the well-mixed ones.
        (token.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize & mask
    }

    /// The number of `token`, when it has one.
    #[inline]
    fn get(&self, token: Token) -> Option<u32> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut at = Self::slot_of(token, mask);
        loop {
            let number = self.slots[at].checked_sub(1)?;
            if self.tokens.get(number as usize) == Some(&token) {
                return Some(number);
            }
            at = (at + 1) & mask;
        }
    }

    /// The number of `token`; a new token gets the next number, and
    /// `added` is called.
    #[inline]
    fn number(&mut self, token: Token, added: impl FnOnce()) -> u32 {
        if (self.tokens.len() + 1) * 2 > self.slots.len() {
            self.grow(self.tokens.len() + 1);
        }
        let mask = self.slots.len() - 1;
        let mut at = Self::slot_of(token, mask);
        while let Some(number) = self.slots[at].checked_sub(1) {
            if self.tokens.get(number as usize) == Some(&token) {
                return number;
            }
            at = (at + 1) & mask;
        }
        let number = u32::try_from(self.tokens.len()).unwrap_or(u32::MAX);
        self.tokens.push(token);
        self.slots[at] = number.saturating_add(1);
        added();
        number
    }

    /// Makes room for `additional` more tokens.
    fn reserve(&mut self, additional: usize) {
        self.tokens.reserve(additional);
        if (self.tokens.len() + additional) * 2 > self.slots.len() {
            self.grow(self.tokens.len() + additional);
        }
    }

    /// Rebuilds the table with room for `tokens` tokens.
    #[cold]
    fn grow(&mut self, tokens: usize) {
        let size = (tokens * 2).next_power_of_two().max(64);
        let mask = size - 1;
        self.slots = vec![0; size];
        for (number, &token) in self.tokens.iter().enumerate() {
            let mut at = Self::slot_of(token, mask);
            while self.slots[at] != 0 {
                at = (at + 1) & mask;
            }
            self.slots[at] = u32::try_from(number + 1).unwrap_or(u32::MAX);
        }
    }
}

/// The passages of each token, in passage order, token after token.
#[derive(Debug, Default)]
struct Postings {
    /// Where each token's passages end in `passages`, by token number.
    ends: Vec<u32>,
    passages: Vec<u32>,
}

impl PassageIndex {
    /// Adds `text` (found at `span`) as one passage.
    pub fn add(&mut self, source: u32, text: &str, span: Span) {
        let id = u32::try_from(self.passages.len()).unwrap_or(u32::MAX);
        self.passages.push(Passage { source, span });
        self.postings.take();
        scan_ids(text, |key| {
            push_unique(self.ids.entry(key).or_default(), id);
        });
        let PassageIndex {
            vocabulary,
            passage_tokens,
            last_passage,
            ..
        } = self;
        scan_tokens(text, |token| {
            let number = vocabulary.number(token, || last_passage.push(u32::MAX));
            if let Some(last) = last_passage.get_mut(number as usize)
                && *last != id
            {
                *last = id;
                passage_tokens.push(number);
            }
        });
        self.passage_ends
            .push(u32::try_from(self.passage_tokens.len()).unwrap_or(u32::MAX));
    }

    /// Adds every block of a Markdown document: paragraphs, list item
    /// lines, table rows and headings. Code blocks count as one passage.
    pub fn add_document(&mut self, source: u32, text: &str) {
        self.reserve(text.len());
        for span in passages(text) {
            self.add(source, &text[span.range()], span);
        }
    }

    /// The spans of the passages tagged `source`, in order.
    pub fn spans_of(&self, source: u32) -> impl Iterator<Item = Span> + '_ {
        self.passages
            .iter()
            .filter(move |passage| passage.source == source)
            .map(|passage| passage.span)
    }

    /// Makes room for the tokens of `len` more bytes of text.
    pub fn reserve(&mut self, len: usize) {
        // Spec documents hold about one distinct token per 60 bytes.
        let tokens = len / 64;
        self.vocabulary.reserve(tokens);
        self.last_passage.reserve(tokens);
    }

    /// Passages containing `id`.
    pub fn with_id(&self, id: IdKey) -> &[u32] {
        self.ids.get(&id).map_or(&[], Vec::as_slice)
    }

    /// True when some passage contains an ID with this prefix and number
    /// (a looser test used for IDs written with a different suffix).
    pub fn has_id(&self, id: IdKey) -> bool {
        self.ids.contains_key(&id)
    }

    /// The distinct tokens of passage `passage`.
    pub fn tokens_of(&self, passage: usize) -> impl Iterator<Item = Token> + '_ {
        let start = passage
            .checked_sub(1)
            .and_then(|before| self.passage_ends.get(before))
            .map_or(0, |&end| end as usize);
        let end = self
            .passage_ends
            .get(passage)
            .map_or(start, |&end| end as usize);
        self.passage_tokens
            .get(start..end)
            .unwrap_or(&[])
            .iter()
            .filter_map(|&number| self.vocabulary.tokens.get(number as usize).copied())
    }

    fn postings(&self) -> &Postings {
        self.postings.get_or_init(|| {
            let mut next = vec![0_u32; self.vocabulary.tokens.len()];
            for &number in &self.passage_tokens {
                next[number as usize] += 1;
            }
            let mut total = 0;
            for slot in &mut next {
                let count = *slot;
                *slot = total;
                total += count;
            }
            let mut passages = vec![0_u32; total as usize];
            let mut start = 0;
            for (passage, &end) in self.passage_ends.iter().enumerate() {
                for &number in &self.passage_tokens[start..end as usize] {
                    let slot = &mut next[number as usize];
                    passages[*slot as usize] = u32::try_from(passage).unwrap_or(u32::MAX);
                    *slot += 1;
                }
                start = end as usize;
            }
            // Each token's cursor now stands at the end of its passages.
            Postings {
                ends: next,
                passages,
            }
        })
    }

    /// The passages holding `token`, in order.
    fn passages_with(&self, token: Token) -> &[u32] {
        let Some(number) = self.vocabulary.get(token) else {
            return &[];
        };
        let postings = self.postings();
        let number = number as usize;
        let start = number
            .checked_sub(1)
            .and_then(|before| postings.ends.get(before))
            .map_or(0, |&end| end as usize);
        let end = postings.ends.get(number).map_or(start, |&end| end as usize);
        postings.passages.get(start..end).unwrap_or(&[])
    }

    /// How many of the posting lists `lists` hold each passage.
    fn counts<'s>(&self, lists: impl IntoIterator<Item = &'s [u32]>) -> Vec<u32> {
        let mut counts = vec![0_u32; self.passages.len()];
        for list in lists {
            for &passage in list {
                if let Some(count) = counts.get_mut(passage as usize) {
                    *count += 1;
                }
            }
        }
        counts
    }

    /// The passages that at least `needed` (one or more) of the posting
    /// lists `lists` hold, in order. Each is noted when its count reaches
    /// `needed`: only the matches are sorted, not every passage scanned.
    fn held_by<'s>(&self, lists: impl IntoIterator<Item = &'s [u32]>, needed: usize) -> Vec<u32> {
        let needed = u32::try_from(needed).unwrap_or(u32::MAX).max(1);
        let mut counts = vec![0_u32; self.passages.len()];
        let mut found = Vec::new();
        for list in lists {
            for &passage in list {
                if let Some(count) = counts.get_mut(passage as usize) {
                    *count += 1;
                    if *count == needed {
                        found.push(passage);
                    }
                }
            }
        }
        found.sort_unstable();
        found
    }

    /// Passages holding enough of `tokens`: [`TOKEN_SHARE`] of the item's
    /// distinctive tokens, counting at most [`TOKEN_CAP`] of them, and never
    /// fewer than [`MIN_TOKENS`]. Tokens found in more than two thirds of
    /// the passages (when there are at least six) are not distinctive and
    /// neither count nor are counted — unless fewer than two tokens are
    /// distinctive, in which case the passage must hold every token.
    pub fn with_tokens(&self, tokens: &[Token]) -> Vec<u32> {
        let total = self.passages.len();
        let distinctive: Vec<&[u32]> = tokens
            .iter()
            .map(|&token| self.passages_with(token))
            .filter(|postings| total < 6 || postings.len() * 3 <= total * 2)
            .collect();
        // Too few distinctive tokens: every token must then be present.
        let (counted, needed) = if distinctive.len() >= MIN_TOKENS {
            let needed = needed_tokens(distinctive.len());
            (distinctive, needed)
        } else if tokens.len() >= MIN_TOKENS {
            let all: Vec<&[u32]> = tokens
                .iter()
                .map(|&token| self.passages_with(token))
                .collect();
            (all, tokens.len())
        } else {
            return Vec::new();
        };
        self.held_by(counted, needed)
    }

    /// The largest number of `tokens` that one passage holds. Unlike
    /// [`PassageIndex::with_tokens`] this counts single tokens too: it is
    /// meant for names, not sentences.
    pub fn most_in_one_passage(&self, tokens: &[Token]) -> usize {
        self.most_in_one_passage_of(tokens, None)
    }

    /// [`PassageIndex::most_in_one_passage`] among the passages of
    /// `source` (all passages with `None`).
    pub fn most_in_one_passage_of(&self, tokens: &[Token], source: Option<u32>) -> usize {
        let counts = self.counts(tokens.iter().map(|&token| self.passages_with(token)));
        counts
            .iter()
            .zip(&self.passages)
            .filter(|(_, passage)| source.is_none_or(|source| passage.source == source))
            .map(|(&count, _)| count as usize)
            .max()
            .unwrap_or(0)
    }

    /// Passages mentioning an item with `id` (if any) and title `title`:
    /// by ID when some passage has it, else by tokens.
    pub fn mentions(&self, id: Option<IdKey>, title: &str) -> Mention {
        self.mentions_title(id, &Title::new(title))
    }

    /// [`PassageIndex::mentions`] with a title that may be looked up in
    /// other indexes too.
    pub fn mentions_title(&self, id: Option<IdKey>, title: &Title<'_>) -> Mention {
        if let Some(id) = id {
            let by_id = self.with_id(id);
            if !by_id.is_empty() {
                return Mention {
                    by_id: true,
                    passages: by_id.to_vec(),
                };
            }
        }
        Mention {
            by_id: false,
            passages: self.with_tokens(title.tokens()),
        }
    }
}

/// An item's title, split into its tokens on first use: once, however
/// many indexes it is looked up in.
pub struct Title<'t> {
    text: &'t str,
    tokens: OnceCell<Vec<Token>>,
}

impl<'t> Title<'t> {
    pub fn new(text: &'t str) -> Self {
        Title {
            text,
            tokens: OnceCell::new(),
        }
    }

    /// The distinct significant tokens of the title.
    pub fn tokens(&self) -> &[Token] {
        self.tokens.get_or_init(|| token_set(self.text))
    }
}

fn push_unique(postings: &mut Vec<u32>, id: u32) {
    if postings.last() != Some(&id) {
        postings.push(id);
    }
}

/// Where an item is mentioned.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mention {
    /// Matched by ID (rather than by title tokens).
    pub by_id: bool,
    pub passages: Vec<u32>,
}

impl Mention {
    pub fn is_empty(&self) -> bool {
        self.passages.is_empty()
    }
}

/// Story numbers a text refers to: `User Story 2`, `Story 2`, `US2`,
/// `US-2` (case-insensitive).
pub fn story_references(text: &str) -> Vec<u32> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    story_words(bytes, |word| {
        let word_start = word.start == 0 || !bytes[word.start - 1].is_ascii_alphanumeric();
        // `Story` may be followed by any gap, `US` by one separator at most.
        let gap = word.digits - (word.start + word.len);
        if !word_start || word.len == 2 && gap > 1 {
            return;
        }
        if let Some((number, end)) = read_number(bytes, word.digits)
            && !bytes.get(end).is_some_and(u8::is_ascii_alphanumeric)
        {
            found.push(number);
        }
    });
    found
}

/// `text` with a space between the words of camel-case identifiers
/// (`ShoppingList` → `Shopping List`, `supplierId` → `supplier Id`), so
/// that their words become tokens of their own.
pub fn split_camel_case(text: &str) -> String {
    let mut apart = String::with_capacity(text.len() + text.len() / 8);
    let mut previous: Option<char> = None;
    for c in text.chars() {
        if starts_camel_word(previous, c) {
            apart.push(' ');
        }
        apart.push(c);
        previous = Some(c);
    }
    apart
}

/// True when [`split_camel_case`] would change `text`.
pub fn has_camel_case(text: &str) -> bool {
    if text.is_ascii() {
        // Byte pairs are tested a block at a time without branching, which
        // the compiler vectorises; blocks overlap by one byte so that no
        // pair is missed.
        const BLOCK: usize = 64;
        let bytes = text.as_bytes();
        let boundary = |(&previous, &c): (&u8, &u8)| {
            c.is_ascii_uppercase() && (previous.is_ascii_lowercase() || previous.is_ascii_digit())
        };
        return (0..bytes.len().saturating_sub(1))
            .step_by(BLOCK)
            .any(|start| {
                let block = &bytes[start..bytes.len().min(start + BLOCK + 1)];
                block
                    .iter()
                    .zip(&block[1..])
                    .fold(false, |any, pair| any | boundary(pair))
            });
    }
    let mut previous: Option<char> = None;
    text.chars().any(|c| {
        let split = starts_camel_word(previous, c);
        previous = Some(c);
        split
    })
}

/// Whether `c`, after `previous`, starts a camel-case word: a capital after
/// a small letter or a digit.
fn starts_camel_word(previous: Option<char>, c: char) -> bool {
    c.is_uppercase() && previous.is_some_and(|p| p.is_lowercase() || p.is_ascii_digit())
}

/// The ways a name may be written in another document: as written,
/// with its camel-case words apart (`ShoppingList` → `Shopping List`), and
/// as one word (`Shopping List` → `ShoppingList`), each as its tokens.
/// Variants without tokens are left out.
pub fn name_variants(name: &str) -> Vec<Vec<Token>> {
    let apart = split_camel_case(name);
    let joined: String = name.chars().filter(|c| c.is_alphanumeric()).collect();
    let mut variants: Vec<Vec<Token>> = Vec::new();
    for text in [name, apart.as_str(), joined.as_str()] {
        let tokens = token_set(text);
        if !tokens.is_empty() && !variants.contains(&tokens) {
            variants.push(tokens);
        }
    }
    variants
}

/// True when `text` points at a feature other than number `own`: `spec
/// 020`, `Feature #4`, `specs/003-auth/`, `004-export`. An ID cited next to
/// such a pointer belongs to that feature, not to this one.
pub fn names_other_feature(text: &str, own: Option<u64>) -> bool {
    const WORDS: [&[u8]; 4] = [b"spec", b"specs", b"feature", b"features"];
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let starts_run = bytes[at].is_ascii_digit()
            && (at == 0 || !(bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'-'));
        if !starts_run {
            at += 1;
            continue;
        }
        let Some((number, end)) = read_number(bytes, at) else {
            at += 1;
            continue;
        };
        // A folder name: three or more digits, a dash, a letter.
        let folder = end - at >= 3
            && bytes.get(end) == Some(&b'-')
            && bytes.get(end + 1).is_some_and(u8::is_ascii_alphabetic);
        let mut before = at;
        while before > 0 && matches!(bytes[before - 1], b' ' | b'#' | b'/') {
            before -= 1;
        }
        let word_start = bytes[..before]
            .iter()
            .rposition(|b| !b.is_ascii_alphabetic())
            .map_or(0, |i| i + 1);
        let word = &bytes[word_start..before];
        let named = before < at
            && WORDS
                .iter()
                .any(|candidate| word.eq_ignore_ascii_case(candidate));
        if (folder || named) && own != Some(u64::from(number)) {
            return true;
        }
        at = end;
    }
    false
}

/// Numbers a text gives after `word` (ASCII case-insensitive, plural
/// allowed): `endpoints 1 to 4 and 6` → 1, 2, 3, 4, 6 for `endpoint`.
/// Numbers join with `,`, `and`, `&`, `or`; ranges with `to`, `-`, `–`
/// (at most 100 numbers per range).
pub fn numbered_references(text: &str, word: &str) -> Vec<u32> {
    let bytes = text.as_bytes();
    let word = word.as_bytes();
    let mut found = Vec::new();
    let Some(&first) = word.first() else {
        return found;
    };
    let mut at = 0;
    // Jump from one occurrence of the word's first letter to the next.
    while let Some(offset) = bytes.get(at..).and_then(|rest| {
        memchr::memchr2(first.to_ascii_lowercase(), first.to_ascii_uppercase(), rest)
    }) {
        at += offset;
        if at + word.len() > bytes.len() {
            break;
        }
        let starts = (at == 0 || !bytes[at - 1].is_ascii_alphanumeric())
            && bytes[at..at + word.len()].eq_ignore_ascii_case(word);
        if !starts {
            at += 1;
            continue;
        }
        let mut i = at + word.len();
        if bytes.get(i).is_some_and(|b| b.eq_ignore_ascii_case(&b's')) {
            i += 1;
        }
        if bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
            at = i;
            continue;
        }
        let mut last: Option<u32> = None;
        let mut range = false;
        loop {
            i += bytes[i..]
                .iter()
                .take_while(|&&b| b == b' ' || b == b'#')
                .count();
            if let Some((number, end)) = read_number(bytes, i)
                && !bytes.get(end).is_some_and(u8::is_ascii_alphanumeric)
            {
                match last {
                    Some(first) if range && number > first && number - first <= 100 => {
                        found.extend(first + 1..=number);
                    }
                    _ => found.push(number),
                }
                last = Some(number);
                i = end;
            } else {
                break;
            }
            let rest = &bytes[i..];
            let spaces = rest.iter().take_while(|&&b| b == b' ').count();
            let rest = &rest[spaces..];
            let joiners: [(&[u8], bool); 8] = [
                ("\u{2013}".as_bytes(), true),
                (b"-", true),
                (b"to ", true),
                (b",", false),
                (b"and ", false),
                (b"& ", false),
                (b"or ", false),
                (b"/", false),
            ];
            let Some((joiner, is_range)) =
                joiners.iter().find(|(joiner, _)| rest.starts_with(joiner))
            else {
                break;
            };
            i += spaces + joiner.len();
            range = *is_range;
        }
        at = i.max(at + 1);
    }
    found
}

/// Splits Markdown text into passages: a heading line, a list item's line
/// (with its wrapped continuation), a table row, a paragraph, a fenced code
/// block. Blank lines and HTML comment lines end passages.
pub fn passages(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut current: Option<(usize, usize)> = None;
    let mut fence: Option<(u8, usize)> = None;
    let mut offset = 0;
    let bytes = text.as_bytes();
    // Each line ends at the next newline: one searcher finds them all.
    let mut newlines = memchr::memchr_iter(b'\n', bytes);
    while offset < bytes.len() {
        let end = newlines.next().map_or(bytes.len(), |i| i + 1);
        let line = &text[offset..end];
        let trimmed = speckit_text::trim_str(line);
        let body = trimmed.as_bytes();
        if let Some((marker, width)) = fence {
            // Inside a code block: extend it; a closing fence ends it.
            if let Some(passage) = current.as_mut() {
                passage.1 = end;
            }
            let run = body.iter().take_while(|&&b| b == marker).count();
            if run >= width && body[run..].iter().all(u8::is_ascii_whitespace) {
                fence = None;
                flush(&mut out, &mut current);
            }
            offset = end;
            continue;
        }
        let run = body.iter().take_while(|&&b| b == b'`' || b == b'~').count();
        if run >= 3 && body.iter().take(run).all(|&b| b == body[0]) {
            flush(&mut out, &mut current);
            fence = Some((body[0], run));
            current = Some((offset, end));
            offset = end;
            continue;
        }
        let starts_block = body.first().is_some_and(|&b| {
            matches!(b, b'#' | b'|' | b'-' | b'*' | b'+' | b'>')
                || (b.is_ascii_digit()
                    && body
                        .iter()
                        .find(|b| !b.is_ascii_digit())
                        .is_some_and(|&b| b == b'.' || b == b')'))
        });
        if trimmed.is_empty() || trimmed.starts_with("<!--") {
            flush(&mut out, &mut current);
        } else if starts_block || body[0] == b'#' {
            flush(&mut out, &mut current);
            current = Some((offset, end));
            if matches!(body[0], b'#' | b'|') {
                flush(&mut out, &mut current);
            }
        } else if let Some(passage) = current.as_mut() {
            passage.1 = end;
        } else {
            current = Some((offset, end));
        }
        offset = end;
    }
    flush(&mut out, &mut current);
    out
}

fn flush(out: &mut Vec<Span>, current: &mut Option<(usize, usize)>) {
    if let Some((start, end)) = current.take() {
        out.push(Span::from_range(start..end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The token scanner as it was before it read sixteen bytes at a time,
    /// stemming every word through the cache's general path: the reference
    /// the faster one must agree with.
    fn reference_scan_tokens(text: &str, mut found: impl FnMut(Token)) {
        STEMS.with_borrow_mut(|stems| {
            let bytes = text.as_bytes();
            let mut lower = String::new();
            let mut at = 0;
            while at < bytes.len() {
                let byte = bytes[at];
                if byte.is_ascii_alphanumeric() {
                    // Plain ASCII words, the common case, are looked up as they
                    // are, lower-cased only when they hold a capital.
                    let start = at;
                    at += bytes[at..]
                        .iter()
                        .position(|byte| !byte.is_ascii_alphanumeric())
                        .unwrap_or(bytes.len() - at);
                    if at == bytes.len() || bytes[at].is_ascii() {
                        let len = at - start;
                        // Words of one or two letters never count.
                        let token = if len < 3 {
                            None
                        } else if len <= SHORT_WORD {
                            stems.token(&text[start..at].to_ascii_lowercase())
                        } else if bytes[start..at].iter().any(u8::is_ascii_uppercase) {
                            lower.clear();
                            lower.push_str(&text[start..at]);
                            lower.make_ascii_lowercase();
                            stems.token(&lower)
                        } else {
                            stems.token(&text[start..at])
                        };
                        if let Some(token) = token {
                            found(token);
                        }
                        continue;
                    }
                    // The word goes on with non-ASCII letters: read it whole.
                    at = start;
                } else if byte.is_ascii() {
                    at += 1;
                    continue;
                }
                let Some((len, token)) = unicode_word(stems, &mut lower, &text[at..]) else {
                    break;
                };
                if let Some(token) = token {
                    found(token);
                }
                at += len;
            }
        });
    }

    /// Texts with words of every length, at every distance from the end,
    /// next to separators, capitals, digits and non-ASCII letters.
    fn sample_texts() -> Vec<String> {
        let mut texts: Vec<String> = [
            "",
            "a",
            "abc",
            "The system MUST let users export recipes to PDF (FR-001).",
            "- [ ] T012 [P] [US1] Implement ExportService in src/services/export_service.ts",
            "| supplierId | Recipe | 2024-01-02 |\n|---|---|---|\n",
            "internationalization internationalisations INTERNATIONALIZATION",
            "exactlysixteenxx exactlysixteenXX seventeenletterss",
            "Crème brûlée menus, naïve café; straße ΑΒΓ δέλτα 東京 données",
            "end with ascii wordé and éword and wordéword x\u{a0}y",
            "**bold** `code` __under__ ~~strike~~ [link](http://x.y/z?q=1#f)",
            "tabs\tand\r\nnewlines\x00nul\x7fdel",
        ]
        .iter()
        .map(ToString::to_string)
        .collect();
        for len in 0..40 {
            let word: String = "AbcdefghijklmnopqrstuvwxyZ0123456789Quux"
                .chars()
                .take(len)
                .collect();
            texts.push(word.clone());
            texts.push(format!("{word} tail"));
            texts.push(format!(" {word}é"));
            texts.push(format!("x{word}-{word}, {word}"));
        }
        texts
    }

    #[test]
    fn tokens_match_the_reference_scanner() {
        for text in sample_texts() {
            let mut expected = Vec::new();
            reference_scan_tokens(&text, |token| expected.push(token));
            for start in 0..text.len() {
                if !text.is_char_boundary(start) {
                    continue;
                }
                let mut expected = Vec::new();
                reference_scan_tokens(&text[start..], |token| expected.push(token));
                assert_eq!(tokens_of(&text[start..]), expected, "{:?}", &text[start..]);
            }
            assert_eq!(tokens_of(&text), expected, "{text:?}");
        }
    }

    #[test]
    fn the_vocabulary_numbers_tokens_like_a_map() {
        let mut vocabulary = Vocabulary::default();
        let mut map: HashMap<Token, u32> = HashMap::default();
        assert_eq!(vocabulary.get(7), None);
        // Hashes of words, and numbers that crowd into few slots.
        let tokens = (0..3000_u64)
            .map(|n| token_set(&format!("word{n}"))[0])
            .chain((0..3000_u64).map(|n| n << 40))
            .chain((0..3000_u64).map(|n| n % 700));
        for token in tokens {
            let next = u32::try_from(map.len()).unwrap();
            let number = *map.entry(token).or_insert(next);
            let mut added = false;
            assert_eq!(vocabulary.number(token, || added = true), number);
            assert_eq!(added, number == next);
        }
        vocabulary.reserve(10_000);
        for (&token, &number) in &map {
            assert_eq!(vocabulary.get(token), Some(number));
            assert_eq!(vocabulary.tokens[number as usize], token);
        }
        assert_eq!(vocabulary.tokens.len(), map.len());
        assert_eq!(vocabulary.get(u64::MAX), None);
    }

    fn tokens_of(text: &str) -> Vec<Token> {
        let mut found = Vec::new();
        scan_tokens(text, |token| found.push(token));
        found
    }

    #[test]
    fn capitals_and_non_ascii_words_tokenise_like_lower_case() {
        assert_eq!(tokens_of("Export Recipes"), tokens_of("export recipes"));
        assert_eq!(tokens_of("EXPORTING recipes"), tokens_of("exported recipe"));
        // A word that goes on past ASCII is one word, lower-cased whole.
        assert_eq!(
            tokens_of("Crème brûlée menus"),
            tokens_of("crème brûlée menus")
        );
        assert_eq!(tokens_of("crème").len(), 1);
        assert!(tokens_of("the and 42 of").is_empty());
    }

    fn ids(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        scan_ids(text, |key| {
            let prefix = String::from_utf8_lossy(&key.prefix)
                .trim_end_matches('\0')
                .to_string();
            let suffix = if key.suffix == 0 {
                String::new()
            } else {
                char::from(key.suffix).to_string()
            };
            out.push(format!("{prefix}-{}{suffix}", key.number));
        });
        out
    }

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        let mut sorted = STOP_WORDS.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, STOP_WORDS);
    }

    #[test]
    fn ids_are_found_as_whole_words_by_value() {
        assert_eq!(ids("covers FR-001 and nfr-2."), ["FR-1", "NFR-2"]);
        assert_eq!(ids("see SC-010a, not ABCDE-1 or FR-1xy"), ["SC-10a"]);
        assert_eq!(ids("a-b well-known 2024-01-02"), Vec::<String>::new());
        assert_eq!(IdKey::parse("**FR-001**"), IdKey::parse("FR-1"));
        assert_ne!(IdKey::parse("FR-001"), IdKey::parse("NFR-001"));
        assert_eq!(IdKey::parse("FR-001 extra"), None);
    }

    #[test]
    fn ranges_expand() {
        assert_eq!(
            ids("FR-001–FR-003"),
            ["FR-1", "FR-2", "FR-3"],
            "en dash with a repeated prefix"
        );
        assert_eq!(ids("FR-004 to 006"), ["FR-4", "FR-5", "FR-6"]);
        assert_eq!(ids("FR-007..FR-008"), ["FR-7", "FR-8"]);
        assert_eq!(ids("FR-009 - SC-010"), ["FR-9", "SC-10"], "not a range");
        assert_eq!(
            ids("FR-005-FR-002"),
            ["FR-5", "FR-2"],
            "backwards is no range"
        );
    }

    #[test]
    fn tokens_drop_stop_words_short_words_and_plurals() {
        let a = token_set("The system MUST let users export recipes to PDF");
        let b = token_set("recipe export (pdf)");
        assert_eq!(a.len(), 4, "let, export, recipe, pdf");
        assert!(b.iter().all(|token| a.contains(token)));
        assert_eq!(token_set("categories"), token_set("category's"));
        assert_eq!(token_set("boxes classes"), token_set("box class"));
        assert_eq!(token_set("authentication"), token_set("authenticate"));
        assert!(token_set("a to of 2024").is_empty());
    }

    #[test]
    fn passages_split_on_blocks() {
        let text = "# Title\n\nA paragraph\nwrapped.\n- item one\n  continued\n- item two\n\n| a | b |\n|---|---|\n```ts\ncode\n\nmore\n```\nafter\n";
        let got: Vec<&str> = passages(text)
            .iter()
            .map(|span| &text[span.range()])
            .collect();
        assert_eq!(
            got,
            [
                "# Title\n",
                "A paragraph\nwrapped.\n",
                "- item one\n  continued\n",
                "- item two\n",
                "| a | b |\n",
                "|---|---|\n",
                "```ts\ncode\n\nmore\n```\n",
                "after\n"
            ]
        );
    }

    #[test]
    fn mentions_prefer_ids_then_tokens() {
        let mut index = PassageIndex::default();
        index.add_document(
            0,
            "## Export\n\nRecipes export to PDF (FR-002).\n\nUnrelated text about billing.\n",
        );
        let by_id = index.mentions(IdKey::parse("FR-2"), "anything");
        assert!(by_id.by_id && by_id.passages == [1]);
        let by_tokens = index.mentions(IdKey::parse("FR-9"), "Users export recipes as PDF files");
        assert!(!by_tokens.by_id);
        assert_eq!(by_tokens.passages, [1]);
        assert!(
            index.mentions(None, "Invoices").is_empty(),
            "one token: ID only"
        );
        assert!(
            index.mentions(None, "billing invoices refunds").is_empty(),
            "1 of 3 tokens"
        );
    }

    #[test]
    fn written_ids_keep_their_place_and_ranges_stay_whole() {
        let text = "see FR-001–FR-004, fr-7 to 9 and NFR-2";
        let mut got = Vec::new();
        scan_written_ids(text, |key, range| {
            got.push(format!("{}-{} {}", key.prefix(), key.number, &text[range]));
        });
        assert_eq!(
            got,
            ["FR-1 FR-001", "FR-4 FR-004", "FR-7 fr-7", "NFR-2 NFR-2"]
        );
        assert_eq!(
            IdKey::parse("SC-010a").map(IdKey::without_suffix),
            IdKey::parse("SC-10")
        );
    }

    #[test]
    fn names_match_in_any_spelling() {
        let text =
            "## ShoppingList\n\n- items: the meal plan's ingredients\n\n| supplierId | Recipe |\n";
        let mut index = PassageIndex::default();
        index.add_document(0, text);
        index.add_document(1, &split_camel_case(text));
        let found = |name| {
            name_variants(name)
                .iter()
                .map(|tokens| index.most_in_one_passage(tokens))
                .max()
                .unwrap_or(0)
        };
        assert_eq!(found("Shopping List"), 2);
        assert_eq!(found("ShoppingList"), 2);
        assert_eq!(found("Recipes"), 1);
        assert_eq!(found("MealPlan"), 2);
        assert_eq!(found("Supplier"), 1);
        assert_eq!(found("Pantry Item"), 1);
        assert_eq!(found("Shopping Trip"), 1);
        assert_eq!(found("Pantry"), 0);
        assert!(name_variants("User").is_empty(), "stop word only");
    }

    #[test]
    fn camel_case_is_found_wherever_it_stands() {
        let pad = |n: usize| "x".repeat(n);
        let texts = [
            "ShoppingList".to_string(),
            "supplierId".to_string(),
            "v2Api".to_string(),
            "plain words, ALL CAPS".to_string(),
            String::new(),
            "a".to_string(),
            format!("{}aB", pad(62)),
            format!("{}aB", pad(63)),
            format!("{}a B", pad(63)),
            format!("{}cD", pad(127)),
            "crème Brûlée".to_string(),
            "crèmeBrûlée".to_string(),
        ];
        for text in &texts {
            assert_eq!(
                has_camel_case(text),
                split_camel_case(text) != *text,
                "{text}"
            );
        }
    }

    #[test]
    fn numbered_references_follow_their_word() {
        let endpoints = |text| numbered_references(text, "endpoint");
        assert_eq!(endpoints("endpoints 1 to 4 and 6"), [1, 2, 3, 4, 6]);
        assert_eq!(endpoints("Endpoints 1\u{2013}3, 5 (stream)"), [1, 2, 3, 5]);
        assert_eq!(endpoints("serve endpoint 5, one stream"), [5]);
        assert_eq!(endpoints("Endpoint #2 or 3"), [2, 3]);
        assert!(endpoints("the endpoints, 3 of them; endpointless 4").is_empty());
        assert!(endpoints("all four endpoints").is_empty());
    }

    #[test]
    fn other_features_are_recognised() {
        let other = |text| names_other_feature(text, Some(5));
        assert!(other("ListView per spec 020 FR-053"));
        assert!(other("as Feature #4 does (FR-2)"));
        assert!(other("see specs/003-auth/spec.md FR-001"));
        assert!(other("reuse 012-billing FR-9"));
        assert!(!other("see specs/005-export/spec.md FR-001"), "its own");
        assert!(!other(
            "FR-001 in src/api/v2/users.ts, 2024-01-02, 404 page"
        ));
        assert!(!other("specification 3 of FR-4"));
    }

    #[test]
    fn story_references_are_found() {
        assert_eq!(
            story_references(
                "Add the form (Story 4, FR-3); see User Story 2 and [US3], US-5, us 6"
            ),
            [4, 2, 3, 5, 6]
        );
        assert!(story_references("history 2, USB 3, bus 4, Story time").is_empty());
    }

    /// The reader `story_references` replaced: every `s` looked at.
    fn reference_story_references(text: &str) -> Vec<u32> {
        let bytes = text.as_bytes();
        let word_start = |at: usize| at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
        let mut found = Vec::new();
        for s in memchr::memchr2_iter(b's', b'S', bytes) {
            let (start, word) = if word_start(s)
                && bytes
                    .get(s..s + 5)
                    .is_some_and(|word| word.eq_ignore_ascii_case(b"story"))
            {
                (s, 5)
            } else if s > 0 && bytes[s - 1] | 0x20 == b'u' && word_start(s - 1) {
                (s - 1, 2)
            } else {
                continue;
            };
            let mut i = start + word;
            let gap = bytes[i..]
                .iter()
                .take_while(|&&b| b == b' ' || b == b'-' || b == b'#')
                .count();
            if word == 2 && gap > 1 {
                continue;
            }
            i += gap;
            if let Some((number, end)) = read_number(bytes, i)
                && !bytes.get(end).is_some_and(u8::is_ascii_alphanumeric)
            {
                found.push(number);
            }
        }
        found
    }

    #[test]
    fn story_references_match_the_reference_reader() {
        let texts = [
            "Add the form (Story 4, FR-3); see User Story 2 and [US3], US-5, us 6",
            "history 2, USB 3, bus 4, Story time, ustory 5, Story2, story--#7, US--8",
            "US1US2 US 12a US#9 story 99999999999 Stories 4 focus 8 US-  3",
            "- [ ] T012 [P] [US1] Implement in src/us/story.ts per Story 3 (US-4)",
            "é US7 ßtory 2 Üs 3 story\u{a0}4 sUS 5 _US 6 .US 7",
            "",
            "US",
            "7",
        ];
        for text in texts {
            for start in 0..text.len() {
                let Some(slice) = text.get(start..) else {
                    continue;
                };
                assert_eq!(
                    story_references(slice),
                    reference_story_references(slice),
                    "{slice:?}"
                );
            }
        }
    }

    #[test]
    fn long_items_need_three_shared_words() {
        assert_eq!(needed_tokens(2), 2);
        assert_eq!(needed_tokens(3), 2);
        assert_eq!(needed_tokens(4), 3);
        assert_eq!(needed_tokens(12), 3);
        let mut index = PassageIndex::default();
        index.add_document(
            0,
            "- Use the resolver for each spec row label in the sidebar tree\n- Write the changelog\n- Bump the version\n- Tag the release\n",
        );
        let found = index.mentions(
            None,
            "Display a readable spec name for each spec row in the sidebar tree instead of the raw directory slug",
        );
        assert_eq!(found.passages, [0]);
    }

    #[test]
    fn words_in_most_passages_are_not_distinctive() {
        let mut index = PassageIndex::default();
        index.add_document(
            0,
            "- spec viewer header\n- spec sidebar rows\n- spec tree icons\n- spec footer\n- spec menu\n- spec badge\n",
        );
        assert_eq!(
            index.mentions(None, "spec footer").passages,
            [3],
            "one distinctive token: every token must be present"
        );
        assert!(
            index
                .mentions(None, "spec header icons")
                .passages
                .is_empty()
        );
    }
}
