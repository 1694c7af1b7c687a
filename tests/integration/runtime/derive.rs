//! What `#[derive(ApiError)]` generates: codes, statuses, messages, details,
//! catalogs, composition, generics, and the standalone std impls.

use apierror::{ApiError, Message};
use serde_json::json;
use std::error::Error as _;
use std::time::Duration;

fn details<E: ApiError>(error: &E) -> serde_json::Value {
    serde_json::to_value(error.details()).unwrap()
}

/// Module 02 — Inventory
#[derive(Debug, ApiError)]
#[api_error(pattern = "ERR-02-###", range = 1..=99, retired("ERR-02-016"), status = 400)]
pub enum InventoryError {
    /// Raised when teepod has insufficient vCPU resources.
    #[code("ERR-02-003")]
    #[status(409)]
    #[message("The selected node does not have enough CPU capacity")]
    InsufficientVcpu { requested: u32, available: u32 },

    /// Raised when a requested instance type is not found.
    ///
    /// Second paragraph.
    #[code("ERR-02-001")]
    #[status(NOT_FOUND)]
    #[message("The requested instance type '{instance_type}' does not exist")]
    InstanceTypeNotFound { instance_type: String },

    #[code("ERR-02-002")]
    #[message("No available resources match your requirements")]
    ResourceNotAvailable,

    #[code("ERR-02-015")]
    #[status(StatusCode::FORBIDDEN)]
    QuotaExceeded(#[api_error(rename = "team")] String, u32),
}

#[test]
fn codes_statuses_and_static_messages() {
    let err = InventoryError::InsufficientVcpu {
        requested: 8,
        available: 2,
    };
    assert_eq!(err.code(), "ERR-02-003");
    assert_eq!(err.status(), 409);
    assert_eq!(
        err.message().as_static(),
        Some("The selected node does not have enough CPU capacity")
    );
    // The container default applies where a variant has no #[status].
    assert_eq!(InventoryError::ResourceNotAvailable.status(), 400);
    // `StatusCode::FORBIDDEN` is read by its last segment.
    let quota = InventoryError::QuotaExceeded("team-a".into(), 3);
    assert_eq!(quota.status(), 403);
    // No #[message]: the reason phrase.
    assert_eq!(quota.message(), "Forbidden");
}

#[test]
fn interpolated_messages() {
    let err = InventoryError::InstanceTypeNotFound {
        instance_type: "tdx.small".into(),
    };
    assert_eq!(err.message().as_static(), None);
    assert_eq!(
        err.message().to_string(),
        "The requested instance type 'tdx.small' does not exist"
    );
    // Standalone Display is the public message.
    assert_eq!(err.to_string(), err.message().to_string());
}

#[derive(Debug, ApiError)]
#[api_error(code = "snake_case", status = 422)]
pub enum Formats {
    #[message("{0} and {1:>3} and {0}")]
    Positional(u8, &'static str),
    #[message("{price:>8.2}|{count:04}|{count:x}")]
    Specs { price: f64, count: u32 },
    #[message("literal {{braces}} stay")]
    Braces,
    #[message("{r#type} first")]
    Raw { r#type: &'static str },
}

/// Placeholders of every kind (strings, integers, `bool`, renamed or raw
/// fields, a field named twice or out of the fields' order, a float, a
/// `char`, a spec, a skipped field, a computed argument). Each message reads as `format!`
/// writes it.
#[derive(Debug, ApiError)]
#[api_error(code = "snake_case", status = 400)]
pub enum Placeholders<'a> {
    #[message("{name}/{boxed}/{cow}/{borrowed}: {name} again")]
    Strings {
        name: String,
        boxed: Box<str>,
        cow: std::borrow::Cow<'a, str>,
        borrowed: &'a str,
    },
    #[message("{small} {negative} {wide} {huge} {size} {flag}")]
    Integers {
        small: u8,
        negative: i64,
        wide: u128,
        huge: i128,
        size: usize,
        flag: bool,
    },
    #[message("{r#type} to {limit}")]
    Renamed {
        r#type: String,
        #[api_error(rename = "max")]
        limit: u32,
    },
    #[message("{ratio} {letter}")]
    HandedOver { ratio: f64, letter: char },
    #[message("{second} before {first}")]
    Reordered { first: u32, second: String },
    #[message("{count:>3} {secret}")]
    Written {
        count: u32,
        #[api_error(skip)]
        secret: u32,
    },
    #[message("{n} needs {total}", total = .n * 2)]
    Computed { n: u32 },
}

#[test]
fn every_kind_of_placeholder_reads_as_format_writes_it() {
    let cases = [
        (
            Placeholders::Strings {
                name: "a\"b".into(),
                boxed: "{x}".into(),
                cow: "c".into(),
                borrowed: "é",
            },
            format!("{}/{}/{}/{}: {} again", "a\"b", "{x}", "c", "é", "a\"b"),
        ),
        (
            Placeholders::Integers {
                small: 255,
                negative: -42,
                wide: u128::MAX,
                huge: i128::MIN,
                size: 0,
                flag: true,
            },
            format!("255 -42 {} {} 0 true", u128::MAX, i128::MIN),
        ),
        (
            Placeholders::Renamed {
                r#type: "vm".into(),
                limit: 3,
            },
            "vm to 3".to_owned(),
        ),
        (
            Placeholders::HandedOver {
                ratio: 1.0,
                letter: '"',
            },
            format!("{} {}", 1.0f64, '"'),
        ),
        (
            Placeholders::Written {
                count: 7,
                secret: 9,
            },
            "  7 9".to_owned(),
        ),
        (Placeholders::Computed { n: 4 }, "4 needs 8".to_owned()),
        (
            Placeholders::Reordered {
                first: 1,
                second: "2".into(),
            },
            "2 before 1".to_owned(),
        ),
    ];
    for (error, expected) in cases {
        assert_eq!(error.message().to_string(), expected, "{error:?}");
        assert_eq!(error.to_string(), expected, "{error:?}");
        // The body's message is the same text, as JSON.
        let body: serde_json::Value =
            serde_json::from_slice(&apierror::Render::new(&error).to_vec().unwrap()).unwrap();
        assert_eq!(body["error"]["message"], expected.as_str(), "{error:?}");
    }
}

#[test]
fn message_format_specs() {
    assert_eq!(
        Formats::Positional(7, "x").message().to_string(),
        "7 and   x and 7"
    );
    assert_eq!(
        Formats::Specs {
            price: 1.23456,
            count: 26
        }
        .message()
        .to_string(),
        "    1.23|0026|1a"
    );
    assert_eq!(
        Formats::Braces.message().as_static(),
        Some("literal {braces} stay")
    );
    assert_eq!(Formats::Raw { r#type: "vm" }.message(), "vm first");
    assert_eq!(Formats::Raw { r#type: "vm" }.code(), "raw");
    // The catalog keeps the template as written.
    assert_eq!(
        Formats::CATALOG.find("braces").unwrap().template(),
        "literal {{braces}} stay"
    );
    assert_eq!(Formats::CATALOG.find("raw").unwrap().fields(), ["type"]);
}

#[test]
fn details_objects() {
    let err = InventoryError::InsufficientVcpu {
        requested: 8,
        available: 2,
    };
    assert_eq!(details(&err), json!({"requested": 8, "available": 2}));
    // Tuple fields are details only when renamed.
    let quota = InventoryError::QuotaExceeded("team-a".into(), 3);
    assert_eq!(details(&quota), json!({"team": "team-a"}));
    assert_eq!(quota.descriptor().fields(), ["team"]);
    assert!(!InventoryError::ResourceNotAvailable
        .descriptor()
        .has_details());
    assert_eq!(details(&InventoryError::ResourceNotAvailable), json!({}));
}

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "WS_")]
pub enum Fields {
    #[status(429)]
    Limited {
        #[api_error(retry_after)]
        retry_after: Option<Duration>,
        #[api_error(skip)]
        bucket: u64,
        hint: Option<String>,
        #[api_error(rename = "max_size")]
        max: u64,
    },
    #[status(401)]
    #[api_error(empty_details)]
    AuthRequired,
    #[status(500)]
    Io {
        path: String,
        #[source]
        cause: std::io::Error,
    },
    #[status(502)]
    Upstream { source: std::io::Error },
}

#[test]
fn skip_rename_option_and_retry_after() {
    let err = Fields::Limited {
        retry_after: Some(Duration::from_millis(1500)),
        bucket: 9,
        hint: None,
        max: 10,
    };
    assert_eq!(err.code(), "WS_LIMITED");
    assert_eq!(err.retry_after(), Some(2));
    let value = details(&err);
    // The detail keeps the field's own serde form; the header gets whole seconds.
    assert_eq!(
        value["retry_after"],
        json!({"secs": 1, "nanos": 500_000_000})
    );
    assert!(value.get("bucket").is_none());
    assert!(value.get("hint").is_none(), "None is omitted");
    assert_eq!(value["max_size"], 10);
    assert_eq!(
        err.descriptor().fields(),
        ["retry_after", "hint", "max_size"]
    );
    assert!(err.descriptor().has_retry_after());

    let with_hint = Fields::Limited {
        retry_after: None,
        bucket: 0,
        hint: Some("slow down".into()),
        max: 1,
    };
    assert_eq!(with_hint.retry_after(), None);
    assert_eq!(
        details(&with_hint),
        json!({"hint": "slow down", "max_size": 1})
    );
}

#[test]
fn empty_details_and_sources() {
    assert!(Fields::AuthRequired.descriptor().has_details());
    assert_eq!(
        apierror::Render::new(&Fields::AuthRequired)
            .to_string()
            .unwrap(),
        r#"{"error":{"code":"WS_AUTH_REQUIRED","message":"Unauthorized","details":{}}}"#
    );
    let err = Fields::Io {
        path: "/data".into(),
        cause: std::io::Error::other("disk full"),
    };
    assert_eq!(details(&err), json!({"path": "/data"}));
    assert_eq!(err.source().unwrap().to_string(), "disk full");
    // A field named `source` is the source, never a detail.
    let upstream = Fields::Upstream {
        source: std::io::Error::other("reset"),
    };
    assert_eq!(details(&upstream), json!({}));
    assert!(!upstream.descriptor().has_details());
    assert_eq!(upstream.source().unwrap().to_string(), "reset");
}

/// OpenChoreo-style numbered categories.
#[derive(Debug, ApiError)]
#[api_error(pattern = "CHOREO-####", range = 1000..=9999, status = 500)]
#[api_error(category(name = "component", range = 1000..=1999, title = "Component errors"))]
#[api_error(category(name = "system", range = 9000..=9999))]
pub enum Choreo {
    #[code("CHOREO-1001")]
    ComponentValidationFailed,
    #[code("CHOREO-9003")]
    #[api_error(category = "system")]
    DatabaseConnectionFailed,
}

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 400)]
#[api_error(category(name = "auth", prefix = "AUTH_"))]
#[api_error(category(name = "auth_mfa", prefix = "AUTH_MFA_"))]
#[api_error(category(name = "validation", prefix = "VALIDATION_"))]
pub enum Prefixed {
    AuthRequired,
    AuthMfaRequired,
    ValidationError,
}

#[test]
fn categories() {
    assert_eq!(
        Choreo::ComponentValidationFailed.descriptor().category(),
        Some("component")
    );
    assert_eq!(
        Choreo::DatabaseConnectionFailed.descriptor().category(),
        Some("system")
    );
    let categories = Choreo::CATALOG.categories();
    assert_eq!(categories.len(), 2);
    assert_eq!(categories[0].range(), Some((1000, 1999)));
    assert_eq!(categories[0].title(), Some("Component errors"));
    assert_eq!(categories[1].title(), None);
    // The longest prefix wins.
    assert_eq!(Prefixed::AuthRequired.descriptor().category(), Some("auth"));
    assert_eq!(
        Prefixed::AuthMfaRequired.descriptor().category(),
        Some("auth_mfa")
    );
    assert_eq!(
        Prefixed::ValidationError.descriptor().category(),
        Some("validation")
    );
    assert_eq!(Prefixed::CATALOG.categories()[0].prefix(), Some("AUTH_"));
}

#[test]
fn catalog_is_static_and_ordered() {
    let catalog = InventoryError::CATALOG;
    assert_eq!(catalog.type_name(), "InventoryError");
    assert_eq!(catalog.description(), "Module 02 — Inventory");
    assert_eq!(catalog.pattern(), Some("ERR-02-###"));
    assert_eq!(catalog.range(), Some((1, 99)));
    assert_eq!(catalog.retired(), ["ERR-02-016"]);
    let codes: Vec<_> = catalog.iter().map(|d| d.code()).collect();
    assert_eq!(
        codes,
        ["ERR-02-003", "ERR-02-001", "ERR-02-002", "ERR-02-015"]
    );
    assert_eq!(catalog.len(), 4);
    let found = catalog.find("ERR-02-001").unwrap();
    assert_eq!(found.variant(), "InstanceTypeNotFound");
    assert_eq!(found.type_name(), "InventoryError");
    assert_eq!(found.status(), 404);
    assert_eq!(
        found.template(),
        "The requested instance type '{instance_type}' does not exist"
    );
    // The first paragraph is the description; the rest is kept in the docs.
    assert_eq!(
        found.description(),
        "Raised when a requested instance type is not found."
    );
    assert_eq!(found.docs().sections()[0].body(), "Second paragraph.");
    assert_eq!(found.fields(), ["instance_type"]);
    assert!(catalog.find("ERR-02-999").is_none());
    // A value's descriptor is the catalog's entry itself.
    let err = InventoryError::ResourceNotAvailable;
    assert!(std::ptr::eq(err.descriptor(), &catalog.own()[2]));
}

/// Module 01
#[derive(Debug, ApiError)]
#[api_error(pattern = "ERR-01-###", status = 404)]
pub enum Preflight {
    #[code("ERR-01-001")]
    #[message("The requested node is not available")]
    NodeNotFound,
    #[code("ERR-01-004")]
    #[status(409)]
    #[message("A CVM with name '{name}' already exists")]
    DuplicateCvmName { name: String },
}

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum Service {
    #[api_error(transparent)]
    Preflight(#[from] Preflight),
    #[status(503)]
    #[message("Maintenance until {until}")]
    Maintenance { until: String },
    #[api_error(transparent)]
    Inventory(#[from] InventoryError),
    #[api_error(transparent)]
    Limits { inner: Fields },
}

#[test]
fn transparent_variants_delegate() {
    let err: Service = Preflight::DuplicateCvmName { name: "web".into() }.into();
    assert_eq!(err.code(), "ERR-01-004");
    assert_eq!(err.status(), 409);
    assert_eq!(err.message(), "A CVM with name 'web' already exists");
    assert_eq!(err.to_string(), "A CVM with name 'web' already exists");
    assert_eq!(details(&err), json!({"name": "web"}));
    assert_eq!(err.descriptor().type_name(), "Preflight");

    let limited = Service::Limits {
        inner: Fields::Limited {
            retry_after: Some(Duration::from_secs(30)),
            bucket: 0,
            hint: None,
            max: 1,
        },
    };
    assert_eq!(limited.retry_after(), Some(30));
    assert_eq!(limited.code(), "WS_LIMITED");

    // Sources are forwarded through transparent variants, like thiserror does.
    let io = Service::Limits {
        inner: Fields::Upstream {
            source: std::io::Error::other("reset"),
        },
    };
    assert_eq!(io.source().unwrap().to_string(), "reset");
}

#[test]
fn composed_catalog_flattens_in_declaration_order() {
    let codes: Vec<_> = Service::CATALOG.iter().map(|d| d.code()).collect();
    assert_eq!(
        codes,
        [
            "ERR-01-001",
            "ERR-01-004",
            "MAINTENANCE",
            "ERR-02-003",
            "ERR-02-001",
            "ERR-02-002",
            "ERR-02-015",
            "WS_LIMITED",
            "WS_AUTH_REQUIRED",
            "WS_IO",
            "WS_UPSTREAM",
        ]
    );
    assert_eq!(Service::CATALOG.len(), codes.len());
    assert_eq!(Service::CATALOG.own().len(), 1);
    let transparent: Vec<_> = Service::CATALOG
        .transparent()
        .iter()
        .map(|t| (t.variant(), t.catalog().type_name()))
        .collect();
    assert_eq!(
        transparent,
        [
            ("Preflight", "Preflight"),
            ("Inventory", "InventoryError"),
            ("Limits", "Fields")
        ]
    );
    assert_eq!(
        Service::CATALOG.find("ERR-02-015").unwrap().type_name(),
        "InventoryError"
    );
}

/// A single error as a struct.
#[derive(Debug, ApiError)]
#[code("INSUFFICIENT_BALANCE")]
#[status(402)]
#[message("Balance {balance} is below {required}")]
pub struct InsufficientBalance {
    balance: i64,
    required: i64,
}

#[derive(Debug, ApiError)]
#[code("UNIT")]
#[status(404)]
pub struct UnitError;

#[test]
fn structs() {
    let err = InsufficientBalance {
        balance: 3,
        required: 10,
    };
    assert_eq!(err.code(), "INSUFFICIENT_BALANCE");
    assert_eq!(err.status(), 402);
    assert_eq!(err.message(), "Balance 3 is below 10");
    assert_eq!(details(&err), json!({"balance": 3, "required": 10}));
    assert_eq!(err.descriptor().variant(), "InsufficientBalance");
    assert_eq!(InsufficientBalance::CATALOG.len(), 1);
    assert_eq!(UnitError.message(), "Not Found");
    assert_eq!(UnitError.to_string(), "Not Found");
}

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 400)]
pub enum Generic<T, U: std::fmt::Debug, I> {
    #[message("bad value {value}")]
    BadValue { value: T, other: Vec<U> },
    #[api_error(transparent)]
    Inner(I),
}

#[test]
fn generic_types_get_bounds_where_needed() {
    let err: Generic<u8, bool, Preflight> = Generic::BadValue {
        value: 7,
        other: vec![true],
    };
    assert_eq!(err.code(), "BAD_VALUE");
    assert_eq!(err.message(), "bad value 7");
    assert_eq!(details(&err), json!({"value": 7, "other": [true]}));
    let inner: Generic<u8, bool, Preflight> = Generic::Inner(Preflight::NodeNotFound);
    assert_eq!(inner.code(), "ERR-01-001");
    assert_eq!(Generic::<u8, bool, Preflight>::CATALOG.len(), 3);
}

#[derive(Debug, ApiError)]
pub enum Empty {}

#[test]
fn empty_enums_have_empty_catalogs() {
    assert!(Empty::CATALOG.is_empty());
}

#[test]
fn messages_do_not_allocate_when_static() {
    let message: Message<'_> = InventoryError::ResourceNotAvailable.message();
    assert!(matches!(message.to_cow(), std::borrow::Cow::Borrowed(_)));
}

#[test]
fn catalog_displays_as_an_aligned_table() {
    let table = Service::CATALOG.to_string();
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 1 + Service::CATALOG.len());
    assert_eq!(
        lines[0],
        "CODE              STATUS  VARIANT               MESSAGE"
    );
    assert_eq!(
        lines[1],
        "ERR-01-001        404     NodeNotFound          The requested node is not available"
    );
    assert_eq!(
        lines[3],
        "MAINTENANCE       503     Maintenance           Maintenance until {until}"
    );
}

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 400)]
pub enum Typed {
    Many {
        a: u32,
        b: Option<String>,
        c: Vec<Option<&'static str>>,
        d: std::collections::BTreeMap<String, (u8, i64)>,
        e: [u8; 4],
    },
}

#[test]
fn descriptors_know_their_field_types() {
    let d = Typed::CATALOG.find("MANY").unwrap();
    assert_eq!(
        d.field_types(),
        [
            "u32",
            "Option<String>",
            "Vec<Option<&'static str>>",
            "std::collections::BTreeMap<String, (u8, i64)>",
            "[u8; 4]"
        ]
    );
}

/// A type named like uuid's: known by its name, as utoipa's derive knows it.
#[derive(Debug, serde::Serialize)]
pub struct Uuid(u128);

#[derive(Debug, serde::Serialize)]
pub struct Custom;

pub mod time {
    #[derive(Debug, serde::Serialize)]
    pub struct Duration;
}

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 400)]
pub enum Shaped<'a, T: std::fmt::Debug + serde::Serialize> {
    #[message("Shapes")]
    Shapes {
        int: u32,
        long: i64,
        text: &'a str,
        cow: std::borrow::Cow<'static, str>,
        boxed: Box<str>,
        optional: Option<String>,
        nullable: &'a Option<String>,
        both: Option<Option<String>>,
        list: Vec<Option<u8>>,
        array: [u8; 4],
        slice: &'a [String],
        map: std::collections::HashMap<String, Vec<u32>>,
        set: std::collections::BTreeSet<bool>,
        duration: std::time::Duration,
        not_std: time::Duration,
        tuple: (u32, String),
        unit: (),
        custom: Custom,
        value: serde_json::Value,
        generic: T,
        nonzero: std::num::NonZeroU64,
        nonzero_generic: std::num::NonZero<i32>,
        uuid: Uuid,
        float: f32,
        #[api_error(schema = String)]
        documented: Custom,
    },
}

#[test]
fn descriptors_know_their_field_shapes() {
    use apierror::fields::Shape;
    let d = Shaped::<u8>::CATALOG.find("SHAPES").unwrap();
    let shapes: std::collections::HashMap<&str, &Shape> =
        d.fields().iter().copied().zip(d.field_shapes()).collect();
    assert_eq!(shapes.len(), d.fields().len());
    const STR: Shape = Shape::Str {
        format: None,
        example: "string",
        display: true,
    };
    const U8: Shape = Shape::Int {
        bits: 8,
        signed: false,
        nonzero: false,
    };
    let int = |bits, signed, nonzero| Shape::Int {
        bits,
        signed,
        nonzero,
    };
    assert_eq!(*shapes["int"], int(32, false, false));
    assert_eq!(*shapes["long"], int(64, true, false));
    for text in ["text", "cow", "boxed", "documented"] {
        assert_eq!(*shapes[text], STR, "{text}");
    }
    assert_eq!(*shapes["optional"], Shape::Optional(&STR));
    assert_eq!(
        *shapes["nullable"],
        Shape::Nullable(&STR),
        "`None` is written: not left out"
    );
    assert_eq!(*shapes["both"], Shape::Optional(&Shape::Nullable(&STR)));
    assert_eq!(
        *shapes["list"],
        Shape::Seq {
            item: &Shape::Nullable(&U8),
            unique: false,
            len: None
        }
    );
    assert_eq!(
        *shapes["array"],
        Shape::Seq {
            item: &U8,
            unique: false,
            len: Some(4)
        }
    );
    assert_eq!(
        *shapes["slice"],
        Shape::Seq {
            item: &STR,
            unique: false,
            len: None
        }
    );
    assert_eq!(
        *shapes["map"],
        Shape::Map(&Shape::Seq {
            item: &Shape::Int {
                bits: 32,
                signed: false,
                nonzero: false
            },
            unique: false,
            len: None
        })
    );
    assert_eq!(
        *shapes["set"],
        Shape::Seq {
            item: &Shape::Bool,
            unique: true,
            len: None
        }
    );
    assert_eq!(*shapes["duration"], Shape::Duration);
    assert_eq!(
        *shapes["tuple"],
        Shape::Tuple(&[
            Shape::Int {
                bits: 32,
                signed: false,
                nonzero: false
            },
            STR
        ])
    );
    assert_eq!(*shapes["unit"], Shape::Unit);
    assert_eq!(*shapes["nonzero"], int(64, false, true));
    assert_eq!(*shapes["nonzero_generic"], int(32, true, true));
    assert_eq!(
        *shapes["uuid"],
        Shape::Str {
            format: Some("uuid"),
            example: "00000000-0000-0000-0000-000000000000",
            display: true
        }
    );
    assert_eq!(*shapes["float"], Shape::Float { bits: 32 });
    for (key, name) in [
        ("not_std", "time::Duration"),
        ("custom", "Custom"),
        ("value", "serde_json::Value"),
        ("generic", "T"),
    ] {
        match shapes[key] {
            Shape::Named(named) => assert_eq!(named.name(), name, "{key}"),
            other => panic!("{key}: {other:?}"),
        }
    }
}

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 500)]
pub enum Boxed {
    Database {
        #[source]
        cause: Box<dyn std::error::Error + Send + Sync>,
    },
}

#[test]
fn boxed_trait_object_sources() {
    let err = Boxed::Database {
        cause: "connection reset".into(),
    };
    assert_eq!(err.source().unwrap().to_string(), "connection reset");
    assert_eq!(err.message(), "Internal Server Error");
}

// ---------------------------------------------------------------------------
// Computed message arguments, as thiserror takes them

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum QuotaError {
    #[status(429)]
    #[message("{} requests left of {limit}, retry in {secs:>3}s", .limit - .used, secs = .wait.as_secs())]
    QuotaExceeded {
        limit: u32,
        used: u32,
        #[api_error(skip)]
        wait: std::time::Duration,
    },
    #[status(400)]
    #[message("{} of {n} items are invalid: {0}", .1.len(), n = .2)]
    Invalid(String, Vec<u32>, usize),
    #[status(413)]
    #[message("The body is {:.1} KiB over the limit", (*.size as f64 - *.limit as f64) / 1024.0)]
    TooLarge { size: u64, limit: u64 },
}

#[test]
fn messages_compute_arguments_from_fields() {
    let quota = QuotaError::QuotaExceeded {
        limit: 100,
        used: 98,
        wait: std::time::Duration::from_secs(7),
    };
    assert_eq!(quota.message(), "2 requests left of 100, retry in   7s");
    assert_eq!(quota.to_string(), quota.message().to_string());
    let invalid = QuotaError::Invalid("bad ids".into(), vec![1, 2], 5);
    assert_eq!(invalid.message(), "2 of 5 items are invalid: bad ids");
    let large = QuotaError::TooLarge {
        size: 3072,
        limit: 1024,
    };
    assert_eq!(large.message(), "The body is 2.0 KiB over the limit");
    // The details are the fields, not the computed values.
    let body = apierror::Render::new(&quota).to_string().unwrap();
    assert!(
        body.contains(r#""details":{"limit":100,"used":98}"#),
        "{body}"
    );

    // The template's pieces show each argument by a name, never its
    // expression: the first unnamed one is `{arg1}`.
    use apierror::template::Piece;
    let d = QuotaError::CATALOG.find("QUOTA_EXCEEDED").unwrap();
    let args: Vec<&str> = d
        .pieces()
        .filter_map(|p| match p {
            Piece::Arg(arg) => Some(arg.placeholder()),
            _ => None,
        })
        .collect();
    assert_eq!(args, ["{arg1}", "{limit}", "{secs:>3}"]);
}

/// Templates of every kind the derive reads: most keep only the template
/// and have their pieces sliced from it when asked for, the others keep
/// their pieces written out. Either way `pieces()` is the derive's reading.
#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
#[allow(dead_code)]
pub enum TemplateKinds {
    #[status(404)]
    #[message("No type '{instance_type}'")]
    Named { instance_type: String },
    #[status(400)]
    #[message("Bad {name}")]
    Renamed {
        #[api_error(rename = "display_name")]
        name: String,
    },
    #[status(400)]
    #[message("Hidden {secret} here")]
    Skipped {
        #[api_error(skip)]
        secret: u32,
        shown: u32,
    },
    #[status(400)]
    #[message("Costs {price:.2}")]
    Spec { price: f64 },
    #[status(400)]
    #[message("Item {0}")]
    Tuple(u32),
    #[status(400)]
    #[message("Kind {type}")]
    Raw { r#type: String },
    #[status(400)]
    #[message("Use {{braces}} for {what}")]
    Escaped { what: String },
    #[status(400)]
    #[message("{} left of {limit}", .limit - .used)]
    Computed { limit: u32, used: u32 },
    #[status(400)]
    #[message("{a} and {a}{b}")]
    Twice { a: u8, b: u8 },
    #[status(400)]
    #[message("Spaced { a }")]
    Spaced { a: u8 },
    #[status(400)]
    #[message("{{ {a} }}")]
    OnlyBraces { a: u8 },
}

#[test]
fn pieces_are_the_derives_reading_of_every_template_kind() {
    use apierror::template::Piece;
    let show = |code: &str| -> Vec<String> {
        let d = TemplateKinds::CATALOG.find(code).unwrap();
        d.pieces()
            .map(|p| match p {
                Piece::Text(text) => format!("text {text:?}"),
                Piece::Arg(arg) => format!("arg {} {:?}", arg.placeholder(), arg.detail()),
                _ => unreachable!(),
            })
            .collect()
    };
    let cases: [(&str, &[&str]); 11] = [
        (
            "NAMED",
            &[
                "text \"No type '\"",
                "arg {instance_type} Some(\"instance_type\")",
                "text \"'\"",
            ],
        ),
        (
            "RENAMED",
            &["text \"Bad \"", "arg {name} Some(\"display_name\")"],
        ),
        (
            "SKIPPED",
            &["text \"Hidden \"", "arg {secret} None", "text \" here\""],
        ),
        (
            "SPEC",
            &["text \"Costs \"", "arg {price:.2} Some(\"price\")"],
        ),
        ("TUPLE", &["text \"Item \"", "arg {0} None"]),
        ("RAW", &["text \"Kind \"", "arg {type} Some(\"type\")"]),
        (
            "ESCAPED",
            &["text \"Use {braces} for \"", "arg {what} Some(\"what\")"],
        ),
        (
            "COMPUTED",
            &[
                "arg {arg1} None",
                "text \" left of \"",
                "arg {limit} Some(\"limit\")",
            ],
        ),
        (
            "TWICE",
            &[
                "arg {a} Some(\"a\")",
                "text \" and \"",
                "arg {a} Some(\"a\")",
                "arg {b} Some(\"b\")",
            ],
        ),
        ("SPACED", &["text \"Spaced \"", "arg {a} Some(\"a\")"]),
        (
            "ONLY_BRACES",
            &["text \"{ \"", "arg {a} Some(\"a\")", "text \" }\""],
        ),
    ];
    for (code, expected) in cases {
        assert_eq!(show(code), expected, "{code}");
    }
    // And the messages they describe.
    let twice = TemplateKinds::Twice { a: 1, b: 2 };
    assert_eq!(twice.message(), "1 and 12");
    let braces = TemplateKinds::OnlyBraces { a: 3 };
    assert_eq!(braces.message(), "{ 3 }");
}
