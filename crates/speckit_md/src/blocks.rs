//! Typed access to block constructs: tables, code blocks, list items.

use speckit_text::{Span, Spanned};

use crate::tree::{MdTree, NodeId, NodeKind};

/// A GFM table with trimmed cell texts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table<'a> {
    pub node: NodeId,
    pub span: Span,
    pub header: Vec<Spanned<&'a str>>,
    pub rows: Vec<TableRow<'a>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableRow<'a> {
    pub span: Span,
    pub cells: Vec<Spanned<&'a str>>,
}

impl<'a> TableRow<'a> {
    /// The trimmed text of cell `index`, or `""` when the row is short.
    pub fn cell(&self, index: usize) -> &'a str {
        self.cells.get(index).map_or("", |cell| cell.value)
    }

    /// True if every cell is blank.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|cell| cell.value.is_empty())
    }
}

impl Table<'_> {
    /// Index of the first header cell whose text equals `name` (ASCII
    /// case-insensitive, `**` emphasis ignored).
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header
            .iter()
            .position(|cell| strip_strong(cell.value).eq_ignore_ascii_case(name))
    }

    /// Like [`Table::column`], trying several names in turn.
    pub fn column_any(&self, names: &[&str]) -> Option<usize> {
        names.iter().find_map(|name| self.column(name))
    }
}

fn strip_strong(text: &str) -> &str {
    text.strip_prefix("**")
        .and_then(|t| t.strip_suffix("**"))
        .unwrap_or(text)
        .trim()
}

/// A fenced or indented code block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CodeBlock<'a> {
    pub node: NodeId,
    pub span: Span,
    /// The info string after the opening fence, trimmed (`""` if none).
    pub info: Spanned<&'a str>,
    /// The code between the fences.
    pub content: Spanned<&'a str>,
}

impl CodeBlock<'_> {
    /// First word of the info string, lower-cased comparison helper.
    pub fn language_is(&self, language: &str) -> bool {
        self.info
            .value
            .split_whitespace()
            .next()
            .is_some_and(|word| word.eq_ignore_ascii_case(language))
    }
}

impl MdTree {
    /// Reads the table at `id` (which must be a `Table` node).
    pub fn table<'a>(&self, text: &'a str, id: NodeId) -> Option<Table<'a>> {
        if !matches!(self.kind(id), NodeKind::Table { .. }) {
            return None;
        }
        let mut header = Vec::new();
        let mut rows = Vec::new();
        for part in self.children(id) {
            match self.kind(part) {
                NodeKind::TableHead => header = self.cells(text, part),
                NodeKind::TableRow => rows.push(TableRow {
                    span: self.span(part),
                    cells: self.cells(text, part),
                }),
                _ => {}
            }
        }
        Some(Table {
            node: id,
            span: self.span(id),
            header,
            rows,
        })
    }

    fn cells<'a>(&self, text: &'a str, row: NodeId) -> Vec<Spanned<&'a str>> {
        self.children(row)
            .filter(|&cell| self.kind(cell) == NodeKind::TableCell)
            .map(|cell| Spanned::slice(text, self.span(cell)).trim())
            .collect()
    }

    /// Reads the code block at `id`.
    pub fn code_block<'a>(&self, text: &'a str, id: NodeId) -> Option<CodeBlock<'a>> {
        let NodeKind::CodeBlock { fenced } = self.kind(id) else {
            return None;
        };
        let span = self.span(id);
        let source = text.get(span.range()).unwrap_or("");
        let content_span = if self.node(id).content.start == u32::MAX {
            // An empty block: its (empty) content sits after the opening line.
            let first_line_end = source.find('\n').map_or(source.len(), |index| index + 1);
            Span::empty(span.subspan(0..first_line_end).end)
        } else {
            self.content_span(id)
        };
        let info = if fenced {
            let first_line = source.lines().next().unwrap_or("");
            let after_indent = first_line.trim_start();
            let fence_char = after_indent.chars().next().unwrap_or('`');
            let info = after_indent.trim_start_matches(fence_char).trim();
            Spanned::new(info, span.of_subslice(source, info))
        } else {
            Spanned::new("", Span::empty(span.start))
        };
        Some(CodeBlock {
            node: id,
            span,
            info,
            content: Spanned::slice(text, content_span),
        })
    }

    /// The first line of a list item, from its marker to the line end.
    pub fn item_first_line<'a>(&self, text: &'a str, item: NodeId) -> Spanned<&'a str> {
        let span = self.span(item);
        let source = text.get(span.range()).unwrap_or("");
        let line_len = memchr::memchr2(b'\n', b'\r', source.as_bytes()).unwrap_or(source.len());
        Spanned::new(
            source.get(..line_len).unwrap_or(""),
            span.subspan(0..line_len),
        )
    }

    /// Nested lists directly inside `item`.
    pub fn item_sublists(&self, item: NodeId) -> impl Iterator<Item = NodeId> + use<'_> {
        self.children(item)
            .filter(|&child| matches!(self.kind(child), NodeKind::List { .. }))
    }

    /// Items of a list node.
    pub fn list_items(&self, list: NodeId) -> impl Iterator<Item = NodeId> + use<'_> {
        self.children(list)
            .filter(|&child| self.kind(child) == NodeKind::Item)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_columns_and_rows() {
        let text = "| File Path | **Purpose** |\n|---|---|\n| `a.rs` | x |\n|  |  |\n";
        let tree = MdTree::parse(text);
        let table = tree
            .table(text, tree.children(NodeId::ROOT).next().unwrap())
            .unwrap();
        assert_eq!(table.column("purpose"), Some(1));
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[0].cell(0), "`a.rs`");
        assert!(table.rows[1].is_blank());
        assert_eq!(table.rows[0].cell(7), "");
    }

    #[test]
    fn code_block_info_and_content() {
        let text = "```sql title\nSELECT 1;\n```\n\n```\n```\n";
        let tree = MdTree::parse(text);
        let mut blocks = tree.children(NodeId::ROOT);
        let block = tree.code_block(text, blocks.next().unwrap()).unwrap();
        assert_eq!(block.info.value, "sql title");
        assert_eq!(&text[block.info.span.range()], "sql title");
        assert!(block.language_is("SQL"));
        assert_eq!(block.content.value, "SELECT 1;\n");
        let empty = tree.code_block(text, blocks.next().unwrap()).unwrap();
        assert_eq!(empty.content.value, "");
        assert_eq!(empty.info.value, "");
    }

    #[test]
    fn item_first_line() {
        let text = "- [ ] T001 first\n  detail\n";
        let tree = MdTree::parse(text);
        let list = tree.children(NodeId::ROOT).next().unwrap();
        let item = tree.list_items(list).next().unwrap();
        assert_eq!(tree.item_first_line(text, item).value, "- [ ] T001 first");
    }
}
