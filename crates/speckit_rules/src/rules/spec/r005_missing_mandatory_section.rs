use speckit_model::spec::{RequirementKind, SectionKey};
use speckit_model::{Generation, Spec};
use speckit_text::Span;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A spec without one of the sections its template marks mandatory, or
    /// with that section left empty (only comments or blank bullets).
    /// spec-kit: `## User Scenarios & Testing`, `## Requirements` and (since
    /// v0.0.57) `## Success Criteria`; legacy spec-kit: the first two;
    /// plugin: `## Overview`, `## User Stories`, `## Requirements` and
    /// `## Success Metrics`.
    ///
    /// ## Why it matters
    /// Planning, task generation and analysis read these sections. Without
    /// user scenarios there is nothing to test, without requirements
    /// nothing to build, and without success criteria no way to tell when
    /// the feature is done.
    ///
    /// ## Example
    /// ```markdown
    /// # Feature Specification: Recipe Library
    ///
    /// ## Requirements *(mandatory)*
    /// ```
    /// Use instead:
    /// ```markdown
    /// # Feature Specification: Recipe Library
    ///
    /// ## User Scenarios & Testing *(mandatory)*
    /// …
    /// ## Requirements *(mandatory)*
    /// …
    /// ## Success Criteria *(mandatory)*
    /// …
    /// ```
    pub(crate) MissingMandatorySection {
        code: "R005",
        name: "missing-mandatory-section",
        summary: "A mandatory spec section is missing or empty",
        severity: Warning,
        fix: Never,
        target: Spec,
    }
}

/// A mandatory section: its name, the keys that count as it, and whether
/// content of another shape (stories, requirement IDs) stands in for it.
struct Mandatory {
    name: &'static str,
    keys: &'static [SectionKey],
    content: fn(&Spec<'_>) -> bool,
}

const SCENARIOS: Mandatory = Mandatory {
    name: "User Scenarios & Testing",
    keys: &[
        SectionKey::UserScenarios,
        SectionKey::UserStories,
        SectionKey::PrimaryUserStory,
    ],
    content: |spec| !spec.stories.is_empty(),
};
const REQUIREMENTS: Mandatory = Mandatory {
    name: "Requirements",
    keys: &[SectionKey::Requirements, SectionKey::FunctionalRequirements],
    content: |spec| {
        spec.requirements_of(RequirementKind::Functional)
            .next()
            .is_some()
    },
};
const SUCCESS_CRITERIA: Mandatory = Mandatory {
    name: "Success Criteria",
    keys: &[SectionKey::SuccessCriteria, SectionKey::MeasurableOutcomes],
    content: |spec| {
        spec.requirements_of(RequirementKind::SuccessCriterion)
            .next()
            .is_some()
    },
};
const OVERVIEW: Mandatory = Mandatory {
    name: "Overview",
    keys: &[SectionKey::Overview],
    content: |_| false,
};
const USER_STORIES: Mandatory = Mandatory {
    name: "User Stories",
    keys: &[SectionKey::UserStories, SectionKey::UserScenarios],
    content: |spec| !spec.stories.is_empty(),
};
const SUCCESS_METRICS: Mandatory = Mandatory {
    name: "Success Metrics",
    keys: &[SectionKey::SuccessMetrics, SectionKey::SuccessCriteria],
    content: |spec| !spec.success_metrics.is_empty(),
};

impl MissingMandatorySection {
    fn run(&self, spec: &Spec<'_>, cx: &mut RuleContext<'_>) {
        let mandatory: &[Mandatory] = match spec.generation {
            Generation::SpecKit => &[SCENARIOS, REQUIREMENTS, SUCCESS_CRITERIA],
            Generation::SpecKitLegacy => &[SCENARIOS, REQUIREMENTS],
            Generation::Plugin => &[OVERVIEW, USER_STORIES, REQUIREMENTS, SUCCESS_METRICS],
            Generation::Unknown => return,
        };
        let title = spec.title.map_or(Span::empty(0), |title| title.span);
        for section in mandatory {
            let found = spec
                .sections
                .iter()
                .find(|found| section.keys.contains(&found.key));
            match found {
                None if !(section.content)(spec) => drop(
                    cx.report(
                        title,
                        format!("the spec has no `## {}` section", section.name),
                    )
                    .help(format!(
                        "add `## {}`; the template requires it",
                        section.name
                    )),
                ),
                Some(found) if found.blank && !(section.content)(spec) => drop(
                    cx.report(
                        found.heading_span,
                        format!("`## {}` is empty", section.name),
                    )
                    .help("fill the section in; the template requires it"),
                ),
                _ => {}
            }
        }
    }
}
