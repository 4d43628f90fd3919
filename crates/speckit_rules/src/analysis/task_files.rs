//! The file names tasks.md writes, shared by the rules that look planned
//! files up in the tasks (X008, X014).

use rustc_hash::FxHashSet as HashSet;

use speckit_model::{Document, TaskList};
use speckit_text::{ByteSet, byte_set};

/// The file names tasks.md writes, for look-up by path: the files of
/// every task and every path-like word of the document, by file name.
pub struct TaskFiles {
    names: HashSet<Box<str>>,
}

impl TaskFiles {
    pub fn new(document: &Document, tasks: &TaskList<'_>) -> Self {
        let mut names: HashSet<Box<str>> = HashSet::default();
        let mut add = |name: &str| {
            if !names.contains(name) {
                names.insert(name.into());
            }
        };
        for file in tasks.tasks.iter().flat_map(|task| &task.files) {
            add(file_name(file.value));
        }
        path_words(&document.text, |word| {
            let name = file_name(word);
            if !name.is_empty() {
                add(name);
            }
        });
        TaskFiles { names }
    }

    /// True when tasks.md names the file of `path` (by its file name: trees,
    /// tables and tasks may start paths at different roots).
    pub fn covers(&self, path: &str) -> bool {
        self.names.contains(file_name(path))
    }
}

/// The ASCII bytes that end a word of [`path_words`] (the same as
/// [`separates`] on their characters).
const SEPARATORS: ByteSet = byte_set(b" \t\n\x0B\x0C\r`()[],;\"'*|");

/// Calls `found` with every word of `text` that holds a `.` or a `/`.
/// Words are separated by whitespace and by `` ` ``, brackets, `,`, `;`,
/// quotes, `*` and `|`.
fn path_words<'t>(text: &'t str, mut found: impl FnMut(&'t str)) {
    let bytes = text.as_bytes();
    // Only words around a `.` or a `/` are read: from each such byte, out
    // to the separators on either side. ASCII bytes are looked up in a
    // table; other characters are decoded and tested whole.
    let mut from = 0;
    while let Some(offset) = bytes
        .get(from..)
        .and_then(|rest| memchr::memchr2(b'.', b'/', rest))
    {
        let mut start = from + offset;
        while start > from {
            let byte = bytes[start - 1];
            if byte.is_ascii() {
                if SEPARATORS[usize::from(byte)] {
                    break;
                }
                start -= 1;
                continue;
            }
            let Some(c) = text.get(..start).and_then(|head| head.chars().next_back()) else {
                break;
            };
            if separates(c) {
                break;
            }
            start -= c.len_utf8();
        }
        let mut end = from + offset;
        while let Some(&byte) = bytes.get(end) {
            if byte.is_ascii() {
                if SEPARATORS[usize::from(byte)] {
                    break;
                }
                end += 1;
                continue;
            }
            let Some(c) = text.get(end..).and_then(|tail| tail.chars().next()) else {
                break;
            };
            if separates(c) {
                break;
            }
            end += c.len_utf8();
        }
        found(text.get(start..end).unwrap_or(""));
        from = end;
    }
}

/// Whether `c` ends a word of [`path_words`].
fn separates(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '`' | '(' | ')' | '[' | ']' | ',' | ';' | '"' | '\'' | '*' | '|'
        )
}

/// The last part of a path, without a trailing `:12`, `#L12` or
/// sentence punctuation.
fn file_name(path: &str) -> &str {
    // Most paths have neither a `#` nor a `:`: one search tells.
    if memchr::memchr2(b'#', b':', path.as_bytes()).is_none() {
        let path = path.trim_end_matches(['.', '!', '?']);
        return memchr::memrchr(b'/', path.as_bytes()).map_or(path, |at| &path[at + 1..]);
    }
    let path = memchr::memchr(b'#', path.as_bytes()).map_or(path, |at| &path[..at]);
    let path = path.trim_end_matches(['.', ':', '!', '?']);
    let path = match memchr::memrchr(b':', path.as_bytes()) {
        Some(at) if path.as_bytes()[at + 1..].iter().all(u8::is_ascii_digit) => &path[..at],
        _ => path,
    };
    memchr::memrchr(b'/', path.as_bytes()).map_or(path, |at| &path[at + 1..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_drop_folders_and_locations() {
        assert_eq!(file_name("src/notes/pins.ts"), "pins.ts");
        assert_eq!(file_name("src/notes/pins.ts:42"), "pins.ts");
        assert_eq!(file_name("pins.ts#L4"), "pins.ts");
        assert_eq!(file_name("see pins.ts."), "see pins.ts");
        assert_eq!(file_name("src/notes/"), "");
        assert_eq!(file_name("src/notes/pins.ts.!?"), "pins.ts");
        assert_eq!(file_name("a/b.rs:12:"), "b.rs");
        assert_eq!(file_name("a/b.rs:x"), "b.rs:x");
        assert_eq!(file_name("a/b.rs#x:1"), "b.rs");
    }

    #[test]
    fn the_byte_table_agrees_with_the_character_test() {
        for byte in 0..0x80u8 {
            assert_eq!(
                SEPARATORS[usize::from(byte)],
                separates(char::from(byte)),
                "{byte:#x}"
            );
        }
    }

    #[test]
    fn path_words_split_like_the_character_splitter() {
        let text = "- [ ] T001 Add `src/a.ts` (see docs/x.md,b.rs;c)\u{a0}d/e \u{2003}f.g\u{b}h.i \"j.k\" *l.m* |n/o| plain words\té.è/ü";
        let expected: Vec<&str> = text
            .split(separates)
            .filter(|word| word.contains(['.', '/']))
            .collect();
        let mut got = Vec::new();
        path_words(text, |word| got.push(word));
        assert_eq!(got, expected);
        assert!(got.contains(&"é.è/ü") && got.contains(&"d/e"));
    }
}
