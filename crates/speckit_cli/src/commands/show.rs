//! `speckit show`: a feature's documents and a digest of their models.

use std::io::Write;

use anyhow::Context;
use speckit::diagnostics::Severity;
use speckit::model::{Document, Generation, Model, TaskStatus};
use speckit::output::{DocumentOutput, FeatureSummary, ShowOutput};
use speckit::text::LineIndex;
use speckit::workspace::{Workspace, resolve};

use super::print_json;
use crate::style;

pub(crate) fn run(
    workspace: &Workspace,
    reference: Option<&str>,
    json: bool,
) -> anyhow::Result<u8> {
    let feature = match reference {
        Some(reference) => resolve::find_feature(workspace, reference)?,
        None => resolve::current_feature(workspace)?,
    };
    let loaded = speckit::load_feature(workspace, feature)?;
    if json {
        let output = ShowOutput {
            feature: FeatureSummary::new(feature),
            documents: loaded.documents.iter().map(DocumentOutput::new).collect(),
        };
        print_json(&output)?;
        return Ok(0);
    }
    let mut out = anstream::stdout().lock();
    let (header, reset) = (style::HEADER.render(), style::HEADER.render_reset());
    let (dim, dim_reset) = (style::DIM.render(), style::DIM.render_reset());
    writeln!(
        out,
        "{header}Feature {}{reset} {dim}({} layout, {}){dim_reset}",
        feature.dir_name, feature.layout, feature.dir
    )?;
    writeln!(out, "{dim}branch {}{dim_reset}\n", feature.branch_name())?;
    let name_width = feature
        .documents
        .iter()
        .map(|entry| entry.name.chars().count())
        .max()
        .unwrap_or(0);
    let kinds: Vec<String> = loaded
        .documents
        .iter()
        .map(|document| match document.generation() {
            Generation::Unknown => document.kind.as_str().to_string(),
            generation => format!(
                "{} ({})",
                document.kind.as_str(),
                generation_name(generation)
            ),
        })
        .collect();
    let kind_width = kinds.iter().map(String::len).max().unwrap_or(0);
    let mut parsed = loaded.documents.iter().zip(&kinds);
    for entry in &feature.documents {
        if !entry.markdown {
            writeln!(
                out,
                "  {:<name_width$}  {dim}(not Markdown){dim_reset}",
                entry.name
            )?;
            continue;
        }
        let Some((document, kind)) = parsed.next() else {
            break;
        };
        writeln!(
            out,
            "  {:<name_width$}  {kind:<kind_width$}  {}",
            entry.name,
            digest(document)
        )?;
    }
    let mut problems = 0;
    for document in &loaded.documents {
        let index = LineIndex::new(&document.text);
        for diagnostic in &document.diagnostics {
            problems += 1;
            let at = index.line_col(&document.text, diagnostic.span.start);
            let severity_style = if diagnostic.severity == Severity::Error {
                style::ERROR
            } else {
                style::WARNING
            };
            writeln!(
                out,
                "{}{}{}[{}]: {}:{}:{}: {}",
                severity_style.render(),
                diagnostic.severity,
                severity_style.render_reset(),
                diagnostic.code,
                document.path,
                at.line,
                at.column,
                diagnostic.message
            )?;
        }
    }
    if problems > 0 {
        writeln!(out)?;
    }
    out.flush().context("cannot write to stdout")?;
    Ok(0)
}

fn generation_name(generation: Generation) -> &'static str {
    match generation {
        Generation::Plugin => "plugin",
        Generation::SpecKit => "spec-kit",
        Generation::SpecKitLegacy => "spec-kit legacy",
        Generation::Unknown => "unknown",
    }
}

/// One line saying what the model holds.
fn digest(document: &Document) -> String {
    match document.model() {
        Model::Tasks(tasks) => {
            let done = tasks.count(TaskStatus::Done);
            let in_progress = tasks.count(TaskStatus::InProgress);
            let blocked = tasks.count(TaskStatus::Blocked);
            let mut parts = vec![
                format!("{} tasks", tasks.tasks.len()),
                format!("{done} done"),
            ];
            if in_progress > 0 {
                parts.push(format!("{in_progress} in progress"));
            }
            if blocked > 0 {
                parts.push(format!("{blocked} blocked"));
            }
            parts.push(plural(tasks.phases.len(), "phase"));
            parts.join(", ")
        }
        Model::Spec(spec) => plural(spec.outline.len(), "section"),
        Model::Plan(plan) => plural(plan.outline.len(), "section"),
        Model::Constitution(constitution) => plural(constitution.outline.len(), "section"),
        Model::Checklist(checklist) => plural(checklist.outline.len(), "section"),
        Model::Other { outline } => plural(outline.len(), "section"),
    }
}

fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}
