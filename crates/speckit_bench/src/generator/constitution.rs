//! Constitutions for both layouts (FORMATS.md §B.8 spec-kit, §C.5 plugin).

use super::rng::Rng;
use super::spec_kit::plan::roman;
use super::text::{Date, Out, w};

/// Principle names; plans cite them in their Constitution Check.
pub(crate) const PRINCIPLES: &[&str] = &[
    "Small, Reviewable Changes",
    "Tests Before Code",
    "Observable by Default",
    "Accessible Interfaces",
    "Data Ownership Stays with the Tenant",
    "Reversible Migrations",
    "Plain Contracts Between Modules",
    "Documented Decisions",
    "Secure Defaults",
    "Performance Budgets",
];

const RULES: &[&str] = &[
    "Every change MUST be small enough to review in one sitting.",
    "New behaviour MUST come with a failing test first.",
    "Services MUST emit structured logs with a request ID.",
    "Screens MUST be usable with a keyboard and a screen reader.",
    "Tenant data MUST never be mixed in one query result.",
    "Schema changes MUST ship with a tested rollback.",
    "Modules SHOULD talk through typed interfaces only.",
    "Significant choices MUST be recorded with the options considered.",
    "Defaults MUST be the safest reasonable setting.",
    "Pages SHOULD stay within their agreed load-time budget.",
];

pub(crate) fn speckit(seed: u64, project: &str) -> String {
    let mut rng = Rng::derive(seed, 0xC0);
    let mut out = Out::with_capacity(4096);
    let ratified = Date::random(&mut rng);
    let amended = ratified.later(&mut rng, 200);
    w!(out, "<!--");
    w!(out, "Sync Impact Report");
    w!(
        out,
        "Version change: 1.{}.0 → 1.{}.0",
        rng.range(0, 3),
        rng.range(4, 6)
    );
    w!(out, "Added sections: Performance Budgets");
    w!(out, "Follow-up TODOs: none");
    w!(out, "-->");
    w!(out, "# {project} Constitution");
    w!(out);
    w!(out, "## Core Principles");
    w!(out);
    let n_principles = rng.range(5, 8);
    for (index, (name, rule)) in PRINCIPLES.iter().zip(RULES).take(n_principles).enumerate() {
        let non_negotiable = if index == 1 { " (NON-NEGOTIABLE)" } else { "" };
        w!(out, "### {}. {name}{non_negotiable}", roman(index + 1));
        w!(out);
        w!(out, "{rule} Reviewers check this on every pull request.");
        w!(out);
        w!(
            out,
            "**Rationale**: Problems found late cost more to fix than the habit costs to keep."
        );
        w!(out);
    }
    w!(out, "## Additional Constraints");
    w!(out);
    w!(
        out,
        "- Supported runtimes are the two most recent LTS releases."
    );
    w!(
        out,
        "- Third-party services need a named owner and an exit plan."
    );
    w!(out);
    w!(out, "## Development Workflow");
    w!(out);
    w!(
        out,
        "- Specs, plans and tasks live next to the code under `specs/`."
    );
    w!(
        out,
        "- A feature is done when its tasks are checked and its quickstart passes."
    );
    w!(out);
    w!(out, "## Governance");
    w!(out);
    w!(
        out,
        "This constitution overrides other practices. Amendments need a written proposal, one approval from each team lead and a migration note for open work."
    );
    w!(out);
    w!(
        out,
        "**Version**: 1.{}.0 | **Ratified**: {ratified} | **Last Amended**: {amended}",
        rng.range(4, 6)
    );
    out.into_string()
}

pub(crate) fn plugin(seed: u64, project: &str) -> String {
    let mut rng = Rng::derive(seed, 0xC1);
    let mut out = Out::with_capacity(4096);
    let updated = Date::random(&mut rng);
    w!(out, "# Project Constitution: {project}");
    w!(out);
    w!(out, "## Project Vision");
    w!(out);
    w!(
        out,
        "{project} helps small teams run their daily operations from one place, with fewer manual steps and clear records of what changed."
    );
    w!(out);
    w!(out, "## Core Principles");
    w!(out);
    for (heading, rules) in [
        ("Technical Excellence", &RULES[..3]),
        ("User Experience", &RULES[3..5]),
        ("Team Collaboration", &RULES[5..8]),
        ("Velocity and Iteration", &RULES[8..]),
    ] {
        w!(out, "### {heading}");
        for rule in rules {
            w!(out, "- {rule}");
        }
        w!(out);
    }
    w!(out, "## Technical Standards");
    w!(out);
    for heading in [
        "Architecture",
        "Code Style",
        "Testing Strategy",
        "Documentation",
    ] {
        w!(out, "### {heading}");
        w!(
            out,
            "- Follow the shared {} guide in the handbook.",
            heading.to_lowercase()
        );
        w!(
            out,
            "- Exceptions are written down in the plan that needs them."
        );
        w!(out);
    }
    w!(out, "## Decision-Making Guidelines");
    w!(out);
    w!(out, "### When to Write a Spec");
    w!(
        out,
        "- Work longer than two days or touching more than one module."
    );
    w!(out);
    w!(out, "### When to Skip the Spec");
    w!(out, "- Typo fixes, dependency bumps and copy changes.");
    w!(out);
    w!(out, "### Trade-off Framework");
    w!(out, "- Prefer the option that is easier to undo.");
    w!(out);
    w!(out, "## Success Criteria");
    w!(out);
    w!(
        out,
        "- Features ship with their tasks complete and their metrics visible."
    );
    w!(out);
    w!(out, "## Evolution");
    w!(out);
    w!(
        out,
        "This document changes when the team agrees a principle no longer helps."
    );
    w!(out, "- Record why it changed in the pull request.");
    w!(out);
    w!(out, "---");
    w!(out);
    w!(out, "**Last Updated**: {updated}");
    w!(out, "**Version**: 1.{}", rng.range(0, 4));
    out.into_string()
}
