//! Scanners for references inside task text: task IDs, requirement IDs,
//! dependency clauses and file paths. Hand-written byte matching, because
//! these run over every task line.

use speckit_text::{Spanned, ascii_lowercase_in};

use crate::common::{ONES, Text, byte_below, find_byte, find_bytes, subspan};

/// Length of a task ID at the start of `text`: `T001`, `T4a`, `T012.1`,
/// `TASK-001`. Requires a word boundary after the ID.
pub(crate) fn task_id_len(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut index;
    if bytes.starts_with(b"TASK-") {
        index = 5;
    } else if bytes.first() == Some(&b'T') {
        index = 1;
    } else {
        return None;
    }
    let digits_start = index;
    while matches!(bytes.get(index), Some(b'0'..=b'9')) {
        index += 1;
    }
    if index == digits_start {
        return None;
    }
    let n_digits = index - digits_start;
    // `T004a`, and `T068A` when the number is padded like a real task ID
    // (a capital after a short number is more often a word: `T1A`).
    let suffix = match bytes.get(index) {
        Some(b'a'..=b'z') => true,
        Some(b'A'..=b'Z') => n_digits >= 3,
        _ => false,
    };
    if suffix && !is_word_byte(bytes.get(index + 1)) {
        index += 1;
    } else if bytes.get(index) == Some(&b'.') && matches!(bytes.get(index + 1), Some(b'0'..=b'9')) {
        index += 1;
        while matches!(bytes.get(index), Some(b'0'..=b'9')) {
            index += 1;
        }
    }
    if is_word_byte(bytes.get(index)) {
        return None;
    }
    Some(index)
}

/// Length of the ID inside a bracketed phase-numbered task ID at the start
/// of `text`: `[SETUP-001]` → 9, `[US1-010]`, `[MIG2-003]`. The prefix is
/// capitals and digits starting with two capitals; the number has at least
/// two digits. Prefixes of spec items (`[FR-001]`, `[SC-002]`) are not task
/// IDs.
pub(crate) fn phase_id_len(text: &str) -> Option<usize> {
    const SPEC_PREFIXES: [&str; 5] = ["FR", "NFR", "SC", "TR", "CHK"];
    let inner = text.strip_prefix('[')?;
    let close = memchr::memchr(b']', inner.as_bytes())?;
    let (prefix, number) = inner[..close].split_once('-')?;
    let bytes = prefix.as_bytes();
    let well_formed = bytes.len() >= 2
        && bytes[..2].iter().all(u8::is_ascii_uppercase)
        && bytes
            .iter()
            .all(|byte| byte.is_ascii_uppercase() || byte.is_ascii_digit())
        && number.len() >= 2
        && number.bytes().all(|byte| byte.is_ascii_digit());
    (well_formed && !SPEC_PREFIXES.contains(&prefix)).then_some(close)
}

/// Length of a dotted number at the start of `text` (`1.2`, `3.10`, `1.2a`):
/// the ID style of plugin task blocks.
pub(crate) fn dotted_id_len(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut index = 0;
    let mut groups = 0;
    loop {
        let start = index;
        while matches!(bytes.get(index), Some(b'0'..=b'9')) {
            index += 1;
        }
        if index == start {
            return None;
        }
        groups += 1;
        if bytes.get(index) == Some(&b'.') && matches!(bytes.get(index + 1), Some(b'0'..=b'9')) {
            index += 1;
        } else {
            break;
        }
    }
    if matches!(bytes.get(index), Some(b'a'..=b'z')) && !is_word_byte(bytes.get(index + 1)) {
        index += 1;
    }
    (groups >= 2 && !is_word_byte(bytes.get(index))).then_some(index)
}

fn is_word_byte(byte: Option<&u8>) -> bool {
    matches!(byte, Some(b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_'))
}

fn at_word_start(bytes: &[u8], index: usize) -> bool {
    index == 0 || !is_word_byte(bytes.get(index - 1))
}

/// Every task ID written in `text`, in order: `T001`, `TASK-001`, and
/// `Task 1.2` / `タスク 1.2` (yielding `1.2`). With `bare_dotted`, plain
/// `1.2` counts too (for fields that hold only plugin IDs).
pub(crate) fn find_task_ids(text: Text<'_>, bare_dotted: bool) -> Vec<Text<'_>> {
    let mut found = Vec::new();
    for_each_task_id(text, bare_dotted, |id| found.push(id));
    found
}

/// [`find_task_ids`] handing each ID to `emit` as it is read: callers that
/// only walk the IDs once need no vector for them.
fn for_each_task_id<'a>(text: Text<'a>, bare_dotted: bool, mut emit: impl FnMut(Text<'a>)) {
    let value = text.value;
    let bytes = value.as_bytes();
    if !bare_dotted && value.is_ascii() {
        // Every ID then starts at a `T` (`T001`, `TASK-1`, `Task 1.2`), or at
        // a rare lower-case `task `, whose rarest letter is its `k`: one
        // search for either byte visits the IDs in text order.
        let mut skip_until = 0;
        for position in memchr::memchr2_iter(b'T', b'k', bytes) {
            if bytes.get(position) == Some(&b'k') {
                if let Some(start) = position.checked_sub(3)
                    && bytes.get(start..position + 2) == Some(b"task ")
                {
                    id_at(value, text, start, false, &mut emit);
                }
            } else if position >= skip_until
                && let Some(end) = id_at(value, text, position, false, &mut emit)
            {
                // A `T` inside the ID just read starts no other.
                skip_until = end;
            }
        }
        return;
    }
    let mut index = 0;
    while index < bytes.len() {
        if let Some(end) = id_at(value, text, index, bare_dotted, &mut emit) {
            index = end;
            continue;
        }
        index += value
            .get(index..)
            .and_then(|rest| rest.chars().next())
            .map_or(1, char::len_utf8);
    }
}

/// Reads a task ID starting at byte `index`, handing it to `emit` and
/// returning where it ends; `None` when no ID starts there.
fn id_at<'a>(
    value: &'a str,
    text: Text<'a>,
    index: usize,
    bare_dotted: bool,
    emit: &mut impl FnMut(Text<'a>),
) -> Option<usize> {
    let bytes = value.as_bytes();
    if !at_word_start(bytes, index) {
        return None;
    }
    let rest = value.get(index..)?;
    if let Some(len) = task_id_len(rest) {
        emit(Spanned::new(
            rest.get(..len)?,
            text.span.subspan(index..index + len),
        ));
        return Some(index + len);
    }
    if let Some(after_word) = strip_task_word(rest) {
        let skipped = rest.len() - after_word.len();
        if let Some(len) = dotted_id_len(after_word).or_else(|| plain_number_len(after_word)) {
            let start = index + skipped;
            emit(Spanned::new(
                after_word.get(..len)?,
                text.span.subspan(start..start + len),
            ));
            return Some(start + len);
        }
    }
    if bare_dotted && let Some(len) = dotted_id_len(rest) {
        emit(Spanned::new(
            rest.get(..len)?,
            text.span.subspan(index..index + len),
        ));
        return Some(index + len);
    }
    None
}

fn plain_number_len(text: &str) -> Option<usize> {
    let len = text.bytes().take_while(u8::is_ascii_digit).count();
    (len > 0 && !is_word_byte(text.as_bytes().get(len))).then_some(len)
}

/// `Task `, `task `, `タスク`, `任务` prefixes (with optional space).
fn strip_task_word(text: &str) -> Option<&str> {
    // Each word starts with `T`, `t`, `タ` (E3 …) or `任` (E4 …): any other
    // first byte is turned away without trying them one by one.
    if !matches!(text.as_bytes().first(), Some(b'T' | b't' | 0xE3 | 0xE4)) {
        return None;
    }
    for word in ["Task", "task", "タスク", "任务", "任務"] {
        if let Some(rest) = text.strip_prefix(word) {
            let trimmed = rest.trim_start_matches([' ', '\u{3000}']);
            if word.is_ascii() && trimmed.len() == rest.len() {
                continue;
            }
            return Some(trimmed);
        }
    }
    None
}

/// Requirement IDs: `FR-001`, `FR-1`, `NFR-2`, `TR-3`, `SC-004`, `FR-010a`.
pub(crate) fn find_requirement_ids(text: Text<'_>) -> Vec<Text<'_>> {
    let mut found = Vec::new();
    let value = text.value;
    let bytes = value.as_bytes();
    // Every ID has `R-` or `C-` (`FR`, `NFR`, `TR`, `SC`): capitals are
    // rarer than dashes, which slugs and paths are full of.
    for before in memchr::memchr2_iter(b'R', b'C', bytes) {
        let dash = before + 1;
        if bytes.get(dash) != Some(&b'-') {
            continue;
        }
        let prefix_start = ["NFR", "FR", "TR", "SC"]
            .iter()
            .find(|prefix| {
                dash >= prefix.len()
                    && bytes.get(dash - prefix.len()..dash) == Some(prefix.as_bytes())
            })
            .map(|prefix| dash - prefix.len());
        let Some(prefix_start) = prefix_start.filter(|&start| at_word_start(bytes, start)) else {
            continue;
        };
        let mut end = dash + 1;
        while matches!(bytes.get(end), Some(b'0'..=b'9')) {
            end += 1;
        }
        if end == dash + 1 {
            continue;
        }
        if matches!(bytes.get(end), Some(b'a'..=b'z')) && !is_word_byte(bytes.get(end + 1)) {
            end += 1;
        }
        if is_word_byte(bytes.get(end)) {
            continue;
        }
        if let Some(id) = value.get(prefix_start..end) {
            found.push(Spanned::new(id, text.span.subspan(prefix_start..end)));
        }
    }
    found
}

/// `[USn]`-style story references anywhere in `text` (also `US1` bare after
/// a story label was peeled off the front).
pub(crate) fn story_number(label: &str) -> Option<u32> {
    let digits = label
        .strip_prefix("US")
        .or_else(|| label.strip_prefix("us"))?;
    let digits = digits.trim_start_matches([' ', '-']);
    digits.parse().ok()
}

/// Keyword phrases that introduce a dependency clause inside a task.
const DEPENDENCY_KEYWORDS: [&str; 7] = [
    "depends on",
    "depend on",
    "depends:",
    "dependencies:",
    "blocked by",
    "requires",
    "after",
];

/// A dependency written in a task: `(depends on T012, T013)`,
/// `Depends on: T003`, `after T001`, with ranges `T002–T009` kept as a pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RawDependency<'a> {
    pub(crate) id: Text<'a>,
    /// The end of a range `id–until`.
    pub(crate) until: Option<Text<'a>>,
}

/// Finds dependency clauses in `text` and the task IDs they name. A clause
/// runs from its keyword to the next `)`, `;`, sentence end or line end.
/// Each dependency goes to `emit` in text order (no vector is built: most
/// tasks name none, and those that do are read once).
///
/// Task IDs are rare in task text while keywords like "after" are common,
/// so the scan starts from the IDs: an ID counts when a keyword precedes it
/// inside the same clause.
pub(crate) fn for_each_dependency<'a>(text: Text<'a>, mut emit: impl FnMut(RawDependency<'a>)) {
    let value = text.value;
    let bytes = value.as_bytes();
    let mut covered_until = 0;
    // The IDs are read in text order whatever is done with them, so each
    // can be judged as soon as it is found.
    for_each_task_id(text, false, |id| {
        let at = (id.span.start - text.span.start) as usize;
        if at < covered_until {
            return;
        }
        let start = clause_start(bytes, at);
        let Some(keyword_end) = value
            .get(start..at)
            .and_then(dependency_keyword_end)
            .map(|end| start + end)
        else {
            return;
        };
        // The whole clause after the keyword, where bare `1.2` IDs count too;
        // IDs in a parenthetical inside it are asides, not dependencies:
        // `Depends on T009, T011 (T012 dependency removed)`.
        let end = clause_end(value, at);
        outside_parentheses(bytes, keyword_end, end, |piece_start, piece_end| {
            if let Some(piece) = value.get(piece_start..piece_end) {
                for_each_clause_dependency(
                    Spanned::new(piece, text.span.subspan(piece_start..piece_end)),
                    &mut emit,
                );
            }
        });
        covered_until = end;
    });
}

/// Where the clause holding byte `at` begins: after the last `(`, `)`, `;`,
/// `|`, line break or sentence end before it.
fn clause_start(bytes: &[u8], at: usize) -> usize {
    let mut index = at.min(bytes.len());
    while index > 0 {
        let previous = bytes.get(index - 1).copied().unwrap_or(b' ');
        let sentence_end =
            previous == b'.' && matches!(bytes.get(index), Some(b' ')) && index + 1 < at;
        if matches!(previous, b'(' | b')' | b';' | b'|' | b'\n') || sentence_end {
            return index;
        }
        index -= 1;
    }
    0
}

/// The end of the first dependency keyword (at a word start) in `window`.
fn dependency_keyword_end(window: &str) -> Option<usize> {
    let bytes = window.as_bytes();
    // One pass over the window, trying the keywords only where a word
    // starts with a letter one of them starts with.
    for (at, byte) in bytes.iter().enumerate() {
        if !matches!(byte.to_ascii_lowercase(), b'a' | b'b' | b'd' | b'r')
            || !at_word_start(bytes, at)
        {
            continue;
        }
        let rest = bytes.get(at..).unwrap_or(&[]);
        let end = DEPENDENCY_KEYWORDS
            .iter()
            .filter(|keyword| {
                rest.get(..keyword.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(keyword.as_bytes()))
            })
            .map(|keyword| at + keyword.len())
            .min();
        if end.is_some() {
            return end;
        }
    }
    None
}

/// Where the clause from `start` ends: at the `)` closing a parenthesis
/// opened before it, or at `;`, `|`, a line break or a sentence end outside
/// parentheses (a parenthetical inside the clause is skipped whole).
fn clause_end(value: &str, start: usize) -> usize {
    let bytes = value.as_bytes();
    let mut depth = 0_usize;
    let mut index = start;
    while let Some(&byte) = bytes.get(index) {
        match byte {
            b'(' => depth += 1,
            b')' if depth == 0 => return index,
            b')' => depth -= 1,
            b';' | b'\n' | b'|' => return index,
            b'.' if depth == 0 && matches!(bytes.get(index + 1), None | Some(b' ')) => {
                return index;
            }
            _ => {}
        }
        index += 1;
    }
    bytes.len()
}

/// The byte ranges of `start..end` that lie outside parentheses, handed to
/// `emit` in order.
fn outside_parentheses(bytes: &[u8], start: usize, end: usize, mut emit: impl FnMut(usize, usize)) {
    let mut depth = 0_usize;
    let mut piece_start = start;
    for index in start..end {
        match bytes.get(index) {
            Some(b'(') => {
                if depth == 0 && index > piece_start {
                    emit(piece_start, index);
                }
                depth += 1;
            }
            Some(b')') if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    piece_start = index + 1;
                }
            }
            _ => {}
        }
    }
    if depth == 0 && end > piece_start {
        emit(piece_start, end);
    }
}

pub(crate) fn push_clause_ids<'a>(clause: Text<'a>, found: &mut Vec<RawDependency<'a>>) {
    for_each_clause_dependency(clause, &mut |dependency| found.push(dependency));
}

/// The task IDs of a dependency clause, a range `T002–T005` as one pair.
fn for_each_clause_dependency<'a>(clause: Text<'a>, emit: &mut impl FnMut(RawDependency<'a>)) {
    // Each ID waits for the next one, which may close a range with it.
    let mut pending: Option<Text<'a>> = None;
    for_each_task_id(clause, true, |id| match pending.take() {
        Some(previous) if is_range(clause, previous, id) => emit(RawDependency {
            id: previous,
            until: Some(id),
        }),
        Some(previous) => {
            emit(RawDependency {
                id: previous,
                until: None,
            });
            pending = Some(id);
        }
        None => pending = Some(id),
    });
    if let Some(last) = pending {
        emit(RawDependency {
            id: last,
            until: None,
        });
    }
}

/// Whether only a range sign (`-`, `–`, `..`, `to`, …) stands between two
/// IDs of `clause`.
fn is_range(clause: Text<'_>, id: Text<'_>, next: Text<'_>) -> bool {
    let between = clause.value.get(
        (id.span.end - clause.span.start) as usize..(next.span.start - clause.span.start) as usize,
    );
    between
        .is_some_and(|between| matches!(between.trim(), "-" | "–" | "—" | ".." | "to" | "~" | "〜"))
}

/// File paths named in `text`: back-ticked paths first, then bare tokens that
/// contain a `/` or end in a file extension.
pub(crate) fn find_files(text: Text<'_>) -> Vec<Text<'_>> {
    let mut found: Vec<Text<'_>> = Vec::new();
    let value = text.value;
    let bytes = value.as_bytes();
    let mut code_spans: Vec<(usize, usize)> = Vec::new();
    let mut ticks = memchr::memchr_iter(b'`', bytes);
    while let Some(open) = ticks.next()
        && let Some(close) = ticks.next()
    {
        code_spans.push((open, close + 1));
        if let Some(inner) = value.get(open + 1..close)
            && looks_like_path(inner, true)
        {
            found.push(Spanned::new(inner, subspan(text.span, open + 1, close)));
        }
    }
    // A bare path has a `/` or a `.`: look only at tokens holding one, and
    // search on from the end of each token read.
    let mut from = 0;
    while let Some(offset) = bytes
        .get(from..)
        .and_then(|rest| memchr::memchr2(b'/', b'.', rest))
    {
        let hit = from + offset;
        let mut start = hit;
        while start > 0 && !is_token_separator(bytes.get(start - 1).copied().unwrap_or(b' ')) {
            start -= 1;
        }
        let end = token_end(bytes, hit);
        from = end;
        if code_spans
            .iter()
            .any(|&(open, close)| open <= start && start < close)
        {
            continue;
        }
        let Some(token) = value.get(start..end) else {
            continue;
        };
        let after_lead = token.trim_start_matches(['*', '(']);
        let trimmed = trim_token_end(after_lead);
        if looks_like_path(trimmed, false) {
            let begin = start + (token.len() - after_lead.len());
            found.push(Spanned::new(
                trimmed,
                subspan(text.span, begin, begin + trimmed.len()),
            ));
        }
    }
    found
}

/// Where the token holding byte `from` ends: at the first separator from
/// there on, or at the end of `bytes`.
fn token_end(bytes: &[u8], from: usize) -> usize {
    let mut end = from;
    // Paths run for dozens of bytes: skip eight at a time while none of
    // them can be a separator (each is below `!` or is `,`, `(` or `)`),
    // then find the exact one byte by byte.
    while let Some(chunk) = bytes.get(end..end + 8) {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let word = u64::from_le_bytes(chunk);
        let separators = byte_below(word, b'!')
            | byte_below(word ^ (ONES * u64::from(b',')), 1)
            | byte_below(word ^ (ONES * u64::from(b'(')), 1)
            | byte_below(word ^ (ONES * u64::from(b')')), 1);
        if separators != 0 {
            break;
        }
        end += 8;
    }
    while end < bytes.len() && !is_token_separator(bytes.get(end).copied().unwrap_or(b' ')) {
        end += 1;
    }
    end
}

/// Whether `bytes` holds a byte below `limit` (at most 0x80), tested eight
/// bytes at a time.
fn has_byte_below(bytes: &[u8], limit: u8) -> bool {
    let mut chunks = bytes.chunks_exact(8);
    let in_words = chunks.any(|chunk| {
        <[u8; 8]>::try_from(chunk)
            .is_ok_and(|word| byte_below(u64::from_le_bytes(word), limit) != 0)
    });
    in_words || chunks.remainder().iter().any(|&byte| byte < limit)
}

/// Bytes that end a path token. Non-ASCII bytes never do: they belong to
/// letters of names and to full-width punctuation trimmed afterwards.
fn is_token_separator(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | b',' | b'(' | b')')
}

/// `token` without the punctuation a sentence puts after a path: `.`, `,`,
/// `;`, `:`, `)`, `*`, `。`, `、`.
fn trim_token_end(token: &str) -> &str {
    let bytes = token.as_bytes();
    let mut end = bytes.len();
    loop {
        let cut = match bytes.get(..end) {
            Some([.., b'.' | b',' | b';' | b':' | b')' | b'*']) => 1,
            // `。` is E3 80 82 and `、` is E3 80 81 in UTF-8.
            Some([.., 0xE3, 0x80, 0x81 | 0x82]) => 3,
            _ => break,
        };
        end -= cut;
    }
    token.get(..end).unwrap_or(token)
}

/// Whether `extension` (without its dot) is one of a source or data file,
/// ASCII case-insensitively.
fn is_known_extension(extension: &str) -> bool {
    // The longest known extension, `graphql`, has seven letters.
    let mut buffer = [0_u8; 7];
    let Some(lower) = ascii_lowercase_in(extension, &mut buffer) else {
        return false;
    };
    matches!(
        lower,
        b"rs"
            | b"py"
            | b"ts"
            | b"tsx"
            | b"js"
            | b"jsx"
            | b"mjs"
            | b"cjs"
            | b"go"
            | b"java"
            | b"kt"
            | b"kts"
            | b"cs"
            | b"rb"
            | b"php"
            | b"swift"
            | b"dart"
            | b"c"
            | b"h"
            | b"cpp"
            | b"hpp"
            | b"md"
            | b"json"
            | b"yaml"
            | b"yml"
            | b"toml"
            | b"sql"
            | b"sh"
            | b"ps1"
            | b"css"
            | b"scss"
            | b"html"
            | b"vue"
            | b"svelte"
            | b"xml"
            | b"gradle"
            | b"proto"
            | b"graphql"
            | b"txt"
            | b"csv"
            | b"lock"
            | b"ini"
            | b"cfg"
            | b"env"
            | b"tf"
            | b"mdc"
            | b"ex"
            | b"exs"
    )
}

fn looks_like_path(token: &str, quoted: bool) -> bool {
    let bytes = token.as_bytes();
    let Some(&first) = bytes.first() else {
        return false;
    };
    if bytes.len() > 200 {
        return false;
    }
    // ASCII whitespace is all below `!`, and most tokens hold no such byte:
    // a test eight bytes at a time says so before any byte is looked at.
    let has_space = has_byte_below(bytes, b'!') && bytes.iter().any(u8::is_ascii_whitespace);
    // Few tokens hold a `:` at all: the word-at-a-time search suits these
    // short tokens better than a full substring search.
    if has_space || find_byte(bytes, b':').is_some() && find_bytes(bytes, b"://").is_some() {
        return false;
    }
    let ascii = token.is_ascii();
    if !ascii && token.contains(char::is_whitespace) {
        return false;
    }
    // Only none, one or more than one slash matters below: look for at most
    // two instead of counting them all.
    let n_slashes = find_byte(bytes, b'/').map_or(0, |first| {
        let more = bytes
            .get(first + 1..)
            .is_some_and(|rest| find_byte(rest, b'/').is_some());
        1 + usize::from(more)
    });
    if first == b'-' || first == b'@' && n_slashes == 0 {
        return false;
    }
    // `token.rsplit_once('.')`: an extension is a few bytes from the end, so
    // a backward scan reaches its dot sooner than a search call.
    let extension = bytes
        .iter()
        .rposition(|&byte| byte == b'.')
        .and_then(|dot| Some((token.get(..dot)?, token.get(dot + 1..)?)));
    let known_extension =
        extension.is_some_and(|(stem, ext)| !stem.is_empty() && is_known_extension(ext));
    if n_slashes > 0 && (!ascii || bytes.iter().any(u8::is_ascii_alphabetic)) {
        // `src/models/` and `src/a.rs`; not fractions like `1/2` or `and/or`.
        return quoted || known_extension || token.ends_with('/') || n_slashes > 1;
    }
    if !known_extension {
        return false;
    }
    // `Node.js`, `Vue.js`: framework names, not files.
    let (stem, ext) = extension.unwrap_or(("", ""));
    let framework =
        ext.eq_ignore_ascii_case("js") && stem.chars().next().is_some_and(char::is_uppercase);
    quoted || !framework
}

#[cfg(test)]
mod tests {
    use super::*;
    use speckit_text::Span;

    fn text(value: &str) -> Text<'_> {
        Spanned::new(value, Span::new(0, u32::try_from(value.len()).unwrap()))
    }

    fn dependency_clauses(text: Text<'_>) -> Vec<RawDependency<'_>> {
        let mut found = Vec::new();
        for_each_dependency(text, |dependency| found.push(dependency));
        found
    }

    fn values<'a>(found: &[Text<'a>]) -> Vec<&'a str> {
        found.iter().map(|t| t.value).collect()
    }

    #[test]
    fn task_ids() {
        assert_eq!(task_id_len("T001 x"), Some(4));
        assert_eq!(task_id_len("T004a x"), Some(5));
        assert_eq!(task_id_len("T012.1:"), Some(6));
        assert_eq!(task_id_len("TASK-001"), Some(8));
        assert_eq!(task_id_len("Test"), None);
        assert_eq!(task_id_len("T001abc"), None);
        assert_eq!(task_id_len("T068F Unit tests"), Some(5));
        assert_eq!(task_id_len("T1A x"), None);
        assert_eq!(dotted_id_len("1.2: x"), Some(3));
        assert_eq!(dotted_id_len("1.2a x"), Some(4));
        assert_eq!(dotted_id_len("12 x"), None);
    }

    #[test]
    fn ids_in_text() {
        let t = text("after T001 and Task 1.2, タスク 2.1, T17; not AT001 or 3.5");
        assert_eq!(
            values(&find_task_ids(t, false)),
            vec!["T001", "1.2", "2.1", "T17"]
        );
        // Lower-case `task` IDs come in text order with the others.
        let t = text("task 1.2 then T001, task 7 and Task 2.1; not atask 3, task T9 or T1task 4");
        assert_eq!(
            values(&find_task_ids(t, false)),
            vec!["1.2", "T001", "7", "2.1", "T9"]
        );
        let t = text("Task 1.1 (User model), 1.3");
        assert_eq!(values(&find_task_ids(t, true)), vec!["1.1", "1.3"]);
    }

    #[test]
    fn requirement_ids() {
        let t = text("covers FR-001, NFR-2 and SC-010; FR-010a. Not XFR-1 or FR-x");
        assert_eq!(
            values(&find_requirement_ids(t)),
            vec!["FR-001", "NFR-2", "SC-010", "FR-010a"]
        );
    }

    #[test]
    fn dependency_clauses_and_ranges() {
        let t = text("Wire it (depends on T012, T013) then deploy after T020–T022. See T099.");
        let deps: Vec<_> = dependency_clauses(t)
            .iter()
            .map(|d| (d.id.value, d.until.map(|u| u.value)))
            .collect();
        assert_eq!(
            deps,
            vec![("T012", None), ("T013", None), ("T020", Some("T022"))]
        );
        let t = text("Requires nothing; Depends on: Task 1.1, 1.2");
        let deps: Vec<_> = dependency_clauses(t).iter().map(|d| d.id.value).collect();
        assert_eq!(deps, vec!["1.1", "1.2"]);
        assert!(dependency_clauses(text("Thereafter T001")).is_empty());
        // An aside in parentheses names no dependency, and the list goes on after it.
        let t = text("Depends on T009, T028 (T012 dependency removed — deleted), T031.");
        let deps: Vec<_> = dependency_clauses(t).iter().map(|d| d.id.value).collect();
        assert_eq!(deps, vec!["T009", "T028", "T031"]);
        let t = text("Depends on T007 (screens must exist first — see T010)");
        let deps: Vec<_> = dependency_clauses(t).iter().map(|d| d.id.value).collect();
        assert_eq!(deps, vec!["T007"]);
    }

    #[test]
    fn token_ends_and_low_bytes() {
        let line = b"in src/models/very-long-directory-name/user_service.py, then (x)\tend";
        for from in 0..line.len() {
            let expected = (from..line.len())
                .find(|&at| is_token_separator(line[at]))
                .unwrap_or(line.len());
            assert_eq!(token_end(line, from), expected);
        }
        assert!(!has_byte_below(b"src/models/user_service.py", b'!'));
        assert!(has_byte_below(b"src/models/user\x0cservice.py", b'!'));
        assert!(has_byte_below(b"src/models/user_service.p\ty", b'!'));
    }

    #[test]
    fn files() {
        let t = text(
            "Create User model in src/models/user.py, update `package.json` and README.md (uses Node.js).",
        );
        assert_eq!(
            values(&find_files(t)),
            vec!["package.json", "src/models/user.py", "README.md"]
        );
        let t = text("Use and/or 1/2 of https://x.io/a.md; dir `src/api/` and · lib/core/");
        assert_eq!(values(&find_files(t)), vec!["src/api/", "lib/core/"]);
    }
}
