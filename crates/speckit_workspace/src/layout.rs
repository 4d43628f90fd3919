//! The two directory layouts speckit understands.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A directory layout for constitution and feature folders.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Layout {
    /// GitHub spec-kit: `.specify/memory/constitution.md`, `specs/NNN-slug/`.
    Speckit,
    /// The Claude Code plugin: `.claude/spec-kit/memory/constitution.md`,
    /// `.claude/spec-kit/specs/NNN-slug/`.
    Plugin,
}

impl Layout {
    pub const fn as_str(self) -> &'static str {
        match self {
            Layout::Speckit => "speckit",
            Layout::Plugin => "plugin",
        }
    }

    /// The directory whose presence marks the layout.
    pub const fn marker(self) -> &'static str {
        match self {
            Layout::Speckit => ".specify",
            Layout::Plugin => ".claude/spec-kit",
        }
    }

    pub const fn default_specs_dir(self) -> &'static str {
        match self {
            Layout::Speckit => "specs",
            Layout::Plugin => ".claude/spec-kit/specs",
        }
    }

    pub const fn constitution_path(self) -> &'static str {
        match self {
            Layout::Speckit => ".specify/memory/constitution.md",
            Layout::Plugin => ".claude/spec-kit/memory/constitution.md",
        }
    }

    /// The branch name a feature folder gets in this layout.
    pub fn branch_name(self, dir_name: &str) -> String {
        match self {
            Layout::Speckit => dir_name.to_string(),
            Layout::Plugin => format!("spec-kit/{dir_name}"),
        }
    }
}

impl std::fmt::Display for Layout {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One layout found in a workspace.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct LayoutRoot {
    pub layout: Layout,
    /// The feature folders' parent, relative to the workspace root.
    pub specs_dir: String,
    /// The constitution file, relative to the root, if it exists.
    pub constitution: Option<String>,
}
