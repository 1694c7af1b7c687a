//! Hostile bodies for the client decoder: truncated, deeply nested, huge,
//! with repeated keys, wrong types, invalid UTF-8. Each one decodes to an
//! error or an unknown error, never a panic, and within the limits.

use apierror::decode::{Decode, DecodeError, Decoded, Limits};
use apierror::Render;
use std::panic::{catch_unwind, AssertUnwindSafe};

#[allow(dead_code)]
use crate::services::phala;

use phala::{InventoryError, PhalaError, PreflightError};

type Outcome = Result<Decoded<PhalaError>, DecodeError>;

/// Decodes without letting a panic escape: a panic fails with the body.
fn try_decode(body: &[u8]) -> Outcome {
    catch_unwind(AssertUnwindSafe(|| PhalaError::decode(body))).unwrap_or_else(|_| {
        panic!(
            "decode panicked on {:?}",
            String::from_utf8_lossy(&body[..body.len().min(200)])
        )
    })
}

/// Err or Unknown: anything but a typed error.
fn assert_not_known(body: &[u8]) -> Outcome {
    let outcome = try_decode(body);
    assert!(
        !matches!(outcome, Ok(Decoded::Known(_))),
        "decoded {:?} to {outcome:?}",
        String::from_utf8_lossy(&body[..body.len().min(200)])
    );
    outcome
}

const VALID: &str = r#"{"error":{"code":"ERR-02-003","message":"The selected node does not have enough CPU capacity","details":{"requested":8,"available":2}}}"#;

fn valid_error() -> PhalaError {
    PhalaError::Inventory(InventoryError::InsufficientVcpu {
        requested: 8,
        available: 2,
    })
}

#[test]
fn the_valid_body_decodes() {
    assert_eq!(
        try_decode(VALID.as_bytes()).unwrap(),
        Decoded::Known(valid_error())
    );
}

#[test]
fn every_prefix_of_a_valid_body_is_an_error() {
    let bodies = [
        VALID.to_owned(),
        Render::new(&PhalaError::Preflight(PreflightError::DuplicateCvmName {
            name: "my-app é 🦀".into(),
        }))
        .to_string()
        .unwrap(),
    ];
    for body in &bodies {
        let bytes = body.as_bytes();
        for end in 0..bytes.len() {
            // A prefix is never a complete JSON value: always an error,
            // including the prefixes that cut a UTF-8 character in two.
            let outcome = try_decode(&bytes[..end]);
            assert!(outcome.is_err(), "prefix {end} decoded: {outcome:?}");
        }
        assert!(matches!(try_decode(bytes), Ok(Decoded::Known(_))));
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let arrays = "[".repeat(10_000);
    let objects = r#"{"a":"#.repeat(10_000);
    let closed_arrays = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let closed_objects = format!("{}1{}", r#"{"a":"#.repeat(10_000), "}".repeat(10_000));
    let in_details = format!(
        r#"{{"error":{{"code":"ERR-02-003","message":"m","details":{{"requested":{}8{}}}}}}}"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    for body in [
        &arrays,
        &objects,
        &closed_arrays,
        &closed_objects,
        &in_details,
    ] {
        let outcome = try_decode(body.as_bytes());
        assert!(
            matches!(outcome, Err(DecodeError::TooDeep { limit: 128 })),
            "{outcome:?}"
        );
    }
}

#[test]
fn the_depth_limit_is_configurable() {
    let nested = |depth: usize| {
        format!(
            r#"{{"error":{{"code":"ERR-09-999","details":{{"x":{}0{}}}}}}}"#,
            "[".repeat(depth),
            "]".repeat(depth)
        )
    };
    let limits = Limits {
        max_depth: 8,
        ..Limits::DEFAULT
    };
    // The root, `error`, `details` and five arrays: depth 8.
    let fits = limits.decode::<PhalaError>(nested(5).as_bytes());
    assert!(matches!(fits, Ok(Decoded::Unknown(_))), "{fits:?}");
    let deeper = limits.decode::<PhalaError>(nested(6).as_bytes());
    assert!(
        matches!(deeper, Err(DecodeError::TooDeep { limit: 8 })),
        "{deeper:?}"
    );
    // Within the default limit, nesting is fine.
    let outcome = try_decode(nested(100).as_bytes());
    assert!(matches!(outcome, Ok(Decoded::Unknown(_))), "{outcome:?}");
}

#[test]
fn a_huge_body_is_rejected_before_parsing() {
    // 2 MiB of a valid body with padding: it would decode if it were parsed.
    let padding = " ".repeat(2 * 1024 * 1024 - VALID.len());
    let huge = format!("{VALID}{padding}");
    assert_eq!(huge.len(), 2 * 1024 * 1024);
    let outcome = try_decode(huge.as_bytes());
    assert!(
        matches!(
            outcome,
            Err(DecodeError::TooLarge {
                size: 2_097_152,
                limit: 1_048_576
            })
        ),
        "{outcome:?}"
    );
    // 2 MiB of bytes that are not JSON at all: the same error, not a JSON one,
    // so it was not parsed.
    let garbage = vec![0xff; 2 * 1024 * 1024];
    assert!(matches!(
        try_decode(&garbage),
        Err(DecodeError::TooLarge { .. })
    ));
    // Exactly the limit is parsed.
    let padding = " ".repeat(1024 * 1024 - VALID.len());
    let at_limit = format!("{VALID}{padding}");
    assert_eq!(
        try_decode(at_limit.as_bytes()).unwrap(),
        Decoded::Known(valid_error())
    );
    // A configured limit.
    let small = Limits {
        max_size: 16,
        ..Limits::DEFAULT
    };
    assert!(matches!(
        small.decode::<PhalaError>(VALID.as_bytes()),
        Err(DecodeError::TooLarge { limit: 16, .. })
    ));
}

#[test]
fn duplicate_keys_are_errors() {
    let cases = [
        // Top level.
        (
            r#"{"error":{"code":"ERR-01-001","message":"m"},"error":{"code":"ERR-04-001","message":"m"}}"#,
            "error",
        ),
        // Inside the error object.
        (
            r#"{"error":{"code":"ERR-01-001","code":"ERR-04-001","message":"m"}}"#,
            "code",
        ),
        // Inside details.
        (
            r#"{"error":{"code":"ERR-02-003","message":"m","details":{"requested":8,"available":2,"requested":1}}}"#,
            "requested",
        ),
        // Deep inside a details value.
        (
            r#"{"error":{"code":"ERR-09-999","message":"m","details":{"x":[{"a":1,"b":{"c":1,"c":2}}]}}}"#,
            "c",
        ),
        // Problem details, where the top level holds the details.
        (
            r#"{"type":"about:blank","code":"ERR-02-003","status":409,"requested":8,"available":2,"requested":9}"#,
            "requested",
        ),
        // An escaped spelling of the same key is the same key.
        (
            r#"{"error":{"code":"ERR-01-001","\u0063ode":"ERR-04-001"}}"#,
            "code",
        ),
    ];
    for (body, key) in cases {
        match try_decode(body.as_bytes()) {
            Err(DecodeError::DuplicateKey(found)) => assert_eq!(found, key, "{body}"),
            other => panic!("{body}: {other:?}"),
        }
    }
    // Same key in different objects is fine.
    let fine = r#"{"error":{"code":"ERR-09-999","message":"m","details":{"code":1,"message":{"code":2}}}}"#;
    assert!(matches!(
        try_decode(fine.as_bytes()),
        Ok(Decoded::Unknown(_))
    ));
}

#[test]
fn wrong_types_everywhere() {
    let bodies = [
        // Code as a number in the standard format (no `type`: the OpenAI
        // matching finds nothing with this status and message).
        r#"{"error":{"code":123,"message":"m","details":{"requested":8,"available":2}}}"#,
        r#"{"error":{"code":1e400,"message":"m"}}"#,
        r#"{"error":{"code":-404,"message":"m"}}"#,
        r#"{"error":{"code":404.5,"message":"m"}}"#,
        r#"{"error":{"code":null}}"#,
        r#"{"error":{"code":["ERR-02-003"]}}"#,
        r#"{"error":{"code":{"ERR-02-003":1}}}"#,
        r#"{"error":{"code":true}}"#,
        // Status as a string in problem details.
        r#"{"type":"about:blank","code":"ERR-09-999","status":"409","detail":"m"}"#,
        r#"{"type":"about:blank","code":"ERR-09-999","status":70000,"detail":"m"}"#,
        r#"{"type":"about:blank","code":"ERR-09-999","status":-1,"detail":["m"]}"#,
        // Details as an array, a string, a number.
        r#"{"error":{"code":"ERR-02-003","message":"m","details":[8,2]}}"#,
        r#"{"error":{"code":"ERR-02-003","message":"m","details":"requested=8"}}"#,
        r#"{"error":{"code":"ERR-02-003","message":"m","details":8}}"#,
        // Detail fields of the wrong type.
        r#"{"error":{"code":"ERR-02-003","message":"m","details":{"requested":"8","available":2}}}"#,
        r#"{"error":{"code":"ERR-02-003","message":"m","details":{"requested":-8,"available":2}}}"#,
        r#"{"error":{"code":"ERR-02-003","message":"m","details":{"requested":8.5,"available":2}}}"#,
        r#"{"error":{"code":"ERR-02-003","message":"m","details":{"requested":4294967296,"available":2}}}"#,
        r#"{"error":{"code":"ERR-01-004","message":"m","details":{"name":42}}}"#,
        // The body itself of the wrong type.
        r#"{"error":"ERR-02-003"}"#,
        r#"{"error":["ERR-02-003"]}"#,
        r#"{"error":null}"#,
        r#"["error"]"#,
        r#""error""#,
        "42",
        "null",
        "{}",
        // Google AIP-193 with broken details.
        r#"{"error":{"code":404,"message":"m","details":[1,"x",null,{"@type":5}]}}"#,
        r#"{"error":{"code":404,"message":"m","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":7,"metadata":[1]}]}}"#,
        r#"{"error":{"code":404,"message":"m","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"ERR-02-003","metadata":{"requested":"[[[[","available":"2"}}]}}"#,
        // The OpenAI style with a message that matches nothing.
        r#"{"error":{"code":409,"type":"conflict","message":"{requested}"}}"#,
        r#"{"error":{"code":409,"type":7,"message":""}}"#,
    ];
    for body in bodies {
        let _ = assert_not_known(body.as_bytes());
    }
}

#[test]
fn invalid_utf8_is_an_error() {
    let bodies: [&[u8]; 6] = [
        b"\xff",
        b"\xef\xbb\xbf{}",
        b"{\"error\":{\"code\":\"ERR-01-001\xff\",\"message\":\"m\"}}",
        b"{\"error\":{\"code\":\"ERR-01-001\",\"message\":\"\xc3\"}}",
        b"{\"err\xed\xa0\x80or\":{}}",
        b"{\"error\":{\"code\":\"\\ud800\",\"message\":\"m\"}}",
    ];
    for body in bodies {
        let outcome = assert_not_known(body);
        assert!(outcome.is_err(), "{outcome:?}");
    }
}

#[test]
fn nan_like_tokens_are_errors() {
    for token in [
        "NaN",
        "nan",
        "Infinity",
        "-Infinity",
        "inf",
        "+1",
        "01",
        "1.",
        ".5",
        "0x10",
        "1e",
        "--1",
        "undefined",
        "None",
        "True",
    ] {
        let body = format!(
            r#"{{"error":{{"code":"ERR-02-003","message":"m","details":{{"requested":{token},"available":2}}}}}}"#
        );
        let outcome = assert_not_known(body.as_bytes());
        assert!(
            matches!(outcome, Err(DecodeError::Json(_))),
            "{token}: {outcome:?}"
        );
    }
    // Numbers that overflow a float are errors, not infinities.
    let huge = r#"{"error":{"code":"ERR-02-003","details":{"requested":1e999,"available":2}}}"#;
    assert!(matches!(
        try_decode(huge.as_bytes()),
        Err(DecodeError::Json(_))
    ));
}

#[test]
fn trailing_garbage_is_an_error() {
    for tail in [" x", "}", "{}", "\0", " \u{a0}"] {
        let body = format!("{VALID}{tail}");
        assert!(
            matches!(try_decode(body.as_bytes()), Err(DecodeError::Json(_))),
            "{tail:?}"
        );
    }
    // Whitespace is not garbage.
    let body = format!(" \n\t{VALID} \r\n");
    assert!(matches!(try_decode(body.as_bytes()), Ok(Decoded::Known(_))));
}

#[test]
fn every_new_error_has_a_message() {
    let errors = [
        DecodeError::TooLarge {
            size: 2_097_152,
            limit: 1_048_576,
        },
        DecodeError::TooDeep { limit: 128 },
        DecodeError::DuplicateKey("code".into()),
    ];
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "the error body is 2097152 bytes, more than the limit of 1048576 bytes",
            "the error body nests arrays and objects deeper than the limit of 128",
            "the error body has the key `code` twice in one object",
        ]
    );
    assert_eq!(Limits::default(), Limits::DEFAULT);
    assert_eq!(Limits::DEFAULT.max_size, 1024 * 1024);
}

#[test]
fn a_byte_order_mark_is_skipped() {
    let mut body = b"\xEF\xBB\xBF".to_vec();
    body.extend_from_slice(VALID.as_bytes());
    assert_eq!(try_decode(&body).unwrap(), Decoded::Known(valid_error()));
    // Only one, only at the start.
    let mut twice = b"\xEF\xBB\xBF".to_vec();
    twice.extend_from_slice(&body);
    assert!(matches!(try_decode(&twice), Err(DecodeError::Json(_))));
    let mut inside = VALID.as_bytes().to_vec();
    inside.splice(1..1, *b"\xEF\xBB\xBF");
    assert!(matches!(try_decode(&inside), Err(DecodeError::Json(_))));
}

#[test]
fn responses_take_limits_too() {
    let response = apierror::http::Response::builder()
        .status(409)
        .body(VALID.as_bytes().to_vec())
        .unwrap();
    assert_eq!(
        PhalaError::decode_response(&response).unwrap(),
        Decoded::Known(valid_error())
    );
    let small = Limits {
        max_size: 16,
        ..Limits::DEFAULT
    };
    assert!(matches!(
        small.decode_response::<PhalaError>(&response),
        Err(DecodeError::TooLarge { limit: 16, .. })
    ));
    let shallow = Limits {
        max_depth: 2,
        ..Limits::DEFAULT
    };
    assert!(matches!(
        shallow.decode_response::<PhalaError>(&response),
        Err(DecodeError::TooDeep { limit: 2 })
    ));
}

mod floats {
    use apierror::ApiError;

    #[derive(Debug, PartialEq, ApiError)]
    #[api_error(code = "SCREAMING_SNAKE_CASE", status = 422, decode)]
    pub enum Reading {
        #[message("Reading out of range")]
        OutOfRange { value: f64 },
        #[message("Optional reading")]
        Maybe { value: Option<f64> },
    }
}

/// JSON has no NaN or infinity: serde_json writes them as `null`, which is
/// what the body says; a client then reads `null`, which an `f64` field
/// cannot hold (an `Option<f64>` reads it as `None`). Documented in the
/// guide's decoding section.
#[test]
fn non_finite_floats_are_null_in_bodies() {
    use floats::Reading;
    for value in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let body = Render::new(&Reading::OutOfRange { value })
            .to_string()
            .unwrap();
        assert_eq!(
            body,
            r#"{"error":{"code":"OUT_OF_RANGE","message":"Reading out of range","details":{"value":null}}}"#
        );
        assert!(matches!(
            Reading::decode(body.as_bytes()),
            Err(DecodeError::Field { field: "value", .. })
        ));
        let body = Render::new(&Reading::Maybe { value: Some(value) })
            .to_string()
            .unwrap();
        assert_eq!(
            Reading::decode(body.as_bytes()).unwrap(),
            Decoded::Known(Reading::Maybe { value: None })
        );
    }
    let body = Render::new(&Reading::OutOfRange { value: 1.5 })
        .to_string()
        .unwrap();
    assert_eq!(
        Reading::decode(body.as_bytes()).unwrap(),
        Decoded::Known(Reading::OutOfRange { value: 1.5 })
    );
}

mod repeated {
    use apierror::ApiError;
    use serde::ser::{SerializeMap, Serializer};

    /// A details value whose own `Serialize` repeats a key.
    #[derive(Debug, Default, PartialEq)]
    pub struct Twice;

    impl serde::Serialize for Twice {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(Some(2))?;
            map.serialize_entry("k", &1)?;
            map.serialize_entry("k", &2)?;
            map.end()
        }
    }

    #[derive(Debug, ApiError)]
    #[api_error(code = "SCREAMING_SNAKE_CASE", status = 400)]
    pub enum Repeated {
        #[message("Repeated")]
        Repeated { value: Twice },
    }
}

/// Keys the derive writes are unique (it rejects a repeated details key at
/// compile time); a details value whose own `Serialize` repeats a key fails
/// the render, as invalid JSON does, in every format: no body is ambiguous.
/// The response falls back to the body without details, which decodes; the
/// decoder still rejects a repeated key in a body from elsewhere.
#[test]
fn keys_a_value_repeats_fail_the_render_and_are_rejected_by_the_decoder() {
    let error = repeated::Repeated::Repeated {
        value: repeated::Twice,
    };
    let err = Render::new(&error).to_string().unwrap_err();
    assert!(err.to_string().contains("a key is written twice"), "{err}");
    let response = Render::new(&error).to_response();
    assert_eq!(
        std::str::from_utf8(response.body()).unwrap(),
        r#"{"error":{"code":"REPEATED","message":"Repeated"}}"#
    );
    let body =
        r#"{"error":{"code":"REPEATED","message":"Repeated","details":{"value":{"k":1,"k":2}}}}"#;
    assert!(matches!(
        PhalaError::decode(body.as_bytes()),
        Err(DecodeError::DuplicateKey(key)) if key == "k"
    ));
}
