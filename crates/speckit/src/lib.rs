//! The speckit library: the one API every front end (CLI, MCP, LSP, web) calls.
//!
//! It ties the pipeline together — discover the workspace, read files, parse
//! them into documents and typed models — and defines the JSON shapes that
//! front ends print (with their JSON Schemas). Front ends must not parse,
//! walk directories or run rules themselves; they call this crate.

pub mod analyze;
pub mod check;
mod load;
pub mod output;
pub mod scaffold;
pub mod tasks;

pub use load::{
    FeatureDocuments, LoadError, load_feature, open_workspace, scan_workspace, workspace_files,
};
pub use speckit_analyze as analysis;
pub use speckit_diagnostics as diagnostics;
pub use speckit_md as md;
pub use speckit_model as model;
pub use speckit_render as render;
pub use speckit_rules as rules;
pub use speckit_tasks as task_engine;
pub use speckit_text as text;
pub use speckit_workspace as workspace;
