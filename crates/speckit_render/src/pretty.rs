//! Pretty JSON exactly as `serde_json::to_string_pretty` prints it (two
//! spaces per level), with each line break and its indentation written in
//! one piece: `serde_json`'s own formatter writes the indentation one level
//! at a time, which dominates printing the deeply nested analyze report.

use std::io;

use serde::Serialize;
use serde_json::ser::Formatter;

/// A line break followed by enough spaces for [`INDENTS`] levels.
const BREAKS: &[u8] = b"\n                                                                ";

/// Levels whose indentation [`BREAKS`] holds.
const INDENTS: usize = (BREAKS.len() - 1) / 2;

/// `serde_json`'s pretty layout with two-space indentation.
#[derive(Debug, Default)]
struct Pretty {
    depth: usize,
    /// The array or object being printed holds a value.
    has_value: bool,
}

impl Pretty {
    /// A line break and the indentation of the current depth.
    fn line_break<W: ?Sized + io::Write>(&self, writer: &mut W) -> io::Result<()> {
        if self.depth <= INDENTS {
            writer.write_all(&BREAKS[..=2 * self.depth])
        } else {
            writer.write_all(b"\n")?;
            for _ in 0..self.depth {
                writer.write_all(b"  ")?;
            }
            Ok(())
        }
    }

    fn open<W: ?Sized + io::Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    fn close<W: ?Sized + io::Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth = self.depth.saturating_sub(1);
        if self.has_value {
            self.line_break(writer)?;
        }
        writer.write_all(bracket)
    }

    fn item<W: ?Sized + io::Write>(&self, writer: &mut W, first: bool) -> io::Result<()> {
        if !first {
            writer.write_all(b",")?;
        }
        self.line_break(writer)
    }
}

impl Formatter for Pretty {
    fn begin_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(writer, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(writer, first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// `value` as pretty JSON, byte for byte what `serde_json::to_string_pretty`
/// returns.
pub(crate) fn to_string_pretty<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut out = Vec::with_capacity(128);
    write_pretty(&mut out, value)?;
    String::from_utf8(out).map_err(serde::ser::Error::custom)
}

/// Appends `value` as pretty JSON (as [`to_string_pretty`]) to `out`.
pub(crate) fn write_pretty<T: Serialize + ?Sized>(
    out: &mut Vec<u8>,
    value: &T,
) -> serde_json::Result<()> {
    value.serialize(&mut serde_json::Serializer::with_formatter(
        out,
        Pretty::default(),
    ))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn prints_as_serde_json_does() {
        let mut deep = json!("leaf");
        for level in 0..40 {
            deep = if level % 2 == 0 {
                json!([deep, [], {}, level])
            } else {
                json!({ "k": deep, "empty": [], "none": {}, "s": "a\"b\n" })
            };
        }
        let values = [
            json!(null),
            json!([]),
            json!({}),
            json!([[]]),
            json!({"a": {}}),
            json!({"a": [1, 2, {"b": null}], "c": "é"}),
            deep,
        ];
        for value in values {
            assert_eq!(
                to_string_pretty(&value).unwrap(),
                serde_json::to_string_pretty(&value).unwrap()
            );
        }
    }
}
