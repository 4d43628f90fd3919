//! Rules for task lists (T codes), both formats.

mod t001_duplicate_task_id;
mod t002_dependency_not_found;
mod t003_self_dependency;
mod t004_dependency_cycle;

pub(crate) use t001_duplicate_task_id::DuplicateTaskId;
pub(crate) use t002_dependency_not_found::DependencyNotFound;
pub(crate) use t003_self_dependency::SelfDependency;
pub(crate) use t004_dependency_cycle::DependencyCycle;
