//! `speckit status`: progress per feature, or per phase of one feature.

use std::fmt::Write as _;
use std::io::{IsTerminal, Write};

use anyhow::Context;
use speckit::tasks::{Counts, FeatureProgress, progress};
use speckit::workspace::{Workspace, resolve};

use super::{display_path, print_json};
use crate::style;

pub(crate) fn run(
    workspace: &Workspace,
    reference: Option<&str>,
    json: bool,
) -> anyhow::Result<u8> {
    let features = match reference {
        Some(reference) => vec![resolve::find_feature(workspace, reference)?],
        None => workspace.features.iter().collect(),
    };
    let report = progress(workspace, &features)?;
    if json {
        print_json(&report)?;
        return Ok(0);
    }
    let bars = std::io::stdout().is_terminal();
    let mut out = anstream::stdout().lock();
    match (reference, report.as_slice()) {
        (Some(_), [one]) => write_feature(&mut out, one, bars),
        _ => write_all(&mut out, workspace, &report, bars),
    }
    .context("cannot write to stdout")?;
    Ok(0)
}

fn write_all(
    out: &mut impl Write,
    workspace: &Workspace,
    report: &[FeatureProgress],
    bars: bool,
) -> std::io::Result<()> {
    let (header, reset) = (style::HEADER.render(), style::HEADER.render_reset());
    writeln!(
        out,
        "{header}Workspace{reset} {}",
        display_path(&workspace.root)
    )?;
    let number_width = report
        .iter()
        .map(|feature| feature.number.len())
        .max()
        .unwrap_or(3);
    let slug_width = report
        .iter()
        .map(|feature| feature.slug.chars().count())
        .max()
        .unwrap_or(0)
        .min(40);
    let count_width = report
        .iter()
        .map(|feature| digits(feature.counts.total))
        .max()
        .unwrap_or(1);
    let mut layout = None;
    for feature in report {
        if layout != Some(feature.layout) {
            layout = Some(feature.layout);
            writeln!(out, "\n{header}{} layout{reset}", feature.layout)?;
        }
        write!(
            out,
            "  {}{:>number_width$}{}  {:<slug_width$}  ",
            style::NUMBER.render(),
            feature.number,
            style::NUMBER.render_reset(),
            feature.slug
        )?;
        if feature.tasks_file.is_none() {
            writeln!(
                out,
                "{}no tasks.md{}",
                style::DIM.render(),
                style::DIM.render_reset()
            )?;
            continue;
        }
        writeln!(out, "{}", summary(&feature.counts, count_width, bars))?;
    }
    let mut total = Counts::default();
    for feature in report {
        total.total += feature.counts.total;
        total.done += feature.counts.done;
        total.in_progress += feature.counts.in_progress;
        total.blocked += feature.counts.blocked;
        total.skipped += feature.counts.skipped;
        total.todo += feature.counts.todo;
    }
    writeln!(
        out,
        "\n{header}Total{reset}  {}",
        summary(&total, digits(total.total), bars)
    )
}

fn write_feature(
    out: &mut impl Write,
    feature: &FeatureProgress,
    bars: bool,
) -> std::io::Result<()> {
    let (header, reset) = (style::HEADER.render(), style::HEADER.render_reset());
    writeln!(
        out,
        "{header}Feature {}-{}{reset} ({} layout)",
        feature.number, feature.slug, feature.layout
    )?;
    let Some(file) = &feature.tasks_file else {
        return writeln!(out, "  no tasks.md");
    };
    let count_width = digits(feature.counts.total);
    writeln!(
        out,
        "{file}  {}\n",
        summary(&feature.counts, count_width, bars)
    )?;
    let label = |number: &Option<String>, name: &str| match number {
        Some(number) => format!("Phase {number}: {name}"),
        None => name.to_string(),
    };
    let width = feature
        .phases
        .iter()
        .map(|phase| label(&phase.number, &phase.name).chars().count())
        .max()
        .unwrap_or(0)
        .min(56);
    for phase in &feature.phases {
        let mut name = label(&phase.number, &phase.name);
        if name.chars().count() > width {
            name = name
                .chars()
                .take(width.saturating_sub(1))
                .collect::<String>()
                + "…";
        }
        writeln!(
            out,
            "  {name:<width$}  {}",
            summary(&phase.counts, count_width, bars)
        )?;
    }
    if feature.unphased.total > 0 {
        writeln!(
            out,
            "  {:<width$}  {}",
            "(no phase)",
            summary(&feature.unphased, count_width, bars)
        )?;
    }
    Ok(())
}

fn digits(value: usize) -> usize {
    value.to_string().len()
}

/// `████░░░░  12/40 done  30% · 2 in progress · 1 blocked`.
fn summary(counts: &Counts, width: usize, bars: bool) -> String {
    let mut text = String::new();
    if bars {
        text.push_str(&bar(counts, 20));
        text.push_str("  ");
    }
    let done = counts.done + counts.skipped;
    let _ = write!(
        text,
        "{done:>width$}/{:<width$} done  {:>3}%",
        counts.total,
        counts.percent()
    );
    if counts.in_progress > 0 {
        let _ = write!(text, " · {} in progress", counts.in_progress);
    }
    if counts.blocked > 0 {
        let _ = write!(
            text,
            " · {}{} blocked{}",
            style::WARNING.render(),
            counts.blocked,
            style::WARNING.render_reset()
        );
    }
    text
}

fn bar(counts: &Counts, cells: usize) -> String {
    if counts.total == 0 {
        return "░".repeat(cells);
    }
    let done = (counts.done + counts.skipped) * cells / counts.total;
    let active = (counts.in_progress * cells / counts.total).min(cells - done);
    format!(
        "{}{}{}{}{}",
        style::GOOD.render(),
        "█".repeat(done),
        style::GOOD.render_reset(),
        "▒".repeat(active),
        "░".repeat(cells - done - active)
    )
}
