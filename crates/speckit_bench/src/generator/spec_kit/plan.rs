//! spec-kit `plan.md` (FORMATS.md §B.5, SK-HEAD), followed by the Phase 0
//! research and Phase 1 design sections real plans often carry inline.

use crate::generator::Context;
use crate::generator::code::{
    TreeNode, error_code, json_block, json_error, source_tree, sql_table, tree, ts_interface,
};
use crate::generator::constitution::PRINCIPLES;
use crate::generator::rng::Rng;
use crate::generator::text::{Out, capability, paragraph, sentence, w, work_title};
use crate::generator::words::{
    ADJECTIVES, FRAMEWORKS, LANGUAGES, STORAGE, TEST_TOOLS, camel, capitalise, kebab,
};

const METHODS: &[&str] = &["GET", "POST", "PATCH", "PUT", "DELETE"];

pub(crate) fn plan(rng: &mut Rng, cx: &Context, target: usize) -> String {
    let topic = &cx.topic;
    let mut out = Out::with_capacity(target + 4096);
    w!(out, "# Implementation Plan: {}", topic.name);
    w!(out);
    w!(
        out,
        "**Branch**: `{}` | **Date**: {} | **Spec**: [spec.md](./spec.md)",
        cx.dir_name,
        cx.updated
    );
    w!(
        out,
        "**Input**: Feature specification from `/specs/{}/spec.md`",
        cx.dir_name
    );
    w!(out);
    summary_and_context(rng, cx, &mut out);
    constitution_check(rng, cx, &mut out);
    structure(rng, cx, &mut out);
    research(rng, cx, &mut out, target);
    design(rng, cx, &mut out, target);
    closing(rng, cx, &mut out, target);
    out.into_string()
}

fn summary_and_context(rng: &mut Rng, cx: &Context, out: &mut Out) {
    let topic = &cx.topic;
    w!(out, "## Summary");
    w!(out);
    w!(out, "{}", paragraph(rng, topic, 3, 5));
    w!(out);
    w!(out, "{}", paragraph(rng, topic, 2, 4));
    w!(out);

    w!(out, "## Technical Context");
    w!(out);
    w!(out, "**Language/Version**: {}", rng.pick(LANGUAGES));
    w!(out, "**Primary Dependencies**: {}", rng.pick(FRAMEWORKS));
    w!(out, "**Storage**: {}", rng.pick(STORAGE));
    w!(out, "**Testing**: {}", rng.pick(TEST_TOOLS));
    w!(
        out,
        "**Target Platform**: Linux containers behind the existing gateway; evergreen browsers"
    );
    w!(
        out,
        "**Project Type**: {}",
        rng.pick(&["web-service", "web", "library", "cli"])
    );
    w!(
        out,
        "**Performance Goals**: p95 under {} ms for list endpoints, {} requests/s sustained",
        rng.pick(&["150", "200", "300", "500"]),
        rng.pick(&["50", "200", "1,000"])
    );
    w!(
        out,
        "**Constraints**: {} and no new infrastructure outside the current cluster",
        sentence(rng, topic).trim_end_matches('.')
    );
    w!(
        out,
        "**Scale/Scope**: about {} {} per workspace, {} screens",
        rng.pick(&["10k", "50k", "250k", "1M"]),
        topic.subject().plural(),
        rng.range(2, 9)
    );
    w!(out);
}

fn constitution_check(rng: &mut Rng, cx: &Context, out: &mut Out) {
    let topic = &cx.topic;
    w!(out, "## Constitution Check");
    w!(out);
    w!(
        out,
        "*GATE: Must pass before Phase 0 research. Re-check after Phase 1 design.*"
    );
    w!(out);
    w!(out, "| Principle | Status | Notes |");
    w!(out, "|-----------|--------|-------|");
    let n_principles = rng.range(4, 7);
    for (index, principle) in rng
        .pick_distinct(PRINCIPLES, n_principles)
        .iter()
        .enumerate()
    {
        let status = if rng.chance(85) {
            "✅ Pass"
        } else {
            "⚠️ Justified"
        };
        w!(
            out,
            "| {}. {} | {} | {} |",
            roman(index + 1),
            principle,
            status,
            sentence(rng, topic)
        );
    }
    w!(out);
    w!(
        out,
        "**Result**: All gates pass; one deviation is recorded under Complexity Tracking."
    );
    w!(out);
}

fn structure(rng: &mut Rng, cx: &Context, out: &mut Out) {
    let topic = &cx.topic;
    w!(out, "## Project Structure");
    w!(out);
    w!(out, "### Documentation (this feature)");
    w!(out);
    w!(out, "```text");
    let docs = [
        ("plan.md", "This file"),
        ("research.md", "Phase 0 output"),
        ("data-model.md", "Phase 1 output"),
        ("quickstart.md", "Phase 1 output"),
        ("tasks.md", "Phase 2 output"),
    ]
    .iter()
    .map(|(name, comment)| TreeNode::leaf(*name, Some((*comment).to_string())))
    .chain(std::iter::once(TreeNode::dir(
        "contracts/",
        vec![TreeNode::leaf(format!("{}.openapi.yaml", topic.slug), None)],
    )))
    .collect();
    tree(out, &TreeNode::dir(format!("specs/{}/", cx.dir_name), docs));
    w!(out, "```");
    w!(out);
    w!(out, "### Source Code (repository root)");
    w!(out);
    w!(out, "```text");
    tree(out, &source_tree(topic));
    w!(out, "```");
    w!(out);
    w!(
        out,
        "**Structure Decision**: A single project; the feature lives in `{}/` and its tests under `tests/{}/`. {}",
        topic.module(),
        topic.slug,
        sentence(rng, topic)
    );
    w!(out);
}

fn research(rng: &mut Rng, cx: &Context, out: &mut Out, target: usize) {
    let topic = &cx.topic;
    w!(out, "## Phase 0: Outline & Research");
    w!(out);
    let research_end = target * 30 / 100;
    let mut n_research = 0;
    while n_research < 2 || out.len() < research_end {
        n_research += 1;
        w!(out, "### R{n_research}: {}", work_title(rng, topic));
        w!(out);
        w!(
            out,
            "- **Decision**: {}",
            capitalise(&capability(rng, topic))
        );
        w!(
            out,
            "- **Rationale**: {} {}",
            sentence(rng, topic),
            sentence(rng, topic)
        );
        w!(
            out,
            "- **Alternatives considered**: a {} approach ({}); doing nothing ({})",
            rng.pick(ADJECTIVES),
            sentence(rng, topic).trim_end_matches('.').to_lowercase(),
            rng.pick(&[
                "too slow",
                "too costly to run",
                "hard to test",
                "breaks existing links"
            ])
        );
        w!(out);
    }
}

fn design(rng: &mut Rng, cx: &Context, out: &mut Out, target: usize) {
    let topic = &cx.topic;
    w!(out, "## Phase 1: Design & Contracts");
    w!(out);
    w!(out, "### Data Model");
    w!(out);
    for entity in &topic.entities {
        w!(out, "#### {}", entity.name);
        w!(out);
        w!(out, "| Field | Type | Required | Notes |");
        w!(out, "|-------|------|----------|-------|");
        w!(out, "| id | string | yes | assigned on create |");
        for field in &entity.fields {
            w!(
                out,
                "| {} | {} | {} | {} |",
                camel(field.words),
                field.ts_type.replace('|', "\\|"),
                if rng.chance(60) { "yes" } else { "no" },
                rng.pick(&[
                    "indexed",
                    "shown in lists",
                    "editable",
                    "set by the server",
                    "validated on save"
                ])
            );
        }
        w!(out);
        ts_interface(out, entity);
        w!(out);
    }

    w!(out, "### API Contracts");
    w!(out);
    let contracts_end = target * 78 / 100;
    let mut n_endpoints = 0;
    while n_endpoints < 2 || out.len() < contracts_end {
        n_endpoints += 1;
        let entity = topic.entity(rng);
        let method = rng.pick(METHODS);
        let collection = kebab(&entity.plural());
        let path = if method == "POST" || method == "GET" && rng.chance(50) {
            format!("/api/v1/{collection}")
        } else {
            format!("/api/v1/{collection}/{{id}}")
        };
        w!(out, "#### `{method} {path}`");
        w!(out);
        w!(out, "{}", sentence(rng, topic));
        w!(out);
        if method != "GET" && method != "DELETE" {
            w!(out, "Request:");
            w!(out);
            json_block(out, rng, entity, false);
            w!(out);
        }
        w!(out, "Response `200`:");
        w!(out);
        json_block(out, rng, entity, true);
        w!(out);
        w!(out, "Response `4xx`:");
        w!(out);
        json_error(
            out,
            &error_code(topic, "validation error"),
            "One or more fields are invalid",
        );
        w!(out);
    }

    w!(out, "### Storage");
    w!(out);
    for entity in topic.entities.iter().take(rng.range(2, 3)) {
        sql_table(out, rng, entity, true);
        w!(out);
    }
}

fn closing(rng: &mut Rng, cx: &Context, out: &mut Out, target: usize) {
    let topic = &cx.topic;
    w!(out, "## Phase 2: Task Planning Approach");
    w!(out);
    w!(
        out,
        "- Generate tasks from the contracts, the data model and the user stories in spec.md."
    );
    w!(
        out,
        "- One model task per entity, one service task per rule group, one endpoint task per contract."
    );
    w!(
        out,
        "- Order tests before implementation; mark tasks on different files [P]."
    );
    w!(out);

    w!(out, "## Complexity Tracking");
    w!(out);
    w!(
        out,
        "> **Fill ONLY if Constitution Check has violations that must be justified**"
    );
    w!(out);
    w!(
        out,
        "| Violation | Why Needed | Simpler Alternative Rejected Because |"
    );
    w!(
        out,
        "|-----------|------------|-------------------------------------|"
    );
    w!(
        out,
        "| Background queue for {} | {} | {} |",
        topic.subject().plural(),
        sentence(rng, topic),
        sentence(rng, topic)
    );
    w!(out);

    w!(out, "## Risks & Mitigations");
    w!(out);
    let mut n_risks = 0;
    while n_risks < 2 || out.len() < target {
        n_risks += 1;
        w!(
            out,
            "- **Risk {n_risks}**: {} Mitigation: {}",
            sentence(rng, topic),
            sentence(rng, topic)
        );
    }
}

/// Roman numerals for principle numbers (1 to 12 is plenty).
pub(crate) fn roman(number: usize) -> &'static str {
    const NUMERALS: &[&str] = &[
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
    ];
    NUMERALS
        .get(number.saturating_sub(1))
        .copied()
        .unwrap_or("X")
}
