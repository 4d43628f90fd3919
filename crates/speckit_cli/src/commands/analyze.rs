//! `speckit analyze`: cross-document consistency, as a Markdown report, its
//! JSON form, or any format of `check`.

use speckit::analysis::{Level, render_markdown};
use speckit::analyze::analyze_workspace;
use speckit::check::{CheckOptions, rule_infos};
use speckit::workspace::Workspace;

use super::check::{render, stream_stdout, write_stdout};
use crate::cli::{AnalyzeArgs, AnalyzeFormat, LevelArg, OutputFormat};

pub(crate) fn run(workspace: &Workspace, args: &AnalyzeArgs) -> anyhow::Result<u8> {
    let options = CheckOptions {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        features: args.features.clone(),
        ..CheckOptions::default()
    };
    let mut run = analyze_workspace(workspace, &options)?;
    if args.format == AnalyzeFormat::Markdown {
        // The report holds everything Markdown prints: the documents'
        // memory can take the output.
        drop(std::mem::take(&mut run.sources));
    }
    let text = match args.format {
        AnalyzeFormat::Markdown => Some(render_markdown(&run.report)),
        AnalyzeFormat::Json => {
            // Written a few features at a time: the JSON of a large
            // workspace is tens of megabytes.
            stream_stdout(|out| run.write_report_json(out))?;
            None
        }
        other => {
            let files = run.source_files();
            let rules = rule_infos();
            let report = run.check_report(&files, &rules);
            let format = match other {
                AnalyzeFormat::Sarif => OutputFormat::Sarif,
                AnalyzeFormat::Github => OutputFormat::Github,
                AnalyzeFormat::Junit => OutputFormat::Junit,
                _ => OutputFormat::Human,
            };
            Some(render(&report, format))
        }
    };
    if let Some(text) = &text {
        write_stdout(text)?;
    }
    let threshold = match args.fail_on {
        LevelArg::Critical => Some(Level::Critical),
        LevelArg::Warning => Some(Level::Warning),
        LevelArg::Suggestion => Some(Level::Suggestion),
        LevelArg::Never => None,
    };
    let failing = threshold.is_some_and(|threshold| {
        run.report
            .features
            .iter()
            .flat_map(|feature| feature.findings.iter())
            .chain(&run.report.other_findings)
            .any(|finding| finding.level <= threshold)
    });
    let below = args
        .min_score
        .is_some_and(|minimum| run.report.score.value < minimum);
    if below {
        let mut stderr = anstream::stderr();
        let _ = std::io::Write::write_fmt(
            &mut stderr,
            format_args!(
                "consistency score {}% is below the required {}%\n",
                run.report.score.value,
                args.min_score.unwrap_or_default()
            ),
        );
    }
    // The process ends now: freeing the documents, the report and the
    // output one allocation at a time would only cost time.
    std::mem::forget(text);
    std::mem::forget(run);
    Ok(u8::from(failing || below))
}
