//! Building the node list from one pulldown-cmark pass.

use std::panic::{AssertUnwindSafe, catch_unwind};

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};
use speckit_text::Span;

use crate::sections::build_sections;
use crate::tree::{FrontMatter, MdTree, Node, NodeKind};

/// The pulldown-cmark extensions speckit documents use. The benchmark floor
/// runs the same set so the comparison is fair.
pub fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
}

impl MdTree {
    /// Parses `text`. Never fails: if the underlying parser panics (a known
    /// pulldown-cmark hazard on fuzzed input) the tree holds only the root and
    /// [`MdTree::parser_panicked`] is true.
    pub fn parse(text: &str) -> MdTree {
        let bom = crate::bom_len(text);
        let front_matter = detect_front_matter(text, bom);
        let body_start = front_matter.map_or(bom, |fm| fm.span.end as usize);
        let text_len = Span::from_range(0..text.len()).end;
        let root = Node {
            kind: NodeKind::Root,
            span: Span::new(0, text_len),
            content: NO_CONTENT,
            subtree_end: 1,
            parent: 0,
        };

        let body = text.get(body_start..).unwrap_or("");
        let built = catch_unwind(AssertUnwindSafe(|| build_nodes(body, body_start, root)));
        let (nodes, parser_panicked) = match built {
            Ok(nodes) => (nodes, false),
            Err(_) => (vec![root], true),
        };
        let sections = build_sections(&nodes, text_len);
        MdTree {
            nodes,
            sections,
            front_matter,
            parser_panicked,
        }
    }
}

/// Marks a node as having no inline content yet.
const NO_CONTENT: Span = Span {
    start: u32::MAX,
    end: 0,
};

fn build_nodes(body: &str, offset: usize, root: Node) -> Vec<Node> {
    // Roughly one stored node per 40 bytes of typical spec documents.
    let mut nodes: Vec<Node> = Vec::with_capacity(body.len() / 40 + 8);
    nodes.push(root);
    let mut stack: Vec<u32> = Vec::with_capacity(16);
    // The innermost open node; kept in a local because every event needs it.
    let mut top: u32 = 0;
    let bytes = body.as_bytes();
    // Texts are far below 4 GiB (files over 64 MiB are not read), so byte
    // offsets fit in u32; this loop runs once per event and stays lean.
    let base = offset as u32;

    for (event, range) in Parser::new_ext(body, parser_options()).into_offset_iter() {
        let span = Span {
            start: range.start as u32 + base,
            end: range.end as u32 + base,
        };
        match event {
            Event::Start(tag) => {
                let Some(kind) = start_kind(&tag, bytes, range.start) else {
                    // Emphasis and the like: their text belongs to the enclosing node.
                    extend_content(&mut nodes, top, span);
                    continue;
                };
                if !kind.is_block() {
                    extend_content(&mut nodes, top, span);
                }
                let id = nodes.len() as u32;
                nodes.push(Node {
                    kind,
                    span,
                    content: NO_CONTENT,
                    subtree_end: id + 1,
                    parent: top,
                });
                stack.push(top);
                top = id;
            }
            Event::End(tag_end) => {
                if !is_stored_end(tag_end) || top == 0 {
                    continue;
                }
                let end = nodes.len() as u32;
                if let Some(node) = nodes.get_mut(top as usize) {
                    node.subtree_end = end;
                    if trims_trailing_whitespace(tag_end) {
                        node.span = trim_end(node.span, bytes, offset);
                    }
                }
                top = stack.pop().unwrap_or(0);
            }
            Event::Text(_) | Event::SoftBreak | Event::HardBreak => {
                extend_content(&mut nodes, top, span);
            }
            other => {
                extend_content(&mut nodes, top, span);
                let Some(kind) = leaf_kind(&other) else {
                    continue;
                };
                if kind == NodeKind::Html
                    && let Some(last) = nodes.last_mut()
                    && last.kind == kind
                    && last.parent == top
                    && last.span.end == span.start
                {
                    last.span.end = span.end;
                    continue;
                }
                let id = nodes.len() as u32;
                nodes.push(Node {
                    kind,
                    span,
                    content: NO_CONTENT,
                    subtree_end: id + 1,
                    parent: top,
                });
            }
        }
    }
    let end = nodes.len() as u32;
    if let Some(root) = nodes.first_mut() {
        root.subtree_end = end;
    }
    nodes
}

/// Widens the content span of the innermost open node to cover `span`.
#[inline]
fn extend_content(nodes: &mut [Node], top: u32, span: Span) {
    if let Some(node) = nodes.get_mut(top as usize) {
        if node.content.start == u32::MAX {
            node.content = span;
        } else if span.end > node.content.end {
            node.content.end = span.end;
        }
    }
}

fn start_kind(tag: &Tag<'_>, bytes: &[u8], start: usize) -> Option<NodeKind> {
    Some(match tag {
        Tag::Paragraph => NodeKind::Paragraph,
        Tag::Heading { level, .. } => {
            let rest = bytes.get(start..).unwrap_or(&[]);
            let first = rest.iter().find(|&&b| b != b' ' && b != b'\t');
            NodeKind::Heading {
                level: *level as u8,
                setext: first != Some(&b'#'),
            }
        }
        Tag::BlockQuote(_) => NodeKind::BlockQuote,
        Tag::CodeBlock(kind) => NodeKind::CodeBlock {
            fenced: matches!(kind, CodeBlockKind::Fenced(_)),
        },
        Tag::HtmlBlock => NodeKind::HtmlBlock,
        Tag::List(start_number) => NodeKind::List {
            ordered: start_number.is_some(),
        },
        Tag::Item => NodeKind::Item,
        Tag::FootnoteDefinition(_) => NodeKind::FootnoteDefinition,
        Tag::Table(alignments) => NodeKind::Table {
            columns: u16::try_from(alignments.len()).unwrap_or(u16::MAX),
        },
        Tag::TableHead => NodeKind::TableHead,
        Tag::TableRow => NodeKind::TableRow,
        Tag::TableCell => NodeKind::TableCell,
        Tag::Link { .. } => NodeKind::Link,
        Tag::Image { .. } => NodeKind::Image,
        Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Superscript | Tag::Subscript => {
            return None;
        }
        _ => NodeKind::Other,
    })
}

/// End events of the tags [`start_kind`] stores.
fn is_stored_end(tag: TagEnd) -> bool {
    !matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
    )
}

fn leaf_kind(event: &Event<'_>) -> Option<NodeKind> {
    Some(match event {
        Event::Code(_) => NodeKind::Code,
        Event::Html(_) => NodeKind::Html,
        Event::InlineHtml(_) => NodeKind::InlineHtml,
        Event::Rule => NodeKind::ThematicBreak,
        Event::TaskListMarker(checked) => NodeKind::TaskMarker { checked: *checked },
        Event::FootnoteReference(_) => NodeKind::FootnoteReference,
        _ => return None,
    })
}

/// pulldown-cmark ranges of list items (and so lists) include the blank line
/// after them, and heading ranges include the line break; spans end at the
/// last visible character instead.
fn trims_trailing_whitespace(tag: TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Item
            | TagEnd::List(_)
            | TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::FootnoteDefinition
    )
}

fn trim_end(span: Span, bytes: &[u8], offset: usize) -> Span {
    let start = (span.start as usize).saturating_sub(offset);
    let mut end = (span.end as usize).saturating_sub(offset);
    while end > start && matches!(bytes.get(end - 1), Some(b' ' | b'\t' | b'\r' | b'\n')) {
        end -= 1;
    }
    Span::from_range(start + offset..end + offset)
}

/// YAML front matter: a first line `---`, then any lines, then a line `---`
/// or `...`. Unlike pulldown-cmark's own detection this accepts a blank line
/// right after the opening delimiter, which spec-kit's tasks template has.
fn detect_front_matter(text: &str, start: usize) -> Option<FrontMatter> {
    let rest = text.get(start..)?;
    let first_end = memchr::memchr(b'\n', rest.as_bytes())?;
    if rest.get(..first_end)?.trim_end() != "---" {
        return None;
    }
    let body_start = start + first_end + 1;
    let mut line_start = body_start;
    while line_start < text.len() {
        let line_rest = text.get(line_start..)?;
        let line_len = memchr::memchr(b'\n', line_rest.as_bytes());
        let line = line_rest.get(..line_len.unwrap_or(line_rest.len()))?;
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            let end = line_len.map_or(text.len(), |len| line_start + len + 1);
            return Some(FrontMatter {
                span: Span::from_range(start..end),
                body: Span::from_range(body_start..line_start),
            });
        }
        match line_len {
            Some(len) => line_start += len + 1,
            None => break,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::NodeId;

    fn outline(text: &str) -> Vec<String> {
        let tree = MdTree::parse(text);
        let mut out = Vec::new();
        for (index, node) in tree.nodes().iter().enumerate() {
            let mut depth = 0;
            let mut id = NodeId(u32::try_from(index).unwrap());
            while let Some(parent) = tree.parent(id) {
                depth += 1;
                id = parent;
            }
            let slice = text.get(node.span.range()).unwrap_or("<bad span>");
            out.push(format!("{}{:?} {:?}", "  ".repeat(depth), node.kind, slice));
        }
        out
    }

    #[test]
    fn task_items_and_merged_text() {
        let out = outline("- [ ] T001 [P] x\n");
        assert_eq!(
            out,
            vec![
                "Root \"- [ ] T001 [P] x\\n\"",
                "  List { ordered: false } \"- [ ] T001 [P] x\"",
                "    Item \"- [ ] T001 [P] x\"",
                "      TaskMarker { checked: false } \"[ ]\"",
            ]
        );
    }

    #[test]
    fn front_matter_with_blank_first_line() {
        let text = "---\n\ndescription: \"x\"\n---\n# Tasks\n";
        let tree = MdTree::parse(text);
        let fm = tree.front_matter().unwrap();
        assert_eq!(&text[fm.span.range()], "---\n\ndescription: \"x\"\n---\n");
        assert_eq!(&text[fm.body.range()], "\ndescription: \"x\"\n");
        let heading = tree.children(NodeId::ROOT).next().unwrap();
        assert_eq!(&text[tree.content_span(heading).range()], "Tasks");
    }

    #[test]
    fn unclosed_front_matter_is_not_front_matter() {
        let tree = MdTree::parse("---\ntitle: x\n");
        assert!(tree.front_matter().is_none());
    }

    #[test]
    fn bom_is_skipped_and_spans_stay_absolute() {
        let text = "\u{feff}# Título\n";
        let tree = MdTree::parse(text);
        let heading = tree.children(NodeId::ROOT).next().unwrap();
        assert_eq!(
            tree.kind(heading),
            NodeKind::Heading {
                level: 1,
                setext: false
            }
        );
        assert_eq!(&text[tree.content_span(heading).range()], "Título");
    }

    #[test]
    fn crlf_spans() {
        let text = "# A\r\n\r\n- [x] done\r\n";
        let out = outline(text);
        assert!(
            out.contains(&"    Item \"- [x] done\"".to_string()),
            "{out:#?}"
        );
        assert!(
            out.contains(&"  Heading { level: 1, setext: false } \"# A\"".to_string()),
            "{out:#?}"
        );
    }

    #[test]
    fn table_cells_have_spans() {
        let text = "| A | B |\n|---|---|\n| 1 | two |\n";
        let tree = MdTree::parse(text);
        let cells: Vec<&str> = tree
            .nodes()
            .iter()
            .filter(|node| node.kind == NodeKind::TableCell)
            .map(|node| text[node.span.range()].trim())
            .collect();
        assert_eq!(cells, vec!["A", "B", "1", "two"]);
    }

    #[test]
    fn setext_heading_is_marked() {
        let tree = MdTree::parse("Title\n=====\n");
        let heading = tree.children(NodeId::ROOT).next().unwrap();
        assert_eq!(
            tree.kind(heading),
            NodeKind::Heading {
                level: 1,
                setext: true
            }
        );
    }
}
