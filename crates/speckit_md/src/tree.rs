//! The flat node list and its traversal.

use speckit_text::Span;

use crate::sections::{Section, SectionId};

/// Index of a node in [`MdTree::nodes`]. Node 0 is the document root.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeId(pub u32);

impl NodeId {
    pub const ROOT: NodeId = NodeId(0);

    pub const fn index(self) -> usize {
        self.0 as usize
    }
}

/// What a node is. Values (heading text, cell text, link targets) are not
/// copied: read them from the source with the node's span.
///
/// Plain text, line breaks and emphasis are not stored as nodes (they are
/// most of the events and nothing needs them individually); instead every
/// node records the span its inline content covers, see
/// [`MdTree::content_span`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeKind {
    Root,
    Heading {
        level: u8,
        setext: bool,
    },
    Paragraph,
    BlockQuote,
    CodeBlock {
        fenced: bool,
    },
    HtmlBlock,
    List {
        ordered: bool,
    },
    Item,
    /// The `[ ]`/`[x]` marker of a GFM task item (other marks such as `[~]`
    /// stay plain text; see [`crate::lex::checkbox`]).
    TaskMarker {
        checked: bool,
    },
    Table {
        columns: u16,
    },
    TableHead,
    TableRow,
    TableCell,
    ThematicBreak,
    FootnoteDefinition,
    /// Inline code (`` `x` ``), backticks included.
    Code,
    Link,
    Image,
    /// A line of raw HTML inside an `HtmlBlock` (consecutive lines merged).
    Html,
    InlineHtml,
    FootnoteReference,
    Other,
}

impl NodeKind {
    pub const fn is_block(self) -> bool {
        matches!(
            self,
            NodeKind::Root
                | NodeKind::Heading { .. }
                | NodeKind::Paragraph
                | NodeKind::BlockQuote
                | NodeKind::CodeBlock { .. }
                | NodeKind::HtmlBlock
                | NodeKind::List { .. }
                | NodeKind::Item
                | NodeKind::Table { .. }
                | NodeKind::TableHead
                | NodeKind::TableRow
                | NodeKind::TableCell
                | NodeKind::ThematicBreak
                | NodeKind::FootnoteDefinition
        )
    }
}

/// One construct of the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Node {
    pub kind: NodeKind,
    /// Bytes of the whole construct, markers included.
    pub span: Span,
    /// Bytes covered by the node's inline content (text, code, links, …);
    /// `start == u32::MAX` while none was seen.
    pub(crate) content: Span,
    /// One past the last descendant: the next sibling's id, if any.
    pub(crate) subtree_end: u32,
    pub(crate) parent: u32,
}

/// YAML front matter at the start of a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FrontMatter {
    /// From the opening `---` to the end of the closing line (newline included).
    pub span: Span,
    /// The YAML between the delimiter lines.
    pub body: Span,
}

/// A parsed Markdown document: nodes in document order (parents before
/// children) plus the section tree built from top-level headings.
#[derive(Clone, Debug)]
pub struct MdTree {
    pub(crate) nodes: Vec<Node>,
    pub(crate) sections: Vec<Section>,
    pub(crate) front_matter: Option<FrontMatter>,
    pub(crate) parser_panicked: bool,
    pub(crate) built_fast: bool,
}

impl MdTree {
    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    /// Spans of code (blocks and inline) and HTML (blocks, comments,
    /// inline), in document order: text that is not prose.
    pub fn code_and_html_spans(&self) -> Vec<Span> {
        self.nodes
            .iter()
            .filter(|node| {
                matches!(
                    node.kind,
                    NodeKind::CodeBlock { .. }
                        | NodeKind::Code
                        | NodeKind::HtmlBlock
                        | NodeKind::Html
                        | NodeKind::InlineHtml
                )
            })
            .map(|node| node.span)
            .collect()
    }

    /// The node with `id`. Ids come from this tree; an id from elsewhere gets the root.
    pub fn node(&self, id: NodeId) -> &Node {
        self.nodes.get(id.index()).unwrap_or(&self.nodes[0])
    }

    pub fn kind(&self, id: NodeId) -> NodeKind {
        self.node(id).kind
    }

    pub fn span(&self, id: NodeId) -> Span {
        self.node(id).span
    }

    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        if id == NodeId::ROOT {
            None
        } else {
            Some(NodeId(self.node(id).parent))
        }
    }

    /// Direct children of `id`, in order.
    pub fn children(&self, id: NodeId) -> Children<'_> {
        let node = self.node(id);
        Children {
            tree: self,
            next: id.0 + 1,
            end: node.subtree_end,
        }
    }

    /// All descendants of `id` in document order.
    pub fn descendants(&self, id: NodeId) -> impl Iterator<Item = NodeId> + use<'_> {
        (id.0 + 1..self.node(id).subtree_end).map(NodeId)
    }

    /// The first child of `id` whose kind satisfies `pred`.
    pub fn child_where(&self, id: NodeId, pred: impl Fn(NodeKind) -> bool) -> Option<NodeId> {
        self.children(id).find(|&child| pred(self.kind(child)))
    }

    /// Span of the inline content of a node (heading text without `#`
    /// markers, paragraph or cell text, a code block's code, a link's text):
    /// from the first inline event to the last. Empty at the node's start if
    /// there is none.
    pub fn content_span(&self, id: NodeId) -> Span {
        let node = self.node(id);
        if node.content.start == u32::MAX {
            Span::empty(node.span.start)
        } else {
            node.content
        }
    }

    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    pub fn section(&self, id: SectionId) -> &Section {
        self.sections.get(id.index()).unwrap_or(&self.sections[0])
    }

    pub fn front_matter(&self) -> Option<FrontMatter> {
        self.front_matter
    }

    /// True when the Markdown parser panicked; the tree is then empty.
    pub fn parser_panicked(&self) -> bool {
        self.parser_panicked
    }

    /// True when the fast scanner built the tree rather than pulldown-cmark
    /// (the trees are the same either way; benchmarks report the share).
    pub fn built_fast(&self) -> bool {
        self.built_fast
    }
}

/// Iterator over the direct children of a node.
pub struct Children<'t> {
    tree: &'t MdTree,
    next: u32,
    end: u32,
}

impl Iterator for Children<'_> {
    type Item = NodeId;

    fn next(&mut self) -> Option<NodeId> {
        if self.next >= self.end {
            return None;
        }
        let id = NodeId(self.next);
        self.next = self
            .tree
            .nodes
            .get(id.index())
            .map_or(self.end, |node| node.subtree_end);
        Some(id)
    }
}
