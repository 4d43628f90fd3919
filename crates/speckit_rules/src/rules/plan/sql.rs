//! SQL code blocks: whether they parse (P019) and the columns of the tables
//! they create (P020). Plain DDL is read by [`quick_sql`] first; anything
//! else goes to `sqlparser`, tried with several dialects.

use std::borrow::Cow;

use sqlparser::ast::{ObjectNamePart, Statement};
use sqlparser::dialect::{Dialect, GenericDialect, MySqlDialect, PostgreSqlDialect, SQLiteDialect};
use sqlparser::parser::{Parser, ParserError};

use crate::rules::plan::quick_sql;

/// Info strings of the blocks read as SQL.
pub(crate) const SQL_LANGUAGES: &[&str] =
    &["sql", "postgresql", "postgres", "pgsql", "sqlite", "mysql"];

/// Where and why a block does not parse.
pub(crate) struct SqlError {
    /// Byte offset in the block.
    pub(crate) offset: usize,
    /// The parser's message without its position.
    pub(crate) message: String,
}

/// Checks that `sql` parses: the quick reader vouches for plain DDL, the
/// parser decides the rest.
pub(crate) fn check_sql(sql: &str) -> Result<(), SqlError> {
    if quick_sql::read(sql).is_some() {
        return Ok(());
    }
    parse_sql(sql).map(|_| ())
}

/// Parses `sql` with the generic dialect, then the `PostgreSQL`, `SQLite` and
/// `MySQL` ones.
/// On failure returns the error of the dialect that got furthest.
fn parse_sql(sql: &str) -> Result<Vec<Statement>, SqlError> {
    let dialects: [&dyn Dialect; 4] = [
        &GenericDialect {},
        &PostgreSqlDialect {},
        &SQLiteDialect {},
        &MySqlDialect {},
    ];
    let mut furthest: Option<SqlError> = None;
    for dialect in dialects {
        match Parser::parse_sql(dialect, sql) {
            Ok(statements) => return Ok(statements),
            Err(error) => {
                let error = locate(sql, &error);
                if furthest
                    .as_ref()
                    .is_none_or(|best| error.offset > best.offset)
                {
                    furthest = Some(error);
                }
            }
        }
    }
    Err(furthest.unwrap_or(SqlError {
        offset: 0,
        message: "cannot be read".to_string(),
    }))
}

/// Splits `… at Line: 3, Column: 7` off a parser message and turns the
/// position (1-based, columns in characters) into a byte offset.
fn locate(sql: &str, error: &ParserError) -> SqlError {
    let text = match error {
        ParserError::TokenizerError(text) | ParserError::ParserError(text) => text.as_str(),
        ParserError::RecursionLimitExceeded => "the statement nests too deeply",
    };
    let Some(cut) = text.rfind(" at Line: ") else {
        return SqlError {
            offset: 0,
            message: text.to_string(),
        };
    };
    let position = text.get(cut + 10..).unwrap_or("");
    let mut numbers = position
        .split(|c: char| !c.is_ascii_digit())
        .filter(|part| !part.is_empty())
        .map(|part| part.parse::<usize>().unwrap_or(0));
    let line = numbers.next().unwrap_or(1);
    let column = numbers.next().unwrap_or(1);
    SqlError {
        offset: char_offset(sql, line, column),
        message: text.get(..cut).unwrap_or(text).to_string(),
    }
}

/// Byte offset of 1-based `line` and character `column`.
fn char_offset(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for _ in 1..line {
        match text.get(offset..).and_then(|rest| rest.find('\n')) {
            Some(newline) => offset += newline + 1,
            None => return text.len(),
        }
    }
    let line_text = text.get(offset..).unwrap_or("");
    let within = line_text
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line_text.len(), |(index, _)| index);
    offset + within
}

/// A `CREATE TABLE` statement: the table's name (without a schema) and its
/// column names.
pub(crate) struct SqlTable<'a> {
    pub(crate) name: Cow<'a, str>,
    pub(crate) columns: Vec<Cow<'a, str>>,
}

/// The tables `sql` creates, or `None` when it does not parse.
pub(crate) fn created_tables(sql: &str) -> Option<Vec<SqlTable<'_>>> {
    if let Some(tables) = quick_sql::read(sql) {
        return Some(
            tables
                .into_iter()
                .map(|table| SqlTable {
                    name: Cow::Borrowed(table.name),
                    columns: table.columns.into_iter().map(Cow::Borrowed).collect(),
                })
                .collect(),
        );
    }
    let statements = parse_sql(sql).ok()?;
    Some(statements.iter().filter_map(statement_table).collect())
}

fn statement_table(statement: &Statement) -> Option<SqlTable<'static>> {
    let Statement::CreateTable(create) = statement else {
        return None;
    };
    let name = create.name.0.last().and_then(|part| match part {
        ObjectNamePart::Identifier(ident) => Some(ident.value.clone()),
        ObjectNamePart::Function(_) => None,
    })?;
    Some(SqlTable {
        name: Cow::Owned(name),
        columns: create
            .columns
            .iter()
            .map(|column| Cow::Owned(column.name.value.clone()))
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_point_into_the_block() {
        let sql = "CREATE TABLE t (\n  id TEXT PRIMARY KEY\n  name TEXT\n);";
        let Err(error) = parse_sql(sql) else {
            panic!("the block should not parse");
        };
        assert_eq!(sql.get(error.offset..error.offset + 4), Some("name"));
        assert!(!error.message.contains("Line:"), "{}", error.message);
    }

    #[test]
    fn dialects_are_tried_in_turn() {
        assert!(check_sql("CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT);").is_ok());
        assert!(check_sql("CREATE INDEX i ON t USING gin (doc jsonb_path_ops);").is_ok());
        let names = |sql| {
            created_tables(sql).map(|tables| {
                tables
                    .iter()
                    .map(|t| (t.name.to_string(), t.columns.join(",")))
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(
            names("CREATE TABLE app.Items (Id TEXT, name TEXT);"),
            Some(vec![("Items".to_string(), "Id,name".to_string())])
        );
        // Through the parser: the quick reader does not read CHECK.
        assert_eq!(
            names("CREATE TABLE t (a TEXT CHECK (a <> ''), b INT);"),
            Some(vec![("t".to_string(), "a,b".to_string())])
        );
        assert_eq!(names("CREATE TABLE t (a TEXT b TEXT);"), None);
    }
}
