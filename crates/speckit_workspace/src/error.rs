//! Errors of workspace discovery and file access. Every message names the path.

use std::path::PathBuf;

/// What went wrong while finding or reading a workspace.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WorkspaceError {
    #[error(
        "no speckit workspace found at or above {start} (looked for speckit.toml, .specify/, .claude/spec-kit/ and specs/)"
    )]
    NotFound { start: PathBuf },
    #[error("cannot access {path}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Config {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path} is {size} bytes; files over {limit} bytes are not read")]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("no feature matches `{reference}`{}", available_hint(.available))]
    FeatureNotFound {
        reference: String,
        available: Vec<String>,
    },
    #[error("`{reference}` matches several features: {}", .candidates.join(", "))]
    AmbiguousFeature {
        reference: String,
        candidates: Vec<String>,
    },
    #[error("no feature given and none could be inferred ({})", .tried.join("; "))]
    NoCurrentFeature { tried: Vec<String> },
    #[error("cannot edit {path}: {message}")]
    Edit { path: PathBuf, message: String },
    #[error("{path} changed on disk since it was read; run the command again")]
    Changed { path: PathBuf },
}

fn available_hint(available: &[String]) -> String {
    if available.is_empty() {
        " (the workspace has no features)".to_string()
    } else {
        format!(" (features: {})", available.join(", "))
    }
}

impl WorkspaceError {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        WorkspaceError::Io {
            path: path.into(),
            source,
        }
    }
}
