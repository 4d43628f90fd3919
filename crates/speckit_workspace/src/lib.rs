//! The workspace: where documents live, and the only code that touches the
//! file system.
//!
//! [`Workspace::discover`] finds the root (walking up from a directory, or at
//! an explicit `--root`), reads `speckit.toml`, detects which layouts are
//! present (GitHub spec-kit's `.specify/` + `specs/`, the Claude plugin's
//! `.claude/spec-kit/`) and lists their feature folders. [`fs`] reads files
//! with size limits and writes them atomically; [`resolve`] turns a user's
//! feature reference (number, folder, slug, current branch) into a feature.
//!
//! This crate must not parse Markdown or know document structure.

mod config;
mod discover;
mod error;
mod feature;
pub mod fs;
pub mod git;
mod layout;
pub mod resolve;

pub use config::{CONFIG_FILE, Config, LintConfig, PerPathConfig, Spanned};
pub use discover::{DuplicateNumber, Workspace};
pub use error::WorkspaceError;
pub use feature::{DocumentEntry, Feature, FeatureNumber, parse_feature_dir_name};
pub use layout::{Layout, LayoutRoot};
