//! The fast path: a line-oriented block scanner that builds the same node
//! list as the pulldown-cmark pass in [`crate::build`], or declines.
//!
//! It mirrors pulldown-cmark 0.13.6's first pass (container spine, list
//! tightness, paragraph interruption, tables, fences, comment blocks) on the
//! subset of Markdown that spec documents use, and finds the few inline
//! constructs the tree stores. Everything else makes it return `None` — tabs,
//! indented code, setext headings, link reference and footnote
//! definitions, HTML blocks other than comments, declarations — and the
//! caller falls back to pulldown-cmark. The contract is strict: a `Some`
//! result equals what `build_nodes` would produce, node for node.
//!
//! This module must not change the tree format or decide anything the
//! pulldown path would decide differently; when in doubt it declines.

mod blocks;
mod html;
mod inline;
mod para;
mod scan;

use speckit_text::Span;

use crate::tree::{Node, NodeKind};

use inline::{Found, FoundKind, InlineScanner};

/// Marks a node as having no inline content yet (as in `build`).
const NO_CONTENT: Span = Span {
    start: u32::MAX,
    end: 0,
};

/// Builds the node list for `body` (which starts at byte `offset` of the
/// document) below `root`, or returns `None` when the document uses syntax
/// the fast path does not mirror exactly.
pub(crate) fn scan_fast(body: &str, offset: usize, root: Node) -> Option<Vec<Node>> {
    let bytes = body.as_bytes();
    let base = u32::try_from(offset).ok()?;
    u32::try_from(offset.checked_add(bytes.len())?).ok()?;
    if !plain_bytes(bytes) {
        return None;
    }
    let mut scanner = Scanner {
        bytes,
        base,
        nodes: Vec::with_capacity(bytes.len() / 40 + 8),
        spine: Vec::with_capacity(8),
        last_line_blank: false,
        begin_list_item: None,
        tight: Vec::new(),
        inline: InlineScanner::default(),
        open_links: Vec::new(),
    };
    scanner.nodes.push(root);
    let mut ix = 0;
    while ix < bytes.len() {
        ix = scanner.parse_block(ix)?;
    }
    while !scanner.spine.is_empty() {
        scanner.pop(ix);
    }
    let end = scanner.nodes.len() as u32;
    if let Some(root) = scanner.nodes.first_mut() {
        root.subtree_end = end;
    }
    Some(scanner.finish())
}

/// True when `bytes` avoids the characters whose block semantics the fast
/// path does not mirror: tabs (column arithmetic), NUL (replaced by the
/// parser), vertical tab and form feed (whitespace to the parser, not to the
/// span trimming), and carriage returns not followed by a line feed.
fn plain_bytes(bytes: &[u8]) -> bool {
    if memchr::memchr3(b'\t', 0, 0x0b, bytes).is_some() || memchr::memchr(0x0c, bytes).is_some() {
        return false;
    }
    memchr::memchr_iter(b'\r', bytes).all(|index| bytes.get(index + 1) == Some(&b'\n'))
}

/// An open container on the spine.
#[derive(Clone, Copy, Debug)]
enum Open {
    /// A list; `delimiter` is the bullet or the `.`/`)` after the number.
    List {
        node: u32,
        delimiter: u8,
        tight: bool,
    },
    /// A list item whose content is indented by `indent` columns.
    Item { node: u32, indent: usize },
    /// A block quote.
    Quote { node: u32 },
}

impl Open {
    fn node(self) -> u32 {
        match self {
            Open::List { node, .. } | Open::Item { node, .. } | Open::Quote { node } => node,
        }
    }
}

pub(super) struct Scanner<'a> {
    bytes: &'a [u8],
    /// Offset of the body in the document; node spans are document offsets.
    base: u32,
    nodes: Vec<Node>,
    spine: Vec<Open>,
    last_line_blank: bool,
    begin_list_item: Option<usize>,
    /// Paragraphs of tight lists, whose nodes are dropped at the end.
    tight: Vec<u32>,
    inline: InlineScanner,
    /// Links and images being emitted, with their ends (reused buffer).
    open_links: Vec<(u32, usize)>,
}

impl Scanner<'_> {
    fn span(&self, start: usize, end: usize) -> Span {
        Span {
            start: start as u32 + self.base,
            end: end as u32 + self.base,
        }
    }

    /// The node new blocks attach to.
    fn container(&self) -> u32 {
        self.spine.last().map_or(0, |open| open.node())
    }

    /// Appends a node under `parent`; its end is set when it closes.
    fn push_node(&mut self, kind: NodeKind, start: usize, end: usize, parent: u32) -> u32 {
        let id = self.nodes.len() as u32;
        let span = self.span(start, end);
        self.nodes.push(Node {
            kind,
            span,
            content: NO_CONTENT,
            subtree_end: id + 1,
            parent,
        });
        id
    }

    /// Closes node `id` at `end`; `trim` drops trailing whitespace from the
    /// span as `build` does for the tags it trims.
    fn close_node(&mut self, id: u32, end: usize, trim: bool) {
        let subtree_end = self.nodes.len() as u32;
        let mut end = end;
        let Some(node) = self.nodes.get(id as usize) else {
            debug_assert!(false, "closing a missing node");
            return;
        };
        if trim {
            let start = (node.span.start - self.base) as usize;
            while end > start
                && matches!(self.bytes.get(end - 1), Some(b' ' | b'\t' | b'\r' | b'\n'))
            {
                end -= 1;
            }
        }
        let span_end = end as u32 + self.base;
        if let Some(node) = self.nodes.get_mut(id as usize) {
            node.span.end = span_end;
            node.subtree_end = subtree_end;
        }
    }

    /// Widens the content of node `id` to cover `start..end` (`extend_content`).
    fn extend_content(&mut self, id: u32, start: usize, end: usize) {
        let span = self.span(start, end);
        if let Some(node) = self.nodes.get_mut(id as usize) {
            if node.content.start == u32::MAX {
                node.content = span;
            } else if span.end > node.content.end {
                node.content.end = span.end;
            }
        }
    }

    /// Closes the innermost container at `ix` (`FirstPass::pop`).
    fn pop(&mut self, ix: usize) {
        let Some(open) = self.spine.pop() else {
            debug_assert!(false, "pop on an empty spine");
            return;
        };
        self.close_node(open.node(), ix, true);
        if let Open::List {
            node, tight: true, ..
        } = open
        {
            self.mark_tight(node);
            self.begin_list_item = None;
        }
    }

    /// `surgerize_tight_list`: paragraphs directly in the items of a tight
    /// list emit no events, so their nodes go and their content moves up.
    fn mark_tight(&mut self, list: u32) {
        let list_end = self
            .nodes
            .get(list as usize)
            .map_or(list, |n| n.subtree_end);
        let mut item = list + 1;
        while item < list_end {
            let Some(item_end) = self.nodes.get(item as usize).map(|n| n.subtree_end) else {
                break;
            };
            let mut child = item + 1;
            while child < item_end {
                let Some(node) = self.nodes.get(child as usize) else {
                    break;
                };
                if node.kind == NodeKind::Paragraph {
                    self.tight.push(child);
                }
                child = node.subtree_end.max(child + 1);
            }
            item = item_end.max(item + 1);
        }
    }

    /// Appends the inline constructs the last scan found, under `container`.
    fn emit_inline(&mut self, container: u32) {
        let mut open = std::mem::take(&mut self.open_links);
        open.clear();
        for index in 0..self.inline.found.len() {
            let Some(&Found {
                kind,
                start,
                end,
                content,
            }) = self.inline.found.get(index)
            else {
                break;
            };
            while let Some(&(id, link_end)) = open.last() {
                if link_end > start {
                    break;
                }
                self.set_subtree_end(id);
                open.pop();
            }
            let parent = open.last().map_or(container, |&(id, _)| id);
            let node_kind = match kind {
                FoundKind::Code => NodeKind::Code,
                FoundKind::Link => NodeKind::Link,
                FoundKind::Image => NodeKind::Image,
                FoundKind::InlineHtml => NodeKind::InlineHtml,
            };
            let id = self.push_node(node_kind, start, end, parent);
            if let Some((content_start, content_end)) = content {
                self.extend_content(id, content_start, content_end);
            }
            if matches!(kind, FoundKind::Link | FoundKind::Image) {
                open.push((id, end));
            }
        }
        while let Some((id, _)) = open.pop() {
            self.set_subtree_end(id);
        }
        self.open_links = open;
    }

    fn set_subtree_end(&mut self, id: u32) {
        let end = self.nodes.len() as u32;
        if let Some(node) = self.nodes.get_mut(id as usize) {
            node.subtree_end = end;
        }
    }

    /// Drops the nodes of tight paragraphs, moving their content to the
    /// enclosing item and their children up one level.
    fn finish(mut self) -> Vec<Node> {
        if self.tight.is_empty() {
            return self.nodes;
        }
        self.tight.sort_unstable();
        self.tight.dedup();
        // Content first: the item's content is the cover of its own events
        // and those of its tight paragraphs, which is a plain union because
        // events arrive in document order.
        for &id in &self.tight {
            let Some(&Node {
                content, parent, ..
            }) = self.nodes.get(id as usize)
            else {
                continue;
            };
            if content.start == u32::MAX {
                continue;
            }
            if let Some(item) = self.nodes.get_mut(parent as usize) {
                if item.content.start == u32::MAX {
                    item.content = content;
                } else {
                    item.content.start = item.content.start.min(content.start);
                    item.content.end = item.content.end.max(content.end);
                }
            }
        }
        let removed = &self.tight;
        // How many removed ids lie below `id`.
        let shift = |id: u32| removed.partition_point(|&r| r < id) as u32;
        let mut out = Vec::with_capacity(self.nodes.len() - removed.len());
        let mut next_removed = removed.iter().peekable();
        for (index, node) in self.nodes.iter().enumerate() {
            let index = index as u32;
            if next_removed.peek() == Some(&&index) {
                next_removed.next();
                continue;
            }
            let mut parent = node.parent;
            if removed.binary_search(&parent).is_ok() {
                parent = self.nodes.get(parent as usize).map_or(0, |p| p.parent);
            }
            out.push(Node {
                parent: parent - shift(parent),
                subtree_end: node.subtree_end - shift(node.subtree_end),
                ..*node
            });
        }
        out
    }
}

#[cfg(test)]
mod tests;
