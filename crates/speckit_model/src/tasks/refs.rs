//! Scanners for references inside task text: task IDs, requirement IDs,
//! dependency clauses and file paths. Hand-written byte matching, because
//! these run over every task line.

use speckit_text::Spanned;

use crate::common::Text;

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
    if matches!(bytes.get(index), Some(b'a'..=b'z')) && !is_word_byte(bytes.get(index + 1)) {
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
    let value = text.value;
    let bytes = value.as_bytes();
    let mut index = 0;
    while index < bytes.len() {
        let Some(rest) = value.get(index..) else {
            index += 1;
            continue;
        };
        if at_word_start(bytes, index) {
            if let Some(len) = task_id_len(rest) {
                found.push(Spanned::new(
                    &rest[..len],
                    text.span.subspan(index..index + len),
                ));
                index += len;
                continue;
            }
            if let Some(after_word) = strip_task_word(rest) {
                let skipped = rest.len() - after_word.len();
                if let Some(len) =
                    dotted_id_len(after_word).or_else(|| plain_number_len(after_word))
                {
                    let start = index + skipped;
                    found.push(Spanned::new(
                        &after_word[..len],
                        text.span.subspan(start..start + len),
                    ));
                    index = start + len;
                    continue;
                }
            }
            if bare_dotted && let Some(len) = dotted_id_len(rest) {
                found.push(Spanned::new(
                    &rest[..len],
                    text.span.subspan(index..index + len),
                ));
                index += len;
                continue;
            }
        }
        index += rest.chars().next().map_or(1, char::len_utf8);
    }
    found
}

fn plain_number_len(text: &str) -> Option<usize> {
    let len = text.bytes().take_while(u8::is_ascii_digit).count();
    (len > 0 && !is_word_byte(text.as_bytes().get(len))).then_some(len)
}

/// `Task `, `task `, `タスク`, `任务` prefixes (with optional space).
fn strip_task_word(text: &str) -> Option<&str> {
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
    let mut index = 0;
    while let Some(offset) = memchr_dash(bytes, index) {
        let dash = offset;
        index = dash + 1;
        let prefix_start = bytes[..dash]
            .iter()
            .rposition(|b| !b.is_ascii_uppercase())
            .map_or(0, |p| p + 1);
        let prefix = &value[prefix_start..dash];
        if !matches!(prefix, "FR" | "NFR" | "TR" | "SC") || !at_word_start(bytes, prefix_start) {
            continue;
        }
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
        found.push(Spanned::new(
            &value[prefix_start..end],
            text.span.subspan(prefix_start..end),
        ));
        index = end;
    }
    found
}

fn memchr_dash(bytes: &[u8], from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&b| b == b'-')
        .map(|p| p + from)
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
pub(crate) fn dependency_clauses(text: Text<'_>) -> Vec<RawDependency<'_>> {
    let mut found = Vec::new();
    let value = text.value;
    // Every task ID has a digit: most task lines are done here.
    if !value.bytes().any(|b| b.is_ascii_digit()) {
        return found;
    }
    let bytes = value.as_bytes();
    let mut search_from = 0;
    while search_from < value.len() {
        let next = DEPENDENCY_KEYWORDS
            .iter()
            .filter_map(|keyword| {
                speckit_md::lex::find_ignore_ascii_case(value, keyword, search_from)
                    .map(|at| (at, keyword.len()))
            })
            .min_by_key(|&(at, _)| at);
        let Some((at, keyword_len)) = next else { break };
        search_from = at + keyword_len;
        if !at_word_start(bytes, at) {
            continue;
        }
        let clause_start = at + keyword_len;
        let clause_end = clause_end(value, clause_start);
        let clause = Spanned::new(
            &value[clause_start..clause_end],
            text.span.subspan(clause_start..clause_end),
        );
        push_clause_ids(clause, &mut found);
        search_from = clause_end.max(search_from);
    }
    found
}

fn clause_end(value: &str, start: usize) -> usize {
    let bytes = value.as_bytes();
    let mut index = start;
    while index < bytes.len() {
        match bytes[index] {
            b')' | b';' | b'\n' | b'|' => return index,
            b'.' if matches!(bytes.get(index + 1), None | Some(b' ')) => return index,
            _ => index += 1,
        }
    }
    bytes.len()
}

pub(crate) fn push_clause_ids<'a>(clause: Text<'a>, found: &mut Vec<RawDependency<'a>>) {
    let ids = find_task_ids(clause, true);
    let mut index = 0;
    while let Some(&id) = ids.get(index) {
        let range_end = ids.get(index + 1).filter(|next| {
            let between = clause.value.get(
                (id.span.end - clause.span.start) as usize
                    ..(next.span.start - clause.span.start) as usize,
            );
            between.is_some_and(|between| {
                matches!(between.trim(), "-" | "–" | "—" | ".." | "to" | "~" | "〜")
            })
        });
        if let Some(&until) = range_end {
            found.push(RawDependency {
                id,
                until: Some(until),
            });
            index += 2;
        } else {
            found.push(RawDependency { id, until: None });
            index += 1;
        }
    }
}

/// File paths named in `text`: back-ticked paths first, then bare tokens that
/// contain a `/` or end in a file extension.
pub(crate) fn find_files(text: Text<'_>) -> Vec<Text<'_>> {
    let mut found: Vec<Text<'_>> = Vec::new();
    let value = text.value;
    let mut code_spans = Vec::new();
    let mut search = 0;
    while let Some(open) = value
        .get(search..)
        .and_then(|rest| rest.find('`'))
        .map(|at| at + search)
    {
        let Some(close) = value
            .get(open + 1..)
            .and_then(|rest| rest.find('`'))
            .map(|at| at + open + 1)
        else {
            break;
        };
        code_spans.push(open..close + 1);
        let inner = &value[open + 1..close];
        if looks_like_path(inner, true) {
            found.push(Spanned::new(inner, text.span.subspan(open + 1..close)));
        }
        search = close + 1;
    }
    let mut offset = 0;
    for token in value.split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')') {
        let start = offset;
        offset += token.len() + 1;
        if token.is_empty() || code_spans.iter().any(|range| range.contains(&start)) {
            continue;
        }
        let trimmed = token
            .trim_end_matches(['.', ',', ';', ':', ')', '*', '。', '、'])
            .trim_start_matches(['*', '(']);
        if looks_like_path(trimmed, false) {
            let lead = token.len() - token.trim_start_matches(['*', '(']).len();
            let begin = start + lead;
            found.push(Spanned::new(
                trimmed,
                text.span.subspan(begin..begin + trimmed.len()),
            ));
        }
    }
    found
}

const EXTENSIONS: [&str; 48] = [
    "rs", "py", "ts", "tsx", "js", "jsx", "mjs", "cjs", "go", "java", "kt", "kts", "cs", "rb",
    "php", "swift", "dart", "c", "h", "cpp", "hpp", "md", "json", "yaml", "yml", "toml", "sql",
    "sh", "ps1", "css", "scss", "html", "vue", "svelte", "xml", "gradle", "proto", "graphql",
    "txt", "csv", "lock", "ini", "cfg", "env", "tf", "mdc", "ex", "exs",
];

fn looks_like_path(token: &str, quoted: bool) -> bool {
    if token.is_empty()
        || token.len() > 200
        || token.contains("://")
        || token.contains(char::is_whitespace)
    {
        return false;
    }
    if token.starts_with('-') || token.starts_with('@') && !token.contains('/') {
        return false;
    }
    let has_slash = token.contains('/') && token.chars().any(char::is_alphabetic);
    let extension = token.rsplit_once('.');
    let known_extension = extension.is_some_and(|(stem, ext)| {
        !stem.is_empty() && EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str())
    });
    if has_slash {
        // `src/models/` and `src/a.rs`; not fractions like `1/2` or `and/or`.
        return quoted
            || known_extension
            || token.ends_with('/')
            || token.matches('/').count() >= 2;
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
