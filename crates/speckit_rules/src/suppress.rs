//! Inline suppressions in HTML comments.
//!
//! - `<!-- speckit-ignore P012 -->` silences the listed codes (or prefixes,
//!   several separated by spaces or commas; none = every rule) for the next
//!   block. When that block is a heading, its whole section is covered.
//!   Written inside a paragraph, list item or table, it covers that block.
//! - `<!-- speckit-ignore-file P012 -->` silences them for the whole file.
//!
//! Codes that name no rule are reported (S003) so typos do not silently
//! disable nothing.

use speckit_diagnostics::Diagnostic;
use speckit_md::{NodeId, NodeKind, lex};
use speckit_model::Document;
use speckit_text::Span;

use crate::settings::is_known_selector;

/// One parsed directive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suppression {
    /// Upper-cased codes or prefixes; empty means every rule.
    pub codes: Vec<String>,
    /// Where it applies (the whole text for file-wide directives).
    pub scope: Span,
    /// The comment itself.
    pub comment: Span,
}

/// A code in a directive that names no rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownCode {
    pub code: String,
    pub span: Span,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Suppressions {
    pub directives: Vec<Suppression>,
    pub unknown: Vec<UnknownCode>,
}

impl Suppressions {
    pub fn parse(document: &Document) -> Suppressions {
        let mut suppressions = Suppressions::default();
        let text = document.text.as_str();
        // Cheap exit: most documents have no directive at all.
        if memchr::memmem::find(text.as_bytes(), b"speckit-ignore").is_none() {
            return suppressions;
        }
        let tree = &document.tree;
        let whole = Span::from_range(0..text.len());
        for (index, node) in tree.nodes().iter().enumerate() {
            if !matches!(node.kind, NodeKind::Html | NodeKind::InlineHtml) {
                continue;
            }
            let id = NodeId(u32::try_from(index).unwrap_or(0));
            for comment in lex::html_comments(text, node.span) {
                let Some((file_wide, codes)) =
                    parse_directive(text, comment, &mut suppressions.unknown)
                else {
                    continue;
                };
                let scope = if file_wide {
                    whole
                } else {
                    scope_after(document, id)
                };
                suppressions.directives.push(Suppression {
                    codes,
                    scope,
                    comment,
                });
            }
        }
        suppressions
    }

    /// Whether `diagnostic` is silenced.
    pub fn covers(&self, diagnostic: &Diagnostic) -> bool {
        self.directives.iter().any(|directive| {
            directive.scope.contains(diagnostic.span.start)
                && (directive.codes.is_empty()
                    || directive
                        .codes
                        .iter()
                        .any(|code| diagnostic.code.starts_with(code.as_str())))
        })
    }
}

/// `speckit-ignore-file A, B` → (true, [A, B]).
fn parse_directive(
    text: &str,
    comment: Span,
    unknown: &mut Vec<UnknownCode>,
) -> Option<(bool, Vec<String>)> {
    let raw = text.get(comment.range())?;
    let inner = raw.strip_prefix("<!--")?;
    let inner = inner.strip_suffix("-->").unwrap_or(inner);
    let trimmed = inner.trim_start();
    let (file_wide, rest) = if let Some(rest) = trimmed.strip_prefix("speckit-ignore-file") {
        (true, rest)
    } else if let Some(rest) = trimmed.strip_prefix("speckit-ignore") {
        (false, rest)
    } else {
        return None;
    };
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    let rest_offset =
        raw.len() - rest.len() - (raw.len() - raw.strip_suffix("-->").map_or(raw.len(), str::len));
    let mut codes = Vec::new();
    let mut cursor = 0;
    for piece in rest.split([' ', ',', '\t', '\n', '\r']) {
        let start = cursor;
        cursor += piece.len() + 1;
        if piece.is_empty() {
            continue;
        }
        // Free text after the codes (`-- reason`) ends the list.
        if piece.starts_with("--") || piece.starts_with(':') {
            break;
        }
        if is_known_selector(piece) {
            codes.push(piece.to_ascii_uppercase());
        } else {
            let at = comment.start + u32::try_from(rest_offset + start).unwrap_or(0);
            unknown.push(UnknownCode {
                code: piece.to_string(),
                span: Span::new(at, at + u32::try_from(piece.len()).unwrap_or(0)),
            });
        }
    }
    Some((file_wide, codes))
}

/// What a non-file-wide directive in node `id` covers.
fn scope_after(document: &Document, id: NodeId) -> Span {
    let tree = &document.tree;
    let node = tree.node(id);
    if node.kind == NodeKind::InlineHtml {
        // Inside a paragraph, item or cell: that enclosing block.
        let mut cursor = id;
        while let Some(parent) = tree.parent(cursor) {
            if tree.kind(parent).is_block() && tree.kind(parent) != NodeKind::Root {
                return tree.span(parent);
            }
            cursor = parent;
        }
        return node.span;
    }
    // An HTML block: the next sibling block (of the HtmlBlock, not the line).
    let block = tree
        .parent(id)
        .filter(|&parent| tree.kind(parent) == NodeKind::HtmlBlock)
        .unwrap_or(id);
    let Some(parent) = tree.parent(block) else {
        return Span::empty(node.span.end);
    };
    let mut siblings = tree
        .children(parent)
        .skip_while(|&sibling| sibling != block)
        .skip(1);
    let Some(next) = siblings.find(|&sibling| tree.kind(sibling) != NodeKind::HtmlBlock) else {
        return Span::empty(node.span.end);
    };
    if let NodeKind::Heading { .. } = tree.kind(next)
        && let Some(section) = tree
            .sections()
            .iter()
            .find(|section| section.heading == Some(next))
    {
        return section.span;
    }
    tree.span(next)
}

#[cfg(test)]
mod tests {
    use speckit_diagnostics::{FileId, Severity};

    use super::*;

    fn diagnostic_at(text: &str, needle: &str, code: &'static str) -> Diagnostic {
        let start = u32::try_from(text.find(needle).unwrap()).unwrap();
        Diagnostic::new(
            code,
            Severity::Warning,
            FileId(0),
            Span::new(start, start + 1),
            "m",
        )
    }

    #[test]
    fn next_block_file_and_section_scopes() {
        let text = "# Plan

<!-- speckit-ignore T001, T002 -->
- [ ] first
- [ ] second

after the list

<!-- speckit-ignore -->
## Quiet section

inside

## Loud section

loud
";
        let document = Document::parse_str("plan.md", text);
        let suppressions = Suppressions::parse(&document);
        assert!(
            suppressions.unknown.is_empty(),
            "{:?}",
            suppressions.unknown
        );
        assert!(suppressions.covers(&diagnostic_at(text, "second", "T001")));
        assert!(!suppressions.covers(&diagnostic_at(text, "second", "T003")));
        assert!(!suppressions.covers(&diagnostic_at(text, "after the list", "T001")));
        assert!(suppressions.covers(&diagnostic_at(text, "inside", "P012")));
        assert!(!suppressions.covers(&diagnostic_at(text, "loud\n", "P012")));
    }

    #[test]
    fn file_wide_inline_and_unknown_codes() {
        let text = "<!-- speckit-ignore-file S -->\n# T\n\nSome text <!-- speckit-ignore T0 ZZZ9 -- reason --> here.\n\nOther.\n";
        let document = Document::parse_str("x.md", text);
        let suppressions = Suppressions::parse(&document);
        assert!(suppressions.covers(&diagnostic_at(text, "Other", "S005")));
        assert!(suppressions.covers(&diagnostic_at(text, "Some text", "T001")));
        assert!(!suppressions.covers(&diagnostic_at(text, "Other", "T001")));
        assert_eq!(suppressions.unknown.len(), 1);
        let unknown = &suppressions.unknown[0];
        assert_eq!(&text[unknown.span.range()], "ZZZ9");
    }

    #[test]
    fn other_comments_are_ignored() {
        let document = Document::parse_str(
            "x.md",
            "<!-- a guidance comment -->\n<!-- speckit-ignored -->\n",
        );
        assert_eq!(Suppressions::parse(&document), Suppressions::default());
    }
}
