//! The plan model: `plan.md` of both layouts.
//!
//! Plugin plans follow the seed template (FORMATS.md §C.1): five header
//! fields and twenty H2 sections in a fixed order, each with its own
//! subsections, tables, trees, code blocks and decision records. spec-kit
//! plans (§B.5) have Summary, Technical Context, Constitution Check, Project
//! Structure and Complexity Tracking; legacy ones (≤ v0.0.56) add Execution
//! Flow, `## Phase N` sections and Progress Tracking.
//!
//! [`Plan::parse`] walks the plan's H2s once and hands each known section to
//! its reader. Every value is a slice of the document with its span; empty
//! bullets, blank table rows and template placeholders are kept as written so
//! that rules can report them. Unknown sections are only in the outline.
//! Nothing here judges content: that is the rules' job.

mod architecture;
mod content;
mod delivery;
mod design;
mod layout;
mod scan;
mod speckit;
mod table;
mod tree;
mod typescript;

use schemars::JsonSchema;
use serde::Serialize;
use speckit_text::ascii_lowercase_in;

use crate::common::{MetaField, Outline, Text};
use crate::document::Document;
use crate::kind::Generation;
use architecture::read_architecture;
use content::section_items;
use delivery::{
    read_blockers, read_documentation, read_monitoring, read_performance, read_phases, read_risks,
    read_rollout, read_testing, read_topics,
};
use design::{
    read_api_contracts, read_component_hierarchy, read_data_models, read_database,
    read_dependencies, read_error_handling, read_file_structure, read_integration_points,
    read_state_management,
};
use layout::Layout;
use speckit::{
    read_complexity_tracking, read_constitution_check, read_progress_tracking,
    read_project_structure, read_summary, read_technical_context,
};

pub use architecture::{Architecture, Decision, DecisionOption, DecisionShape};
pub use content::{Bullet, Code, Field, ItemList};
pub use delivery::{
    Blockers, DocumentationNeeds, ImplementationPhases, Monitoring, Performance, PlanPhase,
    Rollout, TestingStrategy, Topics,
};
pub use design::{
    ApiContracts, Body, BodyKind, ComponentHierarchy, DataModel, DataModels, DatabaseChanges,
    DbTable, Dependencies, Endpoint, ErrorHandling, ErrorTypes, FileStructure, GlobalState,
    Integration, IntegrationGroup, IntegrationPoints, StateManagement,
};
pub use layout::SectionRef;
pub use speckit::{
    ComplexityTracking, ConstitutionCheck, PhaseSection, ProgressTracking, ProjectStructure,
    StructureTrees, Summary, TechField, TechKey, TechnicalContext,
};
pub use table::{
    Benchmark, ComplexityRow, ErrorRecovery, FeatureFlag, FileToCreate, FileToModify, FreeRow,
    FreeTable, Migration, NewDependency, PeerDependency, Risk, TableSection,
};
pub use tree::{FileTree, TreeEntry};
pub use typescript::{TsEnum, TsEnumMember, TsInterface, TsMember};

/// The H2 sections the model knows, from both layouts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum SectionKey {
    ArchitectureOverview,
    FileStructure,
    DataModels,
    ApiContracts,
    ComponentHierarchy,
    StateManagement,
    Dependencies,
    DatabaseSchemaChanges,
    IntegrationPoints,
    ErrorHandling,
    TestingStrategy,
    SecurityConsiderations,
    PerformanceConsiderations,
    ImplementationPhases,
    RolloutStrategy,
    MonitoringAndObservability,
    DocumentationNeeds,
    RiskMitigation,
    DependenciesAndBlockers,
    OpenQuestions,
    Summary,
    TechnicalContext,
    ConstitutionCheck,
    ProjectStructure,
    ComplexityTracking,
    ExecutionFlow,
    ProgressTracking,
}

impl SectionKey {
    /// The seed template's twenty H2s, in template order.
    pub const SEED: [SectionKey; 20] = [
        SectionKey::ArchitectureOverview,
        SectionKey::FileStructure,
        SectionKey::DataModels,
        SectionKey::ApiContracts,
        SectionKey::ComponentHierarchy,
        SectionKey::StateManagement,
        SectionKey::Dependencies,
        SectionKey::DatabaseSchemaChanges,
        SectionKey::IntegrationPoints,
        SectionKey::ErrorHandling,
        SectionKey::TestingStrategy,
        SectionKey::SecurityConsiderations,
        SectionKey::PerformanceConsiderations,
        SectionKey::ImplementationPhases,
        SectionKey::RolloutStrategy,
        SectionKey::MonitoringAndObservability,
        SectionKey::DocumentationNeeds,
        SectionKey::RiskMitigation,
        SectionKey::DependenciesAndBlockers,
        SectionKey::OpenQuestions,
    ];

    /// spec-kit plan sections, in SK-HEAD template order (legacy ones last).
    pub const SPEC_KIT: [SectionKey; 7] = [
        SectionKey::Summary,
        SectionKey::TechnicalContext,
        SectionKey::ConstitutionCheck,
        SectionKey::ProjectStructure,
        SectionKey::ComplexityTracking,
        SectionKey::ExecutionFlow,
        SectionKey::ProgressTracking,
    ];

    /// The stable kebab-case key (`architecture-overview`).
    pub const fn as_str(self) -> &'static str {
        match self {
            SectionKey::ArchitectureOverview => "architecture-overview",
            SectionKey::FileStructure => "file-structure",
            SectionKey::DataModels => "data-models",
            SectionKey::ApiContracts => "api-contracts",
            SectionKey::ComponentHierarchy => "component-hierarchy",
            SectionKey::StateManagement => "state-management",
            SectionKey::Dependencies => "dependencies",
            SectionKey::DatabaseSchemaChanges => "database-schema-changes",
            SectionKey::IntegrationPoints => "integration-points",
            SectionKey::ErrorHandling => "error-handling",
            SectionKey::TestingStrategy => "testing-strategy",
            SectionKey::SecurityConsiderations => "security-considerations",
            SectionKey::PerformanceConsiderations => "performance-considerations",
            SectionKey::ImplementationPhases => "implementation-phases",
            SectionKey::RolloutStrategy => "rollout-strategy",
            SectionKey::MonitoringAndObservability => "monitoring-and-observability",
            SectionKey::DocumentationNeeds => "documentation-needs",
            SectionKey::RiskMitigation => "risk-mitigation",
            SectionKey::DependenciesAndBlockers => "dependencies-and-blockers",
            SectionKey::OpenQuestions => "open-questions",
            SectionKey::Summary => "summary",
            SectionKey::TechnicalContext => "technical-context",
            SectionKey::ConstitutionCheck => "constitution-check",
            SectionKey::ProjectStructure => "project-structure",
            SectionKey::ComplexityTracking => "complexity-tracking",
            SectionKey::ExecutionFlow => "execution-flow",
            SectionKey::ProgressTracking => "progress-tracking",
        }
    }

    /// Heading names accepted for the section; the first is the template's.
    pub const fn names(self) -> &'static [&'static str] {
        match self {
            SectionKey::ArchitectureOverview => &["Architecture Overview"],
            SectionKey::FileStructure => &["File Structure"],
            SectionKey::DataModels => &["Data Models", "Data Model"],
            SectionKey::ApiContracts => &["API Contracts", "API Contract"],
            SectionKey::ComponentHierarchy => &["Component Hierarchy"],
            SectionKey::StateManagement => &["State Management"],
            SectionKey::Dependencies => &["Dependencies"],
            SectionKey::DatabaseSchemaChanges => &["Database Schema Changes"],
            SectionKey::IntegrationPoints => &["Integration Points"],
            SectionKey::ErrorHandling => &["Error Handling"],
            SectionKey::TestingStrategy => &["Testing Strategy"],
            SectionKey::SecurityConsiderations => &["Security Considerations"],
            SectionKey::PerformanceConsiderations => &["Performance Considerations"],
            SectionKey::ImplementationPhases => &["Implementation Phases"],
            SectionKey::RolloutStrategy => &["Rollout Strategy"],
            SectionKey::MonitoringAndObservability => {
                &["Monitoring and Observability", "Monitoring & Observability"]
            }
            SectionKey::DocumentationNeeds => &["Documentation Needs"],
            SectionKey::RiskMitigation => &["Risk Mitigation"],
            SectionKey::DependenciesAndBlockers => {
                &["Dependencies and Blockers", "Dependencies & Blockers"]
            }
            SectionKey::OpenQuestions => &["Open Questions"],
            SectionKey::Summary => &["Summary", "概要", "摘要"],
            SectionKey::TechnicalContext => &[
                "Technical Context",
                "技术上下文",
                "技術コンテキスト",
                "技術的コンテキスト",
            ],
            SectionKey::ConstitutionCheck => &["Constitution Check", "宪法检查", "憲法チェック"],
            SectionKey::ProjectStructure => &["Project Structure", "项目结构", "プロジェクト構造"],
            SectionKey::ComplexityTracking => &[
                "Complexity Tracking",
                "复杂性跟踪",
                "複雑性の追跡",
                "複雑性トラッキング",
            ],
            SectionKey::ExecutionFlow => &["Execution Flow"],
            SectionKey::ProgressTracking => &["Progress Tracking", "进度跟踪", "進捗トラッキング"],
        }
    }

    /// The template's heading text.
    pub const fn title(self) -> &'static str {
        self.names()[0]
    }

    /// Position in the seed template's order, for seed sections.
    pub fn seed_index(self) -> Option<usize> {
        SectionKey::SEED.iter().position(|&key| key == self)
    }

    /// The section a heading title names.
    pub fn from_title(title: &str) -> Option<SectionKey> {
        SectionKey::from_normalized(layout::normalize_title(title))
    }

    /// Like [`SectionKey::from_title`] for a title already stripped of
    /// decorations and numbering.
    fn from_normalized(title: &str) -> Option<SectionKey> {
        if speckit::is_execution_flow(title) {
            return Some(SectionKey::ExecutionFlow);
        }
        // Every name is either all ASCII or all CJK, so an ASCII title can
        // only be one of the English names: one lower-cased copy and a
        // `match` (a switch on length, then a compare) instead of a compare
        // with each of the forty-odd names. This runs for every H2.
        if title.is_ascii() {
            return SectionKey::from_ascii(title);
        }
        SectionKey::SEED
            .into_iter()
            .chain(SectionKey::SPEC_KIT)
            .find(|key| {
                key.names()
                    .iter()
                    .any(|name| title.eq_ignore_ascii_case(name))
            })
    }

    /// The English names of [`SectionKey::names`], ASCII case-insensitive.
    fn from_ascii(title: &str) -> Option<SectionKey> {
        let mut buffer = [0u8; 32];
        let key = match ascii_lowercase_in(title, &mut buffer)? {
            b"architecture overview" => SectionKey::ArchitectureOverview,
            b"file structure" => SectionKey::FileStructure,
            b"data models" | b"data model" => SectionKey::DataModels,
            b"api contracts" | b"api contract" => SectionKey::ApiContracts,
            b"component hierarchy" => SectionKey::ComponentHierarchy,
            b"state management" => SectionKey::StateManagement,
            b"dependencies" => SectionKey::Dependencies,
            b"database schema changes" => SectionKey::DatabaseSchemaChanges,
            b"integration points" => SectionKey::IntegrationPoints,
            b"error handling" => SectionKey::ErrorHandling,
            b"testing strategy" => SectionKey::TestingStrategy,
            b"security considerations" => SectionKey::SecurityConsiderations,
            b"performance considerations" => SectionKey::PerformanceConsiderations,
            b"implementation phases" => SectionKey::ImplementationPhases,
            b"rollout strategy" => SectionKey::RolloutStrategy,
            b"monitoring and observability" | b"monitoring & observability" => {
                SectionKey::MonitoringAndObservability
            }
            b"documentation needs" => SectionKey::DocumentationNeeds,
            b"risk mitigation" => SectionKey::RiskMitigation,
            b"dependencies and blockers" | b"dependencies & blockers" => {
                SectionKey::DependenciesAndBlockers
            }
            b"open questions" => SectionKey::OpenQuestions,
            b"summary" => SectionKey::Summary,
            b"technical context" => SectionKey::TechnicalContext,
            b"constitution check" => SectionKey::ConstitutionCheck,
            b"project structure" => SectionKey::ProjectStructure,
            b"complexity tracking" => SectionKey::ComplexityTracking,
            b"execution flow" => SectionKey::ExecutionFlow,
            b"progress tracking" => SectionKey::ProgressTracking,
            _ => return None,
        };
        Some(key)
    }
}

/// A known H2 as found, in document order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct KnownSection<'a> {
    pub key: SectionKey,
    pub section: SectionRef<'a>,
}

/// The header fields of both layouts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub struct PlanHeader<'a> {
    /// `**Spec Reference**: [spec.md](./spec.md)` (plugin).
    pub spec_reference: Option<MetaField<'a>>,
    /// `**Status**: Draft`
    pub status: Option<MetaField<'a>>,
    /// `**Author**: …` (plugin).
    pub author: Option<MetaField<'a>>,
    /// `**Created**: YYYY-MM-DD` (plugin).
    pub created: Option<MetaField<'a>>,
    /// `**Last Updated**: YYYY-MM-DD` (plugin).
    pub last_updated: Option<MetaField<'a>>,
    /// `` **Branch**: `NNN-slug` `` (spec-kit).
    pub branch: Option<MetaField<'a>>,
    /// `**Date**: …` (spec-kit).
    pub date: Option<MetaField<'a>>,
    /// `**Spec**: [link]` (spec-kit).
    pub spec: Option<MetaField<'a>>,
    /// `**Input**: Feature specification from …` (spec-kit).
    pub input: Option<MetaField<'a>>,
}

impl<'a> PlanHeader<'a> {
    fn read(fields: &[MetaField<'a>]) -> PlanHeader<'a> {
        let get = |labels: &[&str]| Document::field_named(fields, labels);
        PlanHeader {
            spec_reference: get(&["Spec Reference", "Specification Reference"]),
            status: get(&["Status", "ステータス", "状态"]),
            author: get(&["Author", "作成者", "作者"]),
            created: get(&["Created", "作成日", "创建日期"]),
            last_updated: get(&["Last Updated", "更新日", "最后更新"]),
            branch: get(BRANCH_LABELS),
            date: get(&["Date", "日付", "日期"]),
            spec: get(&["Spec", "仕様", "规范", "规格"]),
            input: get(&["Input", "入力", "输入"]),
        }
    }
}

const BRANCH_LABELS: &[&str] = &[
    "Branch",
    "Feature Branch",
    "ブランチ",
    "機能ブランチ",
    "分支",
];
const PHASE_WORDS: &[&str] = &["Phase", "阶段", "フェーズ"];

/// A plan document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Plan<'a> {
    pub generation: Generation,
    pub title: Option<Text<'a>>,
    /// Every header field as written.
    pub metadata: Vec<MetaField<'a>>,
    pub header: PlanHeader<'a>,
    /// Known H2s in document order (duplicates included).
    pub sections: Vec<KnownSection<'a>>,

    pub architecture: Option<Architecture<'a>>,
    pub file_structure: Option<FileStructure<'a>>,
    pub data_models: Option<DataModels<'a>>,
    pub api_contracts: Option<ApiContracts<'a>>,
    pub component_hierarchy: Option<ComponentHierarchy<'a>>,
    pub state_management: Option<StateManagement<'a>>,
    /// `## Dependencies` (packages).
    pub dependencies: Option<Dependencies<'a>>,
    pub database: Option<DatabaseChanges<'a>>,
    pub integration_points: Option<IntegrationPoints<'a>>,
    pub error_handling: Option<ErrorHandling<'a>>,
    pub testing: Option<TestingStrategy<'a>>,
    pub security: Option<Topics<'a>>,
    pub performance: Option<Performance<'a>>,
    pub implementation_phases: Option<ImplementationPhases<'a>>,
    pub rollout: Option<Rollout<'a>>,
    pub monitoring: Option<Monitoring<'a>>,
    pub documentation: Option<DocumentationNeeds<'a>>,
    pub risks: Option<TableSection<'a, Risk<'a>>>,
    /// `## Dependencies and Blockers` (work prerequisites).
    pub blockers: Option<Blockers<'a>>,
    pub open_questions: Option<ItemList<'a>>,
    /// The `**Next Steps:**` footer and its list.
    pub next_steps: Option<Field<'a>>,

    pub summary: Option<Summary<'a>>,
    pub technical_context: Option<TechnicalContext<'a>>,
    pub constitution_check: Option<ConstitutionCheck<'a>>,
    pub project_structure: Option<ProjectStructure<'a>>,
    pub complexity_tracking: Option<ComplexityTracking<'a>>,
    pub progress_tracking: Option<ProgressTracking<'a>>,
    /// `## Phase N: …` sections of spec-kit plans.
    pub phase_sections: Vec<PhaseSection<'a>>,

    pub outline: Outline<'a>,
}

impl<'a> Plan<'a> {
    pub fn parse(doc: &'a Document) -> Plan<'a> {
        let layout = Layout::new(doc);
        let metadata = doc.header_fields();
        let mut plan = Plan::empty(doc.title(), metadata);
        let top = layout.top();
        for section in layout.children(top) {
            let title = layout.normalized_title(section);
            match SectionKey::from_normalized(title.value) {
                Some(key) => {
                    plan.sections.push(KnownSection {
                        key,
                        section: layout.section_ref(section),
                    });
                    plan.read_section(&layout, key, section);
                }
                None => {
                    if let Some(numbered) = layout::split_numbered(title, PHASE_WORDS) {
                        plan.phase_sections.push(PhaseSection {
                            section: layout.section_ref(section),
                            number: numbered.number,
                            name: numbered.name,
                        });
                    }
                }
            }
        }
        plan.next_steps = delivery::read_next_steps(&layout);
        plan.generation =
            generation_from(&plan.metadata, plan.sections.iter().map(|known| known.key));
        plan.outline = doc.outline(&layout.known_sections());
        plan
    }

    fn empty(title: Option<Text<'a>>, metadata: Vec<MetaField<'a>>) -> Plan<'a> {
        Plan {
            generation: Generation::Unknown,
            title,
            header: PlanHeader::read(&metadata),
            metadata,
            sections: Vec::new(),
            architecture: None,
            file_structure: None,
            data_models: None,
            api_contracts: None,
            component_hierarchy: None,
            state_management: None,
            dependencies: None,
            database: None,
            integration_points: None,
            error_handling: None,
            testing: None,
            security: None,
            performance: None,
            implementation_phases: None,
            rollout: None,
            monitoring: None,
            documentation: None,
            risks: None,
            blockers: None,
            open_questions: None,
            next_steps: None,
            summary: None,
            technical_context: None,
            constitution_check: None,
            project_structure: None,
            complexity_tracking: None,
            progress_tracking: None,
            phase_sections: Vec::new(),
            outline: Vec::new(),
        }
    }

    /// Reads a known section into its slot. The first section with a key
    /// wins; later duplicates are only listed in `sections`.
    fn read_section(&mut self, layout: &Layout<'a>, key: SectionKey, section: usize) {
        macro_rules! fill {
            ($slot:ident, $read:path) => {
                if self.$slot.is_none() {
                    self.$slot = Some($read(layout, section));
                }
            };
        }
        match key {
            SectionKey::ArchitectureOverview => fill!(architecture, read_architecture),
            SectionKey::FileStructure => fill!(file_structure, read_file_structure),
            SectionKey::DataModels => fill!(data_models, read_data_models),
            SectionKey::ApiContracts => fill!(api_contracts, read_api_contracts),
            SectionKey::ComponentHierarchy => fill!(component_hierarchy, read_component_hierarchy),
            SectionKey::StateManagement => fill!(state_management, read_state_management),
            SectionKey::Dependencies => fill!(dependencies, read_dependencies),
            SectionKey::DatabaseSchemaChanges => fill!(database, read_database),
            SectionKey::IntegrationPoints => fill!(integration_points, read_integration_points),
            SectionKey::ErrorHandling => fill!(error_handling, read_error_handling),
            SectionKey::TestingStrategy => fill!(testing, read_testing),
            SectionKey::SecurityConsiderations => fill!(security, read_topics),
            SectionKey::PerformanceConsiderations => fill!(performance, read_performance),
            SectionKey::ImplementationPhases => fill!(implementation_phases, read_phases),
            SectionKey::RolloutStrategy => fill!(rollout, read_rollout),
            SectionKey::MonitoringAndObservability => fill!(monitoring, read_monitoring),
            SectionKey::DocumentationNeeds => fill!(documentation, read_documentation),
            SectionKey::RiskMitigation => fill!(risks, read_risks),
            SectionKey::DependenciesAndBlockers => fill!(blockers, read_blockers),
            SectionKey::OpenQuestions => fill!(open_questions, section_items),
            SectionKey::Summary => fill!(summary, read_summary),
            SectionKey::TechnicalContext => fill!(technical_context, read_technical_context),
            SectionKey::ConstitutionCheck => fill!(constitution_check, read_constitution_check),
            SectionKey::ProjectStructure => fill!(project_structure, read_project_structure),
            SectionKey::ComplexityTracking => fill!(complexity_tracking, read_complexity_tracking),
            SectionKey::ProgressTracking => fill!(progress_tracking, read_progress_tracking),
            SectionKey::ExecutionFlow => {}
        }
    }

    /// Known sections that belong to the seed template, in document order.
    pub fn seed_sections(&self) -> impl Iterator<Item = &KnownSection<'a>> {
        self.sections
            .iter()
            .filter(|known| known.key.seed_index().is_some())
    }

    /// The first section found with `key`.
    pub fn section(&self, key: SectionKey) -> Option<&KnownSection<'a>> {
        self.sections.iter().find(|known| known.key == key)
    }
}

/// The template generation of a plan: plugin when the header has
/// `**Spec Reference**` or there is an `Architecture Overview` H2; legacy
/// spec-kit with `Execution Flow` or `Progress Tracking`; spec-kit with
/// Technical Context, Constitution Check or a `**Branch**` field.
pub(crate) fn detect_generation(doc: &Document) -> Generation {
    let metadata = doc.header_fields();
    let top = doc.top();
    let keys = doc
        .tree
        .child_sections(top)
        .filter_map(|id| SectionKey::from_title(doc.section_title(id).value));
    generation_from(&metadata, keys)
}

fn generation_from(
    metadata: &[MetaField<'_>],
    keys: impl Iterator<Item = SectionKey>,
) -> Generation {
    let mut plugin = Document::field_named(metadata, &["Spec Reference"]).is_some();
    let mut legacy = false;
    let mut spec_kit = Document::field_named(metadata, BRANCH_LABELS).is_some();
    for key in keys {
        match key {
            SectionKey::ArchitectureOverview => plugin = true,
            SectionKey::ExecutionFlow | SectionKey::ProgressTracking => legacy = true,
            SectionKey::TechnicalContext | SectionKey::ConstitutionCheck => spec_kit = true,
            _ => {}
        }
    }
    if plugin {
        Generation::Plugin
    } else if legacy {
        Generation::SpecKitLegacy
    } else if spec_kit {
        Generation::SpecKit
    } else {
        Generation::Unknown
    }
}

#[cfg(test)]
mod tests;
