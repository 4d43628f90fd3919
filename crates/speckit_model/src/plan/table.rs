//! Plan tables with typed rows.
//!
//! Each table of the seed template has fixed columns; a row type names them.
//! Columns are found by header name first and by position second, so tables
//! whose headers are translated still read. Blank rows and template cells
//! (`Low/Med/High`) are kept as written: the rules report them.

use schemars::JsonSchema;
use serde::Serialize;
use speckit_md::{NodeId, NodeKind};
use speckit_text::{Span, Spanned};

use super::layout::SectionRef;
use super::scan;
use crate::common::Text;
use crate::document::Document;

/// A row type: the header names accepted for each of its columns, in the
/// template's column order (at most [`MAX_COLUMNS`]).
pub(crate) trait PlanRow<'a>: Sized {
    const COLUMNS: &'static [&'static [&'static str]];
    /// `cells` holds one text per column, in column order.
    fn from_cells(span: Span, blank: bool, cells: &[Text<'a>]) -> Self;
}

/// The most columns a row type has.
const MAX_COLUMNS: usize = 4;

/// A subsection (or section) holding one table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct TableSection<'a, R> {
    pub section: SectionRef<'a>,
    /// The table, when the section has one.
    pub table: Option<Span>,
    /// Header cells as written.
    pub header: Vec<Text<'a>>,
    pub rows: Vec<R>,
}

/// Reads the table node `table` (the section's first table, if any) with
/// row type `R`, in one pass over the table's nodes: each cell goes to its
/// column as it is read, with no list of cells in between.
pub(crate) fn table_section<'a, R: PlanRow<'a>>(
    doc: &'a Document,
    section: SectionRef<'a>,
    table: Option<NodeId>,
) -> TableSection<'a, R> {
    let Some(table) = table else {
        return TableSection {
            section,
            table: None,
            header: Vec::new(),
            rows: Vec::new(),
        };
    };
    debug_assert!(
        R::COLUMNS.len() <= MAX_COLUMNS,
        "row type with too many columns"
    );
    let column_count = R::COLUMNS.len().min(MAX_COLUMNS);
    let mut header = Vec::new();
    let mut rows = Vec::new();
    // Column of each field (`usize::MAX` for none), set once the head is read.
    let mut columns = [usize::MAX; MAX_COLUMNS];
    let mut row: Option<Row<'a>> = None;
    let mut head_done = false;
    for cell in parts(doc, table) {
        match cell {
            Part::Head => {}
            Part::Row(span) => {
                if !head_done {
                    head_done = true;
                    columns = column_indices::<R>(&header);
                    // Rows are the table's other parts; an upper bound saves
                    // growing the list.
                    rows.reserve(doc.tree.descendants(table).size_hint().0 / (header.len() + 1));
                }
                if let Some(done) = row.replace(Row::new(span)) {
                    rows.push(done.finish::<R>(column_count));
                }
            }
            Part::Cell(text) => match row.as_mut() {
                Some(row) => row.add(text, &columns),
                None => header.push(text),
            },
        }
    }
    if let Some(done) = row {
        rows.push(done.finish::<R>(column_count));
    }
    TableSection {
        section,
        table: Some(doc.tree.span(table)),
        header,
        rows,
    }
}

/// A table node's parts in document order, inline nodes skipped.
enum Part<'a> {
    Head,
    Row(Span),
    /// A cell's trimmed text.
    Cell(Text<'a>),
}

/// The parts of `table`. The head comes first and holds its cells directly;
/// each row holds its cells; nothing else of interest is inside a table.
/// Walks the table's slice of the node list (its descendants are the nodes
/// right after it), so that each node costs a load, not a call.
fn parts(doc: &Document, table: NodeId) -> impl Iterator<Item = Part<'_>> + '_ {
    let tree = &doc.tree;
    let first = table.index() + 1;
    let count = tree.descendants(table).size_hint().0;
    let nodes = tree.nodes().get(first..first + count).unwrap_or(&[]);
    nodes.iter().filter_map(move |node| match node.kind {
        NodeKind::TableHead => Some(Part::Head),
        NodeKind::TableRow => Some(Part::Row(node.span)),
        NodeKind::TableCell => Some(Part::Cell(scan::trim(scan::slice(&doc.text, node.span)))),
        _ => None,
    })
}

/// A body row being read.
struct Row<'a> {
    span: Span,
    picked: [Text<'a>; MAX_COLUMNS],
    blank: bool,
    cells: usize,
}

impl<'a> Row<'a> {
    fn new(span: Span) -> Row<'a> {
        Row {
            span,
            picked: [Spanned::new("", Span::empty(span.end)); MAX_COLUMNS],
            blank: true,
            cells: 0,
        }
    }

    fn add(&mut self, cell: Text<'a>, columns: &[usize; MAX_COLUMNS]) {
        self.blank &= cell.value.is_empty();
        for (slot, &column) in self.picked.iter_mut().zip(columns) {
            if column == self.cells {
                *slot = cell;
            }
        }
        self.cells += 1;
    }

    fn finish<R: PlanRow<'a>>(self, column_count: usize) -> R {
        R::from_cells(
            self.span,
            self.blank,
            self.picked.get(..column_count).unwrap_or(&[]),
        )
    }
}

/// Each column of `R`: found by name (the first header cell named like one
/// of its names, tried in turn, ASCII case-insensitive, `**` emphasis
/// ignored, as `Table::column_any` finds it), else by position when the
/// header is that wide.
fn column_indices<'a, R: PlanRow<'a>>(header: &[Text<'_>]) -> [usize; MAX_COLUMNS] {
    // Each header cell is stripped once, not once per name tried.
    let mut names = [""; 8];
    for (slot, cell) in names.iter_mut().zip(header) {
        *slot = strip_strong(cell.value);
    }
    let column_of = |wanted: &str| -> Option<usize> {
        header.iter().enumerate().position(|(index, cell)| {
            let name = names
                .get(index)
                .copied()
                .unwrap_or_else(|| strip_strong(cell.value));
            name.len() == wanted.len() && name.eq_ignore_ascii_case(wanted)
        })
    };
    let mut columns = [usize::MAX; MAX_COLUMNS];
    for ((position, wanted), column) in R::COLUMNS.iter().enumerate().zip(columns.iter_mut()) {
        if let Some(index) = wanted
            .iter()
            .find_map(|name| column_of(name))
            .or_else(|| (position < header.len()).then_some(position))
        {
            *column = index;
        }
    }
    columns
}

/// A header cell without `**` around it, trimmed.
fn strip_strong(text: &str) -> &str {
    let inner = text
        .strip_prefix("**")
        .and_then(|inner| inner.strip_suffix("**"))
        .unwrap_or(text);
    scan::trim_str(inner)
}

/// Any table, cells as written (Constitution Check gates, free tables).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct FreeTable<'a> {
    pub span: Span,
    pub header: Vec<Text<'a>>,
    pub rows: Vec<FreeRow<'a>>,
}

/// A row of a [`FreeTable`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct FreeRow<'a> {
    pub span: Span,
    pub cells: Vec<Text<'a>>,
    /// True when every cell is blank.
    pub blank: bool,
}

impl<'a> FreeTable<'a> {
    /// Reads the table node `table`.
    pub(crate) fn read(doc: &'a Document, table: NodeId) -> Self {
        let mut header = Vec::new();
        let mut rows: Vec<FreeRow<'a>> = Vec::new();
        for part in parts(doc, table) {
            match part {
                Part::Head => {}
                Part::Row(span) => rows.push(FreeRow {
                    span,
                    cells: Vec::with_capacity(header.len()),
                    blank: true,
                }),
                Part::Cell(cell) => match rows.last_mut() {
                    Some(row) => {
                        row.blank &= cell.value.is_empty();
                        row.cells.push(cell);
                    }
                    None => header.push(cell),
                },
            }
        }
        FreeTable {
            span: doc.tree.span(table),
            header,
            rows,
        }
    }
}

/// Declares a row type with one `Text` per column.
macro_rules! plan_row {
    ($(#[$meta:meta])* $name:ident { $($(#[$field_meta:meta])* $field:ident: [$($column:literal),+ $(,)?]),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
        pub struct $name<'a> {
            /// The whole row.
            pub span: Span,
            /// True when every cell is blank (an unfilled template row).
            pub blank: bool,
            $($(#[$field_meta])* pub $field: Text<'a>,)+
        }

        impl<'a> PlanRow<'a> for $name<'a> {
            const COLUMNS: &'static [&'static [&'static str]] = &[$(&[$($column),+]),+];

            fn from_cells(span: Span, blank: bool, cells: &[Text<'a>]) -> Self {
                let empty = Spanned::new("", Span::empty(span.end));
                let mut cells = cells.iter().copied();
                // Struct fields are initialised in the order written, which is the column order.
                $name { span, blank, $($field: cells.next().unwrap_or(empty),)+ }
            }
        }
    };
}

plan_row! {
    /// A row of `Files to Create`.
    FileToCreate {
        path: ["File Path", "File", "Path"],
        purpose: ["Purpose", "Description"],
        /// `Low`, `Med`, `High` (template: `Low/Med/High`).
        complexity: ["Complexity"],
    }
}

plan_row! {
    /// A row of `Files to Modify`.
    FileToModify {
        path: ["File Path", "File", "Path"],
        changes: ["Changes Needed", "Changes", "Change"],
        /// `Low`, `Med`, `High` (template: `Low/Med/High`).
        impact: ["Impact"],
    }
}

plan_row! {
    /// A row of `New Dependencies`.
    NewDependency {
        package: ["Package", "Name"],
        /// A semver range.
        version: ["Version"],
        purpose: ["Purpose"],
        bundle_impact: ["Bundle Impact", "Size"],
    }
}

plan_row! {
    /// A row of `Peer Dependencies`.
    PeerDependency {
        package: ["Package", "Name"],
        required_version: ["Required Version", "Required"],
        current_version: ["Current Version", "Current"],
    }
}

plan_row! {
    /// A row of `Schema Migrations`.
    Migration {
        migration: ["Migration", "Name"],
        /// The migration type (no fixed list).
        kind: ["Type", "Kind"],
        description: ["Description"],
        /// `Yes` or `No` (template: `Yes/No`).
        reversible: ["Reversible"],
    }
}

plan_row! {
    /// A row of `Error Recovery Strategies`.
    ErrorRecovery {
        error_type: ["Error Type", "Error"],
        strategy: ["Recovery Strategy", "Strategy"],
        user_experience: ["User Experience", "UX"],
    }
}

plan_row! {
    /// A row of `Benchmarks`.
    Benchmark {
        metric: ["Metric"],
        target: ["Target"],
        method: ["Measurement Method", "Method", "Measurement"],
    }
}

plan_row! {
    /// A row of `Feature Flags`.
    FeatureFlag {
        name: ["Flag Name", "Flag", "Name"],
        purpose: ["Purpose"],
        /// `ON` or `OFF` (template: `ON/OFF`).
        default_state: ["Default State", "Default"],
    }
}

plan_row! {
    /// A row of `Risk Mitigation`.
    Risk {
        risk: ["Risk"],
        mitigation: ["Mitigation Strategy", "Mitigation"],
        /// `Not Started`, `In Progress` or `Complete`.
        status: ["Status"],
    }
}

plan_row! {
    /// A row of spec-kit's `Complexity Tracking` table.
    ComplexityRow {
        violation: ["Violation"],
        why_needed: ["Why Needed"],
        /// `Simpler Alternative Rejected Because`.
        simpler_alternative: ["Simpler Alternative Rejected Because", "Simpler Alternative"],
    }
}
