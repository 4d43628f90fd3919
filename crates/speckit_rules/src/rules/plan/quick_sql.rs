//! A quick reader for the plain DDL that plans hold most of the time:
//! `CREATE TABLE` with simple column definitions and `CREATE INDEX` on plain
//! columns. It exists for speed: `sqlparser` costs tens of microseconds per
//! statement, this reader about one, and plans of a large workspace hold
//! thousands of such statements.
//!
//! It is strict rather than complete: it answers "these statements parse"
//! only for a small grammar that `sqlparser` also accepts (a test checks
//! this over many combinations), and gives up on anything else (`CHECK`,
//! expressions, unknown types, other statements), which then goes to
//! `sqlparser`. It never reports an error itself.
//!
//! ```text
//! block   := (stmt (";" stmt)*)? ";"?
//! stmt    := CREATE TABLE [IF NOT EXISTS] name "(" item ("," item)* ")"
//!          | CREATE [UNIQUE] INDEX [IF NOT EXISTS] ident ON name "(" ident [ASC|DESC] ("," …)* ")"
//! item    := [CONSTRAINT ident] (PRIMARY KEY | UNIQUE) "(" idents ")"
//!          | [CONSTRAINT ident] FOREIGN KEY "(" idents ")" references
//!          | ident type option*
//! type    := TYPE-NAME ["(" number ["," number] ")"] ["[" "]"]
//! option  := NOT NULL | NULL | PRIMARY KEY | UNIQUE | DEFAULT value | references
//! value   := number | 'string' | TRUE | FALSE | NULL | CURRENT_TIMESTAMP | CURRENT_DATE | ident "(" ")"
//! references := REFERENCES name ["(" idents ")"] (ON (DELETE|UPDATE) action)*
//! ```

use speckit_text::{ByteSet, byte_set};

/// A table the reader understood: its name (the last part of a qualified
/// name) and its column names, as written.
pub(crate) struct QuickTable<'a> {
    pub(crate) name: &'a str,
    pub(crate) columns: Vec<&'a str>,
}

/// Reads `sql`. `Some(tables)` when every statement is in the grammar above
/// (so the block parses), `None` when the reader cannot tell.
pub(crate) fn read(sql: &str) -> Option<Vec<QuickTable<'_>>> {
    let mut reader = Reader {
        lexer: Lexer { text: sql, at: 0 },
        peeked: None,
    };
    let mut tables = Vec::new();
    loop {
        while reader.eat_punct(b';')? {}
        if reader.peek()? == Token::End {
            return Some(tables);
        }
        reader.keyword("CREATE")?;
        if reader.eat_keyword("TABLE")? {
            tables.push(reader.table()?);
        } else {
            reader.eat_keyword("UNIQUE")?;
            reader.keyword("INDEX")?;
            reader.index()?;
        }
        match reader.next()? {
            Token::End => return Some(tables),
            Token::Punct(b';') => {}
            _ => return None,
        }
    }
}

/// Type names that `sqlparser` reads, with how many `(n, m)` arguments each
/// may take.
const TYPES: &[(&str, usize)] = &[
    ("TEXT", 1),
    ("VARCHAR", 1),
    ("CHAR", 1),
    ("INTEGER", 1),
    ("INT", 1),
    ("BIGINT", 1),
    ("SMALLINT", 1),
    ("REAL", 0),
    ("FLOAT", 2),
    ("DOUBLE", 2),
    ("NUMERIC", 2),
    ("DECIMAL", 2),
    ("BOOLEAN", 0),
    ("BOOL", 0),
    ("DATE", 0),
    ("TIMESTAMP", 1),
    ("TIMESTAMPTZ", 1),
    ("DATETIME", 1),
    ("UUID", 0),
    ("JSON", 0),
    ("JSONB", 0),
    ("BLOB", 1),
    ("BYTEA", 0),
    ("SERIAL", 0),
    ("BIGSERIAL", 0),
];

/// Words the reader refuses as names: keywords that change how a parser
/// reads a column list or a statement. Sorted, upper case: every name is
/// looked up, by its initial.
const RESERVED: &[&str] = &[
    "ALL",
    "AND",
    "AS",
    "ASC",
    "BETWEEN",
    "BY",
    "CASE",
    "CHECK",
    "COLLATE",
    "COLUMN",
    "CONSTRAINT",
    "CREATE",
    "CROSS",
    "CURRENT_DATE",
    "CURRENT_TIME",
    "CURRENT_TIMESTAMP",
    "CURRENT_USER",
    "DEFAULT",
    "DELETE",
    "DESC",
    "DISTINCT",
    "DROP",
    "ELSE",
    "END",
    "EXCEPT",
    "EXISTS",
    "FALSE",
    "FOREIGN",
    "FROM",
    "FULL",
    "FULLTEXT",
    "GENERATED",
    "GROUP",
    "HAVING",
    "IF",
    "IN",
    "INDEX",
    "INNER",
    "INSERT",
    "INTERSECT",
    "INTO",
    "IS",
    "JOIN",
    "KEY",
    "LEFT",
    "LIKE",
    "LIMIT",
    "NOT",
    "NULL",
    "OFFSET",
    "ON",
    "OR",
    "ORDER",
    "OUTER",
    "PERIOD",
    "PRIMARY",
    "REFERENCES",
    "RIGHT",
    "SELECT",
    "SET",
    "SPATIAL",
    "TABLE",
    "THEN",
    "TO",
    "TRUE",
    "UNION",
    "UNIQUE",
    "UPDATE",
    "USING",
    "VALUES",
    "WHEN",
    "WHERE",
    "WITH",
];

/// The bytes of a word after its first: ASCII letters, digits and `_`.
const WORD_BYTES: ByteSet =
    byte_set(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Token<'a> {
    /// The end of the block.
    End,
    Word(&'a str),
    Number,
    Str,
    Punct(u8),
}

/// An entry of a column list.
enum Item<'a> {
    Column(&'a str),
    Constraint,
}

struct Lexer<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Lexer<'a> {
    /// The next token; `None` for text the reader does not handle
    /// (operators, quoted names, unterminated strings).
    // Kept out of `Reader::peek`, which runs several times per token and
    // should cost a comparison when the token is already read.
    #[inline(never)]
    fn next(&mut self) -> Option<Token<'a>> {
        let bytes = self.text.as_bytes();
        loop {
            let byte = match bytes.get(self.at) {
                None => return Some(Token::End),
                Some(&byte) => byte,
            };
            match byte {
                b' ' | b'\t' | b'\n' | b'\r' => self.at += 1,
                b'-' if bytes.get(self.at + 1) == Some(&b'-') => {
                    let rest = bytes.get(self.at..).unwrap_or(&[]);
                    self.at += memchr::memchr(b'\n', rest).unwrap_or(rest.len());
                }
                b'/' if bytes.get(self.at + 1) == Some(&b'*') => {
                    let rest = bytes.get(self.at + 2..).unwrap_or(&[]);
                    self.at += 2 + memchr::memmem::find(rest, b"*/")? + 2;
                }
                _ => break,
            }
        }
        let start = self.at;
        let byte = bytes.get(start).copied().unwrap_or(0);
        let token = if byte.is_ascii_alphabetic() || byte == b'_' {
            self.at += bytes
                .get(start..)
                .unwrap_or(&[])
                .iter()
                .take_while(|&&b| WORD_BYTES[usize::from(b)])
                .count();
            Token::Word(self.text.get(start..self.at)?)
        } else if byte.is_ascii_digit() {
            self.at += bytes
                .get(start..)
                .unwrap_or(&[])
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            // A number glued to letters (`3a`) is not for this reader.
            if bytes
                .get(self.at)
                .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_' || *b == b'.')
            {
                return None;
            }
            Token::Number
        } else if byte == b'\'' {
            // `'it''s'`: a doubled quote continues the string.
            let mut index = start + 1;
            loop {
                let close = index + memchr::memchr(b'\'', bytes.get(index..)?)?;
                if bytes.get(close + 1) == Some(&b'\'') {
                    index = close + 2;
                } else {
                    self.at = close + 1;
                    break;
                }
            }
            Token::Str
        } else if matches!(byte, b'(' | b')' | b',' | b';' | b'.' | b'[' | b']') {
            self.at += 1;
            Token::Punct(byte)
        } else {
            return None;
        };
        Some(token)
    }
}

struct Reader<'a> {
    lexer: Lexer<'a>,
    peeked: Option<Token<'a>>,
}

impl<'a> Reader<'a> {
    #[inline]
    fn peek(&mut self) -> Option<Token<'a>> {
        if self.peeked.is_none() {
            self.peeked = Some(self.lexer.next()?);
        }
        self.peeked
    }

    fn next(&mut self) -> Option<Token<'a>> {
        let token = self.peek()?;
        self.peeked = None;
        Some(token)
    }

    /// Consumes `word` if it comes next; `None` only for unreadable text.
    fn eat_keyword(&mut self, word: &str) -> Option<bool> {
        let matched = matches!(self.peek()?, Token::Word(next) if next.eq_ignore_ascii_case(word));
        if matched {
            self.peeked = None;
        }
        Some(matched)
    }

    fn keyword(&mut self, word: &str) -> Option<()> {
        self.eat_keyword(word)?.then_some(())
    }

    fn eat_punct(&mut self, punct: u8) -> Option<bool> {
        let matched = self.peek()? == Token::Punct(punct);
        if matched {
            self.peeked = None;
        }
        Some(matched)
    }

    fn punct(&mut self, punct: u8) -> Option<()> {
        self.eat_punct(punct)?.then_some(())
    }

    /// An unreserved name.
    fn ident(&mut self) -> Option<&'a str> {
        match self.next()? {
            Token::Word(word) if !is_reserved(word) => Some(word),
            _ => None,
        }
    }

    /// `name` or `schema.name`; returns the last part.
    fn name(&mut self) -> Option<&'a str> {
        let mut name = self.ident()?;
        if self.eat_punct(b'.')? {
            name = self.ident()?;
        }
        Some(name)
    }

    fn if_not_exists(&mut self) -> Option<()> {
        if self.eat_keyword("IF")? {
            self.keyword("NOT")?;
            self.keyword("EXISTS")?;
        }
        Some(())
    }

    /// `"(" ident ("," ident)* ")"`
    fn idents(&mut self) -> Option<()> {
        self.punct(b'(')?;
        loop {
            self.ident()?;
            if !self.eat_punct(b',')? {
                return self.punct(b')');
            }
        }
    }

    fn table(&mut self) -> Option<QuickTable<'a>> {
        self.if_not_exists()?;
        let name = self.name()?;
        self.punct(b'(')?;
        let mut columns = Vec::new();
        loop {
            if let Item::Column(column) = self.item()? {
                columns.push(column);
            }
            if !self.eat_punct(b',')? {
                self.punct(b')')?;
                return Some(QuickTable { name, columns });
            }
        }
    }

    fn item(&mut self) -> Option<Item<'a>> {
        let constraint = self.eat_keyword("CONSTRAINT")?;
        if constraint {
            self.ident()?;
        }
        if self.eat_keyword("PRIMARY")? {
            self.keyword("KEY")?;
            self.idents()?;
            return Some(Item::Constraint);
        }
        if self.eat_keyword("UNIQUE")? {
            self.idents()?;
            return Some(Item::Constraint);
        }
        if self.eat_keyword("FOREIGN")? {
            self.keyword("KEY")?;
            self.idents()?;
            self.keyword("REFERENCES")?;
            self.references()?;
            return Some(Item::Constraint);
        }
        if constraint {
            return None;
        }
        let column = self.ident()?;
        self.data_type()?;
        while !matches!(self.peek()?, Token::Punct(b',' | b')')) {
            self.option()?;
        }
        Some(Item::Column(column))
    }

    fn data_type(&mut self) -> Option<()> {
        let Token::Word(word) = self.next()? else {
            return None;
        };
        let (_, max_arguments) = TYPES
            .iter()
            .find(|(name, _)| word.eq_ignore_ascii_case(name))?;
        if self.eat_punct(b'(')? {
            let mut arguments = 0;
            loop {
                self.number()?;
                arguments += 1;
                if !self.eat_punct(b',')? {
                    break;
                }
            }
            self.punct(b')')?;
            if arguments > *max_arguments {
                return None;
            }
        }
        if self.eat_punct(b'[')? {
            self.punct(b']')?;
        }
        Some(())
    }

    fn number(&mut self) -> Option<()> {
        (self.next()? == Token::Number).then_some(())
    }

    fn option(&mut self) -> Option<()> {
        if self.eat_keyword("NOT")? {
            return self.keyword("NULL");
        }
        if self.eat_keyword("NULL")? || self.eat_keyword("UNIQUE")? {
            return Some(());
        }
        if self.eat_keyword("PRIMARY")? {
            return self.keyword("KEY");
        }
        if self.eat_keyword("REFERENCES")? {
            return self.references();
        }
        self.keyword("DEFAULT")?;
        match self.next()? {
            Token::Number | Token::Str => Some(()),
            Token::Word(word)
                if is_one(
                    word,
                    &["TRUE", "FALSE", "NULL", "CURRENT_TIMESTAMP", "CURRENT_DATE"],
                ) =>
            {
                Some(())
            }
            Token::Word(word) if !is_reserved(word) => {
                self.punct(b'(')?;
                self.punct(b')')
            }
            _ => None,
        }
    }

    /// After `REFERENCES`: `name ["(" idents ")"] (ON DELETE|UPDATE action)*`.
    fn references(&mut self) -> Option<()> {
        self.name()?;
        if self.peek()? == Token::Punct(b'(') {
            self.idents()?;
        }
        while self.eat_keyword("ON")? {
            if !self.eat_keyword("DELETE")? {
                self.keyword("UPDATE")?;
            }
            if self.eat_keyword("CASCADE")? || self.eat_keyword("RESTRICT")? {
                continue;
            }
            if self.eat_keyword("NO")? {
                self.keyword("ACTION")?;
                continue;
            }
            self.keyword("SET")?;
            if !self.eat_keyword("NULL")? {
                self.keyword("DEFAULT")?;
            }
        }
        Some(())
    }

    fn index(&mut self) -> Option<()> {
        self.if_not_exists()?;
        self.ident()?;
        self.keyword("ON")?;
        self.name()?;
        self.punct(b'(')?;
        loop {
            self.ident()?;
            if !self.eat_keyword("ASC")? {
                self.eat_keyword("DESC")?;
            }
            if !self.eat_punct(b',')? {
                return self.punct(b')');
            }
        }
    }
}

/// Where each initial's words start in [`RESERVED`]: the words with initial
/// `b'A' + i` are `RESERVED[RESERVED_STARTS[i]..RESERVED_STARTS[i + 1]]`.
const RESERVED_STARTS: [usize; 27] = reserved_starts();

const fn reserved_starts() -> [usize; 27] {
    let mut starts = [0; 27];
    let mut letter = 0;
    let mut index = 0;
    while letter < 26 {
        while index < RESERVED.len() && RESERVED[index].as_bytes()[0] < b'A' + letter as u8 {
            index += 1;
        }
        starts[letter] = index;
        letter += 1;
    }
    starts[26] = RESERVED.len();
    starts
}

fn is_reserved(word: &str) -> bool {
    // Only the few words with the same initial are compared.
    let Some(initial) = word.as_bytes().first().map(u8::to_ascii_uppercase) else {
        return false;
    };
    if !initial.is_ascii_uppercase() {
        return false;
    }
    let letter = usize::from(initial - b'A');
    let (Some(&start), Some(&end)) = (RESERVED_STARTS.get(letter), RESERVED_STARTS.get(letter + 1))
    else {
        return false;
    };
    RESERVED
        .get(start..end)
        .unwrap_or(&[])
        .iter()
        .any(|known| word.eq_ignore_ascii_case(known))
}

fn is_one(word: &str, list: &[&str]) -> bool {
    list.iter().any(|known| word.eq_ignore_ascii_case(known))
}

#[cfg(test)]
mod tests {
    use sqlparser::dialect::GenericDialect;
    use sqlparser::parser::Parser;

    use super::*;

    #[test]
    fn reserved_lookup_matches_a_scan() {
        let mut words: Vec<String> = RESERVED.iter().map(|word| (*word).to_string()).collect();
        words.extend(RESERVED.iter().map(|word| word.to_ascii_lowercase()));
        words.extend(
            [
                "", "_id", "id", "Zone", "ALLX", "A", "9a", "é", "users", "z",
            ]
            .map(String::from),
        );
        for word in &words {
            let scanned = RESERVED
                .iter()
                .any(|known| word.eq_ignore_ascii_case(known));
            assert_eq!(is_reserved(word), scanned, "{word}");
        }
        for byte in 0..=u8::MAX {
            let simple = byte.is_ascii_alphanumeric() || byte == b'_';
            assert_eq!(WORD_BYTES[usize::from(byte)], simple, "{byte}");
        }
    }

    fn columns(sql: &str) -> Option<Vec<(String, Vec<String>)>> {
        read(sql).map(|tables| {
            tables
                .iter()
                .map(|table| {
                    (
                        table.name.to_string(),
                        table.columns.iter().map(ToString::to_string).collect(),
                    )
                })
                .collect()
        })
    }

    #[test]
    fn reserved_words_are_sorted_and_upper_case() {
        assert!(RESERVED.windows(2).all(|pair| pair[0] < pair[1]));
        for word in RESERVED {
            assert_eq!(*word, word.to_ascii_uppercase());
            assert!(is_reserved(word) && is_reserved(&word.to_ascii_lowercase()));
        }
        assert!(!is_reserved("owner_id") && !is_reserved("CURRENT_TIMESTAMPS"));
    }

    #[test]
    fn reads_plain_ddl() {
        let sql = "-- lists\nCREATE TABLE IF NOT EXISTS app.lists (\n  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),\n  name VARCHAR(200) NOT NULL,\n  tags TEXT[] NOT NULL DEFAULT '{}',\n  owner_id TEXT REFERENCES users(id) ON DELETE SET NULL,\n  CONSTRAINT one_name UNIQUE (owner_id, name)\n);\nCREATE UNIQUE INDEX idx_lists_owner ON lists(owner_id DESC, name);";
        assert_eq!(
            columns(sql),
            Some(vec![(
                "lists".to_string(),
                vec!["id", "name", "tags", "owner_id"]
                    .into_iter()
                    .map(String::from)
                    .collect()
            )])
        );
    }

    #[test]
    fn gives_up_on_what_it_does_not_know() {
        for sql in [
            "CREATE TABLE t (\n  a TEXT REFERENCES u(id)\n  b TEXT\n);",
            "CREATE TABLE t (a TEXT b TEXT);",
            "CREATE TABLE t (a TEXT CHECK (a <> ''));",
            "CREATE TABLE t (a MONEYBAGS);",
            "CREATE TABLE t (a TEXT) WITHOUT ROWID;",
            "INSERT INTO t VALUES (1);",
            "CREATE TABLE t (key TEXT);",
            "CREATE TABLE t (a TEXT DEFAULT 'x);",
        ] {
            assert!(read(sql).is_none(), "{sql}");
        }
    }

    /// Whatever the quick reader accepts, `sqlparser` must accept too.
    #[test]
    fn accepts_only_what_sqlparser_accepts() {
        let names = [
            "id", "name", "status", "type", "position", "date", "time", "value", "version", "user",
            "role", "level", "text", "comment", "source", "data", "year", "month",
        ];
        let options = [
            "",
            " NOT NULL",
            " NULL",
            " PRIMARY KEY",
            " UNIQUE",
            " DEFAULT 0",
            " DEFAULT 'x'",
            " DEFAULT TRUE",
            " DEFAULT NULL",
            " DEFAULT CURRENT_TIMESTAMP",
            " DEFAULT CURRENT_DATE",
            " DEFAULT now()",
            " REFERENCES other(id) ON DELETE CASCADE ON UPDATE NO ACTION",
            " NOT NULL REFERENCES other ON DELETE SET DEFAULT",
        ];
        let mut checked = 0;
        for (ty, _) in TYPES {
            for suffix in ["", "(10)", "(10, 2)", "[]"] {
                for option in options {
                    let sql = format!("CREATE TABLE t (c {ty}{suffix}{option});");
                    if read(&sql).is_some() {
                        assert!(Parser::parse_sql(&GenericDialect {}, &sql).is_ok(), "{sql}");
                        checked += 1;
                    }
                }
            }
        }
        for name in names {
            for sql in [
                format!("CREATE TABLE {name} ({name} TEXT, PRIMARY KEY ({name}));"),
                format!("CREATE INDEX idx ON t({name});"),
                format!(
                    "CREATE TABLE t (a INT, FOREIGN KEY (a) REFERENCES {name}({name}) ON DELETE RESTRICT);"
                ),
            ] {
                assert!(read(&sql).is_some(), "{sql}");
                assert!(Parser::parse_sql(&GenericDialect {}, &sql).is_ok(), "{sql}");
                checked += 1;
            }
        }
        assert!(checked > 1000, "{checked}");
    }
}
