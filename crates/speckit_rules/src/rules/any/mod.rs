//! Rules for any Markdown document (S codes).

mod s001_invalid_utf8;
mod s003_unknown_rule_code;
mod s004_empty_document;
mod s005_missing_title;
mod s006_unclosed_code_fence;
mod s007_broken_relative_link;
mod s008_duplicate_heading;
mod s009_unclosed_comment;

pub(crate) use s001_invalid_utf8::InvalidUtf8;
pub(crate) use s003_unknown_rule_code::UnknownRuleCode;
pub(crate) use s004_empty_document::EmptyDocument;
pub(crate) use s005_missing_title::MissingTitle;
pub(crate) use s006_unclosed_code_fence::UnclosedCodeFence;
pub(crate) use s007_broken_relative_link::BrokenRelativeLink;
pub(crate) use s008_duplicate_heading::DuplicateHeading;
pub(crate) use s009_unclosed_comment::UnclosedComment;
