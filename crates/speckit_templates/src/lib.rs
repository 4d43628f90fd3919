//! speckit's own document templates and AI-agent command files.
//!
//! Templates (constitution, spec, plan, tasks, checklist) exist in the
//! spec-kit form and the plugin form; they are embedded with
//! `include_str!` and rendered with minijinja, so that a repository can
//! override them with files of the same syntax. Where a value is unknown a
//! template shows the format's own placeholder, which `speckit check`
//! reports until someone fills it in.
//!
//! Agent command files tell an AI agent how to run each workflow step and
//! which deterministic `speckit` commands do the bookkeeping; [`agents`]
//! says where and in which format each agent expects them.
//!
//! This crate does no IO: callers write the strings it returns.

pub mod agents;
mod builtin;
mod context;
mod name;
mod render;

pub use agents::{Agent, AgentFormat, Command, GeneratedFile, agent, agents, command_files};
pub use builtin::builtin;
pub use context::{Requirement, Story, TemplateContext};
pub use name::{Layout, TemplateName, UnknownName};
pub use render::{TemplateError, render, render_builtin, render_named};
