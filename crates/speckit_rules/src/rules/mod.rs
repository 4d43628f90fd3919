//! The rule families, one folder each: `any` (S), `constitution` (C),
//! `spec` (R), `plan` (P), `tasks` (T), `checklist` (K).

pub(crate) mod any;
pub(crate) mod checklist;
pub(crate) mod common;
pub(crate) mod constitution;
pub(crate) mod spec;
pub(crate) mod tasks;
