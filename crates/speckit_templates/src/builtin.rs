//! The built-in templates, embedded in the binary.
//!
//! Sources live in `templates/speckit/` and `templates/plugin/`, one file
//! per [`TemplateName`]. They are the defaults a repository may override;
//! this module only hands out their text and never reads files.

use crate::name::{Layout, TemplateName};

/// The source of a built-in template.
pub fn builtin(name: TemplateName, layout: Layout) -> &'static str {
    match (layout, name) {
        (Layout::Speckit, TemplateName::Constitution) => {
            include_str!("../templates/speckit/constitution.md")
        }
        (Layout::Speckit, TemplateName::Spec) => include_str!("../templates/speckit/spec.md"),
        (Layout::Speckit, TemplateName::Plan) => include_str!("../templates/speckit/plan.md"),
        (Layout::Speckit, TemplateName::Tasks) => include_str!("../templates/speckit/tasks.md"),
        (Layout::Speckit, TemplateName::Checklist) => {
            include_str!("../templates/speckit/checklist.md")
        }
        (Layout::Plugin, TemplateName::Constitution) => {
            include_str!("../templates/plugin/constitution.md")
        }
        (Layout::Plugin, TemplateName::Spec) => include_str!("../templates/plugin/spec.md"),
        (Layout::Plugin, TemplateName::Plan) => include_str!("../templates/plugin/plan.md"),
        (Layout::Plugin, TemplateName::Tasks) => include_str!("../templates/plugin/tasks.md"),
        (Layout::Plugin, TemplateName::Checklist) => {
            include_str!("../templates/plugin/checklist.md")
        }
    }
}

#[cfg(test)]
mod tests;
