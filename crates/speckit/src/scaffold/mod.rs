//! Scaffolding: `init` a workspace, create numbered features and their
//! documents from templates, and check the installation (`doctor`).
//!
//! Every file is written atomically; nothing that exists is overwritten
//! without `force`, and files speckit generated itself are tracked in a
//! manifest so a later `init` can update them without touching user edits.

pub mod doctor;
mod documents;
mod feature;
mod init;
mod manifest;
pub mod slug;
pub mod templates;

pub use documents::{NewDocument, new_document};
pub use feature::{NewFeature, NewFeatureOptions, new_feature};
pub use init::{Action, FileAction, InitOptions, InitReport, init};
pub use speckit_templates::TemplateName;

/// The built-in text of a template for a layout.
pub fn builtin_template(name: TemplateName, layout: speckit_workspace::Layout) -> &'static str {
    speckit_templates::builtin(name, templates::template_layout(layout))
}

use speckit_workspace::WorkspaceError;

/// What went wrong while scaffolding.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ScaffoldError {
    #[error(transparent)]
    Workspace(#[from] WorkspaceError),
    #[error(transparent)]
    Name(#[from] slug::NameError),
    #[error(transparent)]
    Template(#[from] speckit_templates::TemplateError),
    #[error("unknown agent `{key}` (known: {known})")]
    UnknownAgent { key: String, known: String },
    #[error("{path} already exists; use --force to overwrite it")]
    Exists { path: String },
    #[error("feature number {number} is already used by {dir}")]
    NumberTaken { number: u64, dir: String },
    #[error("the description is empty; say in a few words what the feature does")]
    EmptyDescription,
    #[error("this workspace has both layouts; choose one with --layout speckit|plugin")]
    AmbiguousLayout,
    #[error("{path} is not valid UTF-8")]
    NotUtf8 { path: String },
    #[error("cannot create {path}")]
    Create {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

impl ScaffoldError {
    /// True for mistakes in what the user asked (exit 2 without writing).
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            ScaffoldError::Name(_)
                | ScaffoldError::UnknownAgent { .. }
                | ScaffoldError::Exists { .. }
                | ScaffoldError::NumberTaken { .. }
                | ScaffoldError::EmptyDescription
                | ScaffoldError::AmbiguousLayout
        )
    }
}

/// Creates a directory and its parents, naming it on failure.
pub(crate) fn create_dir_all(root: &std::path::Path, relative: &str) -> Result<(), ScaffoldError> {
    std::fs::create_dir_all(root.join(relative)).map_err(|source| ScaffoldError::Create {
        path: relative.to_string(),
        source,
    })
}
