use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::features::{NumberKey, specs_dir};
use crate::analysis::{AnalysisContext, AnalysisFeature, title_span};
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Two feature folders of one specs directory that carry the same
    /// number (`specs/004-meal-export` and `specs/004-pantry-sync`), the
    /// same duplicates `speckit list` shows. Layouts number independently:
    /// `specs/001-…` and `.claude/spec-kit/specs/001-…` do not clash. The
    /// finding sits on the spec title (else plan, else tasks) of the folder
    /// that sorts later, once per folder after the first.
    ///
    /// ## Why it matters
    /// The number is how commands, branches and people name a feature.
    /// `speckit` commands given the number stop because it matches two
    /// folders, as spec-kit's own scripts did from v0.0.67 to v0.9, and a
    /// `004-…` branch or a "see feature 004" no longer says which feature
    /// it means.
    ///
    /// ## Example
    /// ```text
    /// specs/004-meal-export/
    /// specs/004-pantry-sync/
    /// ```
    /// Use instead: give the later folder the next free number
    /// (`specs/007-pantry-sync/`) and update its branch and references.
    pub(crate) DuplicateFeatureNumber {
        code: "X030",
        name: "duplicate-feature-number",
        summary: "Two feature folders share a number",
        severity: Error,
        fix: Never,
        target: Workspace,
    }
}

impl DuplicateFeatureNumber {
    fn run(&self, features: &[AnalysisFeature<'_>], cx: &mut AnalysisContext<'_>) {
        let mut first: HashMap<(&str, NumberKey<'_>), usize> =
            HashMap::with_capacity(features.len());
        for feature in features {
            let (Some(anchor), Some(dir)) = (feature.anchor(), specs_dir(feature)) else {
                continue;
            };
            cx.evaluated(feature, 1);
            match first.entry((dir, NumberKey::of(feature))) {
                Entry::Vacant(slot) => {
                    slot.insert(feature.index);
                }
                Entry::Occupied(slot) => {
                    let Some(earlier) = features.get(*slot.get()) else {
                        continue;
                    };
                    let mut report = cx
                        .report(
                            anchor,
                            title_span(anchor),
                            format!(
                                "feature number {} is also used by `{}`",
                                feature.number, earlier.dir_name
                            ),
                        )
                        .help(format!(
                            "give `{}` the next free number and rename its branch; a number that names two folders makes commands and references ambiguous",
                            feature.dir_name
                        ));
                    if let Some(other) = earlier.anchor() {
                        report = report.label_in(
                            other,
                            title_span(other),
                            format!("`{}` has the same number", earlier.dir_name),
                        );
                    }
                    drop(report);
                }
            }
        }
    }
}
