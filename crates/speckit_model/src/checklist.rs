//! The checklist model (in progress).

use schemars::JsonSchema;
use serde::Serialize;

use crate::common::{MetaField, Outline, Text};
use crate::document::Document;
use crate::kind::Generation;

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Checklist<'a> {
    pub generation: Generation,
    pub title: Option<Text<'a>>,
    pub metadata: Vec<MetaField<'a>>,
    pub outline: Outline<'a>,
}

impl<'a> Checklist<'a> {
    pub fn parse(doc: &'a Document) -> Self {
        Checklist {
            generation: detect_generation(doc),
            title: doc.title(),
            metadata: doc.header_fields(),
            outline: doc.outline(&[]),
        }
    }
}

pub(crate) fn detect_generation(_doc: &Document) -> Generation {
    Generation::Unknown
}

pub struct ChecklistItem;
