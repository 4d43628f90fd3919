//! Names of the built-in templates and of the two workspace layouts.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A document template speckit ships.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TemplateName {
    Constitution,
    Spec,
    Plan,
    Tasks,
    Checklist,
}

impl TemplateName {
    /// Every template, in the order a feature uses them.
    pub const ALL: [TemplateName; 5] = [
        TemplateName::Constitution,
        TemplateName::Spec,
        TemplateName::Plan,
        TemplateName::Tasks,
        TemplateName::Checklist,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            TemplateName::Constitution => "constitution",
            TemplateName::Spec => "spec",
            TemplateName::Plan => "plan",
            TemplateName::Tasks => "tasks",
            TemplateName::Checklist => "checklist",
        }
    }
}

impl fmt::Display for TemplateName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for TemplateName {
    type Err = UnknownName;

    /// Accepts the bare name and spec-kit's file stem (`plan-template`).
    fn from_str(input: &str) -> Result<TemplateName, UnknownName> {
        let trimmed = input.trim();
        let stem = trimmed.strip_suffix(".md").unwrap_or(trimmed);
        let stem = stem.strip_suffix("-template").unwrap_or(stem);
        find_by_name(
            "template",
            input,
            stem,
            &TemplateName::ALL,
            TemplateName::as_str,
        )
    }
}

/// The two document layouts (FORMATS.md §A.1, §A.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Layout {
    /// GitHub spec-kit: `.specify/` and `specs/NNN-slug/`.
    Speckit,
    /// The Claude Code plugin: `.claude/spec-kit/`.
    Plugin,
}

impl Layout {
    pub const ALL: [Layout; 2] = [Layout::Speckit, Layout::Plugin];

    pub const fn as_str(self) -> &'static str {
        match self {
            Layout::Speckit => "speckit",
            Layout::Plugin => "plugin",
        }
    }
}

impl fmt::Display for Layout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Layout {
    type Err = UnknownName;

    fn from_str(input: &str) -> Result<Layout, UnknownName> {
        match input.trim().to_ascii_lowercase().as_str() {
            "speckit" | "spec-kit" => Ok(Layout::Speckit),
            "plugin" => Ok(Layout::Plugin),
            _ => Err(UnknownName {
                what: "layout",
                name: input.to_string(),
                expected: "speckit, plugin".to_string(),
            }),
        }
    }
}

/// The member of `all` whose name is `wanted` (ASCII case-insensitive); the
/// error quotes `input` and lists every name.
pub(crate) fn find_by_name<T: Copy>(
    what: &'static str,
    input: &str,
    wanted: &str,
    all: &[T],
    name_of: fn(T) -> &'static str,
) -> Result<T, UnknownName> {
    all.iter()
        .copied()
        .find(|item| name_of(*item).eq_ignore_ascii_case(wanted))
        .ok_or_else(|| UnknownName {
            what,
            name: input.to_string(),
            expected: all
                .iter()
                .map(|item| name_of(*item))
                .collect::<Vec<_>>()
                .join(", "),
        })
}

/// A template, layout or command name that speckit does not know.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} `{name}` (expected one of: {expected})")]
pub struct UnknownName {
    pub what: &'static str,
    pub name: String,
    pub expected: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for name in TemplateName::ALL {
            assert_eq!(name.as_str().parse::<TemplateName>(), Ok(name));
        }
        for layout in Layout::ALL {
            assert_eq!(layout.as_str().parse::<Layout>(), Ok(layout));
        }
    }

    #[test]
    fn spec_kit_file_stems_are_accepted() {
        assert_eq!("plan-template".parse(), Ok(TemplateName::Plan));
        assert_eq!("tasks-template.md".parse(), Ok(TemplateName::Tasks));
        assert_eq!("Spec".parse(), Ok(TemplateName::Spec));
    }

    #[test]
    fn unknown_names_list_the_known_ones() {
        let error = "roadmap"
            .parse::<TemplateName>()
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            error.as_deref(),
            Some(
                "unknown template `roadmap` (expected one of: constitution, spec, plan, tasks, checklist)"
            )
        );
        assert!("kiro".parse::<Layout>().is_err());
    }
}
