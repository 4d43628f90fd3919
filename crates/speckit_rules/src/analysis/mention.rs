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

use std::collections::HashMap;

use speckit_text::Span;

/// Share of an item's significant tokens one passage must contain.
pub const TOKEN_SHARE: f64 = 0.6;
/// Items with fewer significant tokens are matched by ID only, and a
/// passage never matches on fewer.
pub const MIN_TOKENS: usize = 2;
/// Long items count as this many tokens: a requirement sentence of twelve
/// words is matched by a task sharing three of its distinctive words.
pub const TOKEN_CAP: usize = 5;

static EMPTY: Vec<u32> = Vec::new();

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
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(offset) = memchr::memchr(b'-', &bytes[from..]) {
        let dash = from + offset;
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
        found(key);
        from = end;
        if let Some((last, after)) = range_end(bytes, end, key) {
            for number in key.number + 1..=last.number {
                found(IdKey {
                    number,
                    suffix: 0,
                    ..key
                });
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
        let mut word = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if !c.is_alphanumeric() {
                continue;
            }
            word.clear();
            word.extend(c.to_lowercase());
            while let Some(&next) = chars.peek() {
                if next.is_alphanumeric() {
                    word.extend(next.to_lowercase());
                    chars.next();
                } else {
                    break;
                }
            }
            if let Some(token) = stems.token(&word) {
                found(token);
            }
        }
    });
}

thread_local! {
    static STEMS: std::cell::RefCell<StemCache> = std::cell::RefCell::new(StemCache::new());
}

/// Words already stemmed, per thread: documents repeat their vocabulary,
/// so most words are stemmed once.
struct StemCache {
    stemmer: rust_stemmers::Stemmer,
    known: HashMap<Box<str>, Option<Token>>,
}

/// The cache is emptied when it grows past this many words.
const STEM_CACHE_LIMIT: usize = 200_000;

impl StemCache {
    fn new() -> StemCache {
        StemCache {
            stemmer: rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English),
            known: HashMap::new(),
        }
    }

    /// The token of a lower-cased word, or `None` when it carries no meaning.
    fn token(&mut self, word: &str) -> Option<Token> {
        if let Some(token) = self.known.get(word) {
            return *token;
        }
        let token = self.compute(word);
        if self.known.len() >= STEM_CACHE_LIMIT {
            self.known.clear();
        }
        self.known.insert(word.into(), token);
        token
    }

    fn compute(&self, word: &str) -> Option<Token> {
        if word.chars().count() < 3
            || word.bytes().all(|b| b.is_ascii_digit())
            || STOP_WORDS.binary_search(&word).is_ok()
        {
            return None;
        }
        let stem = self.stemmer.stem(word);
        if STOP_WORDS.binary_search(&stem.as_ref()).is_ok() {
            return None;
        }
        Some(fnv(stem.as_bytes()))
    }
}

fn fnv(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
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
#[derive(Debug, Default)]
pub struct PassageIndex {
    pub passages: Vec<Passage>,
    tokens: HashMap<Token, Vec<u32>>,
    ids: HashMap<IdKey, Vec<u32>>,
}

impl PassageIndex {
    /// Adds `text` (found at `span`) as one passage.
    pub fn add(&mut self, source: u32, text: &str, span: Span) {
        let id = u32::try_from(self.passages.len()).unwrap_or(u32::MAX);
        self.passages.push(Passage { source, span });
        scan_ids(text, |key| {
            push_unique(self.ids.entry(key).or_default(), id);
        });
        scan_tokens(text, |token| {
            push_unique(self.tokens.entry(token).or_default(), id);
        });
    }

    /// Adds every block of a Markdown document: paragraphs, list item
    /// lines, table rows and headings. Code blocks count as one passage.
    pub fn add_document(&mut self, source: u32, text: &str) {
        for span in passages(text) {
            self.add(source, &text[span.range()], span);
        }
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

    /// Passages holding enough of `tokens`: [`TOKEN_SHARE`] of the item's
    /// distinctive tokens, counting at most [`TOKEN_CAP`] of them, and never
    /// fewer than [`MIN_TOKENS`]. Tokens found in more than two thirds of
    /// the passages (when there are at least six) are not distinctive and
    /// neither count nor are counted — unless fewer than two tokens are
    /// distinctive, in which case the passage must hold every token.
    pub fn with_tokens(&self, tokens: &[Token]) -> Vec<u32> {
        let total = self.passages.len();
        let distinctive: Vec<&Vec<u32>> = tokens
            .iter()
            .filter_map(|token| {
                self.tokens.get(token).map_or(Some(None), |postings| {
                    (total < 6 || postings.len() * 3 <= total * 2).then_some(Some(postings))
                })
            })
            .map(|postings| postings.map_or(&EMPTY, |postings| postings))
            .collect();
        // Too few distinctive tokens: every token must then be present.
        let (counted, needed) = if distinctive.len() >= MIN_TOKENS {
            let needed = needed_tokens(distinctive.len());
            (distinctive, needed)
        } else if tokens.len() >= MIN_TOKENS {
            let all: Vec<&Vec<u32>> = tokens
                .iter()
                .map(|token| self.tokens.get(token).unwrap_or(&EMPTY))
                .collect();
            (all, tokens.len())
        } else {
            return Vec::new();
        };
        let mut counts: HashMap<u32, usize> = HashMap::new();
        for postings in counted {
            for &passage in postings {
                *counts.entry(passage).or_default() += 1;
            }
        }
        let mut found: Vec<u32> = counts
            .into_iter()
            .filter(|&(_, count)| count >= needed)
            .map(|(passage, _)| passage)
            .collect();
        found.sort_unstable();
        found
    }

    /// Passages mentioning an item with `id` (if any) and title `title`:
    /// by ID when some passage has it, else by tokens.
    pub fn mentions(&self, id: Option<IdKey>, title: &str) -> Mention {
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
            passages: self.with_tokens(&token_set(title)),
        }
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
    let mut at = 0;
    while at < bytes.len() {
        let rest = &bytes[at..];
        let word_start = at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
        let skip = if !word_start {
            0
        } else if rest.len() >= 5 && rest[..5].eq_ignore_ascii_case(b"story") {
            5
        } else if rest.len() >= 2 && rest[..2].eq_ignore_ascii_case(b"us") {
            2
        } else {
            0
        };
        if skip == 0 {
            at += 1;
            continue;
        }
        let mut i = at + skip;
        let gap = bytes[i..]
            .iter()
            .take_while(|&&b| b == b' ' || b == b'-' || b == b'#')
            .count();
        // `US` must be followed directly or by one separator; `Story` by spaces too.
        if skip == 2 && gap > 1 {
            at += skip;
            continue;
        }
        i += gap;
        if let Some((number, end)) = read_number(bytes, i)
            && !bytes.get(end).is_some_and(u8::is_ascii_alphanumeric)
        {
            found.push(number);
            at = end;
        } else {
            at += skip;
        }
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
    while offset < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[offset..]).map_or(bytes.len(), |i| offset + i + 1);
        let line = &text[offset..end];
        let trimmed = line.trim();
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
    fn story_references_are_found() {
        assert_eq!(
            story_references(
                "Add the form (Story 4, FR-3); see User Story 2 and [US3], US-5, us 6"
            ),
            [4, 2, 3, 5, 6]
        );
        assert!(story_references("history 2, USB 3, bus 4, Story time").is_empty());
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
