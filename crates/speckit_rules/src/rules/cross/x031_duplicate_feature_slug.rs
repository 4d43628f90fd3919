use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::features::specs_dir;
use crate::analysis::{AnalysisContext, AnalysisFeature, title_span};
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Two feature folders of one specs directory with the same slug under
    /// different numbers (`specs/003-user-auth` and `specs/011-user-auth`),
    /// compared without case. The finding sits on the spec title (else
    /// plan, else tasks) of the later folder, once per folder after the
    /// first.
    ///
    /// ## Why it matters
    /// One name for two folders usually means the feature was started
    /// again instead of continued: requirements, decisions and tasks are
    /// split between two places, and the older folder still reads as
    /// current. If they are really two features, the name says nothing
    /// about how they differ.
    ///
    /// ## Example
    /// ```text
    /// specs/003-user-auth/
    /// specs/011-user-auth/
    /// ```
    /// Use instead: continue in `003-user-auth`, or name the second feature
    /// for what it adds (`011-user-auth-sso`).
    pub(crate) DuplicateFeatureSlug {
        code: "X031",
        name: "duplicate-feature-slug",
        summary: "Two feature folders share a slug",
        severity: Warning,
        fix: Never,
        target: Workspace,
    }
}

impl DuplicateFeatureSlug {
    fn run(&self, features: &[AnalysisFeature<'_>], cx: &mut AnalysisContext<'_>) {
        let mut first: HashMap<(&str, String), usize> = HashMap::with_capacity(features.len());
        for feature in features {
            let (Some(anchor), Some(dir)) = (feature.anchor(), specs_dir(feature)) else {
                continue;
            };
            let slug = feature.slug.trim_matches('-');
            if slug.is_empty() {
                continue;
            }
            cx.evaluated(feature, 1);
            match first.entry((dir, slug.to_lowercase())) {
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
                                "`{}` repeats the name of `{}`",
                                feature.dir_name, earlier.dir_name
                            ),
                        )
                        .help(
                            "continue the earlier feature instead of starting it again, or give this one a name that says what it adds",
                        );
                    if let Some(other) = earlier.anchor() {
                        report = report.label_in(
                            other,
                            title_span(other),
                            format!("`{}` has the same slug", earlier.dir_name),
                        );
                    }
                    drop(report);
                }
            }
        }
    }
}
