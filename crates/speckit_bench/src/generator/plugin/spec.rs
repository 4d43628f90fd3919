//! Plugin `spec.md` (FORMATS.md §C.2): overview, `#### Story n` blocks with
//! acceptance checkboxes, numbered FR/NFR/TR requirements, metrics, risks.

use crate::generator::Context;
use crate::generator::rng::Rng;
use crate::generator::text::{
    Out, assumption, benefit, capability, edge_case, outcome, paragraph, requirement, sentence, w,
    work_title,
};
use crate::generator::words::{QUALIFIERS, camel, capitalise};

const PRIORITIES: &[&str] = &["High", "Medium", "Low"];

/// Writes the spec; returns its text and the number of stories.
pub(crate) fn spec(rng: &mut Rng, cx: &Context, target: usize) -> (String, usize) {
    let topic = &cx.topic;
    let mut out = Out::with_capacity(target + 2048);
    w!(out, "# Specification: {}", topic.name);
    w!(out);
    w!(out, "**Status**: Draft");
    w!(out, "**Author**: {}", cx.author);
    w!(out, "**Created**: {}", cx.created);
    w!(out, "**Last Updated**: {}", cx.updated);
    w!(out);
    w!(out, "## Overview");
    w!(out);
    w!(out, "### Problem Statement");
    w!(out, "{}", paragraph(rng, topic, 3, 5));
    w!(out);
    w!(out, "### Proposed Solution");
    w!(out, "{}", paragraph(rng, topic, 3, 5));
    w!(out);
    w!(out, "### Goals");
    for _ in 0..rng.range(3, 5) {
        w!(out, "- {}", capitalise(&capability(rng, topic)));
    }
    w!(out);
    w!(out, "### Non-Goals");
    for _ in 0..rng.range(2, 3) {
        w!(out, "- {}", sentence(rng, topic));
    }
    w!(out);

    w!(out, "## User Stories");
    w!(out);
    w!(out, "### Primary Users");
    w!(out);
    let stories_end = target * 40 / 100;
    let secondary_from = target * 32 / 100;
    let mut n_stories = 0;
    let mut in_secondary = false;
    while n_stories < 2 || out.len() < stories_end {
        if !in_secondary && n_stories >= 2 && out.len() >= secondary_from {
            w!(out, "### Secondary Users");
            w!(out);
            in_secondary = true;
        }
        n_stories += 1;
        w!(out, "#### Story {n_stories}");
        w!(out, "**As a** {}", topic.actor(rng));
        w!(out, "**I want** to {}", capability(rng, topic));
        w!(out, "**So that** {}", benefit(rng));
        w!(out);
        w!(out, "**Acceptance Criteria:**");
        for _ in 0..rng.range(3, 5) {
            let entity = topic.entity(rng);
            w!(
                out,
                "- [ ] The {} is {} {}",
                entity.lower(),
                rng.pick(&["saved", "listed", "updated", "rejected", "shown"]),
                rng.pick(QUALIFIERS)
            );
        }
        w!(out);
    }

    requirements(rng, cx, &mut out, target);
    interface_and_data(rng, cx, &mut out);
    integration_and_security(rng, cx, &mut out);
    metrics_and_risks(rng, cx, &mut out);
    closing(rng, cx, &mut out, target);
    (out.into_string(), n_stories)
}

fn requirements(rng: &mut Rng, cx: &Context, out: &mut Out, target: usize) {
    let topic = &cx.topic;
    w!(out, "## Requirements");
    w!(out);
    w!(out, "### Functional Requirements");
    w!(out);
    let requirements_end = target * 60 / 100;
    let mut n_requirements = 0;
    while n_requirements < 3 || out.len() < requirements_end {
        n_requirements += 1;
        w!(
            out,
            "{n_requirements}. **FR-{n_requirements}**: {}",
            work_title(rng, topic)
        );
        w!(out, "   - Description: {}", requirement(rng, topic));
        w!(out, "   - Priority: {}", rng.pick(PRIORITIES));
        if n_requirements > 1 && rng.chance(40) {
            w!(
                out,
                "   - Dependencies: FR-{}",
                rng.range(1, n_requirements - 1)
            );
        } else {
            w!(out, "   - Dependencies: None");
        }
    }
    w!(out);
    w!(out, "### Non-Functional Requirements");
    w!(out);
    for index in 1..=rng.range(3, 5) {
        w!(
            out,
            "{index}. **NFR-{index}**: {}",
            rng.pick(&[
                "Responsiveness",
                "Availability",
                "Accessibility",
                "Data retention",
                "Auditability",
                "Localisation"
            ])
        );
        w!(out, "   - Description: {}", sentence(rng, topic));
        w!(
            out,
            "   - Metric: {}",
            rng.pick(&[
                "p95 latency",
                "monthly uptime",
                "WCAG 2.1 AA checks",
                "days kept",
                "events captured"
            ])
        );
        w!(
            out,
            "   - Target: {}",
            rng.pick(&["< 300 ms", "99.9%", "0 violations", "365 days", "100%"])
        );
    }
    w!(out);
    w!(out, "### Technical Requirements");
    w!(out);
    for index in 1..=rng.range(2, 4) {
        w!(out, "{index}. **TR-{index}**: {}", work_title(rng, topic));
        w!(out, "   - Description: {}", sentence(rng, topic));
        w!(out, "   - Rationale: {}", sentence(rng, topic));
    }
    w!(out);
}

fn interface_and_data(rng: &mut Rng, cx: &Context, out: &mut Out) {
    let topic = &cx.topic;
    w!(out, "## User Interface");
    w!(out);
    w!(out, "### Key Screens/Views");
    w!(out);
    for (index, entity) in topic.entities.iter().take(rng.range(2, 3)).enumerate() {
        w!(out, "#### View {}: {} Overview", index + 1, entity.name);
        w!(out, "{}", paragraph(rng, topic, 2, 2));
        w!(out);
    }
    w!(out, "### User Flows");
    w!(out);
    for index in 1..=rng.range(2, 3) {
        w!(out, "{index}. **Flow {index}**: {}", work_title(rng, topic));
        for step in 1..=rng.range(3, 5) {
            w!(
                out,
                "   - Step {step}: {}",
                capitalise(&capability(rng, topic))
            );
        }
    }
    w!(out);

    w!(out, "## Data Requirements");
    w!(out);
    w!(out, "### Data Models");
    w!(out);
    for (index, entity) in topic.entities.iter().take(3).enumerate() {
        w!(out, "#### Model {}: {}", index + 1, entity.name);
        w!(out, "```");
        w!(out, "{{");
        w!(out, "  id: string,");
        for field in &entity.fields {
            w!(out, "  {}: {},", camel(field.words), field.ts_type);
        }
        w!(out, "}}");
        w!(out, "```");
        w!(out);
    }
    w!(out, "### Data Sources");
    w!(
        out,
        "- The existing {} records, read through the internal API",
        topic.subject().lower()
    );
    w!(out, "- Manual entry by the {}", topic.actor(rng));
    w!(out);
    w!(out, "### Data Persistence");
    w!(out, "- {}", sentence(rng, topic));
    w!(out);
}

fn integration_and_security(rng: &mut Rng, cx: &Context, out: &mut Out) {
    let topic = &cx.topic;
    w!(out, "## Integration Points");
    w!(out);
    w!(out, "### External Services");
    w!(
        out,
        "- {} for outgoing email, with retries on failure",
        rng.pick(&["Postmark", "SES", "Mailgun"])
    );
    w!(out);
    w!(out, "### Internal Systems");
    w!(out, "- The accounts service for identity and roles");
    w!(
        out,
        "- The events bus for `{}.changed` messages",
        topic.subject().kebab()
    );
    w!(out);

    w!(out, "## Security Considerations");
    w!(out);
    for _ in 0..rng.range(3, 5) {
        w!(out, "- {}", sentence(rng, topic));
    }
    w!(out);
}

fn metrics_and_risks(rng: &mut Rng, cx: &Context, out: &mut Out) {
    let topic = &cx.topic;
    w!(out, "## Success Metrics");
    w!(out);
    for index in 1..=rng.range(3, 4) {
        w!(
            out,
            "{index}. **Metric {index}**: {}",
            work_title(rng, topic)
        );
        w!(out, "   - Definition: {}", outcome(rng, topic));
        w!(out, "   - Target: {}%", rng.range(60, 99));
        w!(
            out,
            "   - Timeline: {} weeks after launch",
            rng.range(2, 12)
        );
    }
    w!(out);

    w!(out, "## Risks and Mitigation");
    w!(out);
    w!(out, "| Risk | Impact | Probability | Mitigation Strategy |");
    w!(out, "|------|--------|-------------|---------------------|");
    for _ in 0..rng.range(3, 5) {
        w!(
            out,
            "| {} | {} | {} | {} |",
            edge_case(rng, topic).trim_end_matches('?'),
            rng.pick(PRIORITIES),
            rng.pick(PRIORITIES),
            sentence(rng, topic)
        );
    }
    w!(out);
}

fn closing(rng: &mut Rng, cx: &Context, out: &mut Out, target: usize) {
    let topic = &cx.topic;
    w!(out, "## Open Questions");
    w!(out);
    for index in 1..=rng.range(2, 4) {
        w!(out, "{index}. {}", edge_case(rng, topic));
    }
    w!(out);

    w!(out, "## Assumptions");
    w!(out);
    let assumptions_end = target.saturating_sub(700);
    let mut n_assumptions = 0;
    while n_assumptions < 2 || out.len() < assumptions_end {
        n_assumptions += 1;
        w!(out, "- {}", assumption(rng, topic));
    }
    w!(out);
    w!(out, "## Out of Scope");
    w!(out);
    w!(out, "- {}", sentence(rng, topic));
    w!(out, "- Mobile push notifications");
    w!(out);
    w!(out, "## References");
    w!(out);
    w!(out, "- [Constitution](../../memory/constitution.md)");
    w!(out, "- Internal design notes for the {} module", topic.slug);
    w!(out);
    w!(out, "---");
    w!(out);
    w!(out, "**Next Steps:**");
    w!(out, "1. Resolve open questions → Run `/spec-kit:clarify`");
    w!(out, "2. Create the technical plan → Run `/spec-kit:plan`");
}
