//! Normative statements: the sentences and bullets of a principle that use
//! the RFC 2119 keywords `MUST`, `MUST NOT`, `SHOULD` and `SHOULD NOT`.
//! Only upper-case keywords count; lower-case "must" is ordinary prose.

use schemars::JsonSchema;
use serde::Serialize;
use speckit_md::{NodeKind, SectionId};
use speckit_text::{Span, Spanned};

use crate::common::Text;
use crate::document::Document;

/// How binding a statement is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum NormativeLevel {
    Must,
    MustNot,
    Should,
    ShouldNot,
}

/// One sentence or bullet with a normative keyword.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct NormativeStatement<'a> {
    pub text: Text<'a>,
    /// The level of the first keyword in the statement.
    pub level: NormativeLevel,
    /// Bytes of that keyword (`MUST NOT` as a whole).
    pub keyword: Span,
}

/// Statements in the blocks of `section` (subsections included): each list
/// item as a whole, and each sentence of a paragraph.
pub(crate) fn statements_in(doc: &Document, section: SectionId) -> Vec<NormativeStatement<'_>> {
    let mut statements = Vec::new();
    for block in doc.tree.section_all_blocks(section) {
        match doc.tree.kind(block) {
            NodeKind::Paragraph => {
                let paragraph = Spanned::slice(&doc.text, doc.tree.span(block));
                if find_keyword(paragraph).is_none() {
                    continue;
                }
                for sentence in sentences(paragraph) {
                    push_statement(sentence, &mut statements);
                }
            }
            NodeKind::List { .. } | NodeKind::BlockQuote => {
                for item in doc.tree.descendants(block) {
                    match doc.tree.kind(item) {
                        NodeKind::Item => push_statement(doc.item_text(item), &mut statements),
                        NodeKind::Paragraph if doc.tree.kind(block) == NodeKind::BlockQuote => {
                            for sentence in
                                sentences(Spanned::slice(&doc.text, doc.tree.span(item)))
                            {
                                push_statement(sentence, &mut statements);
                            }
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    statements
}

fn push_statement<'a>(text: Text<'a>, out: &mut Vec<NormativeStatement<'a>>) {
    if let Some((level, keyword)) = find_keyword(text) {
        out.push(NormativeStatement {
            text,
            level,
            keyword,
        });
    }
}

/// The first whole-word `MUST`/`SHOULD` in `text`, with a following `NOT`
/// or `NEVER` making it negative.
pub(crate) fn find_keyword(text: Text<'_>) -> Option<(NormativeLevel, Span)> {
    let value = text.value;
    let bytes = value.as_bytes();
    let mut from = 0;
    // Both keywords start with an upper-case M or S: jump between those.
    while let Some(offset) = memchr::memchr2(b'M', b'S', bytes.get(from..)?) {
        let index = from + offset;
        from = index + 1;
        let Some(rest) = value.get(index..) else {
            continue;
        };
        let word = if rest.starts_with("MUST") {
            Some(("MUST", NormativeLevel::Must, NormativeLevel::MustNot))
        } else if rest.starts_with("SHOULD") {
            Some(("SHOULD", NormativeLevel::Should, NormativeLevel::ShouldNot))
        } else {
            None
        };
        if let Some((word, positive, negative)) = word
            && !is_word_byte(index.checked_sub(1).and_then(|before| bytes.get(before)))
            && !is_word_byte(bytes.get(index + word.len()))
        {
            let after = rest.get(word.len()..).unwrap_or("");
            let spaces = after.len() - after.trim_start_matches([' ', '\t']).len();
            let negation = ["NOT", "NEVER"].iter().find(|negation| {
                let tail = after.get(spaces..).unwrap_or("");
                tail.starts_with(**negation) && !is_word_byte(tail.as_bytes().get(negation.len()))
            });
            return Some(match negation {
                Some(negation) => (
                    negative,
                    text.span
                        .subspan(index..index + word.len() + spaces + negation.len()),
                ),
                None => (positive, text.span.subspan(index..index + word.len())),
            });
        }
    }
    None
}

fn is_word_byte(byte: Option<&u8>) -> bool {
    matches!(byte, Some(b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_'))
}

/// Splits a paragraph into sentences: after `.`, `!` or `?` followed by
/// whitespace, after `。！？`, and before a line that opens with a bold
/// label (`**Rationale**: …`), since such paragraphs are one field per line.
pub(crate) fn sentences(text: Text<'_>) -> Vec<Text<'_>> {
    let value = text.value;
    let bytes = value.as_bytes();
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut index = 0;
    while index < bytes.len() {
        let Some(rest) = value.get(index..) else {
            break;
        };
        let Some(current) = rest.chars().next() else {
            break;
        };
        let width = current.len_utf8();
        let end_here = match current {
            '.' | '!' | '?' => {
                matches!(
                    bytes.get(index + 1),
                    None | Some(b' ' | b'\t' | b'\n' | b'\r')
                ) && !ends_with_abbreviation(value.get(start..=index).unwrap_or(""))
            }
            '。' | '！' | '？' => true,
            '\n' => rest
                .get(1..)
                .is_some_and(|next| next.trim_start().starts_with("**")),
            _ => false,
        };
        index += width;
        if end_here {
            push_piece(text, start, index, &mut pieces);
            start = index;
        }
    }
    push_piece(text, start, value.len(), &mut pieces);
    pieces
}

fn ends_with_abbreviation(sentence: &str) -> bool {
    ["e.g.", "i.e.", "etc.", "vs."]
        .iter()
        .any(|short| sentence.ends_with(short))
        && !sentence.ends_with(" etc.")
}

fn push_piece<'a>(text: Text<'a>, start: usize, end: usize, out: &mut Vec<Text<'a>>) {
    if let Some(piece) = text.value.get(start..end) {
        let piece = piece.trim();
        if !piece.is_empty() {
            out.push(Spanned::new(
                piece,
                text.span.of_subslice(text.value, piece),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(value: &str) -> Text<'_> {
        Spanned::new(value, Span::new(0, u32::try_from(value.len()).unwrap()))
    }

    #[test]
    fn keywords() {
        let check = |value: &str| {
            find_keyword(text(value)).map(|(level, span)| (level, value[span.range()].to_string()))
        };
        assert_eq!(
            check("Code MUST be tested"),
            Some((NormativeLevel::Must, "MUST".into()))
        );
        assert_eq!(
            check("Code MUST NOT leak"),
            Some((NormativeLevel::MustNot, "MUST NOT".into()))
        );
        assert_eq!(
            check("Code MUST  NEVER leak"),
            Some((NormativeLevel::MustNot, "MUST  NEVER".into()))
        );
        assert_eq!(
            check("Docs SHOULD NOT lag"),
            Some((NormativeLevel::ShouldNot, "SHOULD NOT".into()))
        );
        assert_eq!(
            check("Teams SHOULD pair"),
            Some((NormativeLevel::Should, "SHOULD".into()))
        );
        assert_eq!(check("You must test; MUSTARD; NOTHING"), None);
        assert_eq!(
            check("Privacy-First (MUST)"),
            Some((NormativeLevel::Must, "MUST".into()))
        );
    }

    #[test]
    fn sentence_split() {
        let value =
            "First MUST hold. Second, e.g. this, SHOULD too!\n**Rationale**: because\nThird。第四";
        let got: Vec<&str> = sentences(text(value)).iter().map(|s| s.value).collect();
        assert_eq!(
            got,
            vec![
                "First MUST hold.",
                "Second, e.g. this, SHOULD too!",
                "**Rationale**: because\nThird。",
                "第四"
            ]
        );
    }
}
