//! Property test: the derive never panics, whatever it is given.
//!
//! Two generators feed `expand::derive`: structured inputs (enums and structs
//! with real and misspelt attribute keys, hostile literals, random fields,
//! transparent variants, categories with random ranges) and balanced token
//! soups, wrapped so that many of them parse as a `DeriveInput`. Every input
//! that parses must expand without panicking, to tokens that re-tokenize; an
//! input known to be wrong (a misspelt key, an empty code, a union) must
//! expand to a `compile_error!`, and an accepted one to some impl.

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Cases per generator; both together run in a few seconds in debug.
const CASES: u32 = 512;

/// String literal contents: format strings, quotes, unicode, code shapes.
const STRINGS: &[&str] = &[
    "",
    " ",
    "{",
    "}",
    "{{",
    "}}",
    "{}",
    "{0}",
    "{1}",
    "{x}",
    "{id}",
    "{id:?}",
    "{id:>8}",
    "{requested} of {available}",
    "{r#type}",
    "{x.y}",
    "{{id}}",
    "{{{id}}}",
    "{:?}",
    "\"",
    "\\",
    "'",
    "\0",
    "\n",
    "é",
    "🦀",
    "\u{202e}",
    "ERR-01-001",
    "ERR-01-###",
    "ERR-##-###",
    "ERR-01-0001",
    "E-#",
    "###",
    "#",
    "a b",
    "AUTH_",
    "SCREAMING_SNAKE_CASE",
    "snake_case",
    "kebab-case",
    "SCREAMING-KEBAB-CASE",
    "PascalCase",
    "standard",
    "problem",
    "openai",
    "aip193",
    "tagged",
    "websocket",
    "https://example.com/errors/{code}",
    "::apierror",
    "crate",
    "not a path",
    "Bearer realm=\"x\"",
];

/// Integer literal tokens: edges of u16, u64, u128 and beyond, suffixes.
const INTS: &[&str] = &[
    "0",
    "1",
    "99",
    "100",
    "200",
    "400",
    "404",
    "465",
    "499",
    "599",
    "999",
    "1000",
    "1999",
    "9999",
    "65535",
    "65536",
    "4294967296",
    "18446744073709551615",
    "18446744073709551616",
    "340282366920938463463374607431768211456",
    "404u16",
    "404u8",
    "404i32",
    "0x194",
    "0o624",
    "0b1",
    "4_04",
    "1e3",
    "4.04",
];

/// Other literal and path tokens that end up where literals are expected.
const OTHERS: &[&str] = &[
    "true",
    "b\"404\"",
    "'c'",
    "r\"raw {id}\"",
    "r#\"raw \" quote\"#",
    "c\"404\"",
    "NOT_FOUND",
    "NOT_FUND",
    "not_found",
    "StatusCode::NOT_FOUND",
    "-1",
    "1..=2",
    "\"a\" \"b\"",
];

use crate::parse::attr::{CONTAINER_KEYS, FIELD_KEYS, VARIANT_KEYS};
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
];

const NAMES: &[&str] = &[
    "NotFound",
    "A",
    "B",
    "Timeout",
    "Inner",
    "E",
    "r#Type",
    "Ünïcode",
    "_",
    "__field_a",
    "Self_",
];
const FIELD_NAMES: &[&str] = &[
    "id",
    "requested",
    "available",
    "r#type",
    "x",
    "source",
    "code",
    "message",
    "status",
    "details",
    "_private",
];
const TYPES: &[&str] = &[
    "u32",
    "u64",
    "String",
    "Option<u32>",
    "Option<String>",
    "Vec<String>",
    "std::io::Error",
    "Box<dyn std::error::Error + Send + Sync>",
    "T",
    "&'a str",
    "()",
    "InnerError",
    "[u8; 4]",
    "(u32, String)",
    "std::time::Duration",
];

fn pick(pool: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::sample::select(pool).prop_map(str::to_owned)
}

/// A string literal token: from the pool, or random unicode, escaped.
fn string_lit() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => pick(STRINGS),
        1 => ".{0,12}",
        1 => "ERR-0[0-9]-[0-9]{3}",
    ]
    .prop_map(|s| format!("{s:?}"))
}

fn int_lit() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => pick(INTS),
        1 => any::<u64>().prop_map(|n| n.to_string()),
        1 => (100u16..1000).prop_map(|n| n.to_string()),
    ]
}

/// Whatever can follow `key =` or sit inside `key(...)`.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => string_lit(),
        2 => int_lit(),
        1 => pick(OTHERS),
        1 => (int_lit(), int_lit()).prop_map(|(lo, hi)| format!("{lo}..={hi}")),
    ]
}

/// One `key`, `key = value` or `key(values)` of an `#[api_error(...)]`, and
/// whether the key is misspelt (which must be rejected).
fn meta(keys: &'static [&'static str]) -> impl Strategy<Value = (String, bool)> {
    let key = prop_oneof![
        6 => prop::sample::select(keys).prop_map(|k| (k, false)),
        1 => prop::sample::select(MISSPELT).prop_map(|k| (k, true)),
    ];
    let shape = prop_oneof![
        2 => Just(String::new()),
        5 => value().prop_map(|v| format!(" = {v}")),
        1 => prop::collection::vec(value(), 0..3).prop_map(|v| format!("({})", v.join(", "))),
        2 => category().prop_map(|c| format!("({c})")),
    ];
    (key, shape).prop_map(|((key, misspelt), shape)| (format!("{key}{shape}"), misspelt))
}

/// The inside of `category(...)`: a name, a range or a prefix, maybe a title.
fn category() -> impl Strategy<Value = String> {
    (
        prop::option::of(string_lit()),
        prop::option::of((int_lit(), int_lit())),
        prop::option::of(string_lit()),
        prop::option::of(string_lit()),
    )
        .prop_map(|(name, range, prefix, title)| {
            let mut parts = Vec::new();
            if let Some(name) = name {
                parts.push(format!("name = {name}"));
            }
            if let Some((lo, hi)) = range {
                parts.push(format!("range = {lo}..={hi}"));
            }
            if let Some(prefix) = prefix {
                parts.push(format!("prefix = {prefix}"));
            }
            if let Some(title) = title {
                parts.push(format!("title = {title}"));
            }
            parts.join(", ")
        })
}

/// `#[api_error(...)]` with a few metas; whether one is misspelt.
fn api_error_attr(keys: &'static [&'static str]) -> impl Strategy<Value = (String, bool)> {
    prop::collection::vec(meta(keys), 1..4).prop_map(|metas| {
        let misspelt = metas.iter().any(|(_, m)| *m);
        let list: Vec<_> = metas.into_iter().map(|(m, _)| m).collect();
        (format!("#[api_error({})]", list.join(", ")), misspelt)
    })
}

/// `#[code(..)]`, `#[status(..)]` or `#[message(..)]` with some argument
/// shape; whether it is certainly wrong (an empty code).
fn variant_attr() -> impl Strategy<Value = (String, bool)> {
    let name = prop::sample::select(&["code", "status", "message"][..]);
    let args = prop_oneof![
        6 => value().prop_map(|v| format!("({v})")),
        1 => Just(String::new()),
        1 => Just("()".to_owned()),
        1 => value().prop_map(|v| format!(" = {v}")),
        1 => (value(), value()).prop_map(|(a, b)| format!("({a}, {b})")),
    ];
    (name, args).prop_map(|(name, args)| {
        let empty_code = name == "code" && args == "(\"\")";
        (format!("#[{name}{args}]"), empty_code)
    })
}

/// A field: attributes, name (for named fields), type.
fn field() -> impl Strategy<Value = (String, String, String, bool)> {
    let attrs = prop::collection::vec(
        prop_oneof![
            2 => api_error_attr(FIELD_KEYS),
            1 => prop::sample::select(&["#[source]", "#[from]", "#[doc = \"x\"]"][..])
                .prop_map(|a| (a.to_owned(), false)),
        ],
        0..2,
    );
    (attrs, pick(FIELD_NAMES), pick(TYPES)).prop_map(|(attrs, name, ty)| {
        let misspelt = attrs.iter().any(|(_, m)| *m);
        let attrs: Vec<_> = attrs.into_iter().map(|(a, _)| a).collect();
        (attrs.join(" "), name, ty, misspelt)
    })
}

/// The fields of a variant or struct: unit, named or tuple.
fn fields() -> impl Strategy<Value = (String, bool)> {
    (0..3u8, prop::collection::vec(field(), 0..4)).prop_map(|(kind, fields)| {
        let misspelt = kind != 0 && fields.iter().any(|f| f.3);
        let body = match kind {
            0 => String::new(),
            1 => {
                let list: Vec<_> = fields
                    .iter()
                    .map(|(attrs, name, ty, _)| format!("{attrs} {name}: {ty}"))
                    .collect();
                format!(" {{ {} }}", list.join(", "))
            }
            _ => {
                let list: Vec<_> = fields
                    .iter()
                    .map(|(attrs, _, ty, _)| format!("{attrs} {ty}"))
                    .collect();
                format!("({})", list.join(", "))
            }
        };
        (body, misspelt)
    })
}

/// A variant with its attributes; whether it is certainly wrong.
fn variant() -> impl Strategy<Value = (String, bool)> {
    let attrs = prop::collection::vec(
        prop_oneof![
            4 => variant_attr(),
            2 => api_error_attr(VARIANT_KEYS),
            1 => Just(("#[doc = \"A variant.\"]".to_owned(), false)),
            1 => Just(("#[api_error(transparent)]".to_owned(), false)),
            1 => Just(("#[error(\"{0}\")]".to_owned(), false)),
        ],
        0..5,
    );
    (attrs, pick(NAMES), fields()).prop_map(|(attrs, name, (fields, bad_field))| {
        let bad = bad_field || attrs.iter().any(|(_, b)| *b);
        let attrs: Vec<_> = attrs.into_iter().map(|(a, _)| a).collect();
        (format!("{} {name}{fields}", attrs.join(" ")), bad)
    })
}

/// A whole derive input as source text; whether it must be rejected.
fn structured() -> impl Strategy<Value = (String, bool)> {
    let container = prop::collection::vec(api_error_attr(CONTAINER_KEYS), 0..4);
    let generics = pick(&["", "<T>", "<'a>", "<'a, T: Clone>", "<T, const N: usize>"]);
    let where_clause = pick(&["", "where T: std::fmt::Debug"]);
    (
        container,
        0..3u8,
        generics,
        where_clause,
        prop::collection::vec(variant(), 0..5),
        fields(),
        prop::collection::vec(variant_attr(), 0..3),
    )
        .prop_map(
            |(container, kind, generics, where_clause, variants, fields, struct_attrs)| {
                let mut bad = container.iter().any(|(_, b)| *b);
                let mut attrs: Vec<_> = container.into_iter().map(|(a, _)| a).collect();
                let body = match kind {
                    // An enum.
                    0 => {
                        bad |= variants.iter().any(|(_, b)| *b);
                        let list: Vec<_> = variants.into_iter().map(|(v, _)| v).collect();
                        format!("enum E{generics} {where_clause} {{ {} }}", list.join(", "))
                    }
                    // A struct, which carries its own code, status and message.
                    1 => {
                        bad |= fields.1 || struct_attrs.iter().any(|(_, b)| *b);
                        attrs.extend(struct_attrs.into_iter().map(|(a, _)| a));
                        let (fields, _) = fields;
                        if fields.starts_with('(') || fields.is_empty() {
                            format!("struct E{generics}{fields} {where_clause};")
                        } else {
                            format!("struct E{generics} {where_clause} {fields}")
                        }
                    }
                    // A union, which the derive rejects.
                    _ => {
                        bad = true;
                        "union E { a: u32, b: f32 }".to_owned()
                    }
                };
                (format!("{} pub {body}", attrs.join("\n")), bad)
            },
        )
}

/// Tokens that soups are made of: keywords, punctuation, the derive's own
/// vocabulary, literals.
const SOUP: &[&str] = &[
    "#",
    "!",
    "=",
    ",",
    ";",
    ":",
    "::",
    "..=",
    "..",
    "<",
    ">",
    "'a",
    "&",
    "-",
    "enum",
    "struct",
    "union",
    "pub",
    "where",
    "crate",
    "E",
    "A",
    "B",
    "T",
    "u32",
    "String",
    "api_error",
    "code",
    "status",
    "message",
    "source",
    "from",
    "transparent",
    "category",
    "name",
    "range",
    "prefix",
    "pattern",
    "retired",
    "decode",
    "format",
    "rename",
    "skip",
    "retry_after",
    "\"ERR-01-###\"",
    "\"ERR-01-001\"",
    "\"{id}\"",
    "\"{\"",
    "\"\"",
    "404",
    "1000",
    "18446744073709551616",
];

/// A balanced token tree: delimiters always match, so many soups parse.
fn soup() -> impl Strategy<Value = String> {
    let leaf = pick(SOUP);
    leaf.prop_recursive(3, 24, 6, |inner| {
        (
            prop::sample::select(&[("(", ")"), ("[", "]"), ("{", "}")][..]),
            prop::collection::vec(inner, 0..6),
        )
            .prop_map(|((open, close), items)| format!("{open} {} {close}", items.join(" ")))
    })
}

/// Soups placed where the derive reads them, or bare.
fn wrapped_soup() -> impl Strategy<Value = String> {
    (0..6u8, prop::collection::vec(soup(), 0..6)).prop_map(|(place, items)| {
        let soup = items.join(" ");
        match place {
            0 => soup,
            1 => format!("enum E {{ {soup} }}"),
            2 => format!("#[api_error({soup})] enum E {{ A }}"),
            3 => format!("#[api_error(pattern = \"ERR-01-###\")] enum E {{ #[code({soup})] #[status({soup})] #[message({soup})] A }}"),
            4 => format!("enum E {{ #[api_error({soup})] A {{ #[api_error({soup})] id: u32 }} }}"),
            _ => format!("#[code({soup})] #[status({soup})] #[message({soup})] struct E {{ {soup} }}"),
        }
    })
}

/// Expands `source` if it parses; checks the properties.
fn check(source: &str, must_reject: bool) -> Result<(), TestCaseError> {
    let Ok(input) = syn::parse_str::<syn::DeriveInput>(source) else {
        return Ok(());
    };
    let output = catch_unwind(AssertUnwindSafe(|| crate::expand::derive(&input)))
        .map_err(|_| TestCaseError::fail(format!("the derive panicked on:\n{source}")))?;
    let text = output.to_string();
    text.parse::<proc_macro2::TokenStream>().map_err(|e| {
        TestCaseError::fail(format!("output does not re-tokenize ({e}):\n{source}"))
    })?;
    let rejected = text.contains("compile_error");
    prop_assert!(
        rejected || !must_reject,
        "accepted an input that must be rejected:\n{source}"
    );
    prop_assert!(
        rejected || !output.is_empty(),
        "accepted without generating anything:\n{source}"
    );
    Ok(())
}

/// Runs one generator; a failure reports the (shrunk) input.
fn run<S: Strategy>(strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>) {
    let mut runner = TestRunner::new(Config {
        cases: CASES,
        failure_persistence: None,
        ..Config::default()
    });
    if let Err(error) = runner.run(&strategy, test) {
        panic!("{error}");
    }
}

#[test]
fn structured_inputs_never_panic() {
    run(structured(), |(source, must_reject)| {
        check(&source, must_reject)
    });
}

#[test]
fn token_soups_never_panic() {
    run(wrapped_soup(), |source| check(&source, false));
}

/// The generators are worth something only if many inputs parse.
#[test]
fn structured_inputs_mostly_parse() {
    let mut runner = TestRunner::deterministic();
    let strategy = structured();
    let parsed = (0..200)
        .filter(|_| {
            let source = strategy.new_tree(&mut runner).unwrap().current().0;
            syn::parse_str::<syn::DeriveInput>(&source).is_ok()
        })
        .count();
    assert!(parsed > 100, "only {parsed} of 200 structured inputs parse");
}
