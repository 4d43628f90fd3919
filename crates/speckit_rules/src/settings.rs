//! Which rules run on which file, at which severity: `[lint]` in
//! `speckit.toml` and the command line's `--select` / `--ignore`.
//!
//! A selector is a rule code (`P012`), a prefix (`P`, `P01`) or `ALL`.
//! The most specific selector wins, whatever its order: `ignore = ["P"]` with
//! `select = ["P012"]` runs P012 only among the P rules. Per-path entries
//! apply on top of the global ones for files matching their glob.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use globset::{Glob, GlobMatcher};
use speckit_diagnostics::Severity;
use speckit_text::Span;

use crate::registry;
use crate::rule::{Rule, RuleMeta};

/// A problem with the lint configuration, at a byte span of `speckit.toml`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigProblem {
    pub span: Option<Span>,
    pub message: String,
}

/// One layer of selection: global, or one per-path entry.
#[derive(Clone, Debug, Default)]
pub struct Layer {
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    pub severity: BTreeMap<String, Severity>,
}

/// Compiled settings for a whole run.
#[derive(Clone, Debug, Default)]
pub struct LintSettings {
    global: Layer,
    per_path: Vec<(GlobMatcher, Layer)>,
    /// The selection of a file no per-path layer matches, computed once.
    global_selection: OnceLock<Selection>,
}

/// The rules enabled for one file and their severities, by registry index.
#[derive(Clone, Debug)]
pub struct Selection {
    pub enabled: Vec<bool>,
    pub severity: Vec<Severity>,
}

impl Selection {
    /// The enabled rules whose metadata `wanted` accepts, in registry
    /// order, each with its metadata and the severity this selection gives
    /// it (its default when the selection says none).
    pub fn rules(
        &self,
        wanted: impl Fn(&RuleMeta) -> bool,
    ) -> impl Iterator<Item = (&'static dyn Rule, &'static RuleMeta, Severity)> {
        registry::all()
            .iter()
            .zip(registry::metas())
            .enumerate()
            .filter(move |(position, (_, meta))| {
                self.enabled.get(*position).copied().unwrap_or(false) && wanted(meta)
            })
            .map(|(position, (rule, meta))| {
                let severity = self
                    .severity
                    .get(position)
                    .copied()
                    .unwrap_or(meta.severity);
                (*rule, *meta, severity)
            })
    }
}

/// A selector written by a user, with where it was written.
#[derive(Clone, Copy, Debug)]
pub struct Written<'a> {
    pub value: &'a str,
    pub span: Option<Span>,
}

fn matches(selector: &str, code: &str) -> Option<usize> {
    if selector.eq_ignore_ascii_case("ALL") {
        Some(0)
    } else if code.starts_with(selector) {
        Some(selector.len())
    } else {
        None
    }
}

/// True when the selector names at least one known rule.
pub fn is_known_selector(selector: &str) -> bool {
    selector.eq_ignore_ascii_case("ALL")
        || registry::all()
            .iter()
            .any(|rule| rule.meta().code.starts_with(selector))
}

impl Layer {
    /// Builds a layer, reporting unknown codes and bad severities.
    pub fn new<'a>(
        select: impl IntoIterator<Item = Written<'a>>,
        ignore: impl IntoIterator<Item = Written<'a>>,
        severity: impl IntoIterator<Item = (Written<'a>, Written<'a>)>,
        problems: &mut Vec<ConfigProblem>,
    ) -> Layer {
        let mut layer = Layer::default();
        let check = |written: &Written<'_>, problems: &mut Vec<ConfigProblem>| {
            let known = is_known_selector(written.value);
            if !known {
                problems.push(ConfigProblem {
                    span: written.span,
                    message: format!("unknown rule code or prefix `{}`", written.value),
                });
            }
            known
        };
        for written in select {
            if check(&written, problems) {
                layer.select.push(written.value.to_ascii_uppercase());
            }
        }
        for written in ignore {
            if check(&written, problems) {
                layer.ignore.push(written.value.to_ascii_uppercase());
            }
        }
        for (code, level) in severity {
            let known = check(&code, problems);
            match Severity::parse(level.value) {
                Some(parsed) if known => {
                    layer
                        .severity
                        .insert(code.value.to_ascii_uppercase(), parsed);
                }
                Some(_) => {}
                None => problems.push(ConfigProblem {
                    span: level.span,
                    message: format!(
                        "unknown severity `{}` (use error, warning or info)",
                        level.value
                    ),
                }),
            }
        }
        layer
    }

    /// `Some(true)` selected, `Some(false)` ignored, by the most specific
    /// selector of this layer; `None` if the layer says nothing.
    fn decision(&self, code: &str) -> Option<(usize, bool)> {
        let best = |selectors: &[String]| {
            selectors
                .iter()
                .filter_map(|selector| matches(selector, code))
                .max()
        };
        match (best(&self.select), best(&self.ignore)) {
            (Some(selected), Some(ignored)) => Some(if ignored >= selected {
                (ignored, false)
            } else {
                (selected, true)
            }),
            (Some(selected), None) => Some((selected, true)),
            (None, Some(ignored)) => Some((ignored, false)),
            (None, None) => None,
        }
    }

    fn severity(&self, code: &str) -> Option<Severity> {
        self.severity
            .iter()
            .filter_map(|(selector, severity)| {
                matches(selector, code).map(|length| (length, *severity))
            })
            .max_by_key(|(length, _)| *length)
            .map(|(_, severity)| severity)
    }
}

impl LintSettings {
    pub fn new(global: Layer) -> Self {
        LintSettings {
            global,
            per_path: Vec::new(),
            global_selection: OnceLock::new(),
        }
    }

    /// Adds a per-path layer; a bad glob is a problem.
    pub fn add_path_layer(
        &mut self,
        glob: Written<'_>,
        layer: Layer,
        problems: &mut Vec<ConfigProblem>,
    ) {
        match Glob::new(glob.value) {
            Ok(glob) => {
                self.per_path.push((glob.compile_matcher(), layer));
                self.global_selection = OnceLock::new();
            }
            Err(error) => problems.push(ConfigProblem {
                span: glob.span,
                message: format!("invalid glob: {error}"),
            }),
        }
    }

    /// Appends command-line selectors (they win over the configuration).
    pub fn extend_global(&mut self, select: &[String], ignore: &[String]) {
        self.global
            .select
            .extend(select.iter().map(|code| code.to_ascii_uppercase()));
        self.global
            .ignore
            .extend(ignore.iter().map(|code| code.to_ascii_uppercase()));
        self.global_selection = OnceLock::new();
    }

    /// The selection for the file at `path` (workspace-relative).
    pub fn selection_for(&self, path: &str) -> Selection {
        let layers: Vec<&Layer> = std::iter::once(&self.global)
            .chain(
                self.per_path
                    .iter()
                    .filter(|(matcher, _)| matcher.is_match(path))
                    .map(|(_, layer)| layer),
            )
            .collect();
        if layers.len() == 1 {
            return self
                .global_selection
                .get_or_init(|| self.selection_of(&layers))
                .clone();
        }
        self.selection_of(&layers)
    }

    /// The selection `layers` make, later layers overriding earlier ones.
    fn selection_of(&self, layers: &[&Layer]) -> Selection {
        let rules = registry::all();
        let mut enabled = Vec::with_capacity(rules.len());
        let mut severity = Vec::with_capacity(rules.len());
        let select_all_by_default = self.global.select.is_empty();
        for rule in rules {
            let meta = rule.meta();
            // Later layers (per-path) override earlier ones when they say anything.
            let mut on = select_all_by_default;
            for layer in layers {
                if let Some((_, decision)) = layer.decision(meta.code) {
                    on = decision;
                }
            }
            enabled.push(on);
            let mut level = meta.severity;
            for layer in layers {
                if let Some(overridden) = layer.severity(meta.code) {
                    level = overridden;
                }
            }
            severity.push(level);
        }
        Selection { enabled, severity }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(value: &str) -> Written<'_> {
        Written { value, span: None }
    }

    fn layer(
        select: &[&str],
        ignore: &[&str],
        severity: &[(&str, &str)],
    ) -> (Layer, Vec<ConfigProblem>) {
        let mut problems = Vec::new();
        let layer = Layer::new(
            select.iter().map(|s| written(s)),
            ignore.iter().map(|s| written(s)),
            severity
                .iter()
                .map(|(code, level)| (written(code), written(level))),
            &mut problems,
        );
        (layer, problems)
    }

    fn enabled(settings: &LintSettings, path: &str, code: &str) -> bool {
        let index = registry::all()
            .iter()
            .position(|rule| rule.meta().code == code)
            .unwrap();
        settings.selection_for(path).enabled[index]
    }

    #[test]
    fn most_specific_selector_wins() {
        let (global, problems) = layer(&["T001"], &["T"], &[]);
        assert!(problems.is_empty());
        let settings = LintSettings::new(global);
        assert!(enabled(&settings, "x.md", "T001"));
        assert!(!enabled(&settings, "x.md", "T002"));
        // With a select list, unlisted prefixes are off.
        assert!(!enabled(&settings, "x.md", "S005"));
    }

    #[test]
    fn per_path_layers_and_severity() {
        let (global, _) = layer(&[], &[], &[("T", "info")]);
        let mut settings = LintSettings::new(global);
        let (per_path, _) = layer(&[], &["T001"], &[("T002", "error")]);
        let mut problems = Vec::new();
        settings.add_path_layer(written("specs/001-*/tasks.md"), per_path, &mut problems);
        assert!(problems.is_empty());
        assert!(enabled(&settings, "specs/002-x/tasks.md", "T001"));
        assert!(!enabled(&settings, "specs/001-x/tasks.md", "T001"));
        let index = registry::all()
            .iter()
            .position(|rule| rule.meta().code == "T002")
            .unwrap();
        assert_eq!(
            settings.selection_for("specs/001-x/tasks.md").severity[index],
            Severity::Error
        );
        assert_eq!(
            settings.selection_for("specs/002-x/tasks.md").severity[index],
            Severity::Info
        );
    }

    #[test]
    fn changing_settings_after_a_selection_is_seen() {
        let mut settings = LintSettings::new(Layer::default());
        assert!(enabled(&settings, "specs/001-x/tasks.md", "T001"));
        settings.extend_global(&[], &["t001".to_string()]);
        assert!(!enabled(&settings, "specs/001-x/tasks.md", "T001"));
        let (per_path, _) = layer(&["T001"], &[], &[]);
        settings.add_path_layer(written("specs/001-*/*.md"), per_path, &mut Vec::new());
        assert!(enabled(&settings, "specs/001-x/tasks.md", "T001"));
        assert!(!enabled(&settings, "specs/002-x/tasks.md", "T001"));
    }

    #[test]
    fn unknown_codes_and_severities_are_problems() {
        let (_, problems) = layer(&["X999", "ALL"], &["Q"], &[("T001", "fatal")]);
        let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "unknown rule code or prefix `X999`",
                "unknown rule code or prefix `Q`",
                "unknown severity `fatal` (use error, warning or info)"
            ]
        );
        let mut settings = LintSettings::new(Layer::default());
        let mut problems = Vec::new();
        settings.add_path_layer(written("specs/[oops"), Layer::default(), &mut problems);
        assert!(
            problems[0].message.starts_with("invalid glob"),
            "{problems:?}"
        );
    }
}
