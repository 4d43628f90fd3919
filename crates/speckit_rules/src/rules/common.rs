//! Helpers shared by rule families: template placeholders, vague words,
//! allowed-value checks and dates. Kept here so that every family detects
//! these the same way.

use speckit_model::{Text, parse_iso_date};
use speckit_text::{ByteSet, Edit, Span, Spanned, byte_set};

use crate::rule::RuleContext;

/// A template placeholder found in text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Placeholder<'a> {
    pub(crate) text: Text<'a>,
    pub(crate) kind: PlaceholderKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PlaceholderKind {
    /// `{Feature Name}`, `{Your Name}` (plugin templates).
    Curly,
    /// `[FEATURE NAME]`, `[DATE]`, `[PROJECT_NAME]` (spec-kit templates).
    Bracket,
    /// `YYYY-MM-DD`.
    Date,
    /// `$ARGUMENTS`, `TXXX`, `[###-feature-name]`.
    Token,
}

/// Placeholders left in `text` (outside inline code), in order.
///
/// Curly slots need an upper-case letter or a space inside (`{id}` path
/// parameters and `{}` are not placeholders); bracket slots are ALL-CAPS
/// words (`[P]`, `[US1]`, `[X]`, `[NEEDS CLARIFICATION…]` are not).
pub(crate) fn placeholders(text: Text<'_>) -> Vec<Placeholder<'_>> {
    let value = text.value;
    let bytes = value.as_bytes();
    let mut found = Vec::new();
    // Walk from one backtick, brace or bracket to the next, stopping at the
    // rare word tokens too (looked up ahead, one at a time).
    let mut token = find_token(bytes, 0);
    let mut in_code = false;
    let mut index = 0;
    loop {
        if token.is_some_and(|(at, ..)| at < index) {
            token = find_token(bytes, index);
        }
        let special = memchr::memchr3(b'`', b'{', b'[', bytes.get(index..).unwrap_or(&[]))
            .map(|offset| index + offset);
        if let Some((at, len, kind)) = token
            && special.is_none_or(|special| at < special)
        {
            if in_code {
                index = at + 1;
            } else {
                found.push(slot(text, at, len, kind));
                index = at + len;
            }
            continue;
        }
        let Some(at) = special else { break };
        let rest = value.get(at..).unwrap_or("");
        let slot_len = match bytes[at] {
            b'`' => {
                in_code = !in_code;
                None
            }
            b'{' if !in_code => curly_slot(rest).map(|len| (len, PlaceholderKind::Curly)),
            b'[' if !in_code => bracket_slot(rest).map(|len| (len, PlaceholderKind::Bracket)),
            _ => None,
        };
        if let Some((len, kind)) = slot_len {
            found.push(slot(text, at, len, kind));
            index = at + len;
        } else {
            index = at + 1;
        }
    }
    found
}

/// The first `YYYY-MM-DD`, `$ARGUMENTS` or `TXXX` (at a word start)
/// starting at or after `from`: its start, length and kind.
fn find_token(bytes: &[u8], from: usize) -> Option<(usize, usize, PlaceholderKind)> {
    let mut search = from;
    // Each token holds a byte that prose rarely does: `Y`, `$`, `X`.
    while let Some(offset) = memchr::memchr3(b'Y', b'$', b'X', bytes.get(search..)?) {
        let hit = search + offset;
        search = hit + 1;
        let (start, token, kind) = match bytes[hit] {
            b'Y' => (hit, &b"YYYY-MM-DD"[..], PlaceholderKind::Date),
            b'$' => (hit, &b"$ARGUMENTS"[..], PlaceholderKind::Token),
            _ => match hit.checked_sub(1) {
                Some(start) => (start, &b"TXXX"[..], PlaceholderKind::Token),
                None => continue,
            },
        };
        let word_start =
            token != b"TXXX" || start == 0 || !bytes[start - 1].is_ascii_alphanumeric();
        if start >= from && word_start && bytes.get(start..start + token.len()) == Some(token) {
            return Some((start, token.len(), kind));
        }
    }
    None
}

fn slot(text: Text<'_>, start: usize, len: usize, kind: PlaceholderKind) -> Placeholder<'_> {
    let value = text.value.get(start..start + len).unwrap_or("");
    Placeholder {
        text: Spanned::new(value, text.span.subspan(start..start + len)),
        kind,
    }
}

/// Whether `text` can hold a slot of [`placeholders`] or [`sentence_slots`]:
/// every slot starts with or contains `[`, `{`, `$`, or the `Y` and `X` of
/// `YYYY-MM-DD` and `TXXX`. Most texts hold none, and two vectorised
/// searches are much cheaper than those scans.
pub(crate) fn may_hold_slot(text: &str) -> bool {
    let bytes = text.as_bytes();
    // A short text is read once, byte by byte: cheaper than starting two
    // searches.
    if bytes.len() <= 64 {
        return bytes.iter().any(|&byte| SLOT_BYTES[usize::from(byte)]);
    }
    memchr::memchr3(b'[', b'{', b'$', bytes).is_some()
        || memchr::memchr2(b'Y', b'X', bytes).is_some()
}

/// The bytes [`may_hold_slot`] looks for.
const SLOT_BYTES: ByteSet = byte_set(b"[{$YX");

/// `{Feature Name}` → its length; `{id}`, `{}` and nested braces are not
/// slots, nor are sets and message formats in prose (`{A, B}`, `{# items}`,
/// `{no items}`): the templates' slots open with a capital and hold no comma.
fn curly_slot(rest: &str) -> Option<usize> {
    let close = rest.find('}')?;
    let inner = rest.get(1..close)?;
    if inner.len() < 2 || inner.len() > 80 || inner.contains(['{', '\n', '"', ':', '=', ',']) {
        return None;
    }
    let looks_like_slot = inner.starts_with(|c: char| c.is_ascii_uppercase())
        && inner
            .chars()
            .any(|c| c.is_uppercase() || c == ' ' || c == '/');
    looks_like_slot.then_some(close + 1)
}

/// `[FEATURE NAME]`, `[DATE]`, `[PROJECT_NAME]`, `[###-feature-name]`.
fn bracket_slot(rest: &str) -> Option<usize> {
    let close = rest.find(']')?;
    let inner = rest.get(1..close)?;
    // A link `[text](url)` is not a slot.
    if rest
        .get(close + 1..)
        .is_some_and(|after| after.starts_with('('))
    {
        return None;
    }
    if inner.starts_with("###-") {
        return Some(close + 1);
    }
    let is_caps_word = |word: &str| {
        word.len() >= 2
            && word
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
    };
    let words: Vec<&str> = inner.split(' ').collect();
    let all_caps = !words.is_empty() && words.iter().all(|word| is_caps_word(word));
    // `[P1]`, `[US2]`, `[SETUP]` labels and `[NEEDS CLARIFICATION …]` are content, not slots.
    let known_content = inner.starts_with("NEEDS CLARIFICATION")
        || (inner.len() <= 4 && inner.chars().any(|c| c.is_ascii_digit()))
        || matches!(inner, "P" | "X" | "GAP" | "TODO");
    let slot_shaped = inner.contains('_')
        || words.len() >= 2
        || matches!(inner, "DATE" | "FEATURE" | "LINK" | "NAME");
    (all_caps && !known_content && slot_shaped).then_some(close + 1)
}

/// Compares a value with an allowed set, ASCII case-insensitively, after
/// dropping emphasis and emoji.
pub(crate) fn is_one_of(value: &str, allowed: &[&str]) -> bool {
    let cleaned = clean_value(value);
    allowed
        .iter()
        .any(|candidate| cleaned.eq_ignore_ascii_case(candidate))
}

/// A value without `**`, backticks, leading emoji and a trailing `(…)` note.
pub(crate) fn clean_value(value: &str) -> &str {
    let value = speckit_model::strip_markup(value);
    let value = value
        .trim_start_matches(|c: char| !c.is_alphanumeric() && !c.is_whitespace())
        .trim();
    let value = match speckit_text::find_str(value, " (") {
        Some(at) => value.get(..at).unwrap_or(value),
        None => value,
    };
    value.trim()
}

/// spec-kit's sentence slots that must match exactly (`[action]`, `[goal]`).
const EXACT_SLOTS: &[&str] = &[
    "action",
    "goal",
    "benefit",
    "user type",
    "initial state",
    "expected outcome",
    "boundary condition",
    "error scenario",
    "specific action",
    "specific value",
    "Brief Title",
    "Title",
    "link",
    "Entity 1",
    "Entity 2",
    "Entity1",
    "Entity2",
    "Category 1",
    "Category 2",
    "user journey",
    // The tasks template's file-name slots.
    "ext",
    "language",
    "framework",
    "endpoint",
    "entity1",
    "location",
];

/// Openings of spec-kit's longer sentence slots (`[Describe this user
/// journey in plain language]`, `[e.g., Python 3.11]`).
const SLOT_OPENINGS: &[&str] = &[
    "Describe this user journey",
    "Describe how this can be tested",
    "Explain the value",
    "specific capability",
    "What it represents",
    "Measurable metric",
    "Additional measurable metric",
    "Assumption about",
    "Brief description",
    "How to verify",
    "e.g.,",
];

/// spec-kit's sentence slots in `text` (FORMATS.md §B.2): bracketed
/// template wording such as `[initial state]`, `[Brief Title]` or
/// `[Entity 1]`, outside inline code and not followed by a link target.
pub(crate) fn sentence_slots(text: Text<'_>) -> impl Iterator<Item = Text<'_>> {
    let value = text.value;
    let bytes = value.as_bytes();
    let mut index = 0;
    let mut in_code = false;
    std::iter::from_fn(move || {
        // Only backticks and opening brackets matter: jump between them.
        while let Some(offset) = memchr::memchr2(b'`', b'[', bytes.get(index..).unwrap_or(&[])) {
            let at = index + offset;
            index = at + 1;
            match bytes[at] {
                b'`' => in_code = !in_code,
                b'[' if !in_code => {
                    let rest = value.get(at + 1..).unwrap_or("");
                    let Some(close) = rest.find([']', '[', '\n']) else {
                        continue;
                    };
                    if rest.as_bytes().get(close) != Some(&b']') {
                        continue;
                    }
                    let inner = rest.get(..close).unwrap_or("");
                    let end = at + 1 + close + 1;
                    let is_link = value.as_bytes().get(end) == Some(&b'(');
                    let is_slot = EXACT_SLOTS.contains(&inner)
                        || SLOT_OPENINGS
                            .iter()
                            .any(|opening| inner.starts_with(opening));
                    if is_slot && !is_link {
                        index = end;
                        let slot = value.get(at..end).unwrap_or("");
                        return Some(Spanned::new(slot, text.span.subspan(at..end)));
                    }
                }
                _ => {}
            }
        }
        None
    })
}

/// Reports a header date that is not `YYYY-MM-DD` (with the ISO spelling as
/// a safe fix when it is certain) and, when `empty_at` is given, a date field
/// left empty. Placeholders are left to the placeholder rules.
pub(crate) fn report_date(
    cx: &mut RuleContext<'_>,
    label: &str,
    value: Text<'_>,
    empty_at: Option<Span>,
) {
    match read_date(value) {
        DateValue::Invalid { text, fix } => {
            let report = cx
                .report(
                    text.span,
                    format!("`**{label}**` is `{}`, not a YYYY-MM-DD date", text.value),
                )
                .help("write the date as YYYY-MM-DD");
            drop(match fix {
                Some(iso) => report.safe_fix(
                    format!("write `{iso}`"),
                    vec![Edit::replace(text.span, iso)],
                ),
                None => report,
            });
        }
        DateValue::Empty => {
            if let Some(span) = empty_at {
                drop(
                    cx.report(span, format!("`**{label}**` has no date"))
                        .help("write the date as YYYY-MM-DD"),
                );
            }
        }
        DateValue::Valid(_) | DateValue::Placeholder => {}
    }
}

/// Reports a Last Updated date earlier than the Created date.
pub(crate) fn report_updated_before_created(
    cx: &mut RuleContext<'_>,
    (created, created_date): (Text<'_>, (u16, u8, u8)),
    (updated, updated_date): (Text<'_>, (u16, u8, u8)),
) {
    if updated_date < created_date {
        drop(
            cx.report(
                updated.span,
                format!(
                    "Last Updated ({}) is earlier than Created ({})",
                    updated.value, created.value
                ),
            )
            .label(created.span, "created on this date")
            .help("correct whichever date is wrong; Last Updated can never precede Created"),
        );
    }
}

/// What a date field holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum DateValue<'a> {
    /// A real `YYYY-MM-DD` date, possibly followed by a note or a time.
    Valid((u16, u8, u8)),
    /// Nothing written.
    Empty,
    /// A template slot (`[DATE]`, `YYYY-MM-DD`, `{Date}`) or a `TODO(…)`
    /// deferral; the placeholder rules report those.
    Placeholder,
    /// Anything else. `fix` is the ISO spelling of `text` when that is
    /// certain (`2025-3-4`, `2025/03/04`).
    Invalid { text: Text<'a>, fix: Option<String> },
}

/// Reads a date field's value: markup stripped, a trailing note allowed
/// (`2025-01-28 (revised)`, `2025-01-28T10:00`).
pub(crate) fn read_date(value: Text<'_>) -> DateValue<'_> {
    let cleaned = speckit_model::strip_markup(value.value).trim_start_matches(['*', '_', '`']);
    if cleaned.is_empty() {
        return DateValue::Empty;
    }
    if cleaned.starts_with(['[', '{', '<'])
        || cleaned.starts_with("TODO")
        || cleaned.contains("YYYY")
    {
        return DateValue::Placeholder;
    }
    let head = cleaned.get(..10).unwrap_or(cleaned);
    let next = cleaned.as_bytes().get(10).copied();
    let ends_well =
        next.is_none_or(|byte| !(byte.is_ascii_alphanumeric() || byte == b'-') || byte == b'T');
    if ends_well && let Some(date) = parse_iso_date(head) {
        return DateValue::Valid(date);
    }
    // The first token (up to a space or a note) is what a fix may rewrite.
    let token_len = cleaned
        .find(|c: char| c.is_whitespace() || c == '(' || c == '（')
        .unwrap_or(cleaned.len());
    let token = cleaned.get(..token_len).unwrap_or(cleaned);
    let text = Spanned::new(cleaned, value.span.of_subslice(value.value, cleaned));
    let fix = (token.len() == cleaned.len())
        .then(|| iso_spelling(token))
        .flatten();
    DateValue::Invalid { text, fix }
}

/// `2025-3-4`, `2025/03/04`, `2025.3.4` → `2025-03-04`, when the date exists.
fn iso_spelling(token: &str) -> Option<String> {
    let separator = token.get(4..5)?;
    if !matches!(separator, "-" | "/" | ".") {
        return None;
    }
    let mut parts = token.split(separator);
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    let numeric = |part: &str, max_len: usize| {
        !part.is_empty() && part.len() <= max_len && part.bytes().all(|b| b.is_ascii_digit())
    };
    if parts.next().is_some()
        || year.len() != 4
        || !numeric(year, 4)
        || !numeric(month, 2)
        || !numeric(day, 2)
    {
        return None;
    }
    let iso = format!("{year}-{month:0>2}-{day:0>2}");
    parse_iso_date(&iso).map(|_| iso)
}

/// The vague-word lexicon of FORMATS.md §D.3 (words that promise a quality
/// without saying how much of it), by first letter: a word of the text is
/// compared only with the few entries it could be.
fn vague_words_starting_with(initial: u8) -> &'static [&'static str] {
    // A table rather than a `match`: the `match` compiles to a jump through
    // a table, which the branch predictor misses on most words.
    initial
        .checked_sub(b'a')
        .and_then(|letter| VAGUE_BY_INITIAL.get(usize::from(letter)))
        .copied()
        .unwrap_or(&[])
}

/// Whether an entry of [`vague_words_starting_with`]`(initial)` has a first
/// word of `len` bytes.
fn has_first_word_length(initial: u8, len: usize) -> bool {
    initial
        .checked_sub(b'a')
        .and_then(|letter| FIRST_WORD_LENGTHS.get(usize::from(letter)))
        .is_some_and(|lengths| len < 64 && lengths & (1 << len) != 0)
}

/// Per initial, a bit per length of an entry's first word (up to its first
/// byte that is not a word byte: `as needed` has 2, `etc.` 3).
const FIRST_WORD_LENGTHS: [u64; 26] = first_word_lengths();

const fn first_word_lengths() -> [u64; 26] {
    let mut lengths = [0; 26];
    let mut letter = 0;
    while letter < 26 {
        let entries = VAGUE_BY_INITIAL[letter];
        let mut entry = 0;
        while entry < entries.len() {
            let bytes = entries[entry].as_bytes();
            let mut len = 0;
            while len < bytes.len() && WORD_BYTES[bytes[len] as usize] {
                len += 1;
            }
            lengths[letter] |= 1 << len;
            entry += 1;
        }
        letter += 1;
    }
    lengths
}

/// [`vague_words_starting_with`]'s entries, from `a` to `z`.
const VAGUE_BY_INITIAL: [&[&str]; 26] = [
    &["appropriate", "as needed"],
    &[],
    &[],
    &[],
    &["easy", "efficient", "etc."],
    &["fast", "flexible"],
    &[],
    &[],
    &["intuitive", "if possible"],
    &[],
    &[],
    &[],
    &[],
    &[],
    &[],
    &[],
    &["quick", "quickly"],
    &["robust", "reliable"],
    &["scalable", "secure", "simple", "seamless", "seamlessly"],
    &[],
    &["user-friendly"],
    &[],
    &["when appropriate"],
    &[],
    &[],
    &[],
];

/// Nouns that turn a vague word into a name (`quick action`, `fast path`).
const VAGUE_COMPOUNDS: &[&str] = &[
    "action", "actions", "path", "paths", "start", "link", "links", "access", "menu", "reply",
    "replies", "fix", "fixes", "amount", "amounts",
];

/// A vague word found in text: its byte range and the lexicon entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct VagueWord {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) word: &'static str,
}

/// Vague words of the lexicon ([`vague_words_starting_with`]) in `text` (whole words, ASCII
/// case-insensitive, outside inline code) whose sentence holds no digit: a
/// vague word next to a number (`fast: under 200 ms`) is already measured.
pub(crate) fn vague_words(text: &str) -> impl Iterator<Item = VagueWord> + '_ {
    let bytes = text.as_bytes();
    let mut index = 0;
    let mut in_code = false;
    std::iter::from_fn(move || {
        // `index` never stops inside a word: every word is read (or
        // skipped) whole, so a word byte found here starts a word.
        while let Some(&byte) = bytes.get(index) {
            let at = index;
            index += 1;
            if byte == b'`' {
                in_code = !in_code;
                if in_code {
                    // Inline code holds no vague word: on to its closing backtick.
                    index = memchr::memchr(b'`', bytes.get(index..).unwrap_or(&[]))
                        .map_or(bytes.len(), |offset| index + offset);
                }
                continue;
            }
            if !is_word_byte(Some(&byte)) {
                continue;
            }
            while is_word_byte(bytes.get(index)) {
                index += 1;
            }
            let word_len = index - at;
            let initial = byte.to_ascii_lowercase();
            // Most words have no entry of their initial and length: one
            // test instead of a comparison per entry.
            if !has_first_word_length(initial, word_len) {
                continue;
            }
            let candidates = vague_words_starting_with(initial);
            let Some(word) = candidates.iter().copied().find(|word| {
                // The entry's first word must be as long as the text's
                // (`as needed` at `as`, `etc.` at `etc`): a cheap test first.
                word.len() >= word_len
                    && !is_word_byte(word.as_bytes().get(word_len))
                    && bytes
                        .get(at..at + word.len())
                        .is_some_and(|head| head.eq_ignore_ascii_case(word.as_bytes()))
                    && (word.ends_with('.') || !is_word_byte(bytes.get(at + word.len())))
            }) else {
                continue;
            };
            let end = at + word.len();
            index = end;
            if is_compound(text.get(end..).unwrap_or("")) || sentence_has_digit(text, at) {
                continue;
            }
            return Some(VagueWord {
                start: at,
                end,
                word,
            });
        }
        None
    })
}

/// The bytes of a word: ASCII letters and digits, `-` and `_`. A table,
/// because every byte of every requirement is looked up.
const WORD_BYTES: ByteSet =
    byte_set(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_");

fn is_word_byte(byte: Option<&u8>) -> bool {
    byte.is_some_and(|&byte| WORD_BYTES.get(usize::from(byte)).copied().unwrap_or(false))
}

fn is_compound(after: &str) -> bool {
    let Some(next) = after.strip_prefix(' ') else {
        return false;
    };
    VAGUE_COMPOUNDS.iter().any(|noun| {
        next.get(..noun.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(noun))
            && !is_word_byte(next.as_bytes().get(noun.len()))
    })
}

/// Whether the sentence around byte `at` of `text` holds a digit.
fn sentence_has_digit(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    let is_end = |index: usize| {
        matches!(bytes.get(index), Some(b'.' | b'!' | b'?'))
            && bytes.get(index + 1).is_none_or(u8::is_ascii_whitespace)
    };
    let start = (0..at)
        .rev()
        .find(|&index| is_end(index))
        .map_or(0, |index| index + 1);
    let end = (at..bytes.len())
        .find(|&index| is_end(index))
        .unwrap_or(bytes.len());
    bytes
        .get(start..end)
        .is_some_and(|sentence| sentence.iter().any(u8::is_ascii_digit))
}

/// Whether `text` holds CJK characters: the English word heuristics (vague
/// words, normative verbs, quantities) cannot judge such text.
pub(crate) fn has_cjk(text: &str) -> bool {
    // CJK characters take three UTF-8 bytes, so ASCII text (the common
    // case, tested a word at a time) has none: skip to the first non-ASCII
    // byte.
    if text.is_ascii() {
        return false;
    }
    let Some(first) = text.bytes().position(|byte| !byte.is_ascii()) else {
        return false;
    };
    text.get(first..)
        .unwrap_or("")
        .chars()
        .any(|c| matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF))
}

#[cfg(test)]
mod tests {
    use speckit_text::Span;

    use super::*;

    fn text(value: &str) -> Text<'_> {
        Spanned::new(value, Span::new(0, u32::try_from(value.len()).unwrap()))
    }

    fn found(value: &str) -> Vec<&str> {
        placeholders(text(value))
            .iter()
            .map(|p| p.text.value)
            .collect()
    }

    #[test]
    fn may_hold_slot_agrees_with_the_searches() {
        let searched = |text: &str| {
            let bytes = text.as_bytes();
            memchr::memchr3(b'[', b'{', b'$', bytes).is_some()
                || memchr::memchr2(b'Y', b'X', bytes).is_some()
        };
        let long = "a".repeat(70);
        for text in [
            "",
            "plain",
            "[",
            "a{b",
            "$x",
            "YYYY",
            "TXXX",
            "xy",
            "é[",
            &long,
            &format!("{long}$"),
            &format!("{long}X"),
            &"b".repeat(64),
            &format!("{}Y", "b".repeat(63)),
        ] {
            assert_eq!(may_hold_slot(text), searched(text), "{text}");
        }
    }

    #[test]
    fn vague_words_are_filed_under_their_initial() {
        let mut n_words = 0;
        for initial in 0..=u8::MAX {
            for word in vague_words_starting_with(initial) {
                assert_eq!(word.as_bytes()[0], initial, "{word}");
                assert_eq!(*word, word.to_ascii_lowercase(), "{word}");
                n_words += 1;
            }
        }
        assert_eq!(n_words, 20);
    }

    #[test]
    fn placeholder_kinds() {
        assert_eq!(
            found("# Implementation Plan: {Feature Name}"),
            ["{Feature Name}"]
        );
        assert_eq!(
            found("**Created**: YYYY-MM-DD by {Your Name}"),
            ["YYYY-MM-DD", "{Your Name}"]
        );
        assert_eq!(
            found("# [PROJECT_NAME] Constitution, [DATE]"),
            ["[PROJECT_NAME]", "[DATE]"]
        );
        assert_eq!(
            found("`[###-feature-name]` and [###-feature]"),
            ["[###-feature]"]
        );
        assert_eq!(
            found("**Input**: User description: \"$ARGUMENTS\""),
            ["$ARGUMENTS"]
        );
        assert_eq!(found("- [ ] TXXX [P] [US1] thing"), ["TXXX"]);
    }

    #[test]
    fn not_placeholders() {
        assert!(found("GET /api/v1/items/{id} returns {}").is_empty());
        assert!(
            found("- [ ] T001 [P] [US1] [X] [P1] [NEEDS CLARIFICATION: who?] [SETUP]").is_empty()
        );
        assert!(found("see [the guide](./x.md) and `{Feature Name}` in code").is_empty());
        assert!(found("{ \"data\": {} }").is_empty());
        assert!(found("pick {A, B} or {A}; say {no items} or {# items}").is_empty());
    }

    fn date(value: &str) -> DateValue<'_> {
        read_date(text(value))
    }

    #[test]
    fn dates() {
        assert_eq!(date("2025-01-28"), DateValue::Valid((2025, 1, 28)));
        assert_eq!(
            date("**2025-01-28** (revised)"),
            DateValue::Valid((2025, 1, 28))
        );
        assert_eq!(date("2025-01-28T10:00Z"), DateValue::Valid((2025, 1, 28)));
        assert_eq!(date(""), DateValue::Empty);
        assert_eq!(date("[DATE]"), DateValue::Placeholder);
        assert_eq!(date("YYYY-MM-DD"), DateValue::Placeholder);
        assert_eq!(
            date("TODO(RATIFICATION_DATE): unknown"),
            DateValue::Placeholder
        );
        let fix = |value| match date(value) {
            DateValue::Invalid { fix, .. } => fix,
            other => panic!("{value}: {other:?}"),
        };
        assert_eq!(fix("2025-3-4").as_deref(), Some("2025-03-04"));
        assert_eq!(fix("2025/03/04").as_deref(), Some("2025-03-04"));
        assert_eq!(fix("2025-02-30"), None);
        assert_eq!(fix("March 4, 2025"), None);
        assert_eq!(fix("2025-3-4 (draft)"), None);
        assert_eq!(fix("04/03/2025"), None);
    }

    fn vague(value: &str) -> Vec<&str> {
        vague_words(value)
            .map(|found| &value[found.start..found.end])
            .collect()
    }

    #[test]
    fn vague_word_lexicon() {
        assert_eq!(
            vague("Search MUST be fast and easy to use."),
            ["fast", "easy"]
        );
        assert_eq!(
            vague("Show an appropriate message, etc."),
            ["appropriate", "etc."]
        );
        assert_eq!(vague("Retry if possible"), ["if possible"]);
        assert!(vague("Search MUST be fast: under 200 ms.").is_empty());
        assert_eq!(vague("It is fast. It takes 2 s."), ["fast"]);
        assert!(vague("The quick action and the fast path; breakfast; `fast`").is_empty());
        assert!(vague("insecure, fastest, easy-going").is_empty());
        // Words are skipped whole, and inline code to its closing backtick.
        assert!(vague("xfast brief_easy 2fast ma-quick").is_empty());
        assert_eq!(vague("`be fast` or `easy` then secure"), ["secure"]);
        assert!(vague("`unclosed fast easy").is_empty());
    }

    #[test]
    fn sentence_slot_forms() {
        let slots = |value: &'static str| -> Vec<&'static str> {
            sentence_slots(text(value)).map(|slot| slot.value).collect()
        };
        assert_eq!(
            slots("**Given** [initial state], **When** [action], **Then** [expected outcome]"),
            ["[initial state]", "[action]", "[expected outcome]"]
        );
        assert_eq!(
            slots("- **[Entity 1]**: [What it represents, key attributes]"),
            ["[Entity 1]", "[What it represents, key attributes]"]
        );
        assert!(slots("see [action](./a.md), `[goal]` and [US1] [P]").is_empty());
        assert_eq!(slots("`code` [action] `[x]` [goal"), ["[action]"]);
    }

    #[test]
    fn cjk_text() {
        assert!(has_cjk("システムは認証しなければならない"));
        assert!(has_cjk("系統 MUST 提供"));
        assert!(!has_cjk("Café — naïve"));
        assert!(!has_cjk("plain ASCII"));
        assert!(has_cjk("ASCII first, then 日本語"));
    }

    #[test]
    fn allowed_values() {
        assert!(is_one_of("**Med**", &["Low", "Med", "High"]));
        assert!(is_one_of("🟡 In Progress", &["In Progress"]));
        assert!(is_one_of("M (1 day)", &["XS", "S", "M", "L", "XL"]));
        assert!(!is_one_of("Low/Med/High", &["Low", "Med", "High"]));
    }
}
