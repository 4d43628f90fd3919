//! Claude plugin documents (the seed templates).

pub(crate) mod plan;
mod plan_operations;
pub(crate) mod spec;
pub(crate) mod tasks;
