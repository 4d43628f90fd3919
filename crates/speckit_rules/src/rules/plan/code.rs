//! Fenced code blocks of a plan, and positions inside them: where the JSON
//! and SQL parsers stopped, turned into spans to underline.

use speckit_md::NodeKind;
use speckit_model::{Document, Text};
use speckit_text::Span;

/// A fenced code block of the document with its language and code.
pub(crate) struct CodeBlock<'a> {
    /// The first word of the info string.
    pub(crate) language: &'a str,
    pub(crate) content: Text<'a>,
}

/// Fenced code blocks whose language is one of `languages` (ASCII
/// case-insensitive). Blocks inside block quotes are skipped: their lines
/// carry `>` markers that are not code.
pub(crate) fn code_blocks<'a>(
    doc: &'a Document,
    languages: &'a [&'a str],
) -> impl Iterator<Item = CodeBlock<'a>> + 'a {
    let tree = &doc.tree;
    tree.nodes()
        .iter()
        .enumerate()
        .filter(|(_, node)| matches!(node.kind, NodeKind::CodeBlock { fenced: true }))
        .filter_map(move |(index, node)| {
            let id = speckit_md::NodeId(u32::try_from(index).ok()?);
            // Most blocks are in other languages: turn them away on their
            // opening line before `code_block` measures the whole block.
            if let Some(language) = doc.text.get(node.span.range()).and_then(opening_language)
                && !languages
                    .iter()
                    .any(|wanted| language.eq_ignore_ascii_case(wanted))
            {
                return None;
            }
            let code = tree.code_block(&doc.text, id)?;
            let language = code
                .info
                .value
                .split(|c: char| c.is_whitespace() || c == '{' || c == ',')
                .next()
                .unwrap_or("");
            if !languages
                .iter()
                .any(|wanted| language.eq_ignore_ascii_case(wanted))
            {
                return None;
            }
            let mut parent = tree.parent(id);
            while let Some(ancestor) = parent {
                if tree.kind(ancestor) == NodeKind::BlockQuote {
                    return None;
                }
                parent = tree.parent(ancestor);
            }
            Some(CodeBlock {
                language,
                content: code.content,
            })
        })
}

/// The first word of the info string of the fenced block `source`, read
/// from its opening line with byte tests. It equals the language that
/// [`code_blocks`] takes from `MdTree::code_block`'s info string (a test
/// compares them); `None` when a non-ASCII byte comes before the word's end,
/// where Unicode white space would need the longer reading.
fn opening_language(source: &str) -> Option<&str> {
    let bytes = source.as_bytes();
    let is_blank = |byte: u8| matches!(byte, b' ' | b'\t' | b'\r' | 0x0b | 0x0c);
    let mut at = 0;
    while bytes.get(at).copied().is_some_and(is_blank) {
        at += 1;
    }
    let Some(&fence) = bytes.get(at).filter(|&&byte| byte != b'\n') else {
        return Some("");
    };
    if !fence.is_ascii() {
        return None;
    }
    while bytes.get(at) == Some(&fence) {
        at += 1;
    }
    while bytes.get(at).copied().is_some_and(is_blank) {
        at += 1;
    }
    let start = at;
    while let Some(&byte) = bytes.get(at) {
        if !byte.is_ascii() {
            return None;
        }
        if is_blank(byte) || matches!(byte, b'\n' | b'{' | b',') {
            break;
        }
        at += 1;
    }
    source.get(start..at)
}

/// Byte offset of 1-based `line` and `column` (in bytes) inside `text`,
/// clamped to the text and moved back to a character boundary.
pub(crate) fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for _ in 1..line {
        match text.get(offset..).and_then(|rest| rest.find('\n')) {
            Some(newline) => offset += newline + 1,
            None => break,
        }
    }
    let mut at = (offset + column.saturating_sub(1)).min(text.len());
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The span of the token starting at byte `at` of `code` (up to the next
/// blank, or one character), or the end of the previous line when `at` is
/// at the end of the code.
pub(crate) fn token_span(code: Text<'_>, at: usize) -> Span {
    let text = code.value;
    let rest = text.get(at..).unwrap_or("");
    let trimmed = rest.trim_end();
    if trimmed.is_empty() {
        // At the end: underline the last visible character.
        let end = text.trim_end().len();
        let start = text
            .get(..end)
            .and_then(|head| head.char_indices().next_back())
            .map_or(end, |(index, _)| index);
        return code.span.subspan(start..end);
    }
    let len = rest
        .find(char::is_whitespace)
        .unwrap_or(rest.len())
        .max(rest.chars().next().map_or(0, char::len_utf8));
    code.span.subspan(at..at + len)
}

#[cfg(test)]
mod tests {
    use speckit_text::Spanned;

    use super::*;

    /// The language as `code_blocks` reads it from `MdTree::code_block`.
    fn info_language(source: &str) -> &str {
        let first_line = source.lines().next().unwrap_or("");
        let after_indent = first_line.trim_start();
        let fence_char = after_indent.chars().next().unwrap_or('`');
        after_indent
            .trim_start_matches(fence_char)
            .trim()
            .split(|c: char| c.is_whitespace() || c == '{' || c == ',')
            .next()
            .unwrap_or("")
    }

    #[test]
    fn opening_language_matches_the_info_string() {
        let sources = [
            "```json\n{}\n```\n",
            "```JSON {.x}\n{}\n```",
            "  ~~~ sql,title\r\nSELECT 1;\n~~~",
            "```\n```",
            "```",
            "",
            "```   \r\nx\n```",
            "````rust{a}\n",
            "```\tpostgres extra\n",
            "\t```sql\x0b\n",
            "```\rsql\n",
            "```json\u{a0}x\n",
            "```ジェイソン\n",
            "\u{3000}```sql\n",
            "```\u{3000}sql\n",
            "éé\n",
        ];
        for source in sources {
            if let Some(language) = opening_language(source) {
                assert_eq!(language, info_language(source), "{source:?}");
            }
        }
        assert_eq!(opening_language("```json\n{}\n```\n"), Some("json"));
        assert_eq!(opening_language("```json\u{a0}x\n"), None);
    }

    #[test]
    fn offsets() {
        let text = "ab\ncdé\nf";
        assert_eq!(offset_of(text, 1, 1), 0);
        assert_eq!(offset_of(text, 2, 2), 4);
        assert_eq!(offset_of(text, 9, 9), text.len());
        let code = Spanned::new("{\n  \"a\": x\n}\n", Span::new(10, 23));
        assert_eq!(token_span(code, 9), Span::new(19, 20));
    }
}
