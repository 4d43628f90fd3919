use speckit_model::{Generation, Spec};
use speckit_text::Span;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A spec whose header (the `**Label**: value` lines under the title)
    /// lacks a field its template defines. spec-kit specs carry
    /// `**Feature Branch**`, `**Created**`, `**Status**` and `**Input**`;
    /// plugin specs carry `**Status**`, `**Author**`, `**Created**` and
    /// `**Last Updated**`. A `**Source**` or `**Issue**` field that links the
    /// request stands in for `**Input**`.
    ///
    /// ## Why it matters
    /// The header is how readers and tools tell which branch a spec belongs
    /// to, how old it is, where it stands and what was asked for. A spec
    /// without `**Status**` cannot be told apart from an abandoned draft.
    ///
    /// ## Example
    /// ```markdown
    /// # Feature Specification: Recipe Library
    ///
    /// **Feature Branch**: `001-recipe-library`
    /// ```
    /// Use instead:
    /// ```markdown
    /// # Feature Specification: Recipe Library
    ///
    /// **Feature Branch**: `001-recipe-library`
    ///
    /// **Created**: 2026-03-02
    ///
    /// **Status**: Draft
    ///
    /// **Input**: User description: "Keep the household's recipes in one place"
    /// ```
    pub(crate) MissingHeaderField {
        code: "R001",
        name: "missing-spec-header-field",
        summary: "The spec header lacks a field of its template",
        severity: Warning,
        fix: Never,
        target: Spec,
    }
}

/// Fields that point at the request a spec answers, in place of quoting it
/// under `**Input**`: `**Source**: [#527](…)`, `**Issue**: #582`.
const REQUEST_LABELS: &[&str] = &["Source", "Issue", "Ticket"];

impl MissingHeaderField {
    fn run(&self, spec: &Spec<'_>, cx: &mut RuleContext<'_>) {
        let expected: [(&str, bool); 4] = match spec.generation {
            Generation::SpecKit | Generation::SpecKitLegacy => [
                ("Feature Branch", spec.branch().is_some()),
                ("Created", spec.created().is_some()),
                ("Status", spec.status().is_some()),
                (
                    "Input",
                    spec.input().is_some() || spec.field(REQUEST_LABELS).is_some(),
                ),
            ],
            Generation::Plugin => [
                ("Status", spec.status().is_some()),
                ("Author", spec.author().is_some()),
                ("Created", spec.created().is_some()),
                ("Last Updated", spec.last_updated().is_some()),
            ],
            Generation::Unknown => return,
        };
        let missing: Vec<String> = expected
            .iter()
            .filter(|(_, present)| !present)
            .map(|(label, _)| format!("`**{label}**`"))
            .collect();
        if missing.is_empty() {
            return;
        }
        let span = spec.title.map_or(Span::empty(0), |title| title.span);
        let all: Vec<String> = expected
            .iter()
            .map(|(label, _)| format!("`**{label}**`"))
            .collect();
        drop(
            cx.report(
                span,
                format!("the header has no {} field", join_or(&missing)),
            )
            .help(format!(
                "under the title, write one line each for {}",
                all.join(", ")
            )),
        );
    }
}

/// `a`, `a or b`, `a, b or c`.
fn join_or(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}
