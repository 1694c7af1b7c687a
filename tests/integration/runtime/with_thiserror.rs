//! `#[derive(ApiError)]` next to `#[derive(thiserror::Error)]`: thiserror owns
//! `Display` (internal text), `Error` and `From`; ApiError owns the public side.

use apierror::ApiError;
use std::error::Error as _;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(pattern = "ERR-04-###", status = 500)]
pub enum WorkspaceError {
    #[error("balance {balance} below minimum for account {account}")]
    #[code("ERR-04-001")]
    #[status(402)]
    #[message("Your account balance is too low to create new resources")]
    InsufficientBalance { account: String, balance: i64 },

    #[error("billing backend failed")]
    #[code("ERR-04-009")]
    Backend(#[from] std::io::Error),

    #[error(transparent)]
    #[api_error(transparent)]
    Inventory(#[from] InventoryError),
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "INVENTORY_")]
pub enum InventoryError {
    #[error("no node has {requested} free vCPUs")]
    #[status(409)]
    #[message("The selected node does not have enough CPU capacity")]
    InsufficientVcpu { requested: u32 },
}

#[test]
fn display_is_thiserror_message_is_public() {
    let err = WorkspaceError::InsufficientBalance {
        account: "acct-9".into(),
        balance: -3,
    };
    assert_eq!(
        err.to_string(),
        "balance -3 below minimum for account acct-9"
    );
    assert_eq!(
        err.message(),
        "Your account balance is too low to create new resources"
    );
    assert_eq!(err.code(), "ERR-04-001");
    let json = apierror::Render::new(&err).to_string().unwrap();
    assert!(
        !json.contains("below minimum"),
        "internal text leaked: {json}"
    );
}

#[test]
fn thiserror_from_and_source_are_used() {
    let err: WorkspaceError = std::io::Error::other("socket closed").into();
    assert_eq!(err.code(), "ERR-04-009");
    assert_eq!(err.status(), 500);
    // 5xx without #[message]: the generic reason phrase, never the source.
    assert_eq!(err.message(), "Internal Server Error");
    assert_eq!(err.source().unwrap().to_string(), "socket closed");
    // The source is never serialized.
    assert_eq!(
        apierror::Render::new(&err).to_string().unwrap(),
        r#"{"error":{"code":"ERR-04-009","message":"Internal Server Error"}}"#
    );
}

#[test]
fn transparent_with_thiserror() {
    let err: WorkspaceError = InventoryError::InsufficientVcpu { requested: 8 }.into();
    assert_eq!(err.to_string(), "no node has 8 free vCPUs");
    assert_eq!(err.code(), "INVENTORY_INSUFFICIENT_VCPU");
    assert_eq!(err.status(), 409);
    assert_eq!(WorkspaceError::CATALOG.len(), 3);
}

/// With thiserror's `Display`, a public message whose placeholders are
/// string details fields in their order is written from the fields as the
/// visit hands them over, with no arm of its own; the others (numbers, a
/// field out of order or twice, a spec) hand their arguments over. Both read
/// as `format!` writes them.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(code = "snake_case", status = 400)]
pub enum Placeholders<'a> {
    #[error("internal")]
    #[message("{name} has {count} of {max}, frozen: {frozen}")]
    FromFields {
        name: &'a str,
        count: i64,
        #[api_error(rename = "limit")]
        max: u128,
        frozen: bool,
    },
    #[error("internal")]
    #[message("{r#type}: {note} ({label})")]
    Raw {
        r#type: Box<str>,
        note: String,
        #[api_error(rename = "tag")]
        label: std::borrow::Cow<'a, str>,
    },
    #[error("internal")]
    #[message("{second} before {first}, {second} again")]
    OutOfOrder { first: u32, second: String },
    #[error("internal")]
    #[message("{ratio:.1} {letter}")]
    HandedOver { ratio: f64, letter: char },
    #[error("internal")]
    #[message("Static")]
    Static { hidden: u8 },
}

#[test]
fn public_messages_from_the_fields_read_as_format_writes_them() {
    let cases = [
        (
            Placeholders::FromFields {
                name: "a\"{b}",
                count: -7,
                max: u128::MAX,
                frozen: false,
            },
            format!("a\"{{b}} has -7 of {}, frozen: false", u128::MAX),
        ),
        (
            Placeholders::Raw {
                r#type: "vm".into(),
                note: "é".into(),
                label: "a\"{b}".into(),
            },
            "vm: é (a\"{b})".to_owned(),
        ),
        (
            Placeholders::OutOfOrder {
                first: 1,
                second: "2".into(),
            },
            "2 before 1, 2 again".to_owned(),
        ),
        (
            Placeholders::HandedOver {
                ratio: 0.25,
                letter: 'x',
            },
            "0.2 x".to_owned(),
        ),
        (Placeholders::Static { hidden: 1 }, "Static".to_owned()),
    ];
    for (error, expected) in cases {
        assert_eq!(error.to_string(), "internal");
        assert_eq!(error.message().to_string(), expected, "{error:?}");
        let body: serde_json::Value =
            serde_json::from_slice(&apierror::Render::new(&error).to_vec().unwrap()).unwrap();
        assert_eq!(body["error"]["message"], expected.as_str(), "{error:?}");
    }
}

/// The same fill in a generic type, and through a transparent variant of
/// a type that composes it.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(code = "snake_case", status = 409)]
pub enum Generic<T: std::fmt::Debug + serde::Serialize> {
    #[error("internal")]
    #[message("{name} holds {label}")]
    Held {
        value: T,
        name: String,
        label: String,
    },
}

#[derive(Debug, thiserror::Error, ApiError)]
pub enum Composed {
    #[error(transparent)]
    #[api_error(transparent)]
    Generic(Generic<u8>),
}

#[test]
fn generic_and_composed_messages_from_the_fields() {
    let held = || Generic::Held {
        value: 7u8,
        name: "a".into(),
        label: "b{c}".into(),
    };
    assert_eq!(held().message().to_string(), "a holds b{c}");
    let composed = Composed::Generic(held());
    assert_eq!(composed.message().to_string(), "a holds b{c}");
    let body: serde_json::Value =
        serde_json::from_slice(&apierror::Render::new(&composed).to_vec().unwrap()).unwrap();
    assert_eq!(body["error"]["message"], "a holds b{c}");
    assert_eq!(body["error"]["details"]["value"], 7);
}

/// When `#[message]` is the same text as thiserror's `#[error]`, the public
/// message is the `Display` text thiserror writes (no second writer of the
/// same template): every kind of placeholder, escaped braces, a tuple
/// variant, and text that JSON escapes.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(code = "snake_case", status = 422)]
pub enum SameText {
    #[error("{name} has {count} of {max:>5}, \"{{frozen}}\": {frozen}")]
    #[message("{name} has {count} of {max:>5}, \"{{frozen}}\": {frozen}")]
    Numbers {
        name: String,
        count: i64,
        max: u32,
        frozen: bool,
    },
    #[error("{0} then {1} then {0}")]
    #[message("{0} then {1} then {0}")]
    Tuple(String, u8),
    #[error("{share:.2} / {ratio:e}")]
    #[message("{share:.2} / {ratio:e}")]
    Floats { share: f64, ratio: f32 },
    #[error("plain")]
    #[message("plain")]
    Plain,
}

/// A struct whose message is its `Display` text.
#[derive(Debug, thiserror::Error, ApiError)]
#[error("quota {used}/{limit} for {tenant}")]
#[code("quota_exceeded")]
#[status(429)]
#[message("quota {used}/{limit} for {tenant}")]
pub struct Quota {
    used: u64,
    limit: u64,
    tenant: String,
}

/// Both kinds in one type, generic: a message that is the `Display` text
/// next to ones the message writer writes (an own template with a number,
/// one from string fields).
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(code = "snake_case", status = 409)]
pub enum Mixed<T: std::fmt::Debug + std::fmt::Display + serde::Serialize> {
    #[error("held {value} by {owner}")]
    #[message("held {value} by {owner}")]
    Same { value: T, owner: String },
    #[error("internal {value}")]
    #[message("value {value} is taken")]
    Own { value: u32 },
    #[error("internal")]
    #[message("{owner} owns it")]
    FromFields { owner: String },
}

fn message_and_body<E: ApiError>(error: &E) -> (String, String) {
    let body: serde_json::Value =
        serde_json::from_slice(&apierror::Render::new(error).to_vec().unwrap()).unwrap();
    let in_body = body["error"]["message"].as_str().unwrap().to_owned();
    (error.message().to_string(), in_body)
}

#[test]
fn a_message_equal_to_the_error_text_is_the_display_text() {
    let cases = [
        (
            SameText::Numbers {
                name: "a\"{b}\\\n".into(),
                count: -7,
                max: 42,
                frozen: true,
            },
            "a\"{b}\\\n has -7 of    42, \"{frozen}\": true".to_owned(),
        ),
        (SameText::Tuple("x".into(), 3), "x then 3 then x".to_owned()),
        (
            SameText::Floats {
                share: 1.0 / 3.0,
                ratio: 1500.0,
            },
            format!("{:.2} / {:e}", 1.0f64 / 3.0, 1500.0f32),
        ),
        (SameText::Plain, "plain".to_owned()),
    ];
    for (error, expected) in cases {
        assert_eq!(error.to_string(), expected);
        assert_eq!(message_and_body(&error), (expected.clone(), expected));
    }
    let quota = Quota {
        used: 11,
        limit: 10,
        tenant: "t-1".into(),
    };
    let expected = "quota 11/10 for t-1".to_owned();
    assert_eq!(message_and_body(&quota), (expected.clone(), expected));
    // The other formats read the same message.
    let problem = apierror::Render::new(&quota)
        .format(&apierror::format::Problem::new())
        .to_string()
        .unwrap();
    assert!(
        problem.contains(r#""detail":"quota 11/10 for t-1""#),
        "{problem}"
    );
}

#[test]
fn display_messages_and_written_ones_in_one_type() {
    let cases = [
        (
            Mixed::Same {
                value: 5u16,
                owner: "o\"".into(),
            },
            "held 5 by o\"",
            "held 5 by o\"",
        ),
        (Mixed::Own { value: 9 }, "internal 9", "value 9 is taken"),
        (
            Mixed::FromFields { owner: "z".into() },
            "internal",
            "z owns it",
        ),
    ];
    for (error, display, message) in cases {
        assert_eq!(error.to_string(), display);
        assert_eq!(
            message_and_body(&error),
            (message.to_owned(), message.to_owned())
        );
    }
}

/// The two literals are compared by their text, not by how they are
/// written: raw, escaped, `\x`, `\u{..}` (even for a brace), a line
/// continuation; and every kind of spec thiserror passes to `format!`.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(code = "snake_case", status = 400)]
pub enum WrittenApart {
    #[error(r#"say "{x}""#)]
    #[message("say \"{x}\"")]
    Raw { x: String },
    #[error("a\x41 {x}")]
    #[message("aA {x}")]
    Hex { x: u8 },
    #[error("caf\u{e9} {x}\n\t")]
    #[message("café {x}\n\t")]
    Unicode { x: u8 },
    #[error("\u{7b}x\u{7d}!")]
    #[message("{x}!")]
    EscapedBrace { x: u8 },
    #[error(
        "line \
             {x}"
    )]
    #[message("line {x}")]
    Continued { x: u8 },
    #[error("[{s:.3}] [{s:^9}] [{n:*^9}] [{n:+}] [{n:#x}] [{f:08.3}] [{f:e}] [{n:b}] [{n:o}] [{n:X}] [{f:E}] [{n:<5}] [{n:}]")]
    #[message("[{s:.3}] [{s:^9}] [{n:*^9}] [{n:+}] [{n:#x}] [{f:08.3}] [{f:e}] [{n:b}] [{n:o}] [{n:X}] [{f:E}] [{n:<5}] [{n:}]")]
    Specs { s: String, n: i32, f: f64 },
}

#[test]
fn literals_written_apart_and_every_spec_read_as_format_writes_them() {
    let (s, n, f) = ("abcdef", 42, -2.71f64);
    let cases = [
        (WrittenApart::Raw { x: "q".into() }, "say \"q\"".to_owned()),
        (WrittenApart::Hex { x: 1 }, "aA 1".to_owned()),
        (WrittenApart::Unicode { x: 1 }, "café 1\n\t".to_owned()),
        (WrittenApart::EscapedBrace { x: 4 }, "4!".to_owned()),
        (WrittenApart::Continued { x: 4 }, "line 4".to_owned()),
        (
            WrittenApart::Specs {
                s: s.into(),
                n,
                f,
            },
            format!("[{s:.3}] [{s:^9}] [{n:*^9}] [{n:+}] [{n:#x}] [{f:08.3}] [{f:e}] [{n:b}] [{n:o}] [{n:X}] [{f:E}] [{n:<5}] [{n:}]"),
        ),
    ];
    for (error, expected) in cases {
        assert_eq!(error.to_string(), expected);
        assert_eq!(message_and_body(&error), (expected.clone(), expected));
    }
}

/// Whether `value` holds the string `text` anywhere.
fn holds(value: &serde_json::Value, text: &str) -> bool {
    match value {
        serde_json::Value::String(s) => s == text,
        serde_json::Value::Array(items) => items.iter().any(|v| holds(v, text)),
        serde_json::Value::Object(map) => map.values().any(|v| holds(v, text)),
        _ => false,
    }
}

/// The `Display`-written message reaches every format the same way, built-in
/// or the user's own, with and without a request context.
#[test]
fn a_display_message_in_every_format_and_context() {
    let error = SameText::Numbers {
        name: "a\"{b}\\\n".into(),
        count: -7,
        max: 42,
        frozen: true,
    };
    let expected = error.to_string();
    for context in crate::outputs::contexts() {
        let holds_it = |body: String| {
            let value: serde_json::Value = serde_json::from_str(&body).unwrap();
            assert!(holds(&value, &expected), "{body}");
        };
        for format in crate::outputs::FORMATS.iter() {
            let render = apierror::Render::new(&error).format(format);
            holds_it(render.context(context).to_string().unwrap());
        }
        // The user's own formats the exports and the decoder are tested with.
        use crate::own_formats::{JsonApiLike, StatusLike, StripeLike};
        let render = apierror::Render::new(&error);
        holds_it(
            render
                .format(&StripeLike)
                .context(context)
                .to_string()
                .unwrap(),
        );
        holds_it(
            render
                .format(&JsonApiLike)
                .context(context)
                .to_string()
                .unwrap(),
        );
        holds_it(
            render
                .format(&StatusLike)
                .context(context)
                .to_string()
                .unwrap(),
        );
    }
}
