//! The task engine: status changes as lossless edits, the dependency graph
//! (explicit and implicit phase ordering), cycles, critical path, ready
//! tasks, and exports.
//!
//! Everything here is a pure function of a parsed [`speckit_model::Document`]
//! and its [`speckit_model::TaskList`]; edits are returned as
//! [`speckit_text::Edit`]s for the caller to apply. No IO.

pub mod critical;
pub mod diagram;
pub mod export;
pub mod graph;
pub mod next;
pub mod render;
pub mod status;
