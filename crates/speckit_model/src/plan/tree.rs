//! Box-drawing trees in code blocks: File Structure, Component Hierarchy and
//! spec-kit's Project Structure (FORMATS.md §C.1 file-tree grammar).
//!
//! ```text
//! src/
//! ├── features/
//! │   └── search/          # one comment per entry is allowed
//! └── index.ts
//! ```
//!
//! Depth comes from where the connector (`├──`, `└──`, or an ASCII `|--`,
//! `` `-- ``, `+--`) stands relative to the lines above, so trees drawn
//! with two or three columns per level read the same as the template's four.
//! A line with no connector at the left edge starts a new root; a line
//! starting with `#` is a comment. This module owns only the tree grammar.

use schemars::JsonSchema;
use serde::Serialize;
use speckit_md::lex;
use speckit_text::Span;

use super::content::Code;
use super::scan;
use crate::common::Text;
use crate::document::Document;

/// A tree drawn in a code block.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct FileTree<'a> {
    pub code: Code<'a>,
    /// Entries in order; roots have depth 0.
    pub entries: Vec<TreeEntry<'a>>,
    /// Lines that are comments only (`# Option 1: Single project`).
    pub comments: Vec<Text<'a>>,
}

/// One line of a tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct TreeEntry<'a> {
    /// 0 for a root, 1 for its children, …
    pub depth: u32,
    /// The name as written; directories end with `/`.
    pub name: Text<'a>,
    pub is_dir: bool,
    /// Text after `#` (or `//`, `←`), trimmed.
    pub comment: Option<Text<'a>>,
    /// Index of the parent entry.
    pub parent: Option<usize>,
    /// The whole line.
    pub line: Span,
}

impl<'a> FileTree<'a> {
    /// Names from the root down to entry `index`.
    pub fn path_parts(&self, index: usize) -> Vec<&'a str> {
        let mut parts = Vec::new();
        let mut cursor = self.entries.get(index);
        // Parents always come earlier, so the walk ends; the bound guards
        // against a malformed parent chain all the same.
        while let Some(entry) = cursor {
            if parts.len() > self.entries.len() {
                break;
            }
            parts.push(entry.name.value);
            cursor = entry.parent.and_then(|parent| self.entries.get(parent));
        }
        parts.reverse();
        parts
    }

    /// The full path of entry `index`: its ancestors' names joined with `/`
    /// (`src/features/search/index.ts`).
    pub fn path(&self, index: usize) -> String {
        let mut path = String::new();
        for part in self.path_parts(index) {
            if !path.is_empty() && !path.ends_with('/') {
                path.push('/');
            }
            path.push_str(part);
        }
        path
    }

    /// Indices of the entries that are files (not directories).
    pub fn files(&self) -> impl Iterator<Item = usize> + '_ {
        self.entries
            .iter()
            .enumerate()
            .filter(|(_, entry)| !entry.is_dir)
            .map(|(index, _)| index)
    }
}

/// Parses the tree in `code`.
pub(crate) fn parse_tree<'a>(doc: &'a Document, code: Code<'a>) -> FileTree<'a> {
    // A line holds at most one entry; sizing the list once saves growing it.
    let lines = memchr::memchr_iter(b'\n', code.content.value.as_bytes()).count() + 1;
    let mut entries: Vec<TreeEntry<'a>> = Vec::with_capacity(lines);
    let mut comments = Vec::new();
    // Open ancestors: (indent key, entry index).
    let mut open: Vec<(usize, usize)> = Vec::with_capacity(8);
    for line in lex::lines(&doc.text, code.content.span) {
        let Some((key, body)) = split_prefix(line) else {
            continue;
        };
        if body.value.starts_with('#') {
            comments.push(body);
            continue;
        }
        let (name, comment) = split_comment(body);
        if name.value.is_empty() {
            continue;
        }
        while open.last().is_some_and(|&(open_key, _)| open_key >= key) {
            open.pop();
        }
        let parent = open.last().map(|&(_, index)| index);
        let depth = u32::try_from(open.len()).unwrap_or(u32::MAX);
        open.push((key, entries.len()));
        entries.push(TreeEntry {
            depth,
            name,
            is_dir: name.value.ends_with('/'),
            comment,
            parent,
            line: line.span,
        });
    }
    FileTree {
        code,
        entries,
        comments,
    }
}

/// Skips the drawing before a name. Returns an indent key that orders lines
/// by nesting (a connector sits one step deeper than plain text in the same
/// column) and the rest of the line; `None` for lines with no name.
///
/// Works on bytes: the drawing characters are a handful of fixed UTF-8
/// sequences, and this runs on every line of every tree.
fn split_prefix(line: Text<'_>) -> Option<(usize, Text<'_>)> {
    let text = line.value;
    let bytes = text.as_bytes();
    let mut column = 0usize;
    let mut offset = 0usize;
    // Characters skipped, and their count when the last `|` was reached.
    let mut chars = 0usize;
    let mut last_bar: Option<(usize, usize)> = None;
    while let Some(&byte) = bytes.get(offset) {
        let width = match byte {
            b' ' => 1,
            b'|' => {
                last_bar = Some((offset, chars));
                1
            }
            b'\t' => {
                column += 3 - column % 4;
                1
            }
            // `│`, `┃`, ideographic space, no-break space.
            0xE2 if bytes.get(offset + 1) == Some(&0x94)
                && matches!(bytes.get(offset + 2), Some(0x82 | 0x83)) =>
            {
                3
            }
            0xE3 if bytes.get(offset + 1) == Some(&0x80)
                && bytes.get(offset + 2) == Some(&0x80) =>
            {
                3
            }
            0xC2 if bytes.get(offset + 1) == Some(&0xA0) => 2,
            _ => break,
        };
        column += 1;
        offset += width;
        chars += 1;
    }
    // A `|` directly followed by dashes is an ASCII connector, not a rail.
    let (connector_offset, connector_column) = match last_bar {
        Some((bar, chars_before)) if bytes.get(bar + 1) == Some(&b'-') => {
            (bar, column.saturating_sub(chars - chars_before))
        }
        _ => (offset, column),
    };
    let rest = text.get(connector_offset..)?;
    let connector_len = connector_len(rest);
    let (key, body_start) = if connector_len > 0 {
        (connector_column * 2 + 1, connector_offset + connector_len)
    } else {
        (connector_column * 2, connector_offset)
    };
    let body = scan::trim(scan::sub(line, text.get(body_start..)?));
    (!body.value.is_empty()).then_some((key, body))
}

/// Length of a connector (`├── `, `└─ `, `|-- `, `` `-- ``, `+-- `) at the
/// start of `text`, spaces after it included; 0 if there is none.
fn connector_len(text: &str) -> usize {
    let bytes = text.as_bytes();
    let is_dash_char = |at: usize| {
        // `─`, `━`, `—`.
        bytes.get(at) == Some(&0xE2)
            && matches!(
                (bytes.get(at + 1), bytes.get(at + 2)),
                (Some(0x94), Some(0x80 | 0x81)) | (Some(0x80), Some(0x94))
            )
    };
    // `├`, `└`, `┣`, `┗` stand alone in some trees; ASCII connectors need dashes.
    let (mut end, box_corner) = match bytes.first() {
        Some(0xE2)
            if bytes.get(1) == Some(&0x94)
                && matches!(bytes.get(2), Some(0x9C | 0x94 | 0xA3 | 0x97)) =>
        {
            (3, true)
        }
        Some(b'|' | b'`' | b'+' | b'\\') => (1, false),
        _ => return 0,
    };
    let mut dashes = 0;
    loop {
        if bytes.get(end) == Some(&b'-') {
            end += 1;
        } else if is_dash_char(end) {
            end += 3;
        } else {
            break;
        }
        dashes += 1;
    }
    if dashes == 0 && !box_corner {
        return 0;
    }
    loop {
        match bytes.get(end) {
            Some(b' ') => end += 1,
            Some(0xC2) if bytes.get(end + 1) == Some(&0xA0) => end += 2,
            _ => return end,
        }
    }
}

/// Where a comment marker starts (the blank before it) and its length with
/// that blank. Jumps from blank to blank: names rarely hold any.
fn find_comment_marker(text: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(offset) = memchr::memchr2(b' ', b'\t', bytes.get(from..)?) {
        let index = from + offset;
        let rest = bytes.get(index + 1..).unwrap_or(&[]);
        if rest.starts_with(b"#") {
            return Some((index, 2));
        }
        if rest.starts_with(b"//") {
            return Some((index, 3));
        }
        if rest.starts_with("←".as_bytes()) {
            return Some((index, 1 + "←".len()));
        }
        from = index + 1;
    }
    None
}

/// Splits `name   # comment` (also `//` and `←`, each after a space).
fn split_comment(body: Text<'_>) -> (Text<'_>, Option<Text<'_>>) {
    let text = body.value;
    let Some((at, marker_len)) = find_comment_marker(text) else {
        return (body, None);
    };
    let name = scan::trim_end_str(text.get(..at).unwrap_or(""));
    let comment = scan::trim_str(text.get(at + marker_len..).unwrap_or(""));
    (scan::sub(body, name), Some(scan::sub(body, comment)))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use speckit_text::Spanned;

    use super::*;

    /// [`split_prefix`], [`connector_len`] and [`find_comment_marker`] as
    /// first written, over characters: the byte versions must agree.
    mod reference {
        use speckit_text::Spanned;

        use crate::common::Text;

        pub(super) fn split_prefix(line: Text<'_>) -> Option<(usize, Text<'_>)> {
            let text = line.value;
            let mut column = 0usize;
            let mut offset = 0usize;
            for c in text.chars() {
                match c {
                    '│' | '|' | '┃' | ' ' | '\u{a0}' | '\u{3000}' => column += 1,
                    '\t' => column += 4 - column % 4,
                    _ => break,
                }
                offset += c.len_utf8();
            }
            let (connector_offset, connector_column) =
                match text.get(..offset).and_then(|head| head.rfind('|')) {
                    Some(bar)
                        if text
                            .get(bar + 1..)
                            .is_some_and(|after| after.starts_with('-')) =>
                    {
                        (
                            bar,
                            column.saturating_sub(
                                text.get(bar..offset).map_or(0, |tail| tail.chars().count()),
                            ),
                        )
                    }
                    _ => (offset, column),
                };
            let rest = text.get(connector_offset..)?;
            let connector_len = connector_len(rest);
            let (key, body_start) = if connector_len > 0 {
                (connector_column * 2 + 1, connector_offset + connector_len)
            } else {
                (connector_column * 2, connector_offset)
            };
            let body = Spanned::new(
                text.get(body_start..)?,
                line.span.subspan(body_start..text.len()),
            )
            .trim();
            (!body.value.is_empty()).then_some((key, body))
        }

        pub(super) fn connector_len(text: &str) -> usize {
            let mut chars = text.char_indices();
            let Some((_, first)) = chars.next() else {
                return 0;
            };
            if !matches!(first, '├' | '└' | '┣' | '┗' | '|' | '`' | '+' | '\\') {
                return 0;
            }
            let mut end = first.len_utf8();
            let mut dashes = 0;
            for (at, c) in chars {
                match c {
                    '─' | '━' | '-' | '—' => {
                        dashes += 1;
                        end = at + c.len_utf8();
                    }
                    _ => break,
                }
            }
            if dashes == 0 && !matches!(first, '├' | '└' | '┣' | '┗') {
                return 0;
            }
            let after = text.get(end..).unwrap_or("");
            end + (after.len() - after.trim_start_matches([' ', '\u{a0}']).len())
        }

        pub(super) fn find_comment_marker(text: &str) -> Option<(usize, usize)> {
            let bytes = text.as_bytes();
            let mut index = 0;
            while let Some(&byte) = bytes.get(index) {
                if matches!(byte, b' ' | b'\t') {
                    let rest = bytes.get(index + 1..).unwrap_or(&[]);
                    if rest.starts_with(b"#") {
                        return Some((index, 2));
                    }
                    if rest.starts_with(b"//") {
                        return Some((index, 3));
                    }
                    if rest.starts_with("←".as_bytes()) {
                        return Some((index, 1 + "←".len()));
                    }
                }
                index += 1;
            }
            None
        }
    }

    proptest! {
        #[test]
        fn byte_readers_agree_with_the_char_readers(
            text in "[│|┃ \u{a0}\u{3000}\t├└┣┗`+\\\\─━—#/←a-c.-]{0,16}"
        ) {
            let line = Spanned::new(text.as_str(), Span::new(4, 4 + u32::try_from(text.len()).unwrap()));
            prop_assert_eq!(split_prefix(line), reference::split_prefix(line));
            prop_assert_eq!(connector_len(&text), reference::connector_len(&text));
            prop_assert_eq!(find_comment_marker(&text), reference::find_comment_marker(&text));
        }
    }
}
