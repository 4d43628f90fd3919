//! spec-kit (SK-HEAD) documents.

pub(crate) mod plan;
pub(crate) mod spec;
pub(crate) mod tasks;
