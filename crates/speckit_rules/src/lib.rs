//! The rules of `speckit check`.
//!
//! Each rule lives in its own file under `rules/<family>/`, declared with
//! [`rule::declare_rule!`]: code, kebab-case name, summary, documentation
//! (the doc comment), default severity, fix availability and the document
//! kind it inspects. [`registry`] lists them all, sorted by code.
//! [`check_document`] runs the selected rules over one document, applies
//! severity overrides and inline suppressions, and returns diagnostics.
//!
//! Rules are pure: they read the typed model (and, through [`FeatureView`],
//! the other documents of the same feature) and report spans. They never
//! format output, read files or change text — fixes are returned as edits.

#![allow(
    clippy::unused_self,
    reason = "rules are unit structs; `run` takes `self` so every rule is called the same way"
)]

pub mod analysis;
pub mod registry;
pub mod rule;
mod rules;
pub mod settings;
pub mod suppress;

use speckit_diagnostics::Diagnostic;
use speckit_model::{Document, Model};

pub use analysis::{
    AnalysisContext, AnalysisFeature, FeatureDirectory, FeatureInfo, FeatureSummary, Tally,
    WorkspaceContext, run_analysis,
};
pub use rule::{FeatureView, FileOracle, NoFiles, Rule, RuleContext, RuleMeta};
pub use settings::{ConfigProblem, Layer, LintSettings, Selection, Written};

/// Code of the rule that reports unknown codes in suppression comments.
pub const UNKNOWN_CODE_RULE: &str = "S003";

/// Runs every enabled rule that applies to `document` and returns its
/// findings, minus those silenced by `speckit-ignore` comments.
pub fn check_document(
    document: &Document,
    model: &Model<'_>,
    feature: &FeatureView<'_>,
    files: &dyn FileOracle,
    selection: &Selection,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (rule, meta, severity) in selection.rules(|meta| meta.target.applies_to(document.kind)) {
        let mut cx = RuleContext {
            document,
            feature,
            files,
            meta,
            severity,
            out: &mut out,
        };
        rule.check(model, &mut cx);
    }
    // A parser failure (S002) is not a rule: nothing can turn it off, because
    // every other finding about the file is meaningless without it.
    out.extend(
        document
            .diagnostics
            .iter()
            .filter(|d| d.code == speckit_model::PARSER_FAILURE)
            .cloned(),
    );
    let suppressions = suppress::Suppressions::parse(document);
    if let Some(index) = registry::index_of(UNKNOWN_CODE_RULE)
        && selection.enabled.get(index).copied().unwrap_or(false)
    {
        let severity = selection
            .severity
            .get(index)
            .copied()
            .unwrap_or(speckit_diagnostics::Severity::Warning);
        for unknown in &suppressions.unknown {
            out.push(
                Diagnostic::new(
                    UNKNOWN_CODE_RULE,
                    severity,
                    document.file,
                    unknown.span,
                    format!("`{}` in a suppression comment names no rule", unknown.code),
                )
                .with_help("see `speckit rule --all` for the rule codes"),
            );
        }
    }
    if !suppressions.directives.is_empty() {
        out.retain(|diagnostic| {
            diagnostic.code == UNKNOWN_CODE_RULE || !suppressions.covers(diagnostic)
        });
    }
    out
}
