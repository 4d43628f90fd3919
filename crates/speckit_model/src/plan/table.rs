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
/// row type `R`, straight from the tree: each row's cells go to their
/// columns as they are read, with no list of cells in between.
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
    let tree = &doc.tree;
    let column_count = R::COLUMNS.len().min(MAX_COLUMNS);
    debug_assert!(
        R::COLUMNS.len() <= MAX_COLUMNS,
        "row type with too many columns"
    );
    let mut header = Vec::new();
    let mut columns = [None; MAX_COLUMNS];
    let mut rows = Vec::new();
    // The head is the first part of a GFM table, so the columns are known
    // before the first row.
    for part in tree.children(table) {
        match tree.kind(part) {
            NodeKind::TableHead => {
                header = cells(doc, part).collect();
                for ((position, names), column) in
                    R::COLUMNS.iter().enumerate().zip(columns.iter_mut())
                {
                    *column = column_named(&header, names)
                        .or_else(|| (position < header.len()).then_some(position));
                }
            }
            NodeKind::TableRow => {
                let span = tree.span(part);
                let empty = Spanned::new("", Span::empty(span.end));
                let mut picked = [empty; MAX_COLUMNS];
                let mut blank = true;
                for (index, cell) in cells(doc, part).enumerate() {
                    blank &= cell.value.is_empty();
                    for (slot, column) in picked.iter_mut().zip(columns) {
                        if column == Some(index) {
                            *slot = cell;
                        }
                    }
                }
                rows.push(R::from_cells(
                    span,
                    blank,
                    picked.get(..column_count).unwrap_or(&[]),
                ));
            }
            _ => {}
        }
    }
    TableSection {
        section,
        table: Some(tree.span(table)),
        header,
        rows,
    }
}

/// The trimmed cells of a table row (or head).
fn cells(doc: &Document, row: NodeId) -> impl Iterator<Item = Text<'_>> + '_ {
    let tree = &doc.tree;
    tree.children(row)
        .filter(move |&cell| tree.kind(cell) == NodeKind::TableCell)
        .map(move |cell| scan::trim(Spanned::slice(&doc.text, tree.span(cell))))
}

/// The first header cell named like one of `names`, tried in turn (ASCII
/// case-insensitive, `**` emphasis ignored), as `Table::column_any` finds it.
fn column_named(header: &[Text<'_>], names: &[&str]) -> Option<usize> {
    names.iter().find_map(|name| {
        header.iter().position(|cell| {
            let text = cell.value;
            let inner = text
                .strip_prefix("**")
                .and_then(|inner| inner.strip_suffix("**"))
                .unwrap_or(text);
            scan::trim_str(inner).eq_ignore_ascii_case(name)
        })
    })
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
        let tree = &doc.tree;
        let mut header = Vec::new();
        let mut rows = Vec::new();
        for part in tree.children(table) {
            match tree.kind(part) {
                NodeKind::TableHead => header = cells(doc, part).collect(),
                NodeKind::TableRow => {
                    let cells: Vec<Text<'a>> = cells(doc, part).collect();
                    rows.push(FreeRow {
                        span: tree.span(part),
                        blank: cells.iter().all(|cell| cell.value.is_empty()),
                        cells,
                    });
                }
                _ => {}
            }
        }
        FreeTable {
            span: tree.span(table),
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
