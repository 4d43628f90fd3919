//! spec-kit `spec.md` (FORMATS.md §B.4): prioritised user stories with
//! Given/When/Then scenarios, edge cases, FR and SC requirements, entities.

use crate::generator::Context;
use crate::generator::rng::Rng;
use crate::generator::text::{
    Out, article, assumption, benefit, capability, edge_case, outcome, paragraph, requirement,
    scenario, sentence, w, work_title,
};
use crate::generator::words::{STATES, capitalise};

/// A user story as the tasks document needs it.
#[derive(Clone, Debug)]
pub(crate) struct Story {
    pub(crate) title: String,
    pub(crate) priority: usize,
}

pub(crate) fn spec(rng: &mut Rng, cx: &Context, target: usize) -> (String, Vec<Story>) {
    let topic = &cx.topic;
    let mut out = Out::with_capacity(target + 2048);
    w!(out, "# Feature Specification: {}", topic.name);
    w!(out);
    w!(out, "**Feature Branch**: `{}`", cx.dir_name);
    w!(out, "**Created**: {}", cx.created);
    w!(out, "**Status**: Draft");
    w!(
        out,
        "**Input**: User description: \"Let the {} {} so that {}\"",
        topic.actor(rng),
        capability(rng, topic),
        benefit(rng)
    );
    w!(out);

    if rng.chance(50) {
        clarifications(rng, cx, &mut out);
    }

    w!(out, "## User Scenarios & Testing *(mandatory)*");
    w!(out);
    let mut stories = Vec::new();
    let stories_end = target * 50 / 100;
    while stories.len() < 2 || out.len() < stories_end {
        let number = stories.len() + 1;
        let story = Story {
            title: work_title(rng, topic),
            priority: number.div_ceil(2),
        };
        write_story(rng, cx, &mut out, number, &story);
        stories.push(story);
    }

    w!(out, "### Edge Cases");
    w!(out);
    for _ in 0..rng.range(5, 9) {
        w!(out, "- {}", edge_case(rng, topic));
    }
    w!(out);

    w!(out, "## Requirements *(mandatory)*");
    w!(out);
    w!(out, "### Functional Requirements");
    w!(out);
    let requirements_end = target * 74 / 100;
    let mut n_requirements = 0;
    while n_requirements < 5 || out.len() < requirements_end {
        n_requirements += 1;
        let mut text = requirement(rng, topic);
        if rng.chance(4) {
            text.push_str(" [NEEDS CLARIFICATION: retention period not agreed yet]");
        }
        w!(out, "- **FR-{n_requirements:03}**: {text}");
    }
    w!(out);
    w!(out, "### Key Entities *(include if feature involves data)*");
    w!(out);
    for entity in &topic.entities {
        let other = topic.entity(rng);
        let fields: Vec<&str> = entity.fields.iter().map(|field| field.words).collect();
        w!(
            out,
            "- **{}**: One {} as the {} sees it; holds {} and belongs to one {}.",
            entity.name,
            entity.lower(),
            topic.actor(rng),
            fields.join(", "),
            other.lower()
        );
    }
    w!(out);

    w!(out, "## Success Criteria *(mandatory)*");
    w!(out);
    w!(out, "### Measurable Outcomes");
    w!(out);
    let outcomes_end = target * 92 / 100;
    let mut n_outcomes = 0;
    while n_outcomes < 3 || out.len() < outcomes_end {
        n_outcomes += 1;
        w!(out, "- **SC-{n_outcomes:03}**: {}", outcome(rng, topic));
    }
    w!(out);

    w!(out, "## Assumptions");
    w!(out);
    let mut n_assumptions = 0;
    while n_assumptions < 2 || out.len() < target {
        n_assumptions += 1;
        w!(out, "- {}", assumption(rng, topic));
    }
    (out.into_string(), stories)
}

fn write_story(rng: &mut Rng, cx: &Context, out: &mut Out, number: usize, story: &Story) {
    let topic = &cx.topic;
    let actor = topic.actor(rng);
    w!(
        out,
        "### User Story {number} - {} (Priority: P{})",
        story.title,
        story.priority
    );
    w!(out);
    w!(
        out,
        "As {} {actor}, I want to {} so that {}. {}",
        article(actor),
        capability(rng, topic),
        benefit(rng),
        paragraph(rng, topic, 1, 3)
    );
    w!(out);
    w!(
        out,
        "**Why this priority**: {} {}",
        sentence(rng, topic),
        sentence(rng, topic)
    );
    w!(out);
    w!(
        out,
        "**Independent Test**: Can be fully tested by letting {} {} try to {} on a fresh workspace, and delivers value on its own.",
        article(actor),
        actor,
        capability(rng, topic)
    );
    w!(out);
    w!(out, "**Acceptance Scenarios**:");
    w!(out);
    for index in 1..=rng.range(3, 5) {
        let (given, when, then) = scenario(rng, topic);
        w!(
            out,
            "{index}. **Given** {given}, **When** {when}, **Then** {then}"
        );
    }
    w!(out);
    w!(out, "---");
    w!(out);
}

fn clarifications(rng: &mut Rng, cx: &Context, out: &mut Out) {
    let topic = &cx.topic;
    w!(out, "## Clarifications");
    w!(out);
    w!(out, "### Session {}", cx.updated);
    w!(out);
    for _ in 0..rng.range(2, 5) {
        let entity = topic.entity(rng);
        w!(
            out,
            "- Q: Should {} be editable after they are {}? → A: {}",
            entity.plural(),
            rng.pick(STATES),
            capitalise(&sentence(rng, topic))
        );
    }
    w!(out);
}
