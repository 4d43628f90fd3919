//! The values speckit knows when it instantiates a template.
//!
//! Every field is optional: a template shows the format's own placeholder
//! (`[FEATURE NAME]`, `{Your Name}`, `YYYY-MM-DD`, …) wherever a value is
//! missing, so a person or an agent can see what is left to fill in.

use serde::{Deserialize, Serialize};

use crate::name::Layout;

/// Variables available to every template. Field names are the template
/// variable names.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TemplateContext {
    /// Human-readable feature name: `User Authentication`.
    pub feature_name: Option<String>,
    /// The number as written in the folder name: `003`.
    pub feature_number: Option<String>,
    /// The folder name after the number: `user-auth`.
    pub slug: Option<String>,
    /// The git branch of the feature: `003-user-auth`, `spec-kit/003-user-auth`.
    pub branch: Option<String>,
    /// Today, as `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Who is writing the document (git `user.name`).
    pub author: Option<String>,
    /// Link target of the feature's spec, relative to the new document: `./spec.md`.
    pub spec_link: Option<String>,
    /// Link target of the feature's plan, relative to the new document: `./plan.md`.
    pub plan_link: Option<String>,
    /// The project the constitution governs.
    pub project_name: Option<String>,
    pub layout: Option<Layout>,
    /// The user's own words for the feature, as given to `speckit new feature`.
    pub description: Option<String>,
    /// User stories: one story section in a spec, one phase in a task list.
    pub stories: Vec<Story>,
    /// Requirements copied from the spec into plan and checklist rows.
    pub requirements: Vec<Requirement>,
    /// What a checklist reviews: `UX`, `Security`, `API`.
    pub checklist_type: Option<String>,
}

/// A user story known from the spec.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Story {
    /// `n` of `User Story n`.
    pub number: u32,
    pub title: String,
    /// `k` of `(Priority: Pk)`; 1 is the most important.
    pub priority: u32,
}

/// A requirement known from the spec: `FR-001` and its text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Requirement {
    pub id: String,
    pub text: String,
}

impl Story {
    pub fn new(number: u32, title: impl Into<String>, priority: u32) -> Story {
        Story {
            number,
            title: title.into(),
            priority,
        }
    }
}

impl Requirement {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Requirement {
        Requirement {
            id: id.into(),
            text: text.into(),
        }
    }
}
