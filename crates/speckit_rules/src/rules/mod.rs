//! The rule families, one folder each: `any` (S), `constitution` (C),
//! `spec` (R), `plan` (P), `tasks` (T), `checklist` (K).

pub(crate) mod any;
pub(crate) mod common;
pub(crate) mod plan;
pub(crate) mod tasks;
