//! Plugin `tasks.md` (FORMATS.md §C.3): a summary table, a dependency tree,
//! then `### Task N.M:` blocks with bullet fields and labelled lists.

use crate::generator::Context;
use crate::generator::rng::Rng;
use crate::generator::text::{Date, Out, capability, paragraph, sentence, w, work_title};
use crate::generator::words::{PEOPLE, camel, capitalise};

const PHASES_3: &[(&str, &str)] = &[
    ("Foundation", "foundation"),
    ("Core Features", "core"),
    ("Polish and Launch", "polish"),
];
const PHASES_4: &[(&str, &str)] = &[
    ("Foundation", "foundation"),
    ("Core Features", "core"),
    ("Integration", "integration"),
    ("Polish and Launch", "launch"),
];
const LEVELS: &[&str] = &["High", "Medium", "Low"];
const EFFORTS: &[&str] = &["XS", "S", "S (3 hours)", "M", "M (1 day)", "L"];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Status {
    Done,
    Started,
    Todo,
}

struct Task {
    phase: usize,
    index: usize,
    status: Status,
    category: &'static str,
    depends_on: Vec<(usize, usize)>,
}

/// Writes the tasks document; returns its text and the number of tasks.
pub(crate) fn tasks(rng: &mut Rng, cx: &Context, target: usize) -> (String, usize) {
    let topic = &cx.topic;
    let phases = if rng.chance(50) { PHASES_3 } else { PHASES_4 };
    let done_percent = [0, 20, 45, 70, 100].get(rng.below(5)).copied().unwrap_or(0);

    // Progress is decided by position against the expected task count
    // (a block is a little over 1 KB).
    let done_count = target.saturating_sub(4000) / 1100 * done_percent / 100;
    let trailer = trailer(rng, cx);
    let mut body = Out::with_capacity(target);
    let mut tasks: Vec<Task> = Vec::new();
    let estimate = |body: &Out, n_tasks: usize| {
        body.len() + trailer.len() + 500 + 45 * phases.len() + 60 * n_tasks
    };
    for (phase_index, (phase_name, category)) in phases.iter().enumerate() {
        let phase = phase_index + 1;
        let phase_end = target * phase / phases.len();
        w!(body, "## Phase {phase}: {phase_name}");
        w!(body);
        w!(body, "**Goal**: {}", capitalise(&capability(rng, topic)));
        w!(body);
        let mut index = 0;
        while index < 2 || estimate(&body, tasks.len()) < phase_end {
            index += 1;
            let position = tasks.len();
            let status = if position < done_count {
                Status::Done
            } else if position == done_count && done_percent > 0 && done_percent < 100 {
                Status::Started
            } else {
                Status::Todo
            };
            let mut depends_on = Vec::new();
            if index > 1 && rng.chance(60) {
                depends_on.push((phase, rng.range(1, index - 1)));
            }
            if phase > 1 && index == 1 {
                let previous = tasks.iter().rev().find(|task| task.phase == phase - 1);
                if let Some(previous) = previous {
                    depends_on.push((previous.phase, previous.index));
                }
            }
            let task = Task {
                phase,
                index,
                status,
                category,
                depends_on,
            };
            write_task(rng, cx, &mut body, &task);
            tasks.push(task);
        }
    }

    let mut out = Out::with_capacity(target + 4096);
    w!(out, "# Tasks: {}", topic.name);
    w!(out);
    w!(out, "**Plan Reference**: [plan.md](./plan.md)");
    let document_status = match done_percent {
        0 => "Not Started",
        100 => "Complete",
        _ => "In Progress",
    };
    w!(out, "**Status**: {document_status}");
    w!(out, "**Created**: {}", cx.created);
    w!(out, "**Last Updated**: {}", cx.updated);
    w!(out);
    summary_and_tree(&mut out, phases, &tasks);
    w!(out, "---");
    w!(out);
    out.push_out(&body);
    out.push_out(&trailer);
    (out.into_string(), tasks.len())
}

/// The `## Task Summary` table and the `## Task Dependencies` tree.
fn summary_and_tree(out: &mut Out, phases: &[(&str, &str)], tasks: &[Task]) {
    w!(out, "## Task Summary");
    w!(out);
    w!(out, "| Phase | Total Tasks | Completed | Remaining |");
    w!(out, "|-------|-------------|-----------|-----------|");
    let (mut total, mut completed) = (0, 0);
    for phase in 1..=phases.len() {
        let in_phase = tasks.iter().filter(|task| task.phase == phase);
        let phase_total = in_phase.clone().count();
        let phase_done = in_phase.filter(|task| task.status == Status::Done).count();
        w!(
            out,
            "| Phase {phase} | {phase_total} | {phase_done} | {} |",
            phase_total - phase_done
        );
        total += phase_total;
        completed += phase_done;
    }
    w!(
        out,
        "| **Total** | **{total}** | **{completed}** | **{}** |",
        total - completed
    );
    w!(out);
    w!(out, "## Task Dependencies");
    w!(out);
    w!(out, "```");
    for (phase_index, (phase_name, _)) in phases.iter().enumerate() {
        let phase = phase_index + 1;
        w!(out, "Phase {phase}: {phase_name}");
        let in_phase: Vec<&Task> = tasks.iter().filter(|task| task.phase == phase).collect();
        for (position, task) in in_phase.iter().enumerate() {
            let connector = if position + 1 == in_phase.len() {
                "└─"
            } else {
                "├─"
            };
            let depends = if task.depends_on.is_empty() {
                String::new()
            } else {
                let ids: Vec<String> = task
                    .depends_on
                    .iter()
                    .map(|(p, m)| format!("{p}.{m}"))
                    .collect();
                format!(" → depends on {}", ids.join(", "))
            };
            w!(
                out,
                "  {connector} Task {}.{} ({}){depends}",
                task.phase,
                task.index,
                task.category
            );
        }
        if phase < phases.len() {
            w!(out);
        }
    }
    w!(out, "```");
    w!(out);
}

fn write_task(rng: &mut Rng, cx: &Context, out: &mut Out, task: &Task) {
    let topic = &cx.topic;
    let entity = topic.entity(rng);
    w!(
        out,
        "### Task {}.{}: {}",
        task.phase,
        task.index,
        work_title(rng, topic)
    );
    let status = match task.status {
        Status::Done => "✅ Complete",
        Status::Started => "🟡 In Progress",
        Status::Todo => "⬜ Not Started",
    };
    w!(out, "- **Status**: {status}");
    w!(out, "- **Priority**: {}", rng.pick(LEVELS));
    w!(out, "- **Complexity**: {}", rng.pick(LEVELS));
    w!(out, "- **Estimated Effort**: {}", rng.pick(EFFORTS));
    if task.depends_on.is_empty() {
        w!(out, "- **Dependencies**: None");
    } else {
        let refs: Vec<String> = task
            .depends_on
            .iter()
            .map(|(phase, index)| format!("Task {phase}.{index}"))
            .collect();
        w!(out, "- **Dependencies**: {}", refs.join(", "));
    }
    w!(out, "- **Assigned To**: {}", rng.pick(PEOPLE));
    w!(out);
    w!(out, "**Description:**");
    w!(out, "{}", paragraph(rng, topic, 2, 3));
    w!(out);
    w!(out, "**Acceptance Criteria:**");
    let mark = if task.status == Status::Done {
        'x'
    } else {
        ' '
    };
    for _ in 0..rng.range(3, 5) {
        w!(out, "- [{mark}] {}", capitalise(&capability(rng, topic)));
    }
    w!(out);
    w!(out, "**Implementation Notes:**");
    for _ in 0..rng.range(1, 2) {
        w!(out, "- {}", sentence(rng, topic));
    }
    w!(out);
    w!(out, "**Files to Create/Modify:**");
    w!(
        out,
        "- `src/features/{}/services/{}Service.ts` - {}",
        topic.slug,
        camel(entity.name),
        work_title(rng, topic)
    );
    w!(
        out,
        "- `src/features/{}/components/{}Panel.tsx` - view changes",
        topic.slug,
        entity.pascal()
    );
    w!(out);
    w!(out, "**Testing Requirements:**");
    for _ in 0..rng.range(1, 3) {
        w!(
            out,
            "- [{mark}] Unit tests for {} {}",
            entity.lower(),
            rng.pick(&["validation", "state changes", "permissions", "formatting"])
        );
    }
    w!(out);
    w!(out, "---");
    w!(out);
}

fn trailer(rng: &mut Rng, cx: &Context) -> Out {
    let topic = &cx.topic;
    let mut out = Out::with_capacity(4096);
    w!(out, "## Testing Strategy");
    w!(out);
    w!(out, "### Unit Testing");
    w!(
        out,
        "**Coverage Target**: {}%+",
        rng.pick(&["80", "85", "90"])
    );
    w!(out);
    for _ in 0..3 {
        w!(out, "- [ ] {}", capitalise(&capability(rng, topic)));
    }
    w!(out);
    w!(out, "### Integration Testing");
    w!(
        out,
        "- [ ] Service and database round trips for every entity"
    );
    w!(out, "- [ ] API error responses match the contracts");
    w!(out);
    w!(out, "### E2E Testing");
    w!(
        out,
        "- [ ] The main {} flow from start to finish",
        topic.action.to_lowercase()
    );
    w!(out);
    w!(out, "## Deployment Checklist");
    w!(out);
    for (heading, item) in [
        (
            "Pre-Deployment",
            "Migrations reviewed and tested on a copy of production",
        ),
        ("Deployment", "Feature flag created and left OFF"),
        (
            "Post-Deployment",
            "Dashboards show normal error rates for one day",
        ),
    ] {
        w!(out, "### {heading}");
        w!(out, "- [ ] {item}");
        w!(out);
    }
    w!(out, "## Risk Register");
    w!(out);
    w!(out, "| Risk | Impact | Probability | Mitigation | Owner |");
    w!(out, "|------|--------|-------------|------------|-------|");
    for _ in 0..rng.range(2, 4) {
        w!(
            out,
            "| {} | {} | {} | {} | {} |",
            sentence(rng, topic).trim_end_matches('.'),
            rng.pick(&["H", "M", "L"]),
            rng.pick(&["H", "M", "L"]),
            sentence(rng, topic),
            rng.pick(PEOPLE)
        );
    }
    w!(out);
    w!(out, "## Progress Log");
    w!(out);
    let mut date = Date::random(rng);
    for day in 1..=rng.range(1, 3) {
        w!(out, "### {date}");
        w!(out, "- Started Phase {day}");
        w!(out, "- {}", sentence(rng, topic));
        w!(out);
        date = date.later(rng, 4);
    }
    w!(out, "## Effort Estimates Legend");
    w!(out);
    w!(out, "- **XS**: < 2 hours");
    w!(out, "- **S**: 2-4 hours");
    w!(out, "- **M**: 4-8 hours (1 day)");
    w!(out, "- **L**: 1-2 days");
    w!(out, "- **XL**: 2-5 days");
    w!(out);
    w!(out, "---");
    w!(out);
    w!(out, "**Next Steps:**");
    w!(out, "1. Start with Task 1.1 → Run `/spec-kit:implement`");
    w!(out, "2. Update the summary table as tasks complete");
    w!(out, "3. Re-check consistency → Run `/spec-kit:analyze`");
    out
}
