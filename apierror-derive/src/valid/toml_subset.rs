//! The TOML of translation files: TOML 1.0.0 exactly, for the part a
//! catalog needs, and an error for the rest.
//!
//! Read: `KEY = "text"` lines (a bare, basic-quoted or literal-quoted key;
//! a basic string with the TOML 1.0 escapes or a literal string), blank
//! lines, `#` comments, `[TableName]` headers (bare or quoted name), a byte
//! order mark at the start, LF or CRLF line ends, space and tab as
//! whitespace. Not read, each an error that says so: dotted keys, dotted
//! table names, arrays of tables, multi-line strings, arrays, inline
//! tables, numbers, booleans and dates. Everything TOML 1.0 rejects is an
//! error too: a key or a table defined twice (in any table), a control
//! character in a string or a comment, a CR without its LF, an escape
//! TOML 1.0 does not have (`\e` and `\xHH` are TOML 1.1's), a `\u` that is
//! not a Unicode scalar value.
//!
//! Whenever [`parse`] accepts a text, a TOML 1.0 parser reads the same
//! keys and strings in the same tables: `differential.rs` checks it
//! against the `toml` crate, and so does the fuzz target `translations`.
//! A TOML library in the derive would be built by every user of the
//! crate, hence this reader.
//!
//! The module uses nothing but `std`: the tests and the fuzz target
//! compile it on its own.

/// A file, read.
#[derive(Debug, Default, PartialEq)]
pub struct Document {
    /// The pairs before the first table.
    pub root: Vec<Pair>,
    pub tables: Vec<Table>,
}

/// A `[Name]` table and its pairs.
#[derive(Debug, PartialEq)]
pub struct Table {
    pub name: String,
    /// 1-based line of the header.
    pub line: usize,
    pub pairs: Vec<Pair>,
}

/// A `KEY = "text"` line.
#[derive(Debug, PartialEq)]
pub struct Pair {
    pub key: String,
    pub value: String,
    /// 1-based.
    pub line: usize,
}

/// Why a line is an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Not TOML 1.0.
    Invalid,
    /// TOML 1.0 that translation files do not read.
    Unsupported,
}

/// An error on one line.
#[derive(Debug, PartialEq)]
pub struct Error {
    /// 1-based.
    pub line: usize,
    // Read by the tests and the fuzz target, which check the kind against
    // a TOML parser.
    #[cfg_attr(not(test), allow(dead_code))]
    pub kind: Kind,
    pub message: String,
}

/// Whether `key` can be written without quotes.
pub fn is_bare_key(key: &str) -> bool {
    !key.is_empty() && key.bytes().all(bare_key_byte)
}

fn bare_key_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// Reads a file: its pairs and tables, or every error in it, in line order.
/// After a construct that may span lines (a multi-line string, an array,
/// an inline table), the rest of the file is not read: its lines are not
/// lines of their own.
pub fn parse(text: &str) -> Result<Document, Vec<Error>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = Reader::default();
    for (i, segment) in text.split_inclusive('\n').enumerate() {
        // A CR is a line end only before an LF; any other is an error
        // where it stands.
        let line = match segment.strip_suffix('\n') {
            Some(line) => line.strip_suffix('\r').unwrap_or(line),
            None => segment,
        };
        if let Stop::Yes = reader.line(i + 1, line) {
            break;
        }
    }
    reader.names_twice();
    if reader.errors.is_empty() {
        Ok(reader.document)
    } else {
        Err(reader.errors)
    }
}

/// Whether the rest of the file is still lines.
enum Stop {
    No,
    Yes,
}

/// Where the pairs being read go.
#[derive(Clone, Copy, Default)]
enum Current {
    #[default]
    Root,
    /// An index in `Document::tables`.
    Table(usize),
    /// A table that is not read (an array of tables, a dotted name) or an
    /// error: its pairs are checked, not kept.
    Skipped,
}

#[derive(Default)]
struct Reader {
    document: Document,
    errors: Vec<Error>,
    current: Current,
    /// The keys whose value is not read (a number, ...), for keys written
    /// twice: in the root (`None`) or a table, and their lines.
    unread: Vec<(Option<usize>, String, usize)>,
}

/// What is wrong, before its line is known.
struct Fail {
    kind: Kind,
    message: String,
}

fn invalid(message: impl Into<String>) -> Fail {
    Fail {
        kind: Kind::Invalid,
        message: message.into(),
    }
}

fn unsupported(message: impl Into<String>) -> Fail {
    Fail {
        kind: Kind::Unsupported,
        message: message.into(),
    }
}

/// A value, classified.
enum Value {
    String(String),
    /// A number, a boolean or a date: one line.
    Scalar,
    /// A value that may span lines: after it nothing is read.
    Spanning(&'static str),
}

impl Reader {
    fn line(&mut self, number: usize, line: &str) -> Stop {
        let rest = ws(line);
        let current = self.current;
        let outcome = match rest.chars().next() {
            None => Ok(Stop::No),
            Some('#') => comment(rest)
                .map(|()| Stop::No)
                .map_err(|fail| (fail, Stop::No)),
            Some('[') => self.header(number, rest).map(|()| Stop::No),
            Some(_) => self.pair(number, rest, current),
        };
        match outcome {
            Ok(stop) => stop,
            Err((fail, stop)) => {
                // In a table that is not read, only what is not TOML is
                // worth saying of its pairs: the table's error was said.
                let skipped = matches!(current, Current::Skipped)
                    && !rest.starts_with('[')
                    && fail.kind == Kind::Unsupported;
                if !skipped {
                    self.errors.push(Error {
                        line: number,
                        kind: fail.kind,
                        message: fail.message,
                    });
                }
                stop
            }
        }
    }

    /// `[Name]`, `[ "Name" ] # comment`.
    fn header(&mut self, number: usize, text: &str) -> Result<(), (Fail, Stop)> {
        let fail = |fail| (fail, Stop::No);
        let after = text.strip_prefix('[').unwrap_or(text);
        if after.starts_with('[') {
            self.current = Current::Skipped;
            return Err(fail(unsupported(
                "arrays of tables are not read: a translation file has `CODE = \"text\"` lines, in `[TypeName]` tables or none",
            )));
        }
        // Until the header is read right, its pairs are not a table's.
        self.current = Current::Skipped;
        let (name, rest) =
            key(ws(after), "expected a table name: [ResourceError]").map_err(fail)?;
        let rest = ws(rest);
        let Some(rest) = rest.strip_prefix(']') else {
            return Err(fail(unexpected(
                rest,
                "expected `]` after the table's name: [ResourceError]",
            )));
        };
        let Key::Simple(name) = name else {
            return Err(fail(unsupported(
                "dotted table names are not read: a table is named after its type, [ResourceError]",
            )));
        };
        end_of_line(rest, "unexpected text after the table's name").map_err(fail)?;
        // A name defined twice is found once the file is read.
        let index = self.document.tables.len();
        self.document.tables.push(Table {
            name,
            line: number,
            pairs: Vec::new(),
        });
        self.current = Current::Table(index);
        Ok(())
    }

    /// `KEY = "text" # comment`.
    fn pair(&mut self, number: usize, text: &str, current: Current) -> Result<Stop, (Fail, Stop)> {
        let fail = |fail| (fail, Stop::No);
        let (key, rest) = key(text, "expected a code: `CODE = \"text\"`").map_err(fail)?;
        let rest = ws(rest);
        let Some(rest) = rest.strip_prefix('=') else {
            return Err(fail(unexpected(
                rest,
                "expected `=` after the code: `CODE = \"text\"`",
            )));
        };
        let rest = ws(rest);
        let Key::Simple(key) = key else {
            let stop = if spans_lines(rest) {
                Stop::Yes
            } else {
                Stop::No
            };
            return Err((
                unsupported("dotted keys are not read: quote a code with dots, \"a.b\" = \"...\""),
                stop,
            ));
        };
        let (value, rest) = value(rest).map_err(fail)?;
        let scope = match current {
            Current::Root => None,
            Current::Table(index) => Some(index),
            // Checked, not kept; the table's error is said already.
            Current::Skipped => {
                return match value {
                    Value::Spanning(_) => Err((unsupported("a value that spans lines"), Stop::Yes)),
                    _ => end_of_line(rest, AFTER_VALUE)
                        .map(|()| Stop::No)
                        .map_err(fail),
                };
            }
        };
        let text = match value {
            Value::String(text) => text,
            Value::Scalar => {
                // Still a key: written again, it is a key written twice.
                self.unread.push((scope, key, number));
                return Err(fail(unsupported(
                    "numbers, booleans and dates are not read: a translation is a string, `CODE = \"text\"`",
                )));
            }
            Value::Spanning(what) => return Err((unsupported(what), Stop::Yes)),
        };
        end_of_line(rest, AFTER_VALUE).map_err(fail)?;
        let pairs = match scope.and_then(|index| self.document.tables.get_mut(index)) {
            Some(table) => &mut table.pairs,
            None => &mut self.document.root,
        };
        pairs.push(Pair {
            key,
            value: text,
            line: number,
        });
        Ok(Stop::No)
    }

    /// The names defined twice, found once the file is read: a key twice
    /// in a table, a table twice, a name that is both a key of the root
    /// and a table. Sorting the names keeps this O(n log n), with no
    /// hashing or copying of the names of a file without mistakes.
    fn names_twice(&mut self) {
        let Reader {
            document,
            errors,
            unread,
            ..
        } = self;
        let unread_in = |scope: Option<usize>| {
            unread
                .iter()
                .filter(move |(s, _, _)| *s == scope)
                .map(|(_, key, line)| (key.as_str(), *line, false))
        };
        // The root's names: its keys, and the tables (`true`).
        let mut names: Vec<(&str, usize, bool)> = document
            .root
            .iter()
            .map(|pair| (pair.key.as_str(), pair.line, false))
            .chain(unread_in(None))
            .chain(
                document
                    .tables
                    .iter()
                    .map(|t| (t.name.as_str(), t.line, true)),
            )
            .collect();
        twice(&mut names, errors, |name, line, first, again| {
            match (first, again) {
                (false, false) => format!("`{name}` is translated twice (first on line {line})"),
                (true, true) => {
                    format!("the table [{name}] is written twice (first on line {line})")
                }
                _ => format!(
                    "[{name}] is a table, and a code on line {line}: TOML defines a name once"
                ),
            }
        });
        for (index, table) in document.tables.iter().enumerate() {
            let mut keys: Vec<(&str, usize, bool)> = table
                .pairs
                .iter()
                .map(|pair| (pair.key.as_str(), pair.line, false))
                .chain(unread_in(Some(index)))
                .collect();
            let table = &table.name;
            twice(&mut keys, errors, |key, line, _, _| {
                format!("`{key}` is translated twice in [{table}] (first on line {line})")
            });
        }
        // In line order, as read.
        errors.sort_by_key(|error| error.line);
    }
}

/// An error for each name of `names` after its first, at its line:
/// `message(name, line of the first, the first is a table, this is a
/// table)`.
fn twice(
    names: &mut [(&str, usize, bool)],
    errors: &mut Vec<Error>,
    message: impl Fn(&str, usize, bool, bool) -> String,
) {
    names.sort_unstable_by(|a, b| a.0.cmp(b.0).then(a.1.cmp(&b.1)));
    let mut first: Option<(&str, usize, bool)> = None;
    for &(name, line, table) in names.iter() {
        match first {
            Some((seen, first_line, first_table)) if seen == name => {
                errors.push(Error {
                    line,
                    kind: Kind::Invalid,
                    message: message(name, first_line, first_table, table),
                });
            }
            _ => first = Some((name, line, table)),
        }
    }
}

const AFTER_VALUE: &str = "unexpected text after the translation (a comment starts with `#`)";

/// Skips TOML whitespace: space and tab.
fn ws(text: &str) -> &str {
    text.trim_start_matches([' ', '\t'])
}

/// What may follow a header or a pair: whitespace, then a comment or
/// nothing.
fn end_of_line(text: &str, message: &str) -> Result<(), Fail> {
    let rest = ws(text);
    match rest.chars().next() {
        None => Ok(()),
        Some('#') => comment(rest),
        Some(_) => Err(unexpected(rest, message)),
    }
}

/// `message`, unless what is there is a character TOML forbids outside
/// strings and comments too, which then is the error.
fn unexpected(rest: &str, message: &str) -> Fail {
    match rest.chars().next() {
        Some(c) if is_control(c) => invalid(control(
            c,
            "",
            "TOML has no control character but tab outside strings",
        )),
        _ => invalid(message),
    }
}

/// A comment: `#`, then anything but a control character other than tab.
fn comment(text: &str) -> Result<(), Fail> {
    match text.chars().find(|&c| is_control(c)) {
        Some(c) => Err(invalid(control(
            c,
            " in a comment",
            "a comment has no control character but tab",
        ))),
        None => Ok(()),
    }
}

/// The control characters TOML 1.0 forbids in strings and comments: all
/// but tab (an LF never reaches here, it ends the line).
fn is_control(c: char) -> bool {
    c != '\t' && (c < ' ' || c == '\u{7f}')
}

/// A control character in `place`: a CR is one without its LF.
fn control(c: char, place: &str, hint: &str) -> String {
    if c == '\r' {
        format!("a carriage return (U+000D) without a line feed after it{place}: TOML ends a line with LF or CRLF")
    } else {
        format!("control character U+{:04X}{place}: {hint}", c as u32)
    }
}

/// A key, and what follows it; `Key::Dotted` when dotted, which is not
/// read (its parts are checked and dropped).
fn key<'a>(text: &'a str, expected: &str) -> Result<(Key, &'a str), Fail> {
    let (first, mut rest) = simple_key(text, expected)?;
    let mut dotted = false;
    loop {
        let after = ws(rest);
        let Some(after) = after.strip_prefix('.') else {
            let key = if dotted {
                Key::Dotted
            } else {
                Key::Simple(first)
            };
            return Ok((key, rest));
        };
        (_, rest) = simple_key(ws(after), "expected a key after the `.`")?;
        dotted = true;
    }
}

enum Key {
    Simple(String),
    Dotted,
}

/// A bare, basic-quoted or literal-quoted key.
fn simple_key<'a>(text: &'a str, expected: &str) -> Result<(String, &'a str), Fail> {
    if let Some(body) = text.strip_prefix('"') {
        return basic(body);
    }
    if let Some(body) = text.strip_prefix('\'') {
        return literal(body);
    }
    // Bare key bytes are ASCII: `end` is a character boundary.
    let end = text
        .bytes()
        .position(|b| !bare_key_byte(b))
        .unwrap_or(text.len());
    match text.split_at_checked(end) {
        Some((key, rest)) if !key.is_empty() => Ok((key.to_owned(), rest)),
        _ => Err(unexpected(text, expected)),
    }
}

/// Whether a value that is not read may go on past its line.
fn spans_lines(text: &str) -> bool {
    text.starts_with("\"\"\"") || text.starts_with("'''") || text.starts_with(['[', '{'])
}

/// A value after `=`: a string, or what it is when it is not one.
fn value(text: &str) -> Result<(Value, &str), Fail> {
    if text.starts_with("\"\"\"") || text.starts_with("'''") {
        let what = "multi-line strings are not read: write the translation on one line, with \\n for a line break";
        return Ok((Value::Spanning(what), ""));
    }
    if let Some(body) = text.strip_prefix('"') {
        return basic(body).map(|(s, rest)| (Value::String(s), rest));
    }
    if let Some(body) = text.strip_prefix('\'') {
        return literal(body).map(|(s, rest)| (Value::String(s), rest));
    }
    match text.chars().next() {
        Some('[') => Ok((
            Value::Spanning("arrays are not read: a translation is one string, `CODE = \"text\"`"),
            "",
        )),
        Some('{') => Ok((
            Value::Spanning(
                "inline tables are not read: a type's codes go in a [TypeName] table, one `CODE = \"text\"` line each",
            ),
            "",
        )),
        _ if is_scalar(text) => Ok((Value::Scalar, "")),
        _ => Err(unexpected(
            text,
            "expected the translation as a string: `CODE = \"text\"`",
        )),
    }
}

/// Whether `text` starts like a TOML number, boolean or date.
fn is_scalar(text: &str) -> bool {
    let token = text.split([' ', '\t', '#']).next().unwrap_or_default();
    if token == "true" || token == "false" {
        return true;
    }
    let unsigned = token.strip_prefix(['+', '-']).unwrap_or(token);
    unsigned == "inf" || unsigned == "nan" || unsigned.starts_with(|c: char| c.is_ascii_digit())
}

/// A basic string after its opening `"`, and what follows its closing one.
fn basic(body: &str) -> Result<(String, &str), Fail> {
    let mut out = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Ok((out, &body[i + 1..])),
            '\\' => {
                let Some((_, escape)) = chars.next() else {
                    break;
                };
                let c = match escape {
                    'b' => '\u{8}',
                    't' => '\t',
                    'n' => '\n',
                    'f' => '\u{c}',
                    'r' => '\r',
                    '"' => '"',
                    '\\' => '\\',
                    'u' | 'U' => {
                        let (len, example) = if escape == 'u' {
                            (4, "\\u00E9")
                        } else {
                            (8, "\\U0001F600")
                        };
                        let digits: String = chars
                            .clone()
                            .map(|(_, c)| c)
                            .take(len)
                            .take_while(char::is_ascii_hexdigit)
                            .collect();
                        if digits.len() < len {
                            return Err(invalid(format!(
                                "`\\{escape}` takes {len} hex digits, as in {example}"
                            )));
                        }
                        for _ in 0..len {
                            chars.next();
                        }
                        let scalar = u32::from_str_radix(&digits, 16)
                            .ok()
                            .and_then(char::from_u32);
                        match scalar {
                            Some(c) => c,
                            None => {
                                return Err(invalid(format!(
                                    "`\\{escape}{digits}` is not a Unicode scalar value"
                                )))
                            }
                        }
                    }
                    'e' => {
                        return Err(invalid(
                            "unknown escape `\\e`: TOML 1.0 has no `\\e` (TOML 1.1 has), write \\u001B",
                        ))
                    }
                    'x' => {
                        return Err(invalid(
                            "unknown escape `\\x`: TOML 1.0 has no `\\xHH` (TOML 1.1 has), write \\u00HH",
                        ))
                    }
                    other if is_control(other) => {
                        return Err(invalid(control(other, " in a string", "escape it")))
                    }
                    other => {
                        return Err(invalid(format!(
                            "unknown escape `\\{other}`: TOML 1.0 has \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX and \\UXXXXXXXX"
                        )))
                    }
                };
                out.push(c);
            }
            c if is_control(c) => {
                return Err(invalid(control(c, " in a string", "escape it")));
            }
            c => out.push(c),
        }
    }
    Err(invalid("the string has no closing quote"))
}

/// A literal string after its opening `'`, and what follows its closing
/// one.
fn literal(body: &str) -> Result<(String, &str), Fail> {
    for (i, c) in body.char_indices() {
        if c == '\'' {
            return Ok((body[..i].to_owned(), &body[i + 1..]));
        }
        if is_control(c) {
            return Err(invalid(control(
                c,
                " in a literal string",
                "write the text as a basic string (\"...\") with an escape",
            )));
        }
    }
    Err(invalid("the string has no closing quote"))
}

// Paths relative to this file: the same wherever the file is compiled
// from (the fuzz target includes it with `#[path]`, and `--cfg fuzzing`).
#[cfg(test)]
#[path = "toml_subset/differential.rs"]
mod differential;
#[cfg(any(test, fuzzing))]
#[path = "toml_subset/oracle.rs"]
pub(crate) mod oracle;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_toml_a_catalog_needs() {
        let file = "\u{feff}# German\n\nNOT_FOUND = \"Nicht gefunden\"\r\n  \"ERR-01.2\" = 'C:\\pfad' # comment\n'quoted' = \"a\\\"b\\\\c\\n\\u00e9\\U0001F600\"\n\t\"\"\t=\t'\u{85}\u{feff}'\t#\tä\u{80}";
        let root = parse(file).unwrap().root;
        let read: Vec<_> = root
            .iter()
            .map(|p| (p.key.as_str(), p.value.as_str(), p.line))
            .collect();
        assert_eq!(
            read,
            [
                ("NOT_FOUND", "Nicht gefunden", 3),
                ("ERR-01.2", "C:\\pfad", 4),
                ("quoted", "a\"b\\c\né😀", 5),
                ("", "\u{85}\u{feff}", 6),
            ]
        );
        for empty in ["", "\u{feff}", "\n", "\r\n", "# c", " \t\n\n# c\r\n"] {
            assert_eq!(parse(empty), Ok(Document::default()), "{empty:?}");
        }
    }

    #[test]
    fn what_toml_1_0_rejects_is_an_error() {
        for (text, why) in [
            ("[a", "expected `]`"),
            ("[a] b", "after the table"),
            ("[]", "expected a table name"),
            ("[ [a]]", "expected a table name"),
            ("[a]\n[a]", "written twice"),
            ("[a]\n['a']", "written twice"),
            ("a = 'x'\n[\"a\"]", "[a] is a table, and a code on line 1"),
            ("a = 1\n[a]", "[a] is a table, and a code on line 1"),
            (
                "[a]\n[b]\n[a]\n[a]",
                "the table [a] is written twice (first on line 1)",
            ),
            ("A \"x\"", "expected `=`"),
            ("A = x", "as a string"),
            ("A = nicht da", "as a string"),
            ("A = \"x\" y", "after the translation"),
            ("A = \"x\" \"y\"", "after the translation"),
            ("A = \"x", "closing quote"),
            ("A = 'x", "closing quote"),
            ("A = \"x\\", "closing quote"),
            ("A = \"\\q\"", "unknown escape `\\q`"),
            ("A = \"\\e\"", "TOML 1.1"),
            ("A = \"\\x41\"", "TOML 1.1"),
            ("A = \"\\ \"", "unknown escape"),
            ("A = \"\\uD800\"", "Unicode scalar"),
            ("A = \"\\U00110000\"", "Unicode scalar"),
            ("A = \"\\u12\"", "4 hex digits"),
            ("A = \"\\u+123\"", "4 hex digits"),
            ("A = \"\\U1234567\"", "8 hex digits"),
            ("A = \"a\u{1}b\"", "U+0001 in a string"),
            ("A = \"a\u{7f}b\"", "U+007F in a string"),
            ("A = 'a\u{1b}b'", "U+001B in a literal string"),
            ("A = \"a\rb\"", "carriage return"),
            ("# a\u{1}b", "U+0001 in a comment"),
            ("# a\u{7f}", "U+007F in a comment"),
            ("# note\rB = \"x\"\n", "carriage return"),
            ("A = \"x\"\r", "carriage return"),
            ("A = \"x\" # c\r", "carriage return"),
            ("\r", "carriage return"),
            ("A = \"x\"\r\r\n", "carriage return"),
            ("[a]\r", "carriage return"),
            ("A\r= \"x\"", "carriage return"),
            ("\u{b}A = \"x\"", "U+000B"),
            ("= \"x\"", "expected a code"),
            ("é = \"x\"", "expected a code"),
            ("\u{feff}\u{feff}A = \"x\"", "expected a code"),
            (
                "A = \"x\"\nA = 'y'",
                "`A` is translated twice (first on line 1)",
            ),
            ("A = \"x\"\n'A' = 'y'", "translated twice"),
            (
                "[T]\nA = \"x\"\n[U]\nB = \"y\"\nA = \"z\"\n\"B\" = \"w\"",
                "`B` is translated twice in [U] (first on line 4)",
            ),
            (
                "A = 1\nA = \"x\"",
                "`A` is translated twice (first on line 1)",
            ),
            ("a. = \"x\"", "expected a key after the `.`"),
        ] {
            let Err(errors) = parse(text) else {
                panic!("{text:?} is read");
            };
            let error = errors.iter().find(|e| e.message.contains(why));
            assert!(
                error.is_some_and(|e| e.kind == Kind::Invalid),
                "{text:?}: {errors:?}"
            );
        }
    }

    #[test]
    fn what_translation_files_do_not_read_is_an_error_that_says_so() {
        for (text, why) in [
            ("[[de]]", "arrays of tables"),
            ("[a.b]", "dotted table"),
            ("[ a . 'b' ]", "dotted table"),
            ("a.b = \"x\"", "dotted keys"),
            ("\"a\" . b = \"x\"", "dotted keys"),
            ("A = \"\"\"x\"\"\"", "multi-line"),
            ("A = '''x'''", "multi-line"),
            ("A = [\"x\"]", "arrays are not read"),
            ("A = { b = \"x\" }", "inline tables"),
            ("A = 1", "numbers"),
            ("A = -0.5e3", "numbers"),
            ("A = true # yes", "numbers"),
            ("A = +inf", "numbers"),
            ("A = 1979-05-27 07:32:00Z", "numbers"),
        ] {
            let got = parse(text).unwrap_err();
            assert_eq!(got.len(), 1, "{text:?}: {got:?}");
            assert_eq!(got[0].kind, Kind::Unsupported, "{text:?}: {got:?}");
            assert!(got[0].message.contains(why), "{text:?}: {got:?}");
        }
    }

    #[test]
    fn every_error_is_reported_until_a_value_that_spans_lines() {
        let errors =
            parse("A = x\nB = \"\\q\"\nC = \"ok\"\nD = [\n  \"x\" y,\n]\nE = z").unwrap_err();
        let lines: Vec<_> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [1, 2, 4]);
        // The lines of a table that is not read are checked, not kept.
        let errors = parse("[[a]]\nA = 1\nB = \"\\q\"\n[a.b]\nC = 1\n[T]\nC = 1").unwrap_err();
        let lines: Vec<_> = errors.iter().map(|e| (e.line, e.kind)).collect();
        assert_eq!(
            lines,
            [
                (1, Kind::Unsupported),
                (3, Kind::Invalid),
                (4, Kind::Unsupported),
                (7, Kind::Unsupported)
            ]
        );
    }

    #[test]
    fn tables_keep_their_pairs() {
        let document =
            parse("[AuthError] # one type\nA = \"a\"\n\n[ \"Billing\" ]\nA = 'b'\n[\t'x.y'\t]")
                .unwrap();
        let tables: Vec<_> = document
            .tables
            .iter()
            .map(|t| {
                let pairs: Vec<_> = t
                    .pairs
                    .iter()
                    .map(|p| (p.key.as_str(), p.value.as_str()))
                    .collect();
                (t.name.as_str(), t.line, pairs)
            })
            .collect();
        assert_eq!(
            tables,
            [
                ("AuthError", 1, vec![("A", "a")]),
                ("Billing", 4, vec![("A", "b")]),
                ("x.y", 6, vec![]),
            ]
        );
    }

    #[test]
    fn a_large_file_is_read_in_linear_time() {
        let mut text = String::new();
        for i in 0..100_000 {
            text.push_str(&format!("[T{i}]\nK{i} = \"text {i}\"\n"));
        }
        let started = std::time::Instant::now();
        let document = parse(&text).unwrap();
        assert_eq!(document.tables.len(), 100_000);
        let bad = "A = x\n".repeat(100_000);
        assert_eq!(parse(&bad).unwrap_err().len(), 100_000);
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    }

    #[test]
    fn bare_keys() {
        assert!(is_bare_key("NOT_FOUND-2"));
        assert!(!is_bare_key(""));
        assert!(!is_bare_key("a.b"));
        assert!(!is_bare_key("é"));
    }
}
