use speckit_md::{SectionId, lex};
use speckit_model::{Document, TaskFormat};
use speckit_text::Span;

use crate::analysis::{AnalysisContext, AnalysisFeature};
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// The phase lists of a plugin-format feature against the phases its
    /// tasks document really has (`## Phase N: …` with `### Task N.M`
    /// blocks): the rows of the `## Task Summary` table, the `Phase N: …`
    /// lines of the `## Task Dependencies` tree, and the `### Phase N: …`
    /// headings of the plan's `## Implementation Phases`. A listed phase
    /// that does not exist, and an existing phase a list leaves out, are
    /// reported (a plan phase missing from tasks.md is X009's finding).
    /// T006 checks the numbers inside the summary rows.
    ///
    /// ## Why it matters
    /// These lists are the overview people and agents read before the task
    /// blocks. When a phase was added, merged or renumbered in one place
    /// only, the overview promises work that is not planned, or hides work
    /// that is, and progress read from it is wrong.
    ///
    /// ## Example
    /// ```markdown
    /// | Phase 4 | 2 | 0 | 2 |
    /// ```
    /// in the Task Summary of a tasks document whose phases are 1–3. Use
    /// instead: drop the row, or add the `## Phase 4: …` section with its
    /// tasks.
    pub(crate) PhaseListMismatch {
        code: "X025",
        name: "phase-list-mismatch",
        summary: "A phase list names phases the tasks do not have, or misses one",
        severity: Warning,
        fix: Never,
        target: Feature,
    }
}

/// One phase a list names.
struct Listed {
    number: String,
    span: Span,
}

impl PhaseListMismatch {
    fn run(&self, feature: &AnalysisFeature<'_>, cx: &mut AnalysisContext<'_>) {
        let Some((tasks_document, tasks)) = feature.tasks() else {
            return;
        };
        if tasks.format != TaskFormat::Blocks {
            return;
        }
        let actual: Vec<(String, &str)> = tasks
            .phases
            .iter()
            .filter_map(|phase| {
                let number = phase.number?.value.trim();
                (!number.is_empty()).then(|| (number.to_string(), phase.name.value.trim()))
            })
            .collect();
        if actual.is_empty() {
            return;
        }
        let mut evaluated = 0;
        // The last field says whether listed phases missing from tasks.md are
        // reported here (X009 reports the plan's).
        let mut lists: Vec<(&Document, &str, Span, Vec<Listed>, bool)> = Vec::new();
        if let Some(summary) = &tasks.summary {
            let listed: Vec<Listed> = summary
                .rows
                .iter()
                .filter(|row| !row.is_total)
                .filter_map(|row| {
                    Some(Listed {
                        number: row.phase?.to_string(),
                        span: row.span,
                    })
                })
                .collect();
            lists.push((
                tasks_document,
                "the Task Summary",
                summary.table_span,
                listed,
                true,
            ));
        }
        if let Some((span, listed)) = tree_phases(tasks_document) {
            lists.push((
                tasks_document,
                "the Task Dependencies tree",
                span,
                listed,
                true,
            ));
        }
        if let Some((plan_document, plan)) = feature.plan()
            && let Some(phases) = &plan.implementation_phases
        {
            let listed: Vec<Listed> = phases
                .phases
                .iter()
                .filter_map(|phase| {
                    Some(Listed {
                        number: phase.number?.value.trim().to_string(),
                        span: phase.section.heading_span,
                    })
                })
                .collect();
            lists.push((
                plan_document,
                "the plan's Implementation Phases",
                phases.section.heading_span,
                listed,
                false,
            ));
        }
        for (document, list_name, list_span, listed, report_extra) in lists {
            if !listed.is_empty() {
                evaluated += compare(
                    cx,
                    &actual,
                    (document, list_name, list_span, &listed),
                    report_extra,
                );
            }
        }
        cx.evaluated(feature, evaluated);
    }
}

/// Reports the differences between one phase `list` and the phases tasks.md
/// has; returns how many entries were compared.
fn compare(
    cx: &mut AnalysisContext<'_>,
    actual: &[(String, &str)],
    (document, list_name, list_span, listed): (&Document, &str, Span, &[Listed]),
    report_extra: bool,
) -> usize {
    let mut evaluated = actual.len();
    for entry in listed.iter().filter(|_| report_extra) {
        evaluated += 1;
        if !actual.iter().any(|(number, _)| *number == entry.number) {
            drop(
                cx.report(
                    document,
                    entry.span,
                    format!(
                        "{list_name} names Phase {}, but tasks.md has no such phase",
                        entry.number
                    ),
                )
                .help("remove it, or add the phase and its tasks to tasks.md"),
            );
        }
    }
    for (number, name) in actual {
        if !listed.iter().any(|entry| entry.number == *number) {
            drop(
                cx.report(
                    document,
                    list_span,
                    format!("{list_name} leaves out Phase {number} ({name}) of tasks.md"),
                )
                .help("list every phase of tasks.md, in order"),
            );
        }
    }
    evaluated
}

/// `Phase N: …` lines of the Task Dependencies tree, with the span of the
/// tree's code block.
fn tree_phases(document: &Document) -> Option<(Span, Vec<Listed>)> {
    let section = document.find_section(
        SectionId::DOCUMENT,
        &[
            "Task Dependencies",
            "Dependency Graph",
            "Task Dependency Graph",
            "Dependency Tree",
        ],
    )?;
    let block = document.code_blocks_in(section).into_iter().next()?;
    let listed = lex::lines(&document.text, block.content.span)
        .filter_map(|line| {
            let number = phase_line(line.value)?;
            Some(Listed {
                number: number.to_string(),
                span: line.trim().span,
            })
        })
        .collect();
    Some((block.span, listed))
}

/// `Phase 2: Core` (not indented under a task) → `2`.
fn phase_line(line: &str) -> Option<&str> {
    let rest = line.trim_start().strip_prefix("Phase")?.trim_start();
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let number = rest.get(..digits).filter(|number| !number.is_empty())?;
    let after = rest.get(digits..)?;
    (after.is_empty() || after.starts_with([':', ' ', '-', '–', '—'])).then_some(number)
}

#[cfg(test)]
mod tests {
    use speckit_model::TaskList;

    use super::*;

    #[test]
    fn tree_phase_lines() {
        assert_eq!(phase_line("Phase 2: Core Features"), Some("2"));
        assert_eq!(phase_line("  Phase 10"), Some("10"));
        assert_eq!(phase_line("  ├─ Task 2.1 (core)"), None);
        assert_eq!(phase_line("Phases overview"), None);
    }

    #[test]
    fn tree_phases_are_read_from_the_code_block() {
        let text = "# Tasks: X\n\n## Task Dependencies\n\n```\nPhase 1: Foundation\n  └─ Task 1.1 (setup)\nPhase 2: Core\n  └─ Task 2.1 (core) → depends on 1.1\n```\n\n## Phase 1: Foundation\n\n### Task 1.1: Scaffold\n\n- **Status**: ⬜ Not Started\n";
        let document = Document::parse_str("tasks.md", text);
        let (_, listed) = tree_phases(&document).unwrap_or((Span::default(), Vec::new()));
        let numbers: Vec<&str> = listed.iter().map(|entry| entry.number.as_str()).collect();
        assert_eq!(numbers, ["1", "2"]);
        let tasks = TaskList::parse(&document);
        let actual: Vec<&str> = tasks
            .phases
            .iter()
            .filter_map(|phase| phase.number.map(|number| number.value))
            .collect();
        assert_eq!(actual, ["1"]);
    }
}
