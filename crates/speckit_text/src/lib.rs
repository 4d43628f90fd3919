//! Byte spans, line/column conversion and lossless text edits.
//!
//! This crate owns the vocabulary every other crate uses to point into a file:
//! a [`Span`] is a half-open byte range, a [`LineIndex`] turns byte offsets into
//! line/column positions on demand, and [`apply_edits`] splices replacements into
//! the original text without touching any other byte. `bytes` holds the
//! small byte-level helpers the scanners share (byte sets, ASCII
//! lower-casing without allocating).
//!
//! It must not know anything about Markdown, documents or the file system.

mod bytes;
mod edit;
mod line_index;
mod span;
mod trim;

pub use bytes::{ByteSet, ascii_lowercase_in, byte_set, find_bytes, find_str};
pub use edit::{Edit, EditError, apply_edits};
pub use line_index::{LineCol, LineCounter, LineIndex, OffsetPositions};
pub use span::{Span, Spanned};
pub use trim::{is_space, trim_prefix_repeated, trim_str};
