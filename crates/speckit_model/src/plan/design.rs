//! The design sections of the seed plan: File Structure, Data Models, API
//! Contracts, Component Hierarchy, State Management, Dependencies, Database
//! Schema Changes, Integration Points and Error Handling.

use schemars::JsonSchema;
use serde::Serialize;
use speckit_md::{NodeId, NodeKind};

use super::content::{
    Code, Content, Field, ItemList, find_field, item_list, meta_field, read_content,
};
use super::layout::{Layout, SectionRef};
use super::scan;
use super::table::{
    ErrorRecovery, FileToCreate, FileToModify, Migration, NewDependency, PeerDependency, PlanRow,
    TableSection, table_section,
};
use super::tree::{FileTree, parse_tree};
use super::typescript::{Declarations, TsEnum, TsInterface, read_declarations};
use crate::common::{MetaField, Text};

/// `## File Structure`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct FileStructure<'a> {
    pub section: SectionRef<'a>,
    /// The tree in the section's code block.
    pub tree: Option<FileTree<'a>>,
    pub files_to_create: Option<TableSection<'a, FileToCreate<'a>>>,
    pub files_to_modify: Option<TableSection<'a, FileToModify<'a>>>,
}

/// `## Data Models`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct DataModels<'a> {
    pub section: SectionRef<'a>,
    /// One per subsection (`### Model 1: User`).
    pub models: Vec<DataModel<'a>>,
}

/// `### Model N: Name`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct DataModel<'a> {
    pub section: SectionRef<'a>,
    pub number: Option<Text<'a>>,
    /// The name after `Model N:` (the whole title for other headings).
    pub name: Text<'a>,
    /// `**Purpose**: …`
    pub purpose: Option<MetaField<'a>>,
    /// The first code block.
    pub code: Option<Code<'a>>,
    /// Interfaces declared in the section's code blocks.
    pub interfaces: Vec<TsInterface<'a>>,
    /// `**Relationships**:` and its bullets.
    pub relationships: Option<Field<'a>>,
    /// Every field of the section.
    pub fields: Vec<Field<'a>>,
}

/// `## API Contracts`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ApiContracts<'a> {
    pub section: SectionRef<'a>,
    /// One per subsection (`### Endpoint 1: …`).
    pub endpoints: Vec<Endpoint<'a>>,
}

/// `### Endpoint N: Name`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Endpoint<'a> {
    pub section: SectionRef<'a>,
    pub number: Option<Text<'a>>,
    pub name: Text<'a>,
    /// `GET`, `POST`, … (template: `GET | POST | PUT | DELETE | PATCH`).
    pub method: Option<MetaField<'a>>,
    /// A back-ticked path starting with `/`.
    pub path: Option<MetaField<'a>>,
    /// `Yes` or `No`.
    pub auth_required: Option<MetaField<'a>>,
    /// Request and response bodies, in order.
    pub bodies: Vec<Body<'a>>,
    /// Every field of the section.
    pub fields: Vec<Field<'a>>,
}

/// What a labelled body is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum BodyKind {
    Request,
    /// `**Response:**` or `**Response (201):**`.
    Response,
    /// `**Response Success (200):**`
    Success,
    /// `**Response Error (4xx/5xx):**`
    Error,
}

/// A labelled body: `**Response Success (200):**` followed by a code block.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Body<'a> {
    /// `Response Success (200)`
    pub label: Text<'a>,
    pub kind: BodyKind,
    /// `200`, `4xx/5xx`.
    pub status: Option<Text<'a>>,
    /// A value written after the label, if any.
    pub value: Text<'a>,
    pub code: Option<Code<'a>>,
}

/// `## Component Hierarchy`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ComponentHierarchy<'a> {
    pub section: SectionRef<'a>,
    pub tree: Option<FileTree<'a>>,
}

/// `## State Management`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct StateManagement<'a> {
    pub section: SectionRef<'a>,
    pub global: Option<GlobalState<'a>>,
    /// `### Local State` bullets.
    pub local: Option<ItemList<'a>>,
}

/// `### Global State`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct GlobalState<'a> {
    pub section: SectionRef<'a>,
    pub code: Option<Code<'a>>,
    pub interfaces: Vec<TsInterface<'a>>,
    /// `**Location**: …` (Context, Redux, Zustand, …).
    pub location: Option<MetaField<'a>>,
    /// `**Rationale**: …`
    pub rationale: Option<MetaField<'a>>,
}

/// `## Dependencies` (packages; not `Dependencies and Blockers`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Dependencies<'a> {
    pub section: SectionRef<'a>,
    pub new: Option<TableSection<'a, NewDependency<'a>>>,
    pub peer: Option<TableSection<'a, PeerDependency<'a>>>,
}

/// `## Database Schema Changes`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct DatabaseChanges<'a> {
    pub section: SectionRef<'a>,
    /// The `### New Tables` heading.
    pub new_tables: Option<SectionRef<'a>>,
    /// Every `` Table: `name` `` heading below the section.
    pub tables: Vec<DbTable<'a>>,
    pub migrations: Option<TableSection<'a, Migration<'a>>>,
}

/// `` #### Table: `name` ``.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct DbTable<'a> {
    pub section: SectionRef<'a>,
    /// The table name, without back-ticks.
    pub name: Text<'a>,
    /// The first code block not introduced by a label (`CREATE TABLE …`).
    pub sql: Option<Code<'a>>,
    /// `**Indexes**:` and its code block.
    pub indexes: Option<Field<'a>>,
}

/// `## Integration Points`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct IntegrationPoints<'a> {
    pub section: SectionRef<'a>,
    /// `### External Services` with its `#### Service N: Name` entries.
    pub external_services: Option<IntegrationGroup<'a>>,
    /// `### Internal APIs` with its `#### API N: Name` entries.
    pub internal_apis: Option<IntegrationGroup<'a>>,
}

/// `### External Services` or `### Internal APIs`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct IntegrationGroup<'a> {
    pub section: SectionRef<'a>,
    pub entries: Vec<Integration<'a>>,
}

/// An external service or internal API with its bullet fields (Purpose,
/// Authentication, Owned By, Contract, Error Handling, Rate Limits, …).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Integration<'a> {
    pub section: SectionRef<'a>,
    pub number: Option<Text<'a>>,
    pub name: Text<'a>,
    pub fields: Vec<Field<'a>>,
}

/// `## Error Handling`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ErrorHandling<'a> {
    pub section: SectionRef<'a>,
    pub error_types: Option<ErrorTypes<'a>>,
    pub recovery: Option<TableSection<'a, ErrorRecovery<'a>>>,
}

/// `### Error Types`: the enum of error codes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ErrorTypes<'a> {
    pub section: SectionRef<'a>,
    pub code: Option<Code<'a>>,
    pub enums: Vec<TsEnum<'a>>,
}

/// The first table among `blocks`, as a typed [`TableSection`].
pub(crate) fn first_table<'a, R: PlanRow<'a>>(
    layout: &Layout<'a>,
    section: SectionRef<'a>,
    mut blocks: impl Iterator<Item = NodeId>,
) -> TableSection<'a, R> {
    let tree = &layout.doc.tree;
    let table = blocks.find(|&block| matches!(tree.kind(block), NodeKind::Table { .. }));
    table_section(layout.doc, section, table)
}

/// The child of `section` named like one of `names`, read as a table section.
pub(crate) fn child_table<'a, R: PlanRow<'a>>(
    layout: &Layout<'a>,
    section: usize,
    names: &[&str],
) -> Option<TableSection<'a, R>> {
    let child = layout.child_named(section, names)?;
    Some(first_table(
        layout,
        layout.section_ref(child),
        layout.own_blocks(child),
    ))
}

fn declarations<'a>(layout: &Layout<'a>, content: &Content<'a>) -> Declarations<'a> {
    let mut declarations = Declarations::default();
    for code in content.all_codes() {
        read_declarations(layout.doc, code.content, &mut declarations);
    }
    declarations
}

pub(crate) fn read_file_structure<'a>(layout: &Layout<'a>, section: usize) -> FileStructure<'a> {
    let content = read_content(layout.doc, layout.own_blocks(section));
    FileStructure {
        section: layout.section_ref(section),
        tree: content
            .first_code()
            .map(|code| parse_tree(layout.doc, code)),
        files_to_create: child_table(layout, section, &["Files to Create", "New Files"]),
        files_to_modify: child_table(layout, section, &["Files to Modify", "Modified Files"]),
    }
}

pub(crate) fn read_data_models<'a>(layout: &Layout<'a>, section: usize) -> DataModels<'a> {
    let models = layout
        .children(section)
        .map(|child| {
            let title = layout.title(child);
            let numbered = layout.numbered_title(child, &["Model", "Entity"]);
            let content = read_content(layout.doc, layout.subtree_blocks(child));
            DataModel {
                section: layout.section_ref(child),
                number: numbered.and_then(|numbered| numbered.number),
                name: numbered.map_or(title, |numbered| numbered.name),
                purpose: meta_field(&content.fields, &["Purpose", "Description"]),
                code: content.first_code(),
                interfaces: declarations(layout, &content).interfaces,
                relationships: find_field(&content.fields, &["Relationships", "Relations"])
                    .cloned(),
                fields: content.fields,
            }
        })
        .collect();
    DataModels {
        section: layout.section_ref(section),
        models,
    }
}

pub(crate) fn read_api_contracts<'a>(layout: &Layout<'a>, section: usize) -> ApiContracts<'a> {
    let endpoints = layout
        .children(section)
        .map(|child| {
            let title = layout.title(child);
            let numbered = layout.numbered_title(child, &["Endpoint", "API"]);
            let content = read_content(layout.doc, layout.subtree_blocks(child));
            Endpoint {
                section: layout.section_ref(child),
                number: numbered.and_then(|numbered| numbered.number),
                name: numbered.map_or(title, |numbered| numbered.name),
                method: meta_field(&content.fields, &["Method", "HTTP Method"]),
                path: meta_field(&content.fields, &["Path", "Route", "URL"]),
                auth_required: meta_field(
                    &content.fields,
                    &["Auth Required", "Auth", "Authentication"],
                ),
                bodies: content.fields.iter().filter_map(read_body).collect(),
                fields: content.fields,
            }
        })
        .collect();
    ApiContracts {
        section: layout.section_ref(section),
        endpoints,
    }
}

/// Reads `Request`, `Response`, `Response Success (200)`,
/// `Response Error (4xx/5xx)`, `Response 201` labels.
fn read_body<'a>(field: &Field<'a>) -> Option<Body<'a>> {
    let label = field.label;
    let text = label.value;
    let (kind, rest) = if let Some(rest) = strip_word(text, "Request") {
        (BodyKind::Request, rest)
    } else {
        let rest = strip_word(text, "Response")?;
        if let Some(after) = strip_word(rest, "Success") {
            (BodyKind::Success, after)
        } else if let Some(after) = strip_word(rest, "Error") {
            (BodyKind::Error, after)
        } else {
            (BodyKind::Response, rest)
        }
    };
    let status = rest
        .strip_prefix('(')
        .and_then(|inner| inner.find(')').and_then(|close| inner.get(..close)));
    let bare_status = rest
        .starts_with(|c: char| c.is_ascii_digit())
        .then_some(rest);
    let status = status
        .or(bare_status)
        .map(str::trim)
        .filter(|status| !status.is_empty());
    Some(Body {
        label,
        kind,
        status: status.map(|status| scan::sub(label, status)),
        value: field.value,
        code: field.code,
    })
}

/// `text` without a leading `word` (ASCII case-insensitive, whole word),
/// trimmed at the start.
fn strip_word<'t>(text: &'t str, word: &str) -> Option<&'t str> {
    let head = text.get(..word.len())?;
    let rest = text.get(word.len()..)?;
    let boundary = rest.chars().next().is_none_or(|c| !c.is_alphanumeric());
    (head.eq_ignore_ascii_case(word) && boundary).then(|| scan::trim_start_str(rest))
}

pub(crate) fn read_component_hierarchy<'a>(
    layout: &Layout<'a>,
    section: usize,
) -> ComponentHierarchy<'a> {
    let content = read_content(layout.doc, layout.subtree_blocks(section));
    ComponentHierarchy {
        section: layout.section_ref(section),
        tree: content
            .first_code()
            .map(|code| parse_tree(layout.doc, code)),
    }
}

pub(crate) fn read_state_management<'a>(
    layout: &Layout<'a>,
    section: usize,
) -> StateManagement<'a> {
    let global = layout.child_named(section, &["Global State"]).map(|child| {
        let content = read_content(layout.doc, layout.own_blocks(child));
        GlobalState {
            section: layout.section_ref(child),
            code: content.first_code(),
            interfaces: declarations(layout, &content).interfaces,
            location: meta_field(&content.fields, &["Location", "Store"]),
            rationale: meta_field(&content.fields, &["Rationale"]),
        }
    });
    StateManagement {
        section: layout.section_ref(section),
        global,
        local: item_list(layout, section, &["Local State"]),
    }
}

pub(crate) fn read_dependencies<'a>(layout: &Layout<'a>, section: usize) -> Dependencies<'a> {
    Dependencies {
        section: layout.section_ref(section),
        new: child_table(layout, section, &["New Dependencies"]),
        peer: child_table(layout, section, &["Peer Dependencies"]),
    }
}

pub(crate) fn read_database<'a>(layout: &Layout<'a>, section: usize) -> DatabaseChanges<'a> {
    let tables = layout
        .descendants(section)
        .filter_map(|child| {
            let numbered = layout.numbered_title(child, &["Table"])?;
            let content = read_content(layout.doc, layout.own_blocks(child));
            let name = numbered.name;
            let bare = scan::trim_str(name.value.trim_matches('`'));
            Some(DbTable {
                section: layout.section_ref(child),
                name: scan::sub(name, bare),
                sql: content.codes.first().copied(),
                indexes: find_field(&content.fields, &["Indexes", "Indices"]).cloned(),
            })
        })
        .collect();
    DatabaseChanges {
        section: layout.section_ref(section),
        new_tables: layout
            .child_named(section, &["New Tables"])
            .map(|child| layout.section_ref(child)),
        tables,
        migrations: child_table(layout, section, &["Schema Migrations", "Migrations"]),
    }
}

pub(crate) fn read_integration_points<'a>(
    layout: &Layout<'a>,
    section: usize,
) -> IntegrationPoints<'a> {
    let read_group = |names: &[&str], words: &[&str]| -> Option<IntegrationGroup<'a>> {
        let group = layout.child_named(section, names)?;
        let entries = layout
            .children(group)
            .map(|child| {
                let title = layout.title(child);
                let numbered = layout.numbered_title(child, words);
                Integration {
                    section: layout.section_ref(child),
                    number: numbered.and_then(|numbered| numbered.number),
                    name: numbered.map_or(title, |numbered| numbered.name),
                    fields: read_content(layout.doc, layout.own_blocks(child)).fields,
                }
            })
            .collect();
        Some(IntegrationGroup {
            section: layout.section_ref(group),
            entries,
        })
    };
    IntegrationPoints {
        section: layout.section_ref(section),
        external_services: read_group(&["External Services"], &["Service"]),
        internal_apis: read_group(&["Internal APIs", "Internal API"], &["API"]),
    }
}

pub(crate) fn read_error_handling<'a>(layout: &Layout<'a>, section: usize) -> ErrorHandling<'a> {
    let error_types = layout
        .child_named(section, &["Error Types", "Error Codes"])
        .map(|child| {
            let content = read_content(layout.doc, layout.own_blocks(child));
            ErrorTypes {
                section: layout.section_ref(child),
                code: content.first_code(),
                enums: declarations(layout, &content).enums,
            }
        });
    ErrorHandling {
        section: layout.section_ref(section),
        error_types,
        recovery: child_table(
            layout,
            section,
            &[
                "Error Recovery Strategies",
                "Error Recovery",
                "Recovery Strategies",
            ],
        ),
    }
}
