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
        .filter_map(move |(index, _)| {
            let id = speckit_md::NodeId(u32::try_from(index).ok()?);
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
