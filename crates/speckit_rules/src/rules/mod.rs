//! The rule families, one folder each: `any` (S), `constitution` (C),
//! `spec` (R), `plan` (P), `tasks` (T), `checklist` (K), and the
//! cross-document rules of `analyze` in `cross` (X).

pub(crate) mod any;
pub(crate) mod checklist;
pub(crate) mod common;
pub(crate) mod constitution;
pub(crate) mod cross;
pub(crate) mod plan;
pub(crate) mod spec;
pub(crate) mod tasks;
