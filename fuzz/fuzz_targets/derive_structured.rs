//! `#[derive(ApiError)]` on derive inputs built piece by piece: enums,
//! structs and unions with unit, tuple and named fields, generic types,
//! lifetimes and const parameters, and the derive's real attribute keys
//! written where they belong and where they do not, next to misspelt keys
//! and hostile values (codes, patterns, ranges, statuses, messages, URLs).
//!
//! Each input is rendered to source text. Whatever parses as a derive input
//! must expand without panicking, to tokens that tokenize again; an input
//! that is certainly wrong (a misspelt key, an empty `#[code("")]`, a union)
//! must expand to a `compile_error!`.
//!
//! A proc-macro crate exports no functions, so the derive's modules are
//! compiled into this target (they refer to each other as `crate::...`).
//! A failure prints the rendered source; `APIERROR_FUZZ_PRINT=1` prints every
//! input that is run, to read what a corpus file stands for.

#![no_main]
#![allow(dead_code)]

#[macro_use]
#[path = "../../apierror-derive/src/base/mod.rs"]
mod base;
#[path = "../../apierror-derive/src/expand/mod.rs"]
mod expand;
#[path = "../../apierror-derive/src/grammar/mod.rs"]
mod grammar;
#[path = "../../apierror-derive/src/parse/mod.rs"]
mod parse;
#[path = "../../apierror-derive/src/valid/mod.rs"]
mod valid;

use arbitrary::Arbitrary;
use base::symbol::{CONTAINER_KEYS, FIELD_KEYS, VARIANT_KEYS};
use libfuzzer_sys::fuzz_target;
use std::cell::RefCell;
use std::fmt::Write as _;

// Size bounds: the derive is measured, not syn's recursion or quadratic
// duplicate checks on thousands of variants.
const MAX_VARIANTS: usize = 12;
const MAX_FIELDS: usize = 6;
const MAX_ATTRS: usize = 8;
const MAX_METAS: usize = 6;
const MAX_LIST: usize = 4;
const MAX_GENERICS: usize = 4;
const MAX_PREDICATES: usize = 3;
const MAX_TYPE_DEPTH: usize = 3;
const MAX_PIECES: usize = 6;
const MAX_FREE_CHARS: usize = 24;

// ---------------------------------------------------------------------------
// Vocabulary. Every value position draws from one of these lists, or from
// free text; indices wrap around, so any byte picks something.

/// Codes for `#[code(...)]` and `retired(...)`: valid ones, ones that miss
/// a pattern, characters a code may not use, and empty ones.
const CODES: &[&str] = &[
    "ERR-01-001",
    "ERR-01-002",
    "ERR-02-001",
    "ERR-01-0001",
    "ERR-1-001",
    "ERR-01-999",
    "E0001",
    "E01A",
    "NOT_FOUND",
    "not_found",
    "not-found",
    "AUTH_001",
    "auth.token:expired/v2",
    "E##A",
    "ERR-01-###",
    "",
    " ",
    " ERR-01-001",
    "ERR 01",
    "é",
    "🦀",
    "E\u{202e}1",
    "E\0",
    "E\n1",
    "{code}",
    "\"",
];

/// `pattern = "..."`: digit counts from none to too many.
const PATTERNS: &[&str] = &[
    "ERR-01-###",
    "ERR-02-###",
    "ERR-##-###",
    "E##A",
    "E####",
    "###",
    "#",
    "AUTH_###",
    "ERR-01-",
    "",
    "E-###-###-###-###-###-###-###",
    "E é ###",
    "E{##}",
    "ERR-01-###\n",
];

/// Ranges, as `range = ...` tokens: usual, empty, reversed, at the edges.
const RANGES: &[&str] = &[
    "1..=999",
    "1000..=1999",
    "2000..=2999",
    "1500..=2500",
    "0..=0",
    "5..=1",
    "0..=18446744073709551615",
    "0..=18446744073709551616",
    "1..=999u16",
    "0x10..=0x20",
    "1..999",
    "1..",
    "..=9",
    "1 ..= 9",
    "\"1..=9\"",
];

/// Statuses for `#[status(...)]` and `status = ...`: numbers in and out of
/// range, names (known, misspelt, lowercase), and paths.
const STATUSES: &[&str] = &[
    "404",
    "400",
    "409",
    "429",
    "500",
    "503",
    "200",
    "302",
    "99",
    "100",
    "599",
    "600",
    "1000",
    "0",
    "65536",
    "18446744073709551616",
    "404u16",
    "404u8",
    "404i32",
    "0x194",
    "4_04",
    "404.0",
    "-404",
    "GONE",
    "NOT_FOUND",
    "NOT_FUND",
    "IM_A_TEAPOT",
    "not_found",
    "Gone",
    "StatusCode::GONE",
    "StatusCode::NOT_FOUND",
    "http::StatusCode::GONE",
    "::http::StatusCode::GONE",
    "Foo::GONE",
    "Self::GONE",
    "StatusCode::gone",
    "StatusCode::<u8>::GONE",
    "StatusCode::from_u16",
    "\"404\"",
    "true",
];

/// Statuses of well-formed items.
const VALID_STATUSES: &[&str] = &[
    "404",
    "400",
    "409",
    "422",
    "429",
    "500",
    "503",
    "GONE",
    "CONFLICT",
    "StatusCode::NOT_FOUND",
];

/// Messages for `#[message(...)]` and `#[error(...)]`: placeholders by name,
/// position and format spec, escaped and broken braces.
const MESSAGES: &[&str] = &[
    "Not found",
    "{id} not found",
    "{requested} of {available}",
    "{0}",
    "{1}",
    "{0} and {1}",
    "{x:?}",
    "{x:p}",
    "{x:#?}",
    "{id:>8}",
    "{id:08.3}",
    "{}",
    "{} {}",
    "{:?}",
    "{source}",
    "{r#type}",
    "{type}",
    "{x.y}",
    "{self}",
    "{Self}",
    "{id} {id}",
    "{{id}}",
    "{{{id}}}",
    "{",
    "}",
    "{{",
    "}}",
    "{id",
    "id}",
    "{id:{width}}",
    "{:1$}",
    "{0:.*}",
    "",
    " ",
    "\n",
    "é {id} 🦀",
    "\u{202e}{id}",
    "\"{id}\"",
];

/// `code = "..."`, the naming rule.
const RULES: &[&str] = &[
    "SCREAMING_SNAKE_CASE",
    "snake_case",
    "kebab-case",
    "SCREAMING-KEBAB-CASE",
    "PascalCase",
    "camelCase",
    "SCREAMING_SNAKE",
    "",
];

const PREFIXES: &[&str] = &[
    "AUTH_", "ERR-", "E", "auth.", "", " ", "A B", "é", "ERR-01-",
];

const FORMATS: &[&str] = &[
    "standard",
    "tagged",
    "openai",
    "problem",
    "google",
    "websocket",
    "aip193",
    "Problem",
    "problm",
    "",
];

/// `type_url = "..."`: the RFC 9457 `type`, with hostile schemes.
const TYPE_URLS: &[&str] = &[
    "https://example.com/errors/{code}",
    "https://example.com/errors/",
    "https://example.com/errors/{code}/{code}",
    "/errors/{code}",
    "about:blank",
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox",
    "//evil.example/{code}",
    "https://example.com/{",
    "https://example.com/{id}",
    "https://exa mple.com/{code}",
    "https://example.com/\n{code}",
    "",
    " ",
];

const DOMAINS: &[&str] = &[
    "pubsub.googleapis.com",
    "api.example.com",
    "",
    " ",
    "a b",
    "é.example",
];

const AUTHENTICATE: &[&str] = &[
    "Bearer realm=\"api\"",
    "Basic",
    "",
    "a\nb",
    "a\rb",
    "\u{7f}",
    "é",
    "Bearer realm=\"api\", error=\"invalid_token\"",
];

const CRATES: &[&str] = &[
    "::apierror",
    "apierror",
    "crate",
    "crate::apierror",
    "",
    "not a path",
    "::",
    "a::b::c",
];

/// Text for `title`, `kind`, `category = "..."`, `rename` and doc comments.
const TEXTS: &[&str] = &[
    "Not found",
    "auth",
    "billing",
    "client",
    "server",
    "id",
    "type",
    "code",
    "message",
    "details",
    "",
    " ",
    "a b",
    "é",
    "🦀",
    "{id}",
    "\"",
    "\\",
    "\u{202e}",
];

/// Integer tokens where a string or a status is expected, and at the edges.
const INTS: &[&str] = &[
    "0",
    "1",
    "404",
    "1000",
    "1999",
    "65535",
    "65536",
    "18446744073709551615",
    "18446744073709551616",
    "340282366920938463463374607431768211456",
    "404u16",
    "0x194",
    "0b1",
    "1e3",
    "4.04",
];

/// Other tokens: literals of other kinds, paths, expressions.
const OTHERS: &[&str] = &[
    "true",
    "b\"404\"",
    "'c'",
    "r\"raw {id}\"",
    "r#\"raw \" quote\"#",
    "c\"404\"",
    "r\"\"",
    "NOT_FOUND",
    "StatusCode::NOT_FOUND",
    "-1",
    "1..=2",
    "\"a\" \"b\"",
    "concat!(\"a\", \"b\")",
    "x",
    "()",
    "[1, 2]",
    "{ 404 }",
];

/// Keys that no position accepts.
const MISSPELT: &[&str] = &[
    "patern",
    "codes",
    "statu",
    "Decode",
    "transparentt",
    "enveloppe",
    "renamed",
    "skipp",
    "retry",
    "r#type",
    "a",
    "typeurl",
    "type_uri",
    "catgory",
    "emptydetails",
    "Skip",
];

const TYPE_NAMES: &[&str] = &["E", "ApiError", "Error", "r#Type", "Ünïcode", "_E", "Self_"];
const VARIANT_NAMES: &[&str] = &[
    "NotFound",
    "A",
    "B",
    "Timeout",
    "Inner",
    "E",
    "r#Type",
    "Ünïcode",
    "__field_a",
    "Self_",
    "Ok",
    "Err",
];
const FIELD_NAMES: &[&str] = &[
    "id",
    "requested",
    "available",
    "r#type",
    "x",
    "source",
    "r#source",
    "code",
    "message",
    "status",
    "details",
    "retry_after",
    "_private",
    "inner",
];

/// Field types: plain, generic, borrowed, errors and error objects.
const TYPES: &[&str] = &[
    "u32",
    "u64",
    "u16",
    "i128",
    "f64",
    "bool",
    "char",
    "String",
    "&'static str",
    "&'a str",
    "T",
    "U",
    "()",
    "!",
    "[u8; N]",
    "(u32, String)",
    "std::io::Error",
    "io::Error",
    "Box<dyn std::error::Error + Send + Sync>",
    "Box<dyn std::error::Error + Send + Sync + 'static>",
    "dyn std::error::Error",
    "anyhow::Error",
    "eyre::Report",
    "InnerError",
    "Self",
    "std::time::Duration",
    "std::num::NonZeroU32",
    "serde_json::Value",
    "<T as Iterator>::Item",
    "fn() -> u32",
    "impl std::fmt::Display",
    "_",
    "Option<&'a dyn std::error::Error>",
    "std::marker::PhantomData<&'a T>",
];

/// Generic parameters and where-clause pieces.
const TYPE_PARAMS: &[&str] = &["T", "U", "E", "S"];
const LIFETIMES: &[&str] = &["'a", "'b", "'static", "'_x"];
const CONST_PARAMS: &[&str] = &["N", "M", "LEN"];
const CONST_TYPES: &[&str] = &["usize", "u16", "bool", "char"];
const CONST_DEFAULTS: &[&str] = &["4", "0", "{ 1 + 1 }", "true", "'x'"];
const BOUNDS: &[&str] = &[
    "std::error::Error",
    "std::error::Error + Send + Sync + 'static",
    "std::fmt::Debug",
    "std::fmt::Display + Clone",
    "'static",
    "?Sized",
    "Into<String>",
    "serde::Serialize",
];
const DEFAULTS: &[&str] = &["u32", "String", "std::io::Error", "()"];
const PREDICATES: &[&str] = &[
    "T: std::fmt::Debug",
    "T: std::error::Error + Send + Sync + 'static",
    "'a: 'static",
    "'b: 'a",
    "Vec<T>: Clone",
    "for<'x> &'x T: Into<String>",
    "U: Default",
    "[u8; N]: Sized",
    "Self: Sized",
    "T::Item: std::fmt::Display",
];

/// Attributes of other derives and of the language, which the derive must
/// leave alone (`#[apierror(...)]` and `#[api_error::code]` are not its own).
const FOREIGN: &[&str] = &[
    "#[allow(dead_code)]",
    "#[non_exhaustive]",
    "#[repr(u16)]",
    "#[serde(rename_all = \"camelCase\")]",
    "#[derive(Debug)]",
    "#[cfg_attr(test, code(\"X\"))]",
    "#[api_error::code(\"X\")]",
    "#[apierror(code = \"X\")]",
    "#[doc(hidden)]",
    "#[must_use]",
    "#[rustfmt::skip]",
    "#[deprecated = \"use B\"]",
];

/// Format specs for interpolated message pieces.
const SPECS: &[&str] = &[
    "", ":?", ":p", ":#?", ":>8", ":x", ":.3", ":08", ":{}", ":", "?", ":1$",
];

/// What a position expects: picks the list a [`Value::Natural`] draws from.
#[derive(Clone, Copy)]
enum Want {
    Code,
    Pattern,
    Range,
    Status,
    Message,
    Rule,
    Prefix,
    BuiltIn,
    TypeUrl,
    Domain,
    Authenticate,
    Crate,
    Text,
}

impl Want {
    /// The literal tokens of this kind: strings are quoted, the rest (ranges
    /// and statuses) are tokens already.
    fn natural(self, index: u8) -> String {
        let (list, quoted) = match self {
            Want::Code => (CODES, true),
            Want::Pattern => (PATTERNS, true),
            Want::Range => (RANGES, false),
            Want::Status => (STATUSES, false),
            Want::Message => (MESSAGES, true),
            Want::Rule => (RULES, true),
            Want::Prefix => (PREFIXES, true),
            Want::BuiltIn => (FORMATS, true),
            Want::TypeUrl => (TYPE_URLS, true),
            Want::Domain => (DOMAINS, true),
            Want::Authenticate => (AUTHENTICATE, true),
            Want::Crate => (CRATES, true),
            Want::Text => (TEXTS, true),
        };
        let item = pick(list, index);
        if quoted {
            quote_str(item)
        } else {
            item.to_owned()
        }
    }

    /// What the value of `key = ...` in `#[api_error(...)]` is about.
    fn of_key(key: &str) -> Want {
        match key {
            "pattern" => Want::Pattern,
            "range" => Want::Range,
            "retired" => Want::Code,
            "code" => Want::Rule,
            "prefix" => Want::Prefix,
            "status" => Want::Status,
            "crate" => Want::Crate,
            "format" => Want::BuiltIn,
            "type_url" => Want::TypeUrl,
            "domain" => Want::Domain,
            "www_authenticate" => Want::Authenticate,
            _ => Want::Text,
        }
    }
}

/// Keys written without a value.
const FLAGS: &[&str] = &[
    "empty_details",
    "decode",
    "transparent",
    "skip",
    "retry_after",
    "internal",
];

fn pick(list: &'static [&'static str], index: u8) -> &'static str {
    list[usize::from(index) % list.len()]
}

/// A Rust string literal for `text` (`Debug` escapes what a literal needs).
fn quote_str(text: &str) -> String {
    format!("{text:?}")
}

// ---------------------------------------------------------------------------
// The structure the fuzzer builds.

#[derive(Arbitrary, Debug)]
struct Input {
    /// Enum most of the time, then struct, sometimes union.
    kind: u8,
    /// A struct's own code and status.
    basics: Option<Basics>,
    vis: Vis,
    name: u8,
    generics: Vec<Generic>,
    predicates: Vec<u8>,
    attrs: Vec<Attr>,
    variants: Vec<Variant>,
    /// A struct's or union's fields.
    fields: Fields,
}

#[derive(Arbitrary, Debug)]
enum Vis {
    Private,
    Pub,
    PubCrate,
    PubSuper,
    PubInSelf,
}

#[derive(Arbitrary, Debug)]
enum Generic {
    Type {
        name: u8,
        bound: Option<u8>,
        default: Option<u8>,
    },
    Lifetime {
        name: u8,
        outlives: Option<u8>,
    },
    Const {
        name: u8,
        ty: u8,
        default: Option<u8>,
    },
}

/// A well-formed code and status, written before the other attributes: an
/// item the derive accepts is rare otherwise, and most of the derive runs
/// only on accepted items.
#[derive(Arbitrary, Debug)]
struct Basics {
    /// A code from a small set (so that codes collide), or one unique to
    /// the item.
    code: Option<u8>,
    status: u8,
}

#[derive(Arbitrary, Debug)]
struct Variant {
    basics: Option<Basics>,
    attrs: Vec<Attr>,
    name: u8,
    fields: Fields,
    discriminant: Option<u8>,
}

#[derive(Arbitrary, Debug)]
enum Shape {
    Unit,
    Tuple,
    Named,
}

#[derive(Arbitrary, Debug)]
struct Fields {
    shape: Shape,
    list: Vec<Field>,
}

#[derive(Arbitrary, Debug)]
struct Field {
    attrs: Vec<Attr>,
    vis: Vis,
    name: u8,
    ty: Ty,
}

/// A type: a leaf from [`TYPES`] in up to [`MAX_TYPE_DEPTH`] wrappers.
#[derive(Arbitrary, Debug)]
struct Ty {
    wrappers: Vec<Wrapper>,
    leaf: u8,
}

#[derive(Arbitrary, Debug)]
enum Wrapper {
    Option,
    Vec,
    Box,
    Arc,
    Rc,
    Ref,
    RefMut,
    Result,
    Tuple,
    Array,
    ArrayN,
    Paren,
    OptionBox,
}

#[derive(Arbitrary, Debug)]
enum Attr {
    /// `#[api_error(key, key = value, key(...))]`.
    ApiError(Vec<Meta>),
    /// `#[code(...)]`.
    Code(Args),
    /// `#[status(...)]`.
    Status(Args),
    /// `#[message("...", extra args)]`.
    Message(Message),
    /// thiserror's `#[error("...")]`.
    Error(Message),
    /// `#[error(transparent)]`.
    ErrorTransparent,
    Source,
    From,
    /// `#[source(...)]` or `#[from(...)]`: markers take no arguments.
    MarkerWithArgs {
        from: bool,
        value: Value,
    },
    /// `#[doc = "..."]` or `/// ...`.
    Doc {
        comment: bool,
        text: Value,
    },
    /// `#[code]`, `#[api_error]`... without arguments.
    Bare(u8),
    /// `#[code = ...]`, `#[api_error = ...]`...
    NameValue(u8, Value),
    /// An attribute of another derive or of the language.
    Foreign(u8),
}

/// The attribute names of [`Attr::Bare`] and [`Attr::NameValue`].
const ATTR_NAMES: &[&str] = &[
    "code",
    "status",
    "message",
    "api_error",
    "source",
    "from",
    "error",
    "doc",
];

/// The arguments of `#[code]` and `#[status]`.
#[derive(Arbitrary, Debug)]
enum Args {
    /// `(value)`: what the attribute expects, most of the time.
    One(Value),
    Empty,
    Two(Value, Value),
}

#[derive(Arbitrary, Debug)]
struct Message {
    text: MessageText,
    /// Format arguments after the string, which the derive rejects.
    extra: Vec<Value>,
}

#[derive(Arbitrary, Debug)]
enum MessageText {
    Value(Value),
    /// Built from pieces that name the item's own fields.
    Pieces(Vec<Piece>),
}

#[derive(Arbitrary, Debug)]
enum Piece {
    Text(u8),
    /// `{name}` of one of the item's fields, with a format spec.
    Field {
        field: u8,
        spec: u8,
    },
    /// `{0}`, `{1}`...
    Index {
        index: u8,
        spec: u8,
    },
    /// `{}` or `{:?}`: positional, with no argument to take.
    Next {
        spec: u8,
    },
    /// `{{` or `}}`.
    Escaped {
        open: bool,
    },
    /// A lone `{` or `}`.
    Lone {
        open: bool,
    },
}

/// One entry of `#[api_error(...)]`.
#[derive(Arbitrary, Debug)]
struct Meta {
    key: Key,
    value: MetaValue,
}

/// A key: mostly one of the place's own keys, sometimes one of another
/// place's, sometimes misspelt.
#[derive(Arbitrary, Debug)]
struct Key {
    which: u8,
    index: u8,
}

#[derive(Arbitrary, Debug)]
enum MetaValue {
    /// What the key takes: nothing for a flag, a value of its kind, a list
    /// for `retired`, a declaration for an enum's `category`.
    Natural(u8),
    Flag,
    Eq(Value),
    List(Vec<Value>),
    Category(Vec<CategoryPart>),
}

#[derive(Arbitrary, Debug)]
struct CategoryPart {
    /// `name`, `title`, `range`, `prefix`, or a misspelt key.
    key: u8,
    value: Value,
}

const CATEGORY_KEYS: &[&str] = &["name", "range", "prefix", "title"];
const CATEGORY_MISSPELT: &[&str] = &["nmae", "ranges", "prefx", "Title"];

/// A value token: of the kind the position expects most of the time, else
/// any literal of the vocabulary or free text.
#[derive(Arbitrary, Debug)]
enum Value {
    Natural(u8),
    /// A code shaped by a pattern: `ERR-<a>-<b>`, with numbers that collide.
    Code {
        shape: u8,
        a: u8,
        b: u16,
    },
    Status(u8),
    Message(u8),
    Text(u8),
    Int(u8),
    Other(u8),
    Range {
        lo: u16,
        hi: u16,
    },
    Free(String),
}

// ---------------------------------------------------------------------------
// Rendering.

#[derive(Clone, Copy)]
enum Kind {
    Enum,
    Struct,
    Union,
}

/// Where an attribute is written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Enum,
    Struct,
    Variant,
    Field,
}

/// Source text being written, and why the input must be rejected.
#[derive(Default)]
struct Render {
    out: String,
    /// Why the input is certainly wrong, when it is.
    reject: Option<&'static str>,
}

impl Render {
    fn must_reject(&mut self, why: &'static str) {
        self.reject.get_or_insert(why);
    }

    fn input(&mut self, input: &Input) {
        let kind = match input.kind % 16 {
            0..=8 => Kind::Enum,
            9..=14 => Kind::Struct,
            _ => {
                self.must_reject("a union");
                Kind::Union
            }
        };
        let place = match kind {
            Kind::Enum => Place::Enum,
            Kind::Struct | Kind::Union => Place::Struct,
        };
        let own_fields = field_names(&input.fields);
        if let (Kind::Struct, Some(basics)) = (kind, &input.basics) {
            self.basics(basics, 0);
        }
        for attr in input.attrs.iter().take(MAX_ATTRS) {
            self.attr(attr, place, &own_fields);
        }
        self.vis(&input.vis);
        let name = pick(TYPE_NAMES, input.name);
        let generics = generics(&input.generics);
        let predicates = where_clause(&input.predicates);
        match (kind, &input.fields.shape) {
            (Kind::Enum, _) => {
                let _ = writeln!(self.out, "enum {name}{generics} {predicates} {{");
                for (index, variant) in input.variants.iter().take(MAX_VARIANTS).enumerate() {
                    self.variant(variant, index);
                }
                self.out.push_str("}\n");
            }
            (Kind::Struct, Shape::Unit) => {
                let _ = writeln!(self.out, "struct {name}{generics} {predicates};");
            }
            // The where clause of a tuple struct follows its fields.
            (Kind::Struct, Shape::Tuple) => {
                let _ = write!(self.out, "struct {name}{generics}");
                self.fields(&input.fields, &own_fields);
                let _ = writeln!(self.out, " {predicates};");
            }
            (Kind::Struct, Shape::Named) => {
                let _ = write!(self.out, "struct {name}{generics} {predicates}");
                self.fields(&input.fields, &own_fields);
                self.out.push('\n');
            }
            // A union has named fields, whatever the shape says.
            (Kind::Union, _) => {
                let _ = write!(self.out, "union {name}{generics} {predicates}");
                self.named_fields(&input.fields.list, &own_fields);
                self.out.push('\n');
            }
        }
    }

    fn vis(&mut self, vis: &Vis) {
        self.out.push_str(match vis {
            Vis::Private => "",
            Vis::Pub => "pub ",
            Vis::PubCrate => "pub(crate) ",
            Vis::PubSuper => "pub(super) ",
            Vis::PubInSelf => "pub(in self) ",
        });
    }

    fn basics(&mut self, basics: &Basics, index: usize) {
        let code = match basics.code {
            Some(code) => format!("ERR-01-{:03}", code % 8),
            None => format!("ERR-01-{:03}", index + 1),
        };
        let status = pick(VALID_STATUSES, basics.status);
        let _ = writeln!(self.out, "#[code(\"{code}\")]\n#[status({status})]");
    }

    fn variant(&mut self, variant: &Variant, index: usize) {
        let own_fields = field_names(&variant.fields);
        if let Some(basics) = &variant.basics {
            self.basics(basics, index);
        }
        for attr in variant.attrs.iter().take(MAX_ATTRS) {
            self.attr(attr, Place::Variant, &own_fields);
        }
        self.out.push_str(pick(VARIANT_NAMES, variant.name));
        self.fields(&variant.fields, &own_fields);
        if let Some(discriminant) = variant.discriminant {
            let _ = write!(self.out, " = {}", pick(CONST_DEFAULTS, discriminant));
        }
        self.out.push_str(",\n");
    }

    fn fields(&mut self, fields: &Fields, names: &[&'static str]) {
        match fields.shape {
            Shape::Unit => {}
            Shape::Tuple => {
                self.out.push('(');
                for field in fields.list.iter().take(MAX_FIELDS) {
                    for attr in field.attrs.iter().take(MAX_ATTRS) {
                        self.attr(attr, Place::Field, names);
                    }
                    self.vis(&field.vis);
                    self.ty(&field.ty);
                    self.out.push_str(", ");
                }
                self.out.push(')');
            }
            Shape::Named => self.named_fields(&fields.list, names),
        }
    }

    fn named_fields(&mut self, list: &[Field], names: &[&'static str]) {
        self.out.push_str(" {\n");
        for field in list.iter().take(MAX_FIELDS) {
            for attr in field.attrs.iter().take(MAX_ATTRS) {
                self.attr(attr, Place::Field, names);
            }
            self.vis(&field.vis);
            let _ = write!(self.out, "{}: ", pick(FIELD_NAMES, field.name));
            self.ty(&field.ty);
            self.out.push_str(",\n");
        }
        self.out.push('}');
    }

    fn ty(&mut self, ty: &Ty) {
        let mut text = pick(TYPES, ty.leaf).to_owned();
        for wrapper in ty.wrappers.iter().take(MAX_TYPE_DEPTH) {
            text = match wrapper {
                Wrapper::Option => format!("Option<{text}>"),
                Wrapper::Vec => format!("Vec<{text}>"),
                Wrapper::Box => format!("Box<{text}>"),
                Wrapper::Arc => format!("std::sync::Arc<{text}>"),
                Wrapper::Rc => format!("std::rc::Rc<{text}>"),
                Wrapper::Ref => format!("&'a {text}"),
                Wrapper::RefMut => format!("&'a mut {text}"),
                Wrapper::Result => format!("Result<{text}, String>"),
                Wrapper::Tuple => format!("({text}, u8)"),
                Wrapper::Array => format!("[{text}; 4]"),
                Wrapper::ArrayN => format!("[{text}; N]"),
                Wrapper::Paren => format!("({text})"),
                Wrapper::OptionBox => format!("Option<Box<{text}>>"),
            };
        }
        self.out.push_str(&text);
    }

    /// One attribute at `place`; `fields` are the item's field names, for
    /// messages that interpolate them.
    fn attr(&mut self, attr: &Attr, place: Place, fields: &[&'static str]) {
        match attr {
            Attr::ApiError(metas) => {
                self.out.push_str("#[api_error(");
                for meta in metas.iter().take(MAX_METAS) {
                    self.meta(meta, place);
                    self.out.push_str(", ");
                }
                self.out.push_str(")]\n");
            }
            Attr::Code(args) => {
                let args = self.args(args, Want::Code);
                if args == "(\"\")" {
                    self.must_reject("an empty #[code(\"\")]");
                }
                let _ = writeln!(self.out, "#[code{args}]");
            }
            Attr::Status(args) => {
                let args = self.args(args, Want::Status);
                let _ = writeln!(self.out, "#[status{args}]");
            }
            Attr::Message(message) => {
                let message = self.message(message, fields);
                let _ = writeln!(self.out, "#[message({message})]");
            }
            Attr::Error(message) => {
                let message = self.message(message, fields);
                let _ = writeln!(self.out, "#[error({message})]");
            }
            Attr::ErrorTransparent => self.out.push_str("#[error(transparent)]\n"),
            Attr::Source => self.out.push_str("#[source]\n"),
            Attr::From => self.out.push_str("#[from]\n"),
            Attr::MarkerWithArgs { from, value } => {
                let name = if *from { "from" } else { "source" };
                let value = self.value(value, Want::Text);
                let _ = writeln!(self.out, "#[{name}({value})]");
            }
            Attr::Doc { comment, text } => {
                let text = self.value(text, Want::Text);
                if *comment {
                    // A line comment: the text up to the end of the line,
                    // quotes and escapes as written.
                    let line: String = text
                        .trim_matches('"')
                        .chars()
                        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
                        .collect();
                    let _ = writeln!(self.out, "/// {line}");
                } else {
                    let _ = writeln!(self.out, "#[doc = {text}]");
                }
            }
            Attr::Bare(name) => {
                let _ = writeln!(self.out, "#[{}]", pick(ATTR_NAMES, *name));
            }
            Attr::NameValue(name, value) => {
                let name = pick(ATTR_NAMES, *name);
                let want = match name {
                    "code" => Want::Code,
                    "status" => Want::Status,
                    "message" | "error" => Want::Message,
                    _ => Want::Text,
                };
                let value = self.value(value, want);
                let _ = writeln!(self.out, "#[{name} = {value}]");
            }
            Attr::Foreign(index) => {
                let _ = writeln!(self.out, "{}", pick(FOREIGN, *index));
            }
        }
    }

    fn args(&mut self, args: &Args, want: Want) -> String {
        match args {
            Args::One(value) => format!("({})", self.value(value, want)),
            Args::Empty => "()".to_owned(),
            Args::Two(a, b) => format!("({}, {})", self.value(a, want), self.value(b, want)),
        }
    }

    /// The arguments of `#[message(...)]` or `#[error(...)]`.
    fn message(&mut self, message: &Message, fields: &[&'static str]) -> String {
        let mut out = match &message.text {
            MessageText::Value(value) => self.value(value, Want::Message),
            MessageText::Pieces(pieces) => {
                let mut text = String::new();
                for piece in pieces.iter().take(MAX_PIECES) {
                    match piece {
                        Piece::Text(index) => text.push_str(pick(TEXTS, *index)),
                        Piece::Field { field, spec } => {
                            let name = if fields.is_empty() {
                                pick(FIELD_NAMES, *field)
                            } else {
                                fields[usize::from(*field) % fields.len()]
                            };
                            let _ = write!(text, "{{{name}{}}}", pick(SPECS, *spec));
                        }
                        Piece::Index { index, spec } => {
                            let _ = write!(text, "{{{}{}}}", index % 8, pick(SPECS, *spec));
                        }
                        Piece::Next { spec } => {
                            let _ = write!(text, "{{{}}}", pick(SPECS, *spec));
                        }
                        Piece::Escaped { open } => text.push_str(if *open { "{{" } else { "}}" }),
                        Piece::Lone { open } => text.push(if *open { '{' } else { '}' }),
                    }
                }
                quote_str(&text)
            }
        };
        for extra in message.extra.iter().take(MAX_LIST) {
            let extra = self.value(extra, Want::Text);
            let _ = write!(out, ", {extra}");
        }
        out
    }

    /// One entry of `#[api_error(...)]` at `place`.
    fn meta(&mut self, meta: &Meta, place: Place) {
        let own = match place {
            Place::Enum | Place::Struct => CONTAINER_KEYS,
            Place::Variant => VARIANT_KEYS,
            Place::Field => FIELD_KEYS,
        };
        let key = match meta.key.which % 16 {
            0..=9 => pick(own, meta.key.index),
            10 => pick(CONTAINER_KEYS, meta.key.index),
            11 => pick(VARIANT_KEYS, meta.key.index),
            12 => pick(FIELD_KEYS, meta.key.index),
            _ => {
                self.must_reject("a misspelt key");
                pick(MISSPELT, meta.key.index)
            }
        };
        self.out.push_str(key);
        let want = Want::of_key(key);
        match &meta.value {
            MetaValue::Natural(index) => {
                if FLAGS.contains(&key) {
                } else if key == "retired" {
                    let (a, b) = (want.natural(*index), want.natural(index.wrapping_add(1)));
                    let _ = write!(self.out, "({a}, {b})");
                } else if key == "category" && place == Place::Enum {
                    // `category(name = "...", range = ...)`, from the index.
                    let name = Want::Text.natural(*index);
                    let range = Want::Range.natural(index / 4);
                    let _ = write!(self.out, "(name = {name}, range = {range})");
                } else {
                    let _ = write!(self.out, " = {}", want.natural(*index));
                }
            }
            MetaValue::Flag => {}
            MetaValue::Eq(value) => {
                let value = self.value(value, want);
                let _ = write!(self.out, " = {value}");
            }
            MetaValue::List(values) => {
                self.out.push('(');
                for value in values.iter().take(MAX_LIST) {
                    let value = self.value(value, want);
                    let _ = write!(self.out, "{value}, ");
                }
                self.out.push(')');
            }
            MetaValue::Category(parts) => {
                self.out.push('(');
                for part in parts.iter().take(MAX_LIST) {
                    let index = usize::from(part.key) % (CATEGORY_KEYS.len() * 4 + 1);
                    let (key, want) = match CATEGORY_KEYS.get(index / 4) {
                        Some(&"range") => ("range", Want::Range),
                        Some(&"prefix") => ("prefix", Want::Prefix),
                        Some(key) => (*key, Want::Text),
                        None => {
                            self.must_reject("a misspelt key");
                            (pick(CATEGORY_MISSPELT, part.key), Want::Text)
                        }
                    };
                    let value = self.value(&part.value, want);
                    let _ = write!(self.out, "{key} = {value}, ");
                }
                self.out.push(')');
            }
        }
    }

    /// A value token for a position that expects `want`.
    fn value(&mut self, value: &Value, want: Want) -> String {
        match value {
            Value::Natural(index) => want.natural(*index),
            Value::Code { shape, a, b } => {
                let (a, b) = (a % 4, b % 8);
                let code = match shape % 6 {
                    0 => format!("ERR-0{a}-00{b}"),
                    1 => format!("ERR-0{a}-{b}"),
                    2 => format!("E{a}{b:03}"),
                    3 => format!("AUTH_{b}"),
                    4 => format!("ERR-{a}-00{b}"),
                    _ => format!("E{a}A"),
                };
                quote_str(&code)
            }
            Value::Status(index) => Want::Status.natural(*index),
            Value::Message(index) => Want::Message.natural(*index),
            Value::Text(index) => Want::Text.natural(*index),
            Value::Int(index) => pick(INTS, *index).to_owned(),
            Value::Other(index) => pick(OTHERS, *index).to_owned(),
            Value::Range { lo, hi } => format!("{lo}..={hi}"),
            Value::Free(text) => {
                let text: String = text.chars().take(MAX_FREE_CHARS).collect();
                quote_str(&text)
            }
        }
    }
}

/// The names of named fields, for messages that interpolate them.
fn field_names(fields: &Fields) -> Vec<&'static str> {
    match fields.shape {
        Shape::Named => fields
            .list
            .iter()
            .take(MAX_FIELDS)
            .map(|field| pick(FIELD_NAMES, field.name))
            .collect(),
        _ => Vec::new(),
    }
}

fn generics(params: &[Generic]) -> String {
    if params.is_empty() {
        return String::new();
    }
    let list: Vec<String> = params
        .iter()
        .take(MAX_GENERICS)
        .map(|param| match param {
            Generic::Type {
                name,
                bound,
                default,
            } => {
                let mut text = pick(TYPE_PARAMS, *name).to_owned();
                if let Some(bound) = bound {
                    let _ = write!(text, ": {}", pick(BOUNDS, *bound));
                }
                if let Some(default) = default {
                    let _ = write!(text, " = {}", pick(DEFAULTS, *default));
                }
                text
            }
            Generic::Lifetime { name, outlives } => {
                let mut text = pick(LIFETIMES, *name).to_owned();
                if let Some(outlives) = outlives {
                    let _ = write!(text, ": {}", pick(LIFETIMES, *outlives));
                }
                text
            }
            Generic::Const { name, ty, default } => {
                let mut text = format!(
                    "const {}: {}",
                    pick(CONST_PARAMS, *name),
                    pick(CONST_TYPES, *ty)
                );
                if let Some(default) = default {
                    let _ = write!(text, " = {}", pick(CONST_DEFAULTS, *default));
                }
                text
            }
        })
        .collect();
    format!("<{}>", list.join(", "))
}

fn where_clause(predicates: &[u8]) -> String {
    if predicates.is_empty() {
        return String::new();
    }
    let list: Vec<&str> = predicates
        .iter()
        .take(MAX_PREDICATES)
        .map(|&index| pick(PREDICATES, index))
        .collect();
    format!("where {}", list.join(", "))
}

// ---------------------------------------------------------------------------
// The target.

thread_local! {
    /// The source being expanded, printed if the expansion panics.
    static SOURCE: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Prints the rendered source before the fuzzer's own panic hook aborts.
fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            SOURCE.with(|source| {
                if let Ok(source) = source.try_borrow() {
                    eprintln!("\n==== derive input ====\n{source}\n======================");
                }
            });
            previous(info);
        }));
    });
}

fn print_inputs() -> bool {
    static PRINT: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *PRINT.get_or_init(|| std::env::var_os("APIERROR_FUZZ_PRINT").is_some_and(|v| v == "1"))
}

fuzz_target!(|input: Input| {
    install_panic_hook();
    let mut render = Render::default();
    render.input(&input);
    let Render {
        out: source,
        reject,
    } = render;
    if print_inputs() {
        eprintln!("---- must reject: {reject:?}\n{source}");
    }
    // The tokens the compiler would hand the derive; an input that is not a
    // derive input never reaches it.
    let Ok(tokens) = source.parse::<proc_macro2::TokenStream>() else {
        return;
    };
    if let Err(error) = syn::parse2::<syn::DeriveInput>(tokens.clone()) {
        if print_inputs() {
            eprintln!("---- not a derive input: {error}");
        }
        return;
    }
    SOURCE.with(|slot| slot.replace(source));

    let output = expand::derive_tokens(tokens);

    let text = output.to_string();
    if let Err(error) = text.parse::<proc_macro2::TokenStream>() {
        panic!("the expansion does not re-tokenize: {error}\n{text}");
    }
    let rejected = text.contains("compile_error");
    if print_inputs() {
        eprintln!("---- expanded, compile_error: {rejected}");
    }
    if let Some(why) = reject {
        assert!(rejected, "accepted an input with {why}:\n{text}");
    }
    assert!(
        rejected || !output.is_empty(),
        "accepted without generating anything"
    );
});
