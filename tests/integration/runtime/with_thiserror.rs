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
