//! `speckit tasks …`: list, next, status changes, graph, export.

use std::io::Write;

use anyhow::{Context, bail};
use speckit::model::Document;
use speckit::model::tasks::{TaskList, TaskStatus};
use speckit::task_engine::critical::{WeightUnit, critical_path};
use speckit::task_engine::export::{github_issues, records, to_csv};
use speckit::task_engine::graph::TaskGraph;
use speckit::task_engine::next::next_tasks;
use speckit::task_engine::status::{ChangeOptions, StatusChange, StatusError};
use speckit::tasks::{TaskCommandError, load_tasks, set_task_status};
use speckit::text::LineIndex;
use speckit::workspace::{Feature, Workspace, resolve};

use super::{print_json, today};
use crate::cli::{ExportFormat, GraphFormat, StatusArgs, StatusFilter, TasksCommand};
use crate::style;

pub(crate) fn run(workspace: &Workspace, command: TasksCommand) -> anyhow::Result<u8> {
    match command {
        TasksCommand::List {
            feature,
            status,
            phase,
            story,
            json,
        } => with_tasks(workspace, feature.as_deref(), |feature, document, list| {
            list_tasks(
                feature,
                document,
                list,
                &Filter {
                    status,
                    phase: phase.as_deref(),
                    story: story.as_deref(),
                },
                json,
            )
        }),
        TasksCommand::Next { feature, json } => {
            with_tasks(workspace, feature.as_deref(), |_, document, list| {
                next(document, list, json)
            })
        }
        TasksCommand::Start(args) => change(workspace, StatusChange::Start, &args),
        TasksCommand::Done(args) => change(workspace, StatusChange::Done, &args),
        TasksCommand::Block(args) => change(workspace, StatusChange::Block, &args),
        TasksCommand::Reset(args) => change(workspace, StatusChange::Reset, &args),
        TasksCommand::Graph { feature, format } => {
            with_tasks(workspace, feature.as_deref(), |feature, document, list| {
                graph(feature, document, list, format)
            })
        }
        TasksCommand::Export {
            feature,
            format,
            create,
            include_done,
        } => with_tasks(workspace, feature.as_deref(), |_, document, list| {
            export(document, list, format, create, include_done)
        }),
    }
}

fn feature<'w>(workspace: &'w Workspace, reference: Option<&str>) -> anyhow::Result<&'w Feature> {
    Ok(match reference {
        Some(reference) => resolve::find_feature(workspace, reference)?,
        None => resolve::current_feature(workspace)?,
    })
}

/// Loads the feature's tasks file and hands it over, parsed.
fn with_tasks(
    workspace: &Workspace,
    reference: Option<&str>,
    body: impl FnOnce(&Feature, &Document, &TaskList<'_>) -> anyhow::Result<u8>,
) -> anyhow::Result<u8> {
    let feature = feature(workspace, reference)?;
    let Some(document) = load_tasks(workspace, feature)? else {
        bail!("feature {} has no tasks.md", feature.dir);
    };
    let list = TaskList::parse(&document);
    body(feature, &document, &list)
}

fn line_of(document: &Document) -> impl Fn(u32) -> u32 + '_ {
    let index = LineIndex::new(&document.text);
    move |offset| index.line_col(&document.text, offset).line
}

struct Filter<'a> {
    status: Option<StatusFilter>,
    phase: Option<&'a str>,
    story: Option<&'a str>,
}

impl Filter<'_> {
    fn keeps(&self, list: &TaskList<'_>, task: &speckit::model::tasks::Task<'_>) -> bool {
        let status_ok = match self.status {
            None => true,
            Some(StatusFilter::Open) => !task.status.is_closed(),
            Some(StatusFilter::Todo) => {
                matches!(task.status, TaskStatus::Todo | TaskStatus::Unknown)
            }
            Some(StatusFilter::InProgress) => task.status == TaskStatus::InProgress,
            Some(StatusFilter::Blocked) => task.status == TaskStatus::Blocked,
            Some(StatusFilter::Done) => task.status == TaskStatus::Done,
            Some(StatusFilter::Skipped) => task.status == TaskStatus::Skipped,
        };
        let phase_ok = self.phase.is_none_or(|wanted| {
            let number = task
                .phase
                .and_then(|index| list.phases.get(index))
                .and_then(|phase| phase.number);
            number.is_some_and(|number| {
                number
                    .value
                    .eq_ignore_ascii_case(wanted.trim_start_matches("Phase ").trim())
            })
        });
        let story_ok = self.story.is_none_or(|wanted| {
            task.stories
                .iter()
                .any(|story| story.value.eq_ignore_ascii_case(wanted))
        });
        status_ok && phase_ok && story_ok
    }
}

fn list_tasks(
    feature: &Feature,
    document: &Document,
    list: &TaskList<'_>,
    filter: &Filter<'_>,
    json: bool,
) -> anyhow::Result<u8> {
    let all = records(list, line_of(document));
    let kept: Vec<_> = list
        .tasks
        .iter()
        .zip(all)
        .filter(|(task, _)| filter.keeps(list, task))
        .map(|(_, record)| record)
        .collect();
    if json {
        print_json(&kept)?;
        return Ok(0);
    }
    let mut out = anstream::stdout().lock();
    let id_width = kept
        .iter()
        .map(|record| record.id.chars().count())
        .max()
        .unwrap_or(0);
    let status_width = kept
        .iter()
        .map(|record| record.status.len())
        .max()
        .unwrap_or(0);
    let (dim, dim_reset) = (style::DIM.render(), style::DIM.render_reset());
    for record in &kept {
        let mut markers = String::new();
        if record.parallel {
            markers.push_str("[P] ");
        }
        for story in &record.stories {
            markers.push_str(story);
            markers.push(' ');
        }
        let phase = record.phase.as_ref().map_or_else(String::new, |phase| {
            format!("  {dim}(phase {phase}){dim_reset}")
        });
        writeln!(
            out,
            "{}{:<id_width$}{}  {:<status_width$}  {markers}{}{phase}",
            style::NUMBER.render(),
            record.id,
            style::NUMBER.render_reset(),
            record.status,
            record.title
        )
        .context("cannot write to stdout")?;
    }
    if kept.is_empty() {
        writeln!(out, "no tasks match in {}", feature.dir).context("cannot write to stdout")?;
    }
    Ok(0)
}

fn next(document: &Document, list: &TaskList<'_>, json: bool) -> anyhow::Result<u8> {
    let graph = TaskGraph::build(list);
    let next = next_tasks(&graph, line_of(document));
    if json {
        print_json(&next)?;
        return Ok(0);
    }
    let mut out = anstream::stdout().lock();
    let (header, reset) = (style::HEADER.render(), style::HEADER.render_reset());
    let write =
        |out: &mut anstream::AutoStream<std::io::StdoutLock<'static>>| -> std::io::Result<()> {
            writeln!(
                out,
                "{header}{}{reset}: {}/{} tasks done",
                document.path, next.done, next.total
            )?;
            if next.ready.is_empty() {
                writeln!(out, "\nNothing is ready.")?;
            } else {
                writeln!(out, "\n{header}Ready{reset} ({}):", next.ready.len())?;
                let width = next
                    .ready
                    .iter()
                    .map(|task| task.id.chars().count())
                    .max()
                    .unwrap_or(0);
                for task in &next.ready {
                    let parallel = if task.parallel { "[P] " } else { "" };
                    writeln!(
                        out,
                        "  {:<width$}  {parallel}{}  (line {})",
                        task.id, task.title, task.line
                    )?;
                }
                if next.parallel_groups.len() < next.ready.len() {
                    let groups: Vec<String> = next
                        .parallel_groups
                        .iter()
                        .map(|group| group.join(", "))
                        .collect();
                    writeln!(out, "\nCan run together: {}", groups.join("  |  "))?;
                }
            }
            if !next.in_progress.is_empty() {
                writeln!(out, "\nIn progress: {}", next.in_progress.join(", "))?;
            }
            if !next.blocked.is_empty() {
                writeln!(out, "Blocked: {}", next.blocked.join(", "))?;
            }
            if !next.waiting.is_empty() {
                writeln!(out, "\n{header}Waiting{reset} ({}):", next.waiting.len())?;
                let width = next
                    .waiting
                    .iter()
                    .map(|task| task.id.chars().count())
                    .max()
                    .unwrap_or(0);
                for task in next.waiting.iter().take(15) {
                    writeln!(out, "  {:<width$}  {}", task.id, task.reason)?;
                }
                if next.waiting.len() > 15 {
                    writeln!(
                        out,
                        "  … and {} more (use --json for all)",
                        next.waiting.len() - 15
                    )?;
                }
            }
            Ok(())
        };
    write(&mut out).context("cannot write to stdout")?;
    Ok(0)
}

fn change(workspace: &Workspace, change: StatusChange, args: &StatusArgs) -> anyhow::Result<u8> {
    let feature = feature(workspace, args.feature.as_deref())?;
    let today = today()?;
    let options = ChangeOptions {
        note: args.note.as_deref(),
        today: &today,
        force: args.force,
    };
    let outcome = match set_task_status(workspace, feature, &args.id, change, options) {
        Ok(outcome) => outcome,
        Err(TaskCommandError::Status(refusal @ StatusError::DependenciesNotDone { .. })) => {
            let mut stderr = anstream::stderr();
            let _ = writeln!(
                stderr,
                "{}refused{}: {refusal}",
                style::WARNING.render(),
                style::WARNING.render_reset()
            );
            return Ok(1);
        }
        Err(error) => return Err(error.into()),
    };
    if args.json {
        print_json(&outcome)?;
        return Ok(0);
    }
    let mut out = anstream::stdout().lock();
    if outcome.changed {
        let lines: Vec<String> = outcome.lines.iter().map(u32::to_string).collect();
        writeln!(
            out,
            "{}: {} → {}  ({}, line{} {})",
            outcome.task,
            outcome.from.as_str(),
            outcome.to.as_str(),
            outcome.path,
            if lines.len() == 1 { "" } else { "s" },
            lines.join(", ")
        )
    } else {
        writeln!(
            out,
            "{}: already {} ({})",
            outcome.task,
            outcome.to.as_str(),
            outcome.path
        )
    }
    .context("cannot write to stdout")?;
    Ok(0)
}

fn graph(
    feature: &Feature,
    document: &Document,
    list: &TaskList<'_>,
    format: GraphFormat,
) -> anyhow::Result<u8> {
    let graph = TaskGraph::build(list);
    let path = critical_path(&graph);
    let cycles = graph.cycles();
    match format {
        GraphFormat::Json => {
            #[derive(serde::Serialize)]
            struct GraphOutput<'a> {
                feature: &'a str,
                critical_path: &'a speckit::task_engine::critical::CriticalPath,
                cycles: &'a [Vec<String>],
                missing: &'a [speckit::task_engine::graph::MissingDependency],
                edges: Vec<(String, String)>,
            }
            let diagram =
                speckit::task_engine::diagram::Diagram::from_graph(&graph, &feature.dir_name);
            let edges = diagram
                .edges
                .iter()
                .filter_map(|edge| {
                    Some((
                        diagram.nodes.get(edge.from)?.id.clone(),
                        diagram.nodes.get(edge.to)?.id.clone(),
                    ))
                })
                .collect();
            print_json(&GraphOutput {
                feature: &feature.dir,
                critical_path: &path,
                cycles: &cycles,
                missing: &graph.missing,
                edges,
            })?;
        }
        GraphFormat::Text => {
            let mut out = anstream::stdout().lock();
            let unit = match path.unit {
                WeightUnit::Hours => "hours of estimated effort",
                WeightUnit::Tasks => "tasks",
            };
            let index = LineIndex::new(&document.text);
            let write = |out: &mut anstream::AutoStream<std::io::StdoutLock<'static>>| -> std::io::Result<()> {
                writeln!(out, "Critical path ({} {unit}): {}", path.length, path.tasks.join(" → "))?;
                if cycles.is_empty() {
                    writeln!(out, "Cycles: none")?;
                } else {
                    for cycle in &cycles {
                        writeln!(out, "{}cycle{}: {}", style::ERROR.render(), style::ERROR.render_reset(), cycle.join(" → "))?;
                    }
                }
                for missing in &graph.missing {
                    let at = index.line_col(&document.text, missing.span.start);
                    writeln!(
                        out,
                        "{}missing{}: {} depends on {}, which does not exist ({}:{})",
                        style::WARNING.render(),
                        style::WARNING.render_reset(),
                        missing.task,
                        missing.missing,
                        document.path,
                        at.line
                    )?;
                }
                Ok(())
            };
            write(&mut out).context("cannot write to stdout")?;
        }
        GraphFormat::Mermaid | GraphFormat::Dot | GraphFormat::Svg => {
            let diagram = speckit::task_engine::diagram::Diagram::from_graph(
                &graph,
                &format!("Tasks of {}", feature.dir_name),
            );
            let text = match format {
                GraphFormat::Mermaid => speckit::task_engine::render::to_mermaid(&diagram),
                GraphFormat::Dot => speckit::task_engine::render::to_dot(&diagram),
                _ => speckit::task_engine::render::to_svg(&diagram),
            };
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .context("cannot write to stdout")?;
        }
    }
    // A cycle is a finding: exit 1, as `check` does for errors.
    Ok(u8::from(!cycles.is_empty()))
}

fn export(
    document: &Document,
    list: &TaskList<'_>,
    format: ExportFormat,
    create: bool,
    include_done: bool,
) -> anyhow::Result<u8> {
    let all = records(list, line_of(document));
    if create && !matches!(format, ExportFormat::Github) {
        bail!("--create only works with --format github");
    }
    match format {
        ExportFormat::Json => print_json(&all)?,
        ExportFormat::Csv => {
            let mut out = std::io::stdout().lock();
            out.write_all(to_csv(&all).as_bytes())
                .context("cannot write to stdout")?;
        }
        ExportFormat::Github => {
            let issues = github_issues(&all, &document.path, include_done);
            if create {
                return super::github::create_issues(&issues);
            }
            print_json(&issues)?;
        }
    }
    Ok(0)
}
