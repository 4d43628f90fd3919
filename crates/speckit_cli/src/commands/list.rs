//! `speckit list`: features per layout, aligned.

use std::io::Write;

use anyhow::Context;
use speckit::output::ListOutput;
use speckit::workspace::{FeatureNumber, Workspace};

use super::{display_path, print_json};
use crate::style;

pub(crate) fn run(workspace: &Workspace, json: bool) -> anyhow::Result<u8> {
    let output = ListOutput::new(workspace);
    if json {
        print_json(&output)?;
        return Ok(0);
    }
    let mut out = anstream::stdout().lock();
    write_table(&mut out, workspace, &output).context("cannot write to stdout")?;
    Ok(0)
}

fn write_table(
    out: &mut impl Write,
    workspace: &Workspace,
    output: &ListOutput<'_>,
) -> std::io::Result<()> {
    let (header, reset) = (style::HEADER.render(), style::HEADER.render_reset());
    let (dim, dim_reset) = (style::DIM.render(), style::DIM.render_reset());
    writeln!(
        out,
        "{header}Workspace{reset} {}",
        display_path(&workspace.root)
    )?;
    for layout in &workspace.layouts {
        let features: Vec<_> = output
            .features
            .iter()
            .filter(|summary| summary.feature.layout == layout.layout)
            .collect();
        let constitution = layout.constitution.as_deref().unwrap_or("none");
        writeln!(
            out,
            "\n{header}{} layout{reset} {dim}· {}/ · constitution: {constitution} · {} feature{}{dim_reset}",
            layout.layout,
            layout.specs_dir,
            features.len(),
            if features.len() == 1 { "" } else { "s" },
        )?;
        let number_width = features
            .iter()
            .map(|summary| summary.feature.number.len())
            .max()
            .unwrap_or(3);
        let slug_width = features
            .iter()
            .map(|summary| summary.feature.slug.chars().count())
            .max()
            .unwrap_or(0)
            .min(40);
        for summary in features {
            let present = if summary.present.is_empty() {
                "(empty)".to_string()
            } else {
                summary.present.join(" ")
            };
            writeln!(
                out,
                "  {}{:>number_width$}{}  {:<slug_width$}  {dim}{present}{dim_reset}",
                style::NUMBER.render(),
                summary.feature.number,
                style::NUMBER.render_reset(),
                summary.feature.slug,
            )?;
        }
    }
    let (warn, warn_reset) = (style::WARNING.render(), style::WARNING.render_reset());
    if !output.duplicate_numbers.is_empty() {
        writeln!(out)?;
    }
    for duplicate in &output.duplicate_numbers {
        let number = match &duplicate.number {
            FeatureNumber::Sequential(value) => format!("{value:03}"),
            FeatureNumber::Timestamp(stamp) => stamp.clone(),
        };
        writeln!(
            out,
            "{warn}warning{warn_reset}: feature number {number} is used by {} folders: {}",
            duplicate.dirs.len(),
            duplicate.dirs.join(", ")
        )?;
    }
    for skipped in output.skipped {
        writeln!(
            out,
            "{dim}note: skipped {skipped}/ (not a numbered feature folder){dim_reset}"
        )?;
    }
    Ok(())
}
