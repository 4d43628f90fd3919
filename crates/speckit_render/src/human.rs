//! rustc-style output: `error[T002]: message`, the source excerpt with the
//! span underlined, labels, a help line, and a summary.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use rayon::prelude::*;
use speckit_diagnostics::{Diagnostic, Severity};

use speckit_text::Span;

use crate::{Counts, ExcerptLines, Report};

#[derive(Clone, Copy, Debug, Default)]
pub struct HumanOptions {
    pub color: bool,
    /// Replace line numbers in the gutter by `LL` (stable snapshots).
    pub anonymize_line_numbers: bool,
}

/// Renders every diagnostic, then the summary line.
pub fn render_human(report: &Report<'_>, options: HumanOptions) -> String {
    let renderer = if options.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .anonymized_snippet_line_numbers(options.anonymize_line_numbers);
    // Each finding is rendered on its own, on all cores, then joined in order.
    let blocks: Vec<String> = report
        .diagnostics
        .par_iter()
        .filter_map(|diagnostic| block(&renderer, report, diagnostic))
        .collect();
    let mut out = String::with_capacity(blocks.iter().map(String::len).sum::<usize>() + 80);
    for block in &blocks {
        out.push_str(block);
    }
    out.push_str(&summary_line(
        &Counts::of(report.diagnostics),
        report.files.len(),
    ));
    out.push('\n');
    out
}

/// One finding: title, source excerpt with labels, help and fix notes.
fn block(renderer: &Renderer, report: &Report<'_>, diagnostic: &Diagnostic) -> Option<String> {
    let file = report.file(diagnostic.file)?;
    let level = match diagnostic.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    let lines = file.lines_at(diagnostic.span.start)?;
    let mut snippet = Snippet::source(lines.text)
        .line_start(lines.first_line)
        .path(file.path)
        .annotation(AnnotationKind::Primary.span(local(lines, diagnostic.span)));
    for label in &diagnostic.labels {
        if label.file == diagnostic.file {
            snippet = snippet.annotation(
                AnnotationKind::Context
                    .span(local(lines, label.span))
                    .label(label.message.as_ref()),
            );
        }
    }
    let mut groups = vec![
        level
            .primary_title(diagnostic.message.as_str())
            .id(diagnostic.code)
            .element(snippet),
    ];
    for label in &diagnostic.labels {
        if label.file != diagnostic.file
            && let Some(other) = report.file(label.file)
            && let Some(lines) = other.lines_at(label.span.start)
        {
            groups.push(
                Group::with_title(Level::NOTE.secondary_title(label.message.as_ref())).element(
                    Snippet::source(lines.text)
                        .line_start(lines.first_line)
                        .path(other.path)
                        .annotation(AnnotationKind::Context.span(local(lines, label.span))),
                ),
            );
        }
    }
    if let Some(help) = &diagnostic.help {
        groups.push(Group::with_title(
            Level::HELP.secondary_title(help.as_ref()),
        ));
    }
    if let Some(fix) = diagnostic.safe_fix() {
        groups.push(Group::with_title(
            Level::NOTE.secondary_title(format!("fixable with --fix: {}", fix.message)),
        ));
    }
    let mut text = renderer.render(&groups);
    text.push_str("\n\n");
    Some(text)
}

/// `Found 2 errors and 1 warning in 3 files (1 fixable with --fix).`
pub fn summary_line(counts: &Counts, files: usize) -> String {
    let plural = |count: usize, noun: &str| {
        if count == 1 {
            format!("1 {noun}")
        } else {
            format!("{count} {noun}s")
        }
    };
    let file_count = plural(files, "file");
    if counts.errors + counts.warnings + counts.infos == 0 {
        return format!("All checks passed ({file_count}).");
    }
    let mut parts = Vec::new();
    if counts.errors > 0 {
        parts.push(plural(counts.errors, "error"));
    }
    if counts.warnings > 0 {
        parts.push(plural(counts.warnings, "warning"));
    }
    if counts.infos > 0 {
        parts.push(format!("{} info", counts.infos));
    }
    let joined = match parts.as_slice() {
        [one] => one.clone(),
        [first, second] => format!("{first} and {second}"),
        _ => {
            let last = parts.pop().unwrap_or_default();
            format!("{} and {last}", parts.join(", "))
        }
    };
    let fixable = if counts.fixable > 0 {
        format!(" ({} fixable with --fix)", counts.fixable)
    } else {
        String::new()
    };
    format!("Found {joined} in {file_count}{fixable}.")
}

/// `span` inside `lines`, on character boundaries (annotate-snippets needs
/// ranges inside its text).
fn local(lines: ExcerptLines<'_>, span: Span) -> std::ops::Range<usize> {
    let text = lines.text;
    let mut start = (span.start.saturating_sub(lines.offset) as usize).min(text.len());
    let mut end = (span.end.saturating_sub(lines.offset) as usize)
        .min(text.len())
        .max(start);
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    while end < text.len() && !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}
