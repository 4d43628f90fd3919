use speckit_model::{Constitution, Generation};
use speckit_text::Span;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A constitution without a version footer, or whose footer has no
    /// `**Version**` field. spec-kit writes
    /// `**Version**: 1.2.0 | **Ratified**: … | **Last Amended**: …` on one
    /// line; the plugin writes `**Last Updated**: …` and `**Version**: 1.0`.
    ///
    /// ## Why it matters
    /// Plans cite the constitution version they were checked against, and
    /// every amendment bumps it. Without a version nobody can tell which
    /// rules a plan was held to.
    ///
    /// ## Example
    /// A constitution that ends with its Governance section.
    ///
    /// Use instead:
    /// ```markdown
    /// **Version**: 1.0.0 | **Ratified**: 2026-02-10 | **Last Amended**: 2026-02-10
    /// ```
    pub(crate) MissingVersionLine {
        code: "C001",
        name: "missing-version-line",
        summary: "The constitution has no version line",
        severity: Warning,
        fix: Never,
        target: Constitution,
    }
}

impl MissingVersionLine {
    fn run(&self, constitution: &Constitution<'_>, cx: &mut RuleContext<'_>) {
        let example = if constitution.generation == Generation::Plugin {
            "end the file with `**Last Updated**: YYYY-MM-DD` and `**Version**: 1.0`"
        } else {
            "end the file with `**Version**: 1.0.0 | **Ratified**: YYYY-MM-DD | **Last Amended**: YYYY-MM-DD`"
        };
        match &constitution.version {
            None => {
                let span = constitution
                    .title
                    .map_or(Span::empty(0), |title| title.span);
                drop(
                    cx.report(span, "the constitution has no version line")
                        .help(example),
                );
            }
            Some(line) if line.version.is_none() => drop(
                cx.report(line.span, "the version line has no `**Version**` field")
                    .help(example),
            ),
            Some(_) => {}
        }
    }
}
