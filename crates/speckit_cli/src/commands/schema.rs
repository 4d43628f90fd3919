//! `speckit schema`: JSON Schemas of the `--json` outputs.

use speckit::output::{analyze_schema, list_schema, show_schema};

use super::print_json;
use crate::cli::SchemaKind;

pub(crate) fn run(of: SchemaKind) -> anyhow::Result<u8> {
    let schema = match of {
        SchemaKind::Show => show_schema(),
        SchemaKind::List => list_schema(),
        SchemaKind::Analyze => analyze_schema(),
    };
    print_json(&schema)?;
    Ok(0)
}
