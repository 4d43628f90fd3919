//! The Markdown report (`speckit analyze`, the default format): the score,
//! the most urgent findings, then each feature's findings by group and its
//! coverage matrix.

use std::fmt::Write as _;

use crate::coverage::{CoverageRow, Status};
use crate::report::{AnalysisReport, FeatureReport, Finding, FindingGroup, Level};

/// At most this many critical findings are listed at the top.
const TOP_CRITICAL: usize = 5;

/// Renders `report` as Markdown.
pub fn render_markdown(report: &AnalysisReport) -> String {
    let mut out = String::new();
    let summary = &report.summary;
    let _ = writeln!(out, "# Consistency analysis\n");
    let _ = writeln!(
        out,
        "**Consistency score: {}% — {}** (lowest feature score; mean {}%)\n",
        report.score.value,
        report.score.band.label(),
        report.score.mean
    );
    let _ = writeln!(
        out,
        "{} {} · {} {} · {} {}\n",
        Level::Critical.icon(),
        plural(summary.critical, "critical", "critical"),
        Level::Warning.icon(),
        plural(summary.warning, "warning", "warnings"),
        Level::Suggestion.icon(),
        plural(summary.suggestion, "suggestion", "suggestions"),
    );
    let coverage = if summary.requirements_traced == 0 {
        "—".to_string()
    } else {
        format!(
            "{}/{} ({}%)",
            summary.requirements_with_tasks,
            summary.requirements_traced,
            summary.requirements_with_tasks * 100 / summary.requirements_traced
        )
    };
    let _ = writeln!(
        out,
        "| Features | Specs | Plans | Task lists | Requirements | Requirements with tasks | Tasks |\n\
         |---:|---:|---:|---:|---:|---:|---:|\n\
         | {} | {} | {} | {} | {} | {coverage} | {} |\n",
        summary.features,
        summary.specs,
        summary.plans,
        summary.task_lists,
        summary.requirements,
        summary.tasks
    );
    if summary.features == 0 {
        let _ = writeln!(
            out,
            "No features found. Create one with `speckit new feature \"…\"`."
        );
        return out;
    }
    render_top_critical(&mut out, report);
    render_feature_table(&mut out, report);
    for feature in &report.features {
        render_feature(&mut out, feature);
    }
    if !report.other_findings.is_empty() {
        let _ = writeln!(out, "## Other findings\n");
        findings_table(&mut out, &report.other_findings.iter().collect::<Vec<_>>());
    }
    render_next_actions(&mut out, report);
    out
}

fn render_top_critical(out: &mut String, report: &AnalysisReport) {
    let critical: Vec<&Finding> = report
        .features
        .iter()
        .flat_map(|feature| feature.findings.iter())
        .chain(&report.other_findings)
        .filter(|finding| finding.level == Level::Critical)
        .collect();
    if !critical.is_empty() {
        let _ = writeln!(out, "## Top critical issues\n");
        for (number, finding) in critical.iter().take(TOP_CRITICAL).enumerate() {
            let _ = writeln!(
                out,
                "{}. `{}:{}` {} ({})",
                number + 1,
                finding.file,
                finding.line,
                inline(&finding.message),
                finding.code
            );
        }
        if critical.len() > TOP_CRITICAL {
            let _ = writeln!(out, "\n…and {} more below.", critical.len() - TOP_CRITICAL);
        }
        out.push('\n');
    }
}

fn render_feature_table(out: &mut String, report: &AnalysisReport) {
    let _ = writeln!(
        out,
        "## Features\n\n| Feature | Score | Band | {} | {} | {} | Requirements with tasks |\n|---|---:|---|---:|---:|---:|---:|",
        Level::Critical.icon(),
        Level::Warning.icon(),
        Level::Suggestion.icon()
    );
    for feature in &report.features {
        let covered = feature.coverage.task_coverage().map_or_else(
            || "—".to_string(),
            |(covered, total)| format!("{covered}/{total}"),
        );
        let _ = writeln!(
            out,
            "| {} | {}% | {} | {} | {} | {} | {covered} |",
            feature.feature,
            feature.score.value,
            feature.score.band.label(),
            feature.score.critical,
            feature.score.warning,
            feature.score.suggestion
        );
    }
    out.push('\n');
}

fn render_next_actions(out: &mut String, report: &AnalysisReport) {
    let summary = &report.summary;
    let _ = writeln!(out, "## Next actions\n");
    if summary.critical > 0 {
        let _ = writeln!(
            out,
            "- Resolve the {} before implementing.",
            plural(summary.critical, "critical finding", "critical findings")
        );
    }
    if summary.warning > 0 {
        let _ = writeln!(
            out,
            "- Address the warnings, or accept them in `speckit.toml` (`[lint] ignore`)."
        );
    }
    if summary.critical == 0 && summary.warning == 0 {
        let _ = writeln!(
            out,
            "- Nothing blocks implementation. Pick the first ready task with `speckit tasks next`."
        );
    }
    let _ = writeln!(
        out,
        "- Explain any finding with `speckit rule CODE`; re-run `speckit analyze` after each change."
    );
}

fn render_feature(out: &mut String, feature: &FeatureReport) {
    let _ = writeln!(
        out,
        "## {} — {}% ({})\n",
        feature.feature,
        feature.score.value,
        feature.score.band.label()
    );
    if feature.findings.is_empty() {
        let _ = writeln!(out, "No findings.\n");
    }
    let mut groups: Vec<FindingGroup> = feature
        .findings
        .iter()
        .map(|finding| finding.group)
        .collect();
    groups.sort_unstable();
    groups.dedup();
    for group in groups {
        let _ = writeln!(out, "### {}\n", group.title());
        let findings: Vec<&Finding> = feature
            .findings
            .iter()
            .filter(|finding| finding.group == group)
            .collect();
        findings_table(out, &findings);
    }
    let rows: Vec<&CoverageRow> = feature
        .coverage
        .requirements
        .iter()
        .chain(&feature.coverage.stories)
        .collect();
    if !rows.is_empty() {
        let _ = writeln!(
            out,
            "### Coverage\n\n| Item | Title | Plan | Tasks | Status |\n|---|---|---|---|---|"
        );
        for row in rows {
            let plan = match &row.plan {
                None => "no plan".to_string(),
                Some(locations) if locations.is_empty() => "—".to_string(),
                Some(locations) => locations
                    .iter()
                    .map(|location| {
                        let name = location.file.rsplit('/').next().unwrap_or(&location.file);
                        format!("{name}:{}", location.line)
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
            };
            let tasks = match &row.tasks {
                None => "no tasks".to_string(),
                Some(ids) if ids.is_empty() => "—".to_string(),
                Some(ids) => ids.join(", "),
            };
            let status = match row.status {
                Status::Covered => "✅ covered",
                Status::Missing => "❌ missing",
                Status::NoTasks => "⏳ no tasks yet",
                Status::Unknown => "❔ not traceable by wording",
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {status} |",
                row.id,
                cell(&row.title),
                plan,
                cell(&tasks)
            );
        }
        out.push('\n');
    }
}

fn findings_table(out: &mut String, findings: &[&Finding]) {
    let _ = writeln!(
        out,
        "| Level | Rule | Location | Finding | Action |\n|---|---|---|---|---|"
    );
    for finding in findings {
        let _ = writeln!(
            out,
            "| {} {} | {} `{}` | `{}:{}` | {} | {} |",
            finding.level.icon(),
            finding.level.label(),
            finding.code,
            finding.name,
            finding.file,
            finding.line,
            cell(&finding.message),
            cell(finding.help.as_deref().unwrap_or(""))
        );
    }
    out.push('\n');
}

/// Text safe inside a table cell.
fn cell(text: &str) -> String {
    inline(text).replace('|', "\\|")
}

fn inline(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}
