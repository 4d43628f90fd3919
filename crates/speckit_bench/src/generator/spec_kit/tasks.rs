//! spec-kit `tasks.md` (FORMATS.md §B.6): phases of checkbox task lines
//! `- [ ] T001 [P] [US1] Description in path (depends on T000)`.

use super::spec::Story;
use crate::generator::Context;
use crate::generator::rng::Rng;
use crate::generator::text::{Out, capability, sentence, w};
use crate::generator::words::{Entity, STATES, VERBS, capitalise, plural};

/// Bytes kept free for the sections after the phases.
const TRAILER_RESERVE: usize = 2600;
/// Rough size of the Polish phase, reserved before the story phases.
const POLISH_RESERVE: usize = 1000;

/// Numbering, progress and parallel-example state while writing tasks.
struct Tasks {
    next_id: usize,
    /// Tasks with an index below this are written as done.
    done_below: usize,
    /// `[P]` descriptions of the first story, for the parallel example.
    parallel_example: Vec<String>,
}

/// How one task line is labelled.
#[derive(Clone, Copy, Default)]
struct Labels {
    parallel: bool,
    story: Option<usize>,
    depends_on: Option<usize>,
}

const PLAIN: Labels = Labels {
    parallel: false,
    story: None,
    depends_on: None,
};
const PARALLEL: Labels = Labels {
    parallel: true,
    story: None,
    depends_on: None,
};

impl Tasks {
    /// Writes one task line; returns its number.
    fn write(&mut self, rng: &mut Rng, out: &mut Out, labels: Labels, text: &str) -> usize {
        let id = self.next_id;
        self.next_id += 1;
        let mark = if id < self.done_below {
            if rng.chance(70) { 'X' } else { 'x' }
        } else {
            ' '
        };
        let parallel_label = if labels.parallel { " [P]" } else { "" };
        let story_label = labels
            .story
            .map(|n| format!(" [US{n}]"))
            .unwrap_or_default();
        let dependency = labels
            .depends_on
            .filter(|&earlier| earlier < id)
            .map(|earlier| format!(" (depends on T{earlier:03})"))
            .unwrap_or_default();
        w!(
            out,
            "- [{mark}] T{id:03}{parallel_label}{story_label} {text}{dependency}"
        );
        if labels.parallel && labels.story == Some(1) && self.parallel_example.len() < 4 {
            self.parallel_example.push(text.to_string());
        }
        id
    }

    fn count(&self) -> usize {
        self.next_id - 1
    }
}

/// Writes the tasks document; returns its text and the number of tasks.
pub(crate) fn tasks(
    rng: &mut Rng,
    cx: &Context,
    stories: &[Story],
    target: usize,
) -> (String, usize) {
    let mut out = Out::with_capacity(target + 4096);
    header(rng, cx, &mut out);

    // Estimate the task count from the budget so that progress can be
    // decided before writing: about 150 bytes per task line.
    let estimated_tasks = target.saturating_sub(TRAILER_RESERVE + 2000) / 150;
    let done_percent = [0, 0, 10, 35, 60, 100]
        .get(rng.below(6))
        .copied()
        .unwrap_or(0);
    let mut tasks = Tasks {
        next_id: 1,
        done_below: 1 + estimated_tasks * done_percent / 100,
        parallel_example: Vec::new(),
    };
    setup_phase(rng, cx, &mut out, &mut tasks);
    foundational_phase(rng, cx, &mut out, &mut tasks);

    let stories_start = out.len();
    let stories_end = target
        .saturating_sub(TRAILER_RESERVE + POLISH_RESERVE)
        .max(stories_start);
    for (index, story) in stories.iter().enumerate() {
        let number = index + 1;
        let phase_end =
            stories_start + (stories_end - stories_start) * number / stories.len().max(1);
        story_phase(rng, cx, &mut out, &mut tasks, (number, story), phase_end);
    }

    let polish_phase = stories.len() + 3;
    polish(rng, cx, &mut out, &mut tasks, polish_phase);
    write_trailer(rng, cx, &mut out, &tasks, stories.len(), polish_phase);
    (out.into_string(), tasks.count())
}

fn header(rng: &mut Rng, cx: &Context, out: &mut Out) {
    let topic = &cx.topic;
    if rng.chance(50) {
        w!(out, "---");
        w!(
            out,
            "description: \"Task list for the {} feature\"",
            topic.name
        );
        w!(out, "---");
        w!(out);
    }
    w!(out, "# Tasks: {}", topic.name);
    w!(out);
    w!(
        out,
        "**Input**: Design documents from `/specs/{}/`",
        cx.dir_name
    );
    w!(
        out,
        "**Prerequisites**: plan.md (required), spec.md (required for user stories), research.md, data-model.md, contracts/"
    );
    w!(out);
    w!(
        out,
        "**Tests**: Contract and integration tests are included because the spec asks for independent verification of each story."
    );
    w!(out);
    w!(
        out,
        "**Organization**: Tasks are grouped by user story so that each story can be implemented and tested on its own."
    );
    w!(out);
    w!(out, "## Format: `[ID] [P?] [Story] Description`");
    w!(out);
    w!(
        out,
        "- **[P]**: Can run in parallel (different files, no dependencies)"
    );
    w!(
        out,
        "- **[Story]**: Which user story this task belongs to (e.g., US1, US2, US3)"
    );
    w!(out, "- Include exact file paths in descriptions");
    w!(out);
    w!(out, "## Path Conventions");
    w!(out);
    w!(
        out,
        "- Feature code in `{}/`, tests in `tests/{}/`",
        topic.module(),
        topic.slug
    );
    w!(
        out,
        "- Migrations in `migrations/`, documentation in `docs/`"
    );
    w!(out);
    w!(out, "---");
    w!(out);
}

fn end_phase(out: &mut Out) {
    w!(out);
    w!(out, "---");
    w!(out);
}

fn setup_phase(rng: &mut Rng, cx: &Context, out: &mut Out, tasks: &mut Tasks) {
    let topic = &cx.topic;
    let module = topic.module();
    w!(out, "## Phase 1: Setup (Shared Infrastructure)");
    w!(out);
    w!(
        out,
        "**Purpose**: Project initialisation and the basic structure of `{module}/`"
    );
    w!(out);
    let text = format!("Create the feature folders per plan.md in {module}/index.ts");
    tasks.write(rng, out, PLAIN, &text);
    let text = format!(
        "Register the {} module and its route prefix in src/app.ts",
        topic.slug
    );
    tasks.write(rng, out, PLAIN, &text);
    let text = format!("Add lint and format rules for the new folder in {module}/.eslintrc.cjs");
    tasks.write(rng, out, PARALLEL, &text);
    for _ in 0..rng.range(0, 2) {
        let entity = topic.entity(rng);
        let text = format!(
            "Add test fixtures for {} in tests/{}/fixtures/{}.json",
            entity.plural(),
            topic.slug,
            entity.kebab()
        );
        tasks.write(rng, out, PARALLEL, &text);
    }
    end_phase(out);
}

fn foundational_phase(rng: &mut Rng, cx: &Context, out: &mut Out, tasks: &mut Tasks) {
    let topic = &cx.topic;
    let module = topic.module();
    w!(out, "## Phase 2: Foundational (Blocking Prerequisites)");
    w!(out);
    w!(out, "**Purpose**: Core pieces every user story depends on");
    w!(out);
    w!(
        out,
        "**⚠️ CRITICAL**: No user story work can begin until this phase is complete"
    );
    w!(out);
    let first_foundational = tasks.next_id;
    let date = cx.created.to_string().replace('-', "");
    for entity in topic.entities.iter().take(rng.range(2, 4)) {
        let table = plural(&entity.snake());
        let text = format!(
            "Create the migration for the {table} table in migrations/{date}_create_{table}.sql"
        );
        tasks.write(rng, out, PLAIN, &text);
    }
    let text = format!("Define shared types and error codes in {module}/types.ts");
    tasks.write(rng, out, PARALLEL, &text);
    let text = format!("Add request validation helpers in {module}/validation.ts");
    tasks.write(rng, out, PARALLEL, &text);
    let text = format!(
        "Add the permission checks for the {} feature in {module}/access.ts",
        topic.action.to_lowercase()
    );
    let labels = Labels {
        depends_on: Some(first_foundational),
        ..PLAIN
    };
    tasks.write(rng, out, labels, &text);
    w!(out);
    w!(
        out,
        "**Checkpoint**: Foundation ready - user story implementation can now begin in parallel"
    );
    end_phase(out);
}

fn story_phase(
    rng: &mut Rng,
    cx: &Context,
    out: &mut Out,
    tasks: &mut Tasks,
    (number, story): (usize, &Story),
    phase_end: usize,
) {
    let topic = &cx.topic;
    let mvp = if number == 1 { " 🎯 MVP" } else { "" };
    w!(
        out,
        "## Phase {}: User Story {number} - {} (Priority: P{}){mvp}",
        number + 2,
        story.title,
        story.priority
    );
    w!(out);
    w!(out, "**Goal**: {}", capitalise(&capability(rng, topic)));
    w!(out);
    w!(out, "**Independent Test**: {}", sentence(rng, topic));
    w!(out);
    if rng.chance(70) {
        w!(out, "### Tests for User Story {number}");
        w!(out);
        w!(
            out,
            "> **NOTE: Write these tests FIRST, ensure they FAIL before implementation**"
        );
        w!(out);
        for _ in 0..rng.range(1, 3) {
            let entity = topic.entity(rng);
            let text = test_task(rng, cx, entity, number);
            let labels = Labels {
                story: Some(number),
                ..PARALLEL
            };
            tasks.write(rng, out, labels, &text);
        }
        w!(out);
    }
    w!(out, "### Implementation for User Story {number}");
    w!(out);
    let mut previous: Option<usize> = None;
    let mut n_tasks = 0;
    while n_tasks < 3 || out.len() < phase_end {
        n_tasks += 1;
        let entity = topic.entity(rng);
        let (parallel, text) = implementation_task(rng, cx, entity);
        let depends_on = if parallel || !rng.chance(60) {
            None
        } else {
            previous
        };
        let labels = Labels {
            parallel,
            story: Some(number),
            depends_on,
        };
        previous = Some(tasks.write(rng, out, labels, &text));
    }
    w!(out);
    w!(
        out,
        "**Checkpoint**: User Story {number} works on its own and can be demonstrated"
    );
    end_phase(out);
}

/// One implementation task about `entity`: whether it may run in parallel, and its text.
fn implementation_task(rng: &mut Rng, cx: &Context, entity: &Entity) -> (bool, String) {
    let module = cx.topic.module();
    let verb = rng.pick(VERBS);
    let (name, kebab, pascal) = (entity.name, entity.kebab(), entity.pascal());
    match rng.below(7) {
        0 => (
            true,
            format!("Create the {name} model with its validation in {module}/models/{kebab}.ts"),
        ),
        1 => (
            false,
            format!(
                "Implement {pascal}Service.{verb} for {} in {module}/services/{kebab}-service.ts",
                entity.plural()
            ),
        ),
        2 => (
            false,
            format!(
                "Add the {} endpoint for {} in {module}/api/{kebab}-routes.ts",
                rng.pick(&["GET", "POST", "PATCH", "DELETE"]),
                entity.plural()
            ),
        ),
        3 => (
            true,
            format!(
                "Build the {pascal}Panel view with empty and error states in {module}/components/{pascal}Panel.tsx"
            ),
        ),
        4 => (
            false,
            format!(
                "Wire the {verb} action to the {} list and refresh the counts in {module}/components/{pascal}List.tsx",
                entity.lower()
            ),
        ),
        5 => (
            true,
            format!(
                "Add structured logging for {} changes in {module}/services/{kebab}-events.ts",
                entity.lower()
            ),
        ),
        _ => (
            false,
            format!(
                "Handle {} {} conflicts and show the reason in {module}/services/{kebab}-service.ts",
                rng.pick(STATES),
                entity.lower()
            ),
        ),
    }
}

fn polish(rng: &mut Rng, cx: &Context, out: &mut Out, tasks: &mut Tasks, phase: usize) {
    let topic = &cx.topic;
    let module = topic.module();
    w!(out, "## Phase {phase}: Polish & Cross-Cutting Concerns");
    w!(out);
    w!(
        out,
        "**Purpose**: Improvements that affect several user stories"
    );
    w!(out);
    let text = format!(
        "Document the {} feature for users in docs/{}.md",
        topic.action.to_lowercase(),
        topic.slug
    );
    tasks.write(rng, out, PARALLEL, &text);
    let text = format!(
        "Add unit tests for edge cases from spec.md in tests/{}/unit/edge-cases.test.ts",
        topic.slug
    );
    tasks.write(rng, out, PARALLEL, &text);
    for _ in 0..rng.range(1, 3) {
        let entity = topic.entity(rng);
        let text = format!(
            "Profile and tune the {} queries in {module}/services/{}-service.ts",
            entity.lower(),
            entity.kebab()
        );
        tasks.write(rng, out, PLAIN, &text);
    }
    tasks.write(
        rng,
        out,
        PLAIN,
        "Run the quickstart.md validation end to end and record the results in docs/validation.md",
    );
    end_phase(out);
}

fn test_task(rng: &mut Rng, cx: &Context, entity: &Entity, story: usize) -> String {
    let slug = &cx.topic.slug;
    match rng.below(3) {
        0 => format!(
            "Contract test for the {} endpoints in tests/{slug}/contract/{}.test.ts",
            entity.lower(),
            entity.kebab()
        ),
        1 => format!(
            "Integration test for user story {story} in tests/{slug}/integration/us{story}-{}.test.ts",
            entity.kebab()
        ),
        _ => format!(
            "Unit tests for {} rules in tests/{slug}/unit/{}-service.test.ts",
            entity.lower(),
            entity.kebab()
        ),
    }
}

fn write_trailer(
    rng: &mut Rng,
    cx: &Context,
    out: &mut Out,
    tasks: &Tasks,
    n_stories: usize,
    polish_phase: usize,
) {
    let topic = &cx.topic;
    w!(out, "## Dependencies & Execution Order");
    w!(out);
    w!(out, "### Phase Dependencies");
    w!(out);
    w!(
        out,
        "- **Setup (Phase 1)**: No dependencies - can start immediately"
    );
    w!(
        out,
        "- **Foundational (Phase 2)**: Depends on Setup completion - BLOCKS all user stories"
    );
    w!(
        out,
        "- **User Stories (Phase 3 to {})**: All depend on Foundational phase completion",
        n_stories + 2
    );
    w!(
        out,
        "- **Polish (Phase {polish_phase})**: Depends on all desired user stories being complete"
    );
    w!(out);
    w!(out, "### User Story Dependencies");
    w!(out);
    for story in 1..=n_stories.min(4) {
        w!(
            out,
            "- **User Story {story}**: Can start after Foundational (Phase 2). {}",
            sentence(rng, topic)
        );
    }
    w!(out);
    w!(out, "### Within Each User Story");
    w!(out);
    w!(
        out,
        "- Tests MUST be written and fail before implementation"
    );
    w!(
        out,
        "- Models before services, services before endpoints, endpoints before views"
    );
    w!(out);
    w!(out, "### Parallel Opportunities");
    w!(out);
    w!(
        out,
        "- All tasks marked [P] within a phase can run at the same time"
    );
    w!(
        out,
        "- Different user stories can be worked on in parallel by different team members"
    );
    w!(out);
    w!(out, "## Parallel Example: User Story 1");
    w!(out);
    w!(out, "```bash");
    for text in &tasks.parallel_example {
        w!(out, "Task: \"{text}\"");
    }
    w!(out, "```");
    w!(out);
    w!(out, "## Implementation Strategy");
    w!(out);
    w!(out, "### MVP First (User Story 1 Only)");
    w!(out);
    w!(out, "1. Complete Phase 1: Setup");
    w!(out, "2. Complete Phase 2: Foundational");
    w!(out, "3. Complete Phase 3: User Story 1");
    w!(
        out,
        "4. **STOP and VALIDATE**: Test User Story 1 on its own"
    );
    w!(out);
    w!(out, "### Incremental Delivery");
    w!(out);
    w!(
        out,
        "- Each story adds value without breaking the stories before it. {}",
        sentence(rng, topic)
    );
    w!(out);
    w!(out, "## Notes");
    w!(out);
    w!(out, "- [P] tasks = different files, no dependencies");
    w!(
        out,
        "- [Story] label maps a task to a user story for traceability"
    );
    w!(out, "- Commit after each task or logical group");
}
