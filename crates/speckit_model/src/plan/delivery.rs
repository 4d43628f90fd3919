//! The delivery sections of the seed plan: Testing Strategy, Security and
//! Performance Considerations, Implementation Phases, Rollout Strategy,
//! Monitoring and Observability, Documentation Needs, Risk Mitigation,
//! Dependencies and Blockers, Open Questions, and the `**Next Steps:**`
//! footer.

use schemars::JsonSchema;
use serde::Serialize;

use super::content::{
    Field, ItemList, NEXT_STEPS_LABELS, find_field, is_next_steps, item_list, meta_field,
    read_content, read_items, section_items,
};
use super::design::{child_table, first_table};
use super::layout::{Layout, SectionRef};
use super::table::{Benchmark, FeatureFlag, Risk, TableSection};
use crate::common::{MetaField, Text};

/// `## Testing Strategy`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct TestingStrategy<'a> {
    pub section: SectionRef<'a>,
    /// `### Unit Tests` checkbox items.
    pub unit: Option<ItemList<'a>>,
    /// `### Integration Tests` checkbox items.
    pub integration: Option<ItemList<'a>>,
    /// `### E2E Tests` checkbox items.
    pub e2e: Option<ItemList<'a>>,
}

/// A section made of subsections of bullets (Security Considerations).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Topics<'a> {
    pub section: SectionRef<'a>,
    /// One per subsection (Authentication, Authorization, Data Protection,
    /// Input Validation, …), in order.
    pub topics: Vec<ItemList<'a>>,
}

impl<'a> Topics<'a> {
    /// The topic titled like `name` (ASCII case-insensitive).
    pub fn topic(&self, name: &str) -> Option<&ItemList<'a>> {
        self.topics
            .iter()
            .find(|topic| topic.section.title.value.eq_ignore_ascii_case(name))
    }
}

/// `## Performance Considerations`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Performance<'a> {
    pub section: SectionRef<'a>,
    pub optimization: Option<ItemList<'a>>,
    pub monitoring: Option<ItemList<'a>>,
    pub benchmarks: Option<TableSection<'a, Benchmark<'a>>>,
}

/// `## Implementation Phases`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ImplementationPhases<'a> {
    pub section: SectionRef<'a>,
    pub phases: Vec<PlanPhase<'a>>,
}

/// `### Phase N: Name`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct PlanPhase<'a> {
    pub section: SectionRef<'a>,
    pub number: Option<Text<'a>>,
    pub name: Text<'a>,
    /// `**Goal**: …`
    pub goal: Option<MetaField<'a>>,
    /// `**Duration Estimate**: …` (ranges such as `1-2 days`).
    pub duration: Option<MetaField<'a>>,
    /// The work items (checkbox list).
    pub items: Vec<super::content::Bullet<'a>>,
    /// Every field of the phase (Goal, Duration Estimate, Deliverables, …).
    pub fields: Vec<Field<'a>>,
}

/// `## Rollout Strategy`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Rollout<'a> {
    pub section: SectionRef<'a>,
    pub feature_flags: Option<TableSection<'a, FeatureFlag<'a>>>,
    /// `k. **Phase k**: …` items; each item's `field` holds the label and text.
    pub deployment_phases: Option<ItemList<'a>>,
    pub rollback_plan: Option<ItemList<'a>>,
}

/// `## Monitoring and Observability`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Monitoring<'a> {
    pub section: SectionRef<'a>,
    pub metrics: Option<ItemList<'a>>,
    pub alerts: Option<ItemList<'a>>,
    pub dashboards: Option<ItemList<'a>>,
}

/// `## Documentation Needs`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct DocumentationNeeds<'a> {
    pub section: SectionRef<'a>,
    pub user: Option<ItemList<'a>>,
    pub developer: Option<ItemList<'a>>,
}

/// `## Dependencies and Blockers` (work prerequisites, not packages).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Blockers<'a> {
    pub section: SectionRef<'a>,
    /// `### Blockers`
    pub blockers: Option<ItemList<'a>>,
    /// `### Dependencies` under this section.
    pub dependencies: Option<ItemList<'a>>,
}

pub(crate) fn read_testing<'a>(layout: &Layout<'a>, section: usize) -> TestingStrategy<'a> {
    TestingStrategy {
        section: layout.section_ref(section),
        unit: item_list(layout, section, &["Unit Tests", "Unit Testing"]),
        integration: item_list(
            layout,
            section,
            &["Integration Tests", "Integration Testing"],
        ),
        e2e: item_list(
            layout,
            section,
            &[
                "E2E Tests",
                "End-to-End Tests",
                "E2E Testing",
                "End-to-End Testing",
            ],
        ),
    }
}

pub(crate) fn read_topics<'a>(layout: &Layout<'a>, section: usize) -> Topics<'a> {
    Topics {
        section: layout.section_ref(section),
        topics: layout
            .children(section)
            .map(|child| section_items(layout, child))
            .collect(),
    }
}

pub(crate) fn read_performance<'a>(layout: &Layout<'a>, section: usize) -> Performance<'a> {
    Performance {
        section: layout.section_ref(section),
        optimization: item_list(
            layout,
            section,
            &["Optimization Strategies", "Optimizations"],
        ),
        monitoring: item_list(layout, section, &["Monitoring"]),
        benchmarks: child_table(layout, section, &["Benchmarks", "Performance Targets"]),
    }
}

pub(crate) fn read_phases<'a>(layout: &Layout<'a>, section: usize) -> ImplementationPhases<'a> {
    let phases = layout
        .children(section)
        .map(|child| {
            let title = layout.title(child);
            let numbered = layout.numbered_title(child, &["Phase", "Stage", "Milestone"]);
            let content = read_content(layout.doc, layout.own_blocks(child));
            PlanPhase {
                section: layout.section_ref(child),
                number: numbered.and_then(|numbered| numbered.number),
                name: numbered.map_or(title, |numbered| numbered.name),
                goal: meta_field(&content.fields, &["Goal", "Goals", "Objective"]),
                duration: meta_field(
                    &content.fields,
                    &["Duration Estimate", "Duration", "Estimate"],
                ),
                items: read_items(layout.doc, layout.own_blocks(child)),
                fields: content.fields,
            }
        })
        .collect();
    ImplementationPhases {
        section: layout.section_ref(section),
        phases,
    }
}

pub(crate) fn read_rollout<'a>(layout: &Layout<'a>, section: usize) -> Rollout<'a> {
    Rollout {
        section: layout.section_ref(section),
        feature_flags: child_table(layout, section, &["Feature Flags"]),
        deployment_phases: item_list(layout, section, &["Deployment Phases", "Deployment"]),
        rollback_plan: item_list(layout, section, &["Rollback Plan", "Rollback"]),
    }
}

pub(crate) fn read_monitoring<'a>(layout: &Layout<'a>, section: usize) -> Monitoring<'a> {
    Monitoring {
        section: layout.section_ref(section),
        metrics: item_list(layout, section, &["Metrics to Track", "Metrics"]),
        alerts: item_list(layout, section, &["Alerts to Configure", "Alerts"]),
        dashboards: item_list(layout, section, &["Dashboards"]),
    }
}

pub(crate) fn read_documentation<'a>(
    layout: &Layout<'a>,
    section: usize,
) -> DocumentationNeeds<'a> {
    DocumentationNeeds {
        section: layout.section_ref(section),
        user: item_list(layout, section, &["User Documentation"]),
        developer: item_list(layout, section, &["Developer Documentation"]),
    }
}

pub(crate) fn read_risks<'a>(layout: &Layout<'a>, section: usize) -> TableSection<'a, Risk<'a>> {
    first_table(
        layout,
        layout.section_ref(section),
        layout.subtree_blocks(section),
    )
}

pub(crate) fn read_blockers<'a>(layout: &Layout<'a>, section: usize) -> Blockers<'a> {
    Blockers {
        section: layout.section_ref(section),
        blockers: item_list(layout, section, &["Blockers"]),
        dependencies: item_list(layout, section, &["Dependencies", "Prerequisites"]),
    }
}

/// The `**Next Steps:**` footer in the blocks of the document's last section.
pub(crate) fn read_next_steps<'a>(layout: &Layout<'a>) -> Option<Field<'a>> {
    let doc = layout.doc;
    let last = layout.last();
    // Read only from the footer's label on: the section above may be long.
    let label = layout
        .own_blocks(last)
        .position(|block| is_next_steps(doc, block))?;
    let content = read_content(doc, layout.own_blocks(last).skip(label));
    find_field(&content.fields, NEXT_STEPS_LABELS).cloned()
}
