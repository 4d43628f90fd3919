//! `speckit rule`: the documentation of one rule, or the list of all.

use std::io::Write;

use anyhow::{Context, bail};
use speckit::rules::{RuleMeta, registry};

use super::print_json;
use crate::cli::RuleFormat;
use crate::style;

pub(crate) fn run(code: Option<&str>, all: bool, format: RuleFormat) -> anyhow::Result<u8> {
    let metas: Vec<&'static RuleMeta> = match (code, all) {
        (Some(code), _) => match registry::find(code) {
            Some(rule) => vec![rule.meta()],
            None => bail!("no rule `{code}` (see `speckit rule --all`)"),
        },
        (None, true) => registry::all().iter().map(|rule| rule.meta()).collect(),
        (None, false) => bail!("give a rule code (`speckit rule T002`) or --all"),
    };
    match format {
        RuleFormat::Json => {
            if code.is_some() {
                print_json(&metas.first())?;
            } else {
                print_json(&metas)?;
            }
        }
        RuleFormat::Markdown => {
            let mut out = std::io::stdout().lock();
            out.write_all(speckit::rules::registry::reference_markdown(&metas).as_bytes())
                .context("cannot write to stdout")?;
        }
        RuleFormat::Text if code.is_some() => {
            let mut out = anstream::stdout().lock();
            for meta in metas {
                writeln!(
                    out,
                    "{}# {} ({}){}\n\nSeverity: {} · Fix: {} · Applies to: {}\n\n{}\n",
                    style::HEADER.render(),
                    meta.name,
                    meta.code,
                    style::HEADER.render_reset(),
                    meta.severity,
                    fix_name(meta),
                    target_name(meta),
                    meta.docs_markdown()
                )
                .context("cannot write to stdout")?;
            }
        }
        RuleFormat::Text => {
            let mut out = anstream::stdout().lock();
            let width = metas.iter().map(|meta| meta.name.len()).max().unwrap_or(0);
            for meta in metas {
                writeln!(
                    out,
                    "{}{}{}  {:<width$}  {:<7}  {}",
                    style::NUMBER.render(),
                    meta.code,
                    style::NUMBER.render_reset(),
                    meta.name,
                    meta.severity.as_str(),
                    meta.summary
                )
                .context("cannot write to stdout")?;
            }
        }
    }
    Ok(0)
}

fn fix_name(meta: &RuleMeta) -> &'static str {
    match meta.fix {
        speckit::rules::rule::FixAvailability::Never => "none",
        speckit::rules::rule::FixAvailability::Sometimes => "sometimes (safe)",
        speckit::rules::rule::FixAvailability::Always => "always (safe)",
    }
}

fn target_name(meta: &RuleMeta) -> &'static str {
    use speckit::rules::rule::Target;
    match meta.target {
        Target::Any => "any document",
        Target::Constitution => "constitution",
        Target::Spec => "spec",
        Target::Plan => "plan",
        Target::Tasks => "tasks",
        Target::Checklist => "checklists",
        Target::Feature => "a feature's documents together (speckit analyze)",
        Target::Workspace => "all features together (speckit analyze)",
    }
}
