//! Plan tables with typed rows.
//!
//! Each table of the seed template has fixed columns; a row type names them.
//! Columns are found by header name first and by position second, so tables
//! whose headers are translated still read. Blank rows and template cells
//! (`Low/Med/High`) are kept as written: the rules report them.

use schemars::JsonSchema;
use serde::Serialize;
use speckit_md::Table;
use speckit_text::{Span, Spanned};

use super::layout::SectionRef;
use crate::common::Text;

/// A row type: the header names accepted for each of its columns, in the
/// template's column order.
pub(crate) trait PlanRow<'a>: Sized {
    const COLUMNS: &'static [&'static [&'static str]];
    fn from_cells(span: Span, blank: bool, cells: &mut dyn Iterator<Item = Text<'a>>) -> Self;
}

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

/// Reads `table` (the section's first table, if any) with row type `R`.
pub(crate) fn table_section<'a, R: PlanRow<'a>>(
    section: SectionRef<'a>,
    table: Option<&Table<'a>>,
) -> TableSection<'a, R> {
    let Some(table) = table else {
        return TableSection {
            section,
            table: None,
            header: Vec::new(),
            rows: Vec::new(),
        };
    };
    let columns: Vec<Option<usize>> = R::COLUMNS
        .iter()
        .enumerate()
        .map(|(position, names)| {
            table
                .column_any(names)
                .or_else(|| (position < table.header.len()).then_some(position))
        })
        .collect();
    let rows = table
        .rows
        .iter()
        .map(|row| {
            let end = Span::empty(row.span.end);
            let mut cells = columns.iter().map(|column| {
                column
                    .and_then(|index| row.cells.get(index).copied())
                    .unwrap_or(Spanned::new("", end))
            });
            R::from_cells(row.span, row.is_blank(), &mut cells)
        })
        .collect();
    TableSection {
        section,
        table: Some(table.span),
        header: table.header.clone(),
        rows,
    }
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
    pub(crate) fn new(table: &Table<'a>) -> Self {
        FreeTable {
            span: table.span,
            header: table.header.clone(),
            rows: table
                .rows
                .iter()
                .map(|row| FreeRow {
                    span: row.span,
                    cells: row.cells.clone(),
                    blank: row.is_blank(),
                })
                .collect(),
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

            fn from_cells(span: Span, blank: bool, cells: &mut dyn Iterator<Item = Text<'a>>) -> Self {
                let empty = Spanned::new("", Span::empty(span.end));
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
