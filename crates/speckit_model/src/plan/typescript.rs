//! A small reader for the TypeScript the plan template puts in code blocks:
//! `interface Name { field?: type; // note }` (Data Models, Global State) and
//! `enum Name { KEY = 'VALUE', … }` (Error Types).
//!
//! It is line-oriented and forgiving, not a TypeScript parser: members are
//! split on `;`, `,` and line ends at the top level of the braces, nested
//! object types are kept as written on their first line, and anything it
//! cannot read is skipped. Other declarations in the block are ignored.

use schemars::JsonSchema;
use serde::Serialize;
use speckit_md::lex;
use speckit_text::{ByteSet, Span, byte_set};

use super::scan;
use crate::common::Text;
use crate::document::Document;

/// `interface Name { … }` (or `type Name = { … }`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct TsInterface<'a> {
    pub name: Text<'a>,
    /// From the keyword's line to the closing brace's line.
    pub span: Span,
    pub members: Vec<TsMember<'a>>,
}

/// `name?: type; // comment`
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct TsMember<'a> {
    /// Without `?` and `readonly`.
    pub name: Text<'a>,
    /// Written `name?:`.
    pub optional: bool,
    /// The type as written, without the trailing `;` or `,`.
    pub ty: Text<'a>,
    /// A `// comment` after the member on the same line.
    pub comment: Option<Text<'a>>,
    /// The member's text.
    pub span: Span,
}

/// `enum Name { … }`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct TsEnum<'a> {
    pub name: Text<'a>,
    pub span: Span,
    pub members: Vec<TsEnumMember<'a>>,
}

/// `KEY = 'VALUE'`
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct TsEnumMember<'a> {
    pub key: Text<'a>,
    /// The initialiser: the string's content when quoted, else as written.
    pub value: Option<Text<'a>>,
    pub comment: Option<Text<'a>>,
    pub span: Span,
}

/// Declarations found in one or more code blocks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Declarations<'a> {
    pub(crate) interfaces: Vec<TsInterface<'a>>,
    pub(crate) enums: Vec<TsEnum<'a>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Interface,
    Enum,
}

/// A declaration whose body is being read.
struct Open<'a> {
    kind: Kind,
    name: Text<'a>,
    start: u32,
    /// Brace depth; members sit at depth 1. 0 until the opening brace.
    depth: u32,
    /// Set after a member was cut short by a nested block: skip until the
    /// nesting closes.
    in_nested: bool,
    members: Vec<TsMember<'a>>,
    enum_members: Vec<TsEnumMember<'a>>,
}

/// Reads the interfaces and enums of `code` (a code block's content) into `out`.
pub(crate) fn read_declarations<'a>(doc: &'a Document, code: Text<'a>, out: &mut Declarations<'a>) {
    let mut open: Option<Open<'a>> = None;
    let mut in_block_comment = false;
    for line in lex::lines(&doc.text, code.span) {
        let trimmed = scan::trim_start_str(line.value);
        if in_block_comment
            || trimmed.starts_with("/*")
            || (trimmed.starts_with('*') && open.is_some())
        {
            in_block_comment =
                !line.value.contains("*/") && (in_block_comment || trimmed.starts_with("/*"));
            continue;
        }
        // Outside a declaration only a line opening with a keyword or a
        // modifier (`export`, `declare`, `default`, `const`, `interface`,
        // `enum`, `type`) matters; JSON and SQL lines stop here.
        if open.is_none() && !trimmed.starts_with(['e', 'd', 'c', 'i', 't']) {
            continue;
        }
        let (code_part, comment) = split_line_comment(line);
        let mut from = 0;
        if open.is_none() {
            let Some((declaration, body_from)) = start_declaration(code_part, line.span.start)
            else {
                continue;
            };
            open = Some(declaration);
            from = body_from;
        }
        let Some(declaration) = open.as_mut() else {
            continue;
        };
        let closed = read_body_line(declaration, code_part, from, comment);
        if closed && let Some(declaration) = open.take() {
            finish(declaration, line.span.end, out);
        }
    }
    if let Some(declaration) = open {
        finish(declaration, code.span.end, out);
    }
}

fn finish<'a>(declaration: Open<'a>, end: u32, out: &mut Declarations<'a>) {
    let span = Span::new(declaration.start, end.max(declaration.start));
    match declaration.kind {
        Kind::Interface => {
            out.interfaces.push(TsInterface {
                name: declaration.name,
                span,
                members: declaration.members,
            });
        }
        Kind::Enum => out.enums.push(TsEnum {
            name: declaration.name,
            span,
            members: declaration.enum_members,
        }),
    }
}

/// Recognises `[export] [declare] [const] interface|enum|type Name` and
/// returns the declaration with the byte offset (within the line) after its
/// opening brace, or after the name when the brace comes on a later line.
fn start_declaration(line: Text<'_>, line_start: u32) -> Option<(Open<'_>, usize)> {
    let mut rest = scan::trim_start_str(line.value);
    for modifier in ["export ", "declare ", "default ", "const "] {
        rest = rest.strip_prefix(modifier).map_or(rest, str::trim_start);
    }
    let (kind, after_keyword) = if let Some(after) = rest.strip_prefix("interface ") {
        (Kind::Interface, after)
    } else if let Some(after) = rest.strip_prefix("enum ") {
        (Kind::Enum, after)
    } else if let Some(after) = rest.strip_prefix("type ") {
        // Only object types: `type Name = {`.
        after.contains('{').then_some((Kind::Interface, after))?
    } else {
        return None;
    };
    let after_keyword = scan::trim_start_str(after_keyword);
    let name_len = after_keyword
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .map_or(after_keyword.len(), |(at, _)| at);
    let name = after_keyword.get(..name_len)?;
    if name.is_empty() {
        return None;
    }
    let name = scan::sub(line, name);
    let name_end = (name.span.end - line.span.start) as usize;
    let body_from = line
        .value
        .get(name_end..)
        .and_then(|tail| tail.find('{'))
        .map_or(name_end, |at| name_end + at);
    let declaration = Open {
        kind,
        name,
        start: line_start,
        depth: 0,
        in_nested: false,
        members: Vec::new(),
        enum_members: Vec::new(),
    };
    Some((declaration, body_from))
}

/// Reads one line of a declaration body from byte `from`. Returns true when
/// the closing brace was reached.
fn read_body_line<'a>(
    declaration: &mut Open<'a>,
    line: Text<'a>,
    from: usize,
    comment: Option<Text<'a>>,
) -> bool {
    let text = line.value;
    let bytes = text.as_bytes();
    let mut piece_start = (!declaration.in_nested && declaration.depth >= 1).then_some(from);
    let first_member = declaration.members.len() + declaration.enum_members.len();
    let mut angle = 0u32;
    let mut index = from;
    let mut closed = false;
    while let Some(&byte) = bytes.get(index) {
        if !is_in(&BODY_BYTES, byte) {
            index += 1;
            continue;
        }
        match byte {
            b'\'' | b'"' | b'`' => index = skip_string(bytes, index),
            b'{' | b'(' | b'[' => {
                declaration.depth += 1;
                if declaration.depth == 1 {
                    piece_start = Some(index + 1);
                }
            }
            b'<' => angle += 1,
            b'>' if angle > 0 && index > 0 && bytes.get(index - 1) != Some(&b'=') => angle -= 1,
            b'}' | b')' | b']' => {
                if declaration.depth <= 1 && byte == b'}' {
                    push_piece(declaration, line, piece_start.take(), index);
                    closed = true;
                    break;
                }
                declaration.depth = declaration.depth.saturating_sub(1);
                if declaration.depth == 1 && declaration.in_nested {
                    declaration.in_nested = false;
                    piece_start = Some(index + 1);
                }
            }
            b';' | b',' if declaration.depth == 1 && angle == 0 => {
                push_piece(declaration, line, piece_start.take(), index);
                piece_start = Some(index + 1);
            }
            _ => {}
        }
        index += 1;
    }
    if !closed {
        push_piece(declaration, line, piece_start.take(), text.len());
        if declaration.depth > 1 {
            declaration.in_nested = true;
        }
    }
    // A trailing comment belongs to the last member that starts on this line.
    if let Some(comment) = comment {
        let count = declaration.members.len() + declaration.enum_members.len();
        if count > first_member {
            match declaration.kind {
                Kind::Interface => {
                    if let Some(member) = declaration.members.last_mut() {
                        member.comment = Some(comment);
                    }
                }
                Kind::Enum => {
                    if let Some(member) = declaration.enum_members.last_mut() {
                        member.comment = Some(comment);
                    }
                }
            }
        }
    }
    closed
}

/// The bytes [`read_body_line`] acts on; it steps over the others.
const BODY_BYTES: ByteSet = byte_set(b"'\"`{([<>})];,");

/// The bytes [`top_level_colon`] acts on.
const COLON_BYTES: ByteSet = byte_set(b"'\"`([{<>)]}:");

fn is_in(set: &ByteSet, byte: u8) -> bool {
    set.get(usize::from(byte)).copied().unwrap_or(false)
}

/// Index just past the string literal opening at `start` (or the line end).
fn skip_string(bytes: &[u8], start: usize) -> usize {
    let quote = bytes.get(start).copied();
    let mut index = start + 1;
    while let Some(&byte) = bytes.get(index) {
        if byte == b'\\' {
            index += 2;
            continue;
        }
        if Some(byte) == quote {
            return index;
        }
        index += 1;
    }
    bytes.len()
}

/// Reads the member text `line[start..end]`.
fn push_piece<'a>(declaration: &mut Open<'a>, line: Text<'a>, start: Option<usize>, end: usize) {
    let Some(start) = start else { return };
    let Some(piece) = line.value.get(start..end.max(start)) else {
        return;
    };
    let piece = scan::trim(scan::sub(line, piece));
    if piece.value.is_empty() {
        return;
    }
    match declaration.kind {
        Kind::Interface => {
            if let Some(member) = interface_member(piece) {
                declaration.members.push(member);
            }
        }
        Kind::Enum => declaration.enum_members.push(enum_member(piece)),
    }
}

/// `readonly name?: type` → member; `None` when there is no top-level colon.
fn interface_member(piece: Text<'_>) -> Option<TsMember<'_>> {
    let text = piece.value;
    let colon = top_level_colon(text)?;
    let mut name = scan::trim_str(text.get(..colon)?);
    name = name
        .strip_prefix("readonly ")
        .map_or(name, scan::trim_start_str);
    if let Some(paren) = memchr::memchr(b'(', name.as_bytes()) {
        name = scan::trim_end_str(name.get(..paren)?);
    }
    let optional = name.ends_with('?');
    let without_marks = name.len() - name.bytes().rev().take_while(|&byte| byte == b'?').count();
    name = scan::trim_end_str(name.get(..without_marks).unwrap_or(name));
    if name.is_empty() {
        return None;
    }
    let ty = scan::trim_str(text.get(colon + 1..)?);
    Some(TsMember {
        name: scan::sub(piece, name),
        optional,
        ty: scan::sub(piece, ty),
        comment: None,
        span: piece.span,
    })
}

/// The first `:` outside brackets and strings.
fn top_level_colon(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0u32;
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        if !is_in(&COLON_BYTES, byte) {
            index += 1;
            continue;
        }
        match byte {
            b'\'' | b'"' | b'`' => index = skip_string(bytes, index),
            b'(' | b'[' | b'{' | b'<' => depth += 1,
            b')' | b']' | b'}' | b'>' => depth = depth.saturating_sub(1),
            b':' if depth == 0 => return Some(index),
            _ => {}
        }
        index += 1;
    }
    None
}

/// `KEY = 'VALUE'` or `KEY`.
fn enum_member(piece: Text<'_>) -> TsEnumMember<'_> {
    let text = piece.value;
    let (key, value) = match memchr::memchr(b'=', text.as_bytes()) {
        Some(equals) => (
            scan::trim_str(text.get(..equals).unwrap_or("")),
            text.get(equals + 1..).map(scan::trim_str),
        ),
        None => (text, None),
    };
    let value = value.filter(|value| !value.is_empty()).map(|value| {
        let unquoted = ['\'', '"', '`']
            .iter()
            .find_map(|&quote| {
                value
                    .strip_prefix(quote)
                    .and_then(|inner| inner.strip_suffix(quote))
            })
            .unwrap_or(value);
        scan::sub(piece, unquoted)
    });
    TsEnumMember {
        key: scan::sub(piece, key),
        value,
        comment: None,
        span: piece.span,
    }
}

/// Splits a line at a `//` comment outside strings; the comment is trimmed.
fn split_line_comment(line: Text<'_>) -> (Text<'_>, Option<Text<'_>>) {
    let bytes = line.value.as_bytes();
    let Some(first_slashes) = scan::find_pair(line.value, b'/') else {
        return (line, None);
    };
    // Without a quote before them, the first `//` open the comment; a
    // quote may hide them in a string, which needs the walk below.
    let quoted = memchr::memchr3(b'\'', b'"', b'`', bytes.get(..first_slashes).unwrap_or(&[]));
    let mut index = if quoted.is_some() { 0 } else { first_slashes };
    while let Some(&byte) = bytes.get(index) {
        match byte {
            b'\'' | b'"' | b'`' => index = skip_string(bytes, index),
            b'/' if bytes.get(index + 1) == Some(&b'/') => {
                let code = line.value.get(..index).unwrap_or("");
                let comment = scan::trim_str(line.value.get(index + 2..).unwrap_or(""));
                return (scan::sub(line, code), Some(scan::sub(line, comment)));
            }
            _ => {}
        }
        index += 1;
    }
    (line, None)
}
