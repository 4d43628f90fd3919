//! The section tree: every top-level heading opens a section that runs until
//! the next heading of the same or a higher level.

use speckit_text::Span;

use crate::tree::{MdTree, Node, NodeId, NodeKind};

/// Index of a section in [`MdTree::sections`]. Section 0 is the whole document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SectionId(pub u32);

impl SectionId {
    pub const DOCUMENT: SectionId = SectionId(0);

    pub const fn index(self) -> usize {
        self.0 as usize
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Section {
    /// The heading node; `None` for the document section.
    pub heading: Option<NodeId>,
    /// 1–6 for headings, 0 for the document.
    pub level: u8,
    /// The heading's text, without `#` markers (empty for the document).
    pub title: Span,
    /// From the heading to the next heading of the same or a higher level.
    pub span: Span,
    /// Top-level blocks between this heading and the next heading of any level.
    pub(crate) first_block: u32,
    pub(crate) blocks_end: u32,
    pub(crate) parent: u32,
    pub(crate) subtree_end: u32,
}

pub(crate) fn build_sections(nodes: &[Node], text_len: u32) -> Vec<Section> {
    let mut sections = Vec::with_capacity(32);
    let node_count = u32::try_from(nodes.len()).unwrap_or(u32::MAX);
    sections.push(Section {
        heading: None,
        level: 0,
        title: Span::empty(0),
        span: Span::new(0, text_len),
        first_block: 1,
        blocks_end: node_count,
        parent: 0,
        subtree_end: 1,
    });
    let mut open: Vec<usize> = vec![0];
    let mut previous_section = 0usize;

    let mut child = 1u32;
    let root_end = nodes.first().map_or(1, |root| root.subtree_end);
    while child < root_end {
        let Some(node) = nodes.get(child as usize) else {
            break;
        };
        if let NodeKind::Heading { level, .. } = node.kind {
            // The previous section's own blocks stop at this heading.
            if let Some(previous) = sections.get_mut(previous_section) {
                previous.blocks_end = child;
            }
            while let Some(&top) = open.last() {
                let top_level = sections.get(top).map_or(0, |s: &Section| s.level);
                if top != 0 && top_level >= level {
                    close(&mut sections, top, node.span.start);
                    open.pop();
                } else {
                    break;
                }
            }
            let parent = open.last().copied().unwrap_or(0);
            let index = sections.len();
            sections.push(Section {
                heading: Some(NodeId(child)),
                level,
                title: heading_title(nodes, child),
                span: Span::new(node.span.start, text_len),
                first_block: node.subtree_end,
                blocks_end: root_end,
                parent: u32::try_from(parent).unwrap_or(0),
                subtree_end: 0,
            });
            open.push(index);
            previous_section = index;
        }
        child = node.subtree_end.max(child + 1);
    }
    while let Some(top) = open.pop() {
        close(&mut sections, top, text_len);
    }
    sections
}

fn close(sections: &mut [Section], index: usize, end: u32) {
    let subtree_end = u32::try_from(sections.len()).unwrap_or(u32::MAX);
    if let Some(section) = sections.get_mut(index) {
        section.subtree_end = subtree_end;
        if section.heading.is_some() {
            section.span.end = end.max(section.span.start);
        }
    }
}

fn heading_title(nodes: &[Node], heading: u32) -> Span {
    let Some(node) = nodes.get(heading as usize) else {
        return Span::default();
    };
    if node.content.start == u32::MAX {
        Span::empty(node.span.end)
    } else {
        node.content
    }
}

impl Section {
    /// Text of the heading title, from the document's text.
    pub fn title_text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.title.range()).unwrap_or("")
    }

    /// Everything after the heading line, up to the end of the section.
    pub fn body_span(&self, tree: &MdTree) -> Span {
        match self.heading {
            Some(heading) => Span::new(tree.span(heading).end.min(self.span.end), self.span.end),
            None => self.span,
        }
    }
}

impl MdTree {
    /// Direct child sections of `id`.
    pub fn child_sections(&self, id: SectionId) -> impl Iterator<Item = SectionId> + use<'_> {
        let section = self.section(id);
        let mut next = id.0 + 1;
        let end = section.subtree_end;
        std::iter::from_fn(move || {
            if next >= end {
                return None;
            }
            let current = SectionId(next);
            next = self
                .sections
                .get(current.index())
                .map_or(end, |s| s.subtree_end.max(next + 1));
            Some(current)
        })
    }

    /// All sections below `id` (children, grandchildren, …) in document order.
    pub fn descendant_sections(&self, id: SectionId) -> impl Iterator<Item = SectionId> + use<> {
        let end = self.section(id).subtree_end;
        (id.0 + 1..end).map(SectionId)
    }

    pub fn parent_section(&self, id: SectionId) -> Option<SectionId> {
        if id == SectionId::DOCUMENT {
            None
        } else {
            Some(SectionId(self.section(id).parent))
        }
    }

    /// Top-level blocks that belong to `id` itself (not to its subsections).
    pub fn section_blocks(&self, id: SectionId) -> impl Iterator<Item = NodeId> + use<'_> {
        let section = self.section(id);
        let mut next = section.first_block;
        let end = section.blocks_end;
        std::iter::from_fn(move || {
            if next >= end {
                return None;
            }
            let current = NodeId(next);
            next = self
                .nodes
                .get(current.index())
                .map_or(end, |n| n.subtree_end.max(next + 1));
            Some(current)
        })
    }

    /// Blocks of `id` and of all its subsections, headings of subsections included.
    pub fn section_all_blocks(&self, id: SectionId) -> impl Iterator<Item = NodeId> + use<'_> {
        let section = self.section(id);
        let span = section.span;
        let start = section.first_block;
        let root_end = self.nodes.first().map_or(0, |n| n.subtree_end);
        let mut next = start;
        std::iter::from_fn(move || {
            if next >= root_end {
                return None;
            }
            let current = NodeId(next);
            let node = self.nodes.get(current.index())?;
            if node.span.start >= span.end {
                return None;
            }
            next = node.subtree_end.max(next + 1);
            Some(current)
        })
    }

    /// The section that contains byte `offset` most narrowly.
    pub fn section_at(&self, offset: u32) -> SectionId {
        let mut best = SectionId::DOCUMENT;
        for (index, section) in self.sections.iter().enumerate().skip(1) {
            if section.span.start > offset {
                break;
            }
            if section.span.contains(offset) {
                best = SectionId(u32::try_from(index).unwrap_or(0));
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let tree = MdTree::parse(text);
        let mut out = Vec::new();
        for (index, section) in tree.sections().iter().enumerate() {
            let id = SectionId(u32::try_from(index).unwrap());
            let mut depth = 0;
            let mut cursor = id;
            while let Some(parent) = tree.parent_section(cursor) {
                depth += 1;
                cursor = parent;
            }
            let blocks: Vec<&str> = tree
                .section_blocks(id)
                .map(|block| text[tree.span(block).range()].lines().next().unwrap_or(""))
                .collect();
            out.push(format!(
                "{}{} [{}] {:?}",
                "  ".repeat(depth),
                section.title_text(text),
                blocks.join(" | "),
                &text[section.span.range()].len()
            ));
        }
        assert_eq!(out, expected, "\n{out:#?}");
    }

    #[test]
    fn nested_sections() {
        check(
            "intro\n# A\npara\n## B\n- x\n### C\n## D\ntext\n# E\n",
            &[
                " [intro] 44",
                "  A [para] 34",
                "    B [- x] 15",
                "      C [] 6",
                "    D [text] 10",
                "  E [] 4",
            ],
        );
    }

    #[test]
    fn heading_inside_list_is_not_a_section() {
        check(
            "# A\n- # not a section\n",
            &[" [] 22", "  A [- # not a section] 22"],
        );
    }

    #[test]
    fn section_at_finds_innermost() {
        let text = "# A\n## B\nbody\n## C\n";
        let tree = MdTree::parse(text);
        let offset = u32::try_from(text.find("body").unwrap()).unwrap();
        let id = tree.section_at(offset);
        assert_eq!(tree.section(id).title_text(text), "B");
    }
}
