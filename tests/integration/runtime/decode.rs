//! Typed client decoding: every variant of every service catalog, rendered in
//! every built-in format, decodes back to the value it was rendered from;
//! unknown codes and malformed bodies are results, never panics.

use apierror::decode::{Decode, DecodeError, Decoded};
use apierror::format::{BuiltIn, Standard};
use apierror::{ApiError, Descriptor, Render};
use serde_json::json;

use crate::common;

use common::every_variant;

use crate::services;
use services::{hexabase, k0rdent, llm_gateway, openchoreo, phala};

static FORMATS: std::sync::LazyLock<Vec<BuiltIn>> =
    std::sync::LazyLock::new(|| crate::outputs::every_built_in("api.example.com"));

/// Variants whose code is not in the body (OpenAI style) are found by
/// status, type and message: two variants alike in all three cannot be told
/// apart there.
fn openai_twin(catalog: &apierror::Catalog, d: &Descriptor) -> bool {
    catalog.iter().any(|o| {
        o.code() != d.code()
            && o.status() == d.status()
            && o.template() == d.template()
            && apierror::format::OpenAi::descriptor_type(o)
                == apierror::format::OpenAi::descriptor_type(d)
    })
}

fn round_trip<E: Decode + ApiError + PartialEq + std::fmt::Debug>() -> usize {
    let mut checked = 0;
    for (descriptor, value) in every_variant::<E>() {
        for format in FORMATS.iter() {
            let reserved = matches!(format, BuiltIn::Problem(_))
                && descriptor
                    .fields()
                    .iter()
                    .any(|f| apierror::format::Problem::RESERVED.contains(f));
            if reserved
                || (matches!(format, BuiltIn::OpenAi(_)) && openai_twin(E::CATALOG, descriptor))
            {
                continue;
            }
            let body = Render::new(&value).format(format).to_vec().unwrap();
            let decoded = E::decode(&body).unwrap_or_else(|e| {
                panic!(
                    "{} in {format:?}: {e}\n{}",
                    descriptor.code(),
                    String::from_utf8_lossy(&body)
                )
            });
            assert_eq!(
                decoded,
                Decoded::Known(value.clone_by_render()),
                "{} in {format:?}",
                descriptor.code()
            );
            checked += 1;
        }
    }
    checked
}

/// A second, independent copy of a value, rebuilt from its standard body.
trait CloneByRender: Sized {
    fn clone_by_render(&self) -> Self;
}

impl<E: Decode + ApiError> CloneByRender for E {
    fn clone_by_render(&self) -> Self {
        let body = Render::new(self).format(&Standard).to_vec().unwrap();
        E::decode(&body).unwrap().known().unwrap()
    }
}

#[test]
fn every_published_variant_round_trips_in_every_format() {
    let checked = [
        round_trip::<phala::PhalaError>(),
        round_trip::<hexabase::HexabaseError>(),
        round_trip::<k0rdent::K0rdentError>(),
        round_trip::<llm_gateway::GatewayError>(),
        round_trip::<openchoreo::OpenChoreoError>(),
    ];
    let codes = phala::PhalaError::CATALOG.len()
        + hexabase::HexabaseError::CATALOG.len()
        + k0rdent::K0rdentError::CATALOG.len()
        + llm_gateway::GatewayError::CATALOG.len()
        + openchoreo::OpenChoreoError::CATALOG.len();
    assert_eq!(codes, 29 + 36 + 10 + 13 + 21);
    // Every format per code (each built-in one, RFC 9457 both without and
    // with a `type` URL), less what the formats cannot tell apart:
    // - Phala, OpenAI style: 11 codes share status and message with another
    //   ("The requested node is not available" x3, GPU x2, OS image x2,
    //   "The requested CVM was not found" x2, invalid parameters x2);
    // - Hexabase, RFC 9457: two variants have a `status` detail, which the
    //   problem document's own `status` member takes precedence over (in
    //   both problem formats).
    let n = FORMATS.len();
    assert_eq!(checked, [29 * n - 11, 36 * n - 4, 10 * n, 13 * n, 21 * n]);
}

#[test]
fn decoded_values_equal_their_originals() {
    let original = phala::PhalaError::Preflight(phala::PreflightError::DuplicateCvmName {
        name: "web".into(),
    });
    for format in FORMATS.iter() {
        let body = Render::new(&original).format(format).to_vec().unwrap();
        assert_eq!(
            phala::PhalaError::decode(&body).unwrap(),
            Decoded::Known(phala::PhalaError::Preflight(
                phala::PreflightError::DuplicateCvmName { name: "web".into() }
            )),
            "{format:?}"
        );
    }
}

#[test]
fn unknown_codes_keep_what_was_sent() {
    let body = br#"{"error":{"code":"ERR-09-001","message":"Quantum flux","details":{"x":1}}}"#;
    assert_eq!(
        phala::PhalaError::decode(body).unwrap(),
        Decoded::Unknown(apierror::decode::UnknownError {
            code: Some("ERR-09-001".into()),
            status: None,
            message: Some("Quantum flux".into()),
            details: Some(json!({"x": 1})),
        })
    );
    // The response's status fills in where the body has none.
    let response = apierror::http::Response::builder()
        .status(418)
        .body(body.to_vec())
        .unwrap();
    let Decoded::Unknown(unknown) = phala::PhalaError::decode_response(&response).unwrap() else {
        panic!("expected an unknown code");
    };
    assert_eq!(unknown.status, Some(418));
    // A problem document carries its own status.
    let problem = br#"{"type":"about:blank","title":"Gone","status":410,"detail":"gone","code":"GONE_AWAY","since":"2024"}"#;
    let Decoded::Unknown(unknown) = phala::PhalaError::decode(problem).unwrap() else {
        panic!("expected an unknown code");
    };
    assert_eq!(
        (unknown.code.as_deref(), unknown.status),
        (Some("GONE_AWAY"), Some(410))
    );
    assert_eq!(unknown.details, Some(json!({"since": "2024"})));
}

#[test]
fn malformed_bodies_are_errors() {
    let cases: [&[u8]; 9] = [
        b"",
        b"{",
        b"null",
        b"[1,2]",
        br#"{"error":"nope"}"#,
        br#"{"error":{"message":"no code"}}"#,
        br#"{"success":false}"#,
        br#"{"type":"error"}"#,
        &[0xff, 0xfe],
    ];
    for body in cases {
        let result = phala::PhalaError::decode(body);
        assert!(
            matches!(result, Err(DecodeError::Json(_) | DecodeError::NotAnError)),
            "{:?}: {result:?}",
            String::from_utf8_lossy(body)
        );
    }
}

/// Fields of several kinds in one variant: a list, then a string and an
/// integer that decode reads in one call.
#[derive(Debug, PartialEq, apierror::ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 400, decode)]
pub enum Mixed {
    #[message("Mixed")]
    Mixed { items: Vec<u32>, a: String, b: u32 },
}

#[test]
fn wrong_or_missing_fields_name_the_field() {
    let wrong = br#"{"error":{"code":"ERR-02-003","message":"m","details":{"requested":"eight","available":2}}}"#;
    let error = phala::PhalaError::decode(wrong).unwrap_err();
    assert!(
        matches!(&error, DecodeError::Field { code, field: "requested", .. } if code == "ERR-02-003")
    );
    assert!(error
        .to_string()
        .starts_with("error `ERR-02-003`: details field `requested`:"));

    // Both wrong: the first in declaration order is named (the fields of a
    // variant are read in one call, in order).
    let both = br#"{"error":{"code":"ERR-02-003","message":"m","details":{"requested":"8","available":"2"}}}"#;
    assert!(matches!(
        phala::PhalaError::decode(both).unwrap_err(),
        DecodeError::Field {
            field: "requested",
            ..
        }
    ));
    let second = br#"{"error":{"code":"ERR-02-003","message":"m","details":{"requested":8,"available":[]}}}"#;
    assert!(matches!(
        phala::PhalaError::decode(second).unwrap_err(),
        DecodeError::Field {
            field: "available",
            ..
        }
    ));

    // A field read apart (a list) declared before the ones read together
    // still fails first.
    let body = br#"{"error":{"code":"MIXED","message":"m","details":{"items":"bad","b":1}}}"#;
    assert!(matches!(
        Mixed::decode(body).unwrap_err(),
        DecodeError::Field { field: "items", .. }
    ));
    let body = br#"{"error":{"code":"MIXED","message":"m","details":{"items":[1],"a":"x","b":1}}}"#;
    assert_eq!(
        Mixed::decode(body).unwrap().known(),
        Some(Mixed::Mixed {
            items: vec![1],
            a: "x".into(),
            b: 1
        })
    );

    let missing = br#"{"error":{"code":"ERR-02-003","message":"m","details":{"requested":8}}}"#;
    let error = phala::PhalaError::decode(missing).unwrap_err();
    assert_eq!(
        error.to_string(),
        "error `ERR-02-003`: details field `available`: missing"
    );
}

#[test]
fn google_metadata_strings_become_typed_fields() {
    let body = json!({"error": {"code": 409, "message": "m", "status": "ABORTED", "details": [
        {"@type": "type.googleapis.com/google.rpc.LocalizedMessage", "locale": "en"},
        {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "ERR-02-003",
         "domain": "phala.network", "metadata": {"requested": "8", "available": "2"}}
    ]}});
    assert_eq!(
        phala::PhalaError::decode(body.to_string().as_bytes()).unwrap(),
        Decoded::Known(phala::PhalaError::Inventory(
            phala::InventoryError::InsufficientVcpu {
                requested: 8,
                available: 2
            }
        ))
    );
}

#[test]
fn openai_bodies_are_matched_by_status_type_and_message() {
    let body = br#"{"error":{"message":"rate limit exceeded","type":"rate_limit_error","code":429,"details":{"retry_after":60,"limit":200,"remaining":0}}}"#;
    let decoded = llm_gateway::GatewayError::decode(body)
        .unwrap()
        .known()
        .unwrap();
    assert_eq!(decoded.code(), "RATE_LIMIT_EXCEEDED");
    assert_eq!(decoded.retry_after(), Some(60));
    // An interpolated message matches its template.
    let duplicate = br#"{"error":{"message":"A CVM with name 'web' already exists in this workspace","type":"conflict_error","code":409,"details":{"name":"web"}}}"#;
    assert_eq!(
        phala::PhalaError::decode(duplicate)
            .unwrap()
            .known()
            .map(|e| e.code()),
        Some("ERR-01-004")
    );
    // No variant with that status and message.
    let other = br#"{"error":{"message":"something else","type":"rate_limit_error","code":429}}"#;
    let Decoded::Unknown(unknown) = llm_gateway::GatewayError::decode(other).unwrap() else {
        panic!("expected unknown");
    };
    assert_eq!((unknown.code, unknown.status), (None, Some(429)));
}

mod vague {
    use apierror::ApiError;

    /// A message made only of a placeholder, in its own type: nothing in it
    /// to tell it from a more specific template of another type.
    #[derive(Debug, PartialEq, ApiError)]
    #[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "VAGUE_", status = 404, decode)]
    pub enum Vague {
        #[message("{what}")]
        Anything { what: String },
    }

    #[derive(Debug, PartialEq, ApiError)]
    #[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "MODEL_", status = 404, decode)]
    pub enum Model {
        #[message("Model {name} not found")]
        NotFound { name: String },
    }

    #[derive(Debug, PartialEq, ApiError)]
    #[api_error(decode)]
    pub enum Gateway {
        #[api_error(transparent)]
        Vague(Vague),
        #[api_error(transparent)]
        Model(Model),
    }

    #[derive(Debug, PartialEq, ApiError)]
    #[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "OTHER_", status = 404, decode)]
    pub enum Other {
        #[message("{thing}")]
        Anything { thing: String },
    }

    #[derive(Debug, PartialEq, ApiError)]
    #[api_error(decode)]
    pub enum Tied {
        #[api_error(transparent)]
        Vague(Vague),
        #[api_error(transparent)]
        Other(Other),
    }
}

#[test]
fn openai_bodies_match_the_most_specific_template() {
    use vague::{Gateway, Model, Tied};
    let body = br#"{"error":{"message":"Model gpt-9 not found","type":"not_found_error","code":404,"details":{"name":"gpt-9"}}}"#;
    // The vague template comes first, yet the specific one wins.
    assert_eq!(
        Gateway::decode(body).unwrap().known(),
        Some(Gateway::Model(Model::NotFound {
            name: "gpt-9".into()
        }))
    );
    // Where only the vague one matches, it is the answer.
    let body = br#"{"error":{"message":"gone","type":"not_found_error","code":404,"details":{"what":"gone"}}}"#;
    assert_eq!(
        Gateway::decode(body).unwrap().known().map(|e| e.code()),
        Some("VAGUE_ANYTHING")
    );
    // Two templates that match alike: unknown, not a guess.
    assert!(matches!(Tied::decode(body).unwrap(), Decoded::Unknown(_)));
    // With a code in the body there is nothing to guess.
    let coded =
        br#"{"error":{"code":"OTHER_ANYTHING","message":"gone","details":{"thing":"gone"}}}"#;
    assert_eq!(
        Tied::decode(coded).unwrap().known().map(|e| e.code()),
        Some("OTHER_ANYTHING")
    );
}

/// The service type the guide recommends: the framework's failures composed
/// in, decodable as a whole.
mod with_request_errors {
    use apierror::{ApiError, RequestError};

    #[derive(Debug, ApiError)]
    #[api_error(decode)]
    pub enum ServiceError {
        #[api_error(transparent)]
        Request(#[from] RequestError),
        #[code("ORDER_NOT_FOUND")]
        #[status(404)]
        #[message("Order {id} not found")]
        OrderNotFound { id: u32 },
    }
}

#[test]
fn request_errors_decode_alone_and_composed() {
    use apierror::{PanicMessage, RequestError};
    use with_request_errors::ServiceError;
    let errors = || {
        vec![
            RequestError::InvalidJson {
                reason: "EOF at line 1 column 13".into(),
            },
            RequestError::InvalidBody {
                path: Some("items[0].price".into()),
                reason: "invalid type".into(),
            },
            RequestError::InvalidBody {
                path: None,
                reason: "missing field".into(),
            },
            RequestError::UnsupportedMediaType {
                expected: "application/json".into(),
            },
            RequestError::PayloadTooLarge,
            RequestError::UnreadableBody,
            RequestError::InvalidPath {
                reason: "not a number".into(),
            },
            RequestError::InvalidQuery {
                reason: "limit: too large".into(),
            },
            RequestError::InvalidForm {
                reason: "limit: invalid digit".into(),
            },
            RequestError::RouteNotFound {
                path: "/nowhere".into(),
            },
            RequestError::MethodNotAllowed {
                method: "DELETE".into(),
            },
            RequestError::Panic {
                cause: PanicMessage("secret".into()),
            },
            RequestError::Misconfigured {
                cause: PanicMessage("secret".into()),
            },
        ]
    };
    // Every code (InvalidBody twice: with and without a path).
    assert_eq!(errors().len(), RequestError::CATALOG.len() + 1);
    for format in FORMATS.iter() {
        for error in errors() {
            // Sources are internal: they decode as their Default.
            let expected = match &error {
                RequestError::Panic { .. } => format!(
                    "{:?}",
                    RequestError::Panic {
                        cause: PanicMessage::default()
                    }
                ),
                RequestError::Misconfigured { .. } => {
                    format!(
                        "{:?}",
                        RequestError::Misconfigured {
                            cause: PanicMessage::default()
                        }
                    )
                }
                other => format!("{other:?}"),
            };
            let body = Render::new(&error).format(format).to_vec().unwrap();
            // The OpenAI style has no code: two 500s alike in status, type
            // and message (Panic, Misconfigured) cannot be told apart there.
            if matches!(format, BuiltIn::OpenAi(_))
                && openai_twin(RequestError::CATALOG, error.descriptor())
            {
                assert!(matches!(
                    RequestError::decode(&body).unwrap(),
                    Decoded::Unknown(_)
                ));
                continue;
            }
            match RequestError::decode(&body).unwrap() {
                Decoded::Known(decoded) => {
                    assert_eq!(format!("{decoded:?}"), expected, "{format:?}")
                }
                other => panic!("{format:?}: {other:?}"),
            }
            let composed = ServiceError::from(error);
            let body = Render::new(&composed).format(format).to_vec().unwrap();
            match ServiceError::decode(&body).unwrap() {
                Decoded::Known(ServiceError::Request(decoded)) => {
                    assert_eq!(format!("{decoded:?}"), expected, "{format:?}")
                }
                other => panic!("{format:?}: {other:?}"),
            }
        }
        let own = ServiceError::OrderNotFound { id: 17 };
        let body = Render::new(&own).format(format).to_vec().unwrap();
        assert!(matches!(
            ServiceError::decode(&body).unwrap(),
            Decoded::Known(ServiceError::OrderNotFound { id: 17 })
        ));
    }
}

/// More variants than one of the derive's decode functions holds (64 arms
/// each, dispatched by index / 64): every one decodes back to itself, in
/// every format, the last chunk's too.
mod many {
    #[derive(Debug, PartialEq, apierror::ApiError)]
    #[api_error(pattern = "M-###", status = 400, decode)]
    pub enum Many {
        #[code("M-000")]
        #[message("Variant 0")]
        V0,
        #[code("M-001")]
        #[message("Variant 1 needs {n}")]
        V1 { n: u32 },
        #[code("M-002")]
        #[message("Variant 2")]
        V2 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-003")]
        #[message("Variant 3")]
        V3,
        #[code("M-004")]
        #[message("Variant 4 needs {n}")]
        V4 { n: u32 },
        #[code("M-005")]
        #[message("Variant 5")]
        V5 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-006")]
        #[message("Variant 6")]
        V6,
        #[code("M-007")]
        #[message("Variant 7 needs {n}")]
        V7 { n: u32 },
        #[code("M-008")]
        #[message("Variant 8")]
        V8 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-009")]
        #[message("Variant 9")]
        V9,
        #[code("M-010")]
        #[message("Variant 10 needs {n}")]
        V10 { n: u32 },
        #[code("M-011")]
        #[message("Variant 11")]
        V11 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-012")]
        #[message("Variant 12")]
        V12,
        #[code("M-013")]
        #[message("Variant 13 needs {n}")]
        V13 { n: u32 },
        #[code("M-014")]
        #[message("Variant 14")]
        V14 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-015")]
        #[message("Variant 15")]
        V15,
        #[code("M-016")]
        #[message("Variant 16 needs {n}")]
        V16 { n: u32 },
        #[code("M-017")]
        #[message("Variant 17")]
        V17 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-018")]
        #[message("Variant 18")]
        V18,
        #[code("M-019")]
        #[message("Variant 19 needs {n}")]
        V19 { n: u32 },
        #[code("M-020")]
        #[message("Variant 20")]
        V20 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-021")]
        #[message("Variant 21")]
        V21,
        #[code("M-022")]
        #[message("Variant 22 needs {n}")]
        V22 { n: u32 },
        #[code("M-023")]
        #[message("Variant 23")]
        V23 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-024")]
        #[message("Variant 24")]
        V24,
        #[code("M-025")]
        #[message("Variant 25 needs {n}")]
        V25 { n: u32 },
        #[code("M-026")]
        #[message("Variant 26")]
        V26 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-027")]
        #[message("Variant 27")]
        V27,
        #[code("M-028")]
        #[message("Variant 28 needs {n}")]
        V28 { n: u32 },
        #[code("M-029")]
        #[message("Variant 29")]
        V29 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-030")]
        #[message("Variant 30")]
        V30,
        #[code("M-031")]
        #[message("Variant 31 needs {n}")]
        V31 { n: u32 },
        #[code("M-032")]
        #[message("Variant 32")]
        V32 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-033")]
        #[message("Variant 33")]
        V33,
        #[code("M-034")]
        #[message("Variant 34 needs {n}")]
        V34 { n: u32 },
        #[code("M-035")]
        #[message("Variant 35")]
        V35 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-036")]
        #[message("Variant 36")]
        V36,
        #[code("M-037")]
        #[message("Variant 37 needs {n}")]
        V37 { n: u32 },
        #[code("M-038")]
        #[message("Variant 38")]
        V38 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-039")]
        #[message("Variant 39")]
        V39,
        #[code("M-040")]
        #[message("Variant 40 needs {n}")]
        V40 { n: u32 },
        #[code("M-041")]
        #[message("Variant 41")]
        V41 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-042")]
        #[message("Variant 42")]
        V42,
        #[code("M-043")]
        #[message("Variant 43 needs {n}")]
        V43 { n: u32 },
        #[code("M-044")]
        #[message("Variant 44")]
        V44 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-045")]
        #[message("Variant 45")]
        V45,
        #[code("M-046")]
        #[message("Variant 46 needs {n}")]
        V46 { n: u32 },
        #[code("M-047")]
        #[message("Variant 47")]
        V47 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-048")]
        #[message("Variant 48")]
        V48,
        #[code("M-049")]
        #[message("Variant 49 needs {n}")]
        V49 { n: u32 },
        #[code("M-050")]
        #[message("Variant 50")]
        V50 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-051")]
        #[message("Variant 51")]
        V51,
        #[code("M-052")]
        #[message("Variant 52 needs {n}")]
        V52 { n: u32 },
        #[code("M-053")]
        #[message("Variant 53")]
        V53 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-054")]
        #[message("Variant 54")]
        V54,
        #[code("M-055")]
        #[message("Variant 55 needs {n}")]
        V55 { n: u32 },
        #[code("M-056")]
        #[message("Variant 56")]
        V56 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-057")]
        #[message("Variant 57")]
        V57,
        #[code("M-058")]
        #[message("Variant 58 needs {n}")]
        V58 { n: u32 },
        #[code("M-059")]
        #[message("Variant 59")]
        V59 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-060")]
        #[message("Variant 60")]
        V60,
        #[code("M-061")]
        #[message("Variant 61 needs {n}")]
        V61 { n: u32 },
        #[code("M-062")]
        #[message("Variant 62")]
        V62 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-063")]
        #[message("Variant 63")]
        V63,
        #[code("M-064")]
        #[message("Variant 64 needs {n}")]
        V64 { n: u32 },
        #[code("M-065")]
        #[message("Variant 65")]
        V65 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-066")]
        #[message("Variant 66")]
        V66,
        #[code("M-067")]
        #[message("Variant 67 needs {n}")]
        V67 { n: u32 },
        #[code("M-068")]
        #[message("Variant 68")]
        V68 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-069")]
        #[message("Variant 69")]
        V69,
        #[code("M-070")]
        #[message("Variant 70 needs {n}")]
        V70 { n: u32 },
        #[code("M-071")]
        #[message("Variant 71")]
        V71 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-072")]
        #[message("Variant 72")]
        V72,
        #[code("M-073")]
        #[message("Variant 73 needs {n}")]
        V73 { n: u32 },
        #[code("M-074")]
        #[message("Variant 74")]
        V74 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-075")]
        #[message("Variant 75")]
        V75,
        #[code("M-076")]
        #[message("Variant 76 needs {n}")]
        V76 { n: u32 },
        #[code("M-077")]
        #[message("Variant 77")]
        V77 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-078")]
        #[message("Variant 78")]
        V78,
        #[code("M-079")]
        #[message("Variant 79 needs {n}")]
        V79 { n: u32 },
        #[code("M-080")]
        #[message("Variant 80")]
        V80 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-081")]
        #[message("Variant 81")]
        V81,
        #[code("M-082")]
        #[message("Variant 82 needs {n}")]
        V82 { n: u32 },
        #[code("M-083")]
        #[message("Variant 83")]
        V83 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-084")]
        #[message("Variant 84")]
        V84,
        #[code("M-085")]
        #[message("Variant 85 needs {n}")]
        V85 { n: u32 },
        #[code("M-086")]
        #[message("Variant 86")]
        V86 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-087")]
        #[message("Variant 87")]
        V87,
        #[code("M-088")]
        #[message("Variant 88 needs {n}")]
        V88 { n: u32 },
        #[code("M-089")]
        #[message("Variant 89")]
        V89 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-090")]
        #[message("Variant 90")]
        V90,
        #[code("M-091")]
        #[message("Variant 91 needs {n}")]
        V91 { n: u32 },
        #[code("M-092")]
        #[message("Variant 92")]
        V92 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-093")]
        #[message("Variant 93")]
        V93,
        #[code("M-094")]
        #[message("Variant 94 needs {n}")]
        V94 { n: u32 },
        #[code("M-095")]
        #[message("Variant 95")]
        V95 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-096")]
        #[message("Variant 96")]
        V96,
        #[code("M-097")]
        #[message("Variant 97 needs {n}")]
        V97 { n: u32 },
        #[code("M-098")]
        #[message("Variant 98")]
        V98 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-099")]
        #[message("Variant 99")]
        V99,
        #[code("M-100")]
        #[message("Variant 100 needs {n}")]
        V100 { n: u32 },
        #[code("M-101")]
        #[message("Variant 101")]
        V101 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-102")]
        #[message("Variant 102")]
        V102,
        #[code("M-103")]
        #[message("Variant 103 needs {n}")]
        V103 { n: u32 },
        #[code("M-104")]
        #[message("Variant 104")]
        V104 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-105")]
        #[message("Variant 105")]
        V105,
        #[code("M-106")]
        #[message("Variant 106 needs {n}")]
        V106 { n: u32 },
        #[code("M-107")]
        #[message("Variant 107")]
        V107 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-108")]
        #[message("Variant 108")]
        V108,
        #[code("M-109")]
        #[message("Variant 109 needs {n}")]
        V109 { n: u32 },
        #[code("M-110")]
        #[message("Variant 110")]
        V110 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-111")]
        #[message("Variant 111")]
        V111,
        #[code("M-112")]
        #[message("Variant 112 needs {n}")]
        V112 { n: u32 },
        #[code("M-113")]
        #[message("Variant 113")]
        V113 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-114")]
        #[message("Variant 114")]
        V114,
        #[code("M-115")]
        #[message("Variant 115 needs {n}")]
        V115 { n: u32 },
        #[code("M-116")]
        #[message("Variant 116")]
        V116 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-117")]
        #[message("Variant 117")]
        V117,
        #[code("M-118")]
        #[message("Variant 118 needs {n}")]
        V118 { n: u32 },
        #[code("M-119")]
        #[message("Variant 119")]
        V119 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-120")]
        #[message("Variant 120")]
        V120,
        #[code("M-121")]
        #[message("Variant 121 needs {n}")]
        V121 { n: u32 },
        #[code("M-122")]
        #[message("Variant 122")]
        V122 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-123")]
        #[message("Variant 123")]
        V123,
        #[code("M-124")]
        #[message("Variant 124 needs {n}")]
        V124 { n: u32 },
        #[code("M-125")]
        #[message("Variant 125")]
        V125 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-126")]
        #[message("Variant 126")]
        V126,
        #[code("M-127")]
        #[message("Variant 127 needs {n}")]
        V127 { n: u32 },
        #[code("M-128")]
        #[message("Variant 128")]
        V128 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-129")]
        #[message("Variant 129")]
        V129,
        #[code("M-130")]
        #[message("Variant 130 needs {n}")]
        V130 { n: u32 },
        #[code("M-131")]
        #[message("Variant 131")]
        V131 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-132")]
        #[message("Variant 132")]
        V132,
        #[code("M-133")]
        #[message("Variant 133 needs {n}")]
        V133 { n: u32 },
        #[code("M-134")]
        #[message("Variant 134")]
        V134 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-135")]
        #[message("Variant 135")]
        V135,
        #[code("M-136")]
        #[message("Variant 136 needs {n}")]
        V136 { n: u32 },
        #[code("M-137")]
        #[message("Variant 137")]
        V137 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-138")]
        #[message("Variant 138")]
        V138,
        #[code("M-139")]
        #[message("Variant 139 needs {n}")]
        V139 { n: u32 },
        #[code("M-140")]
        #[message("Variant 140")]
        V140 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-141")]
        #[message("Variant 141")]
        V141,
        #[code("M-142")]
        #[message("Variant 142 needs {n}")]
        V142 { n: u32 },
        #[code("M-143")]
        #[message("Variant 143")]
        V143 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-144")]
        #[message("Variant 144")]
        V144,
        #[code("M-145")]
        #[message("Variant 145 needs {n}")]
        V145 { n: u32 },
        #[code("M-146")]
        #[message("Variant 146")]
        V146 {
            n: u32,
            name: String,
            note: Option<String>,
        },
        #[code("M-147")]
        #[message("Variant 147")]
        V147,
        #[code("M-148")]
        #[message("Variant 148 needs {n}")]
        V148 { n: u32 },
        #[code("M-149")]
        #[message("Variant 149")]
        V149 {
            n: u32,
            name: String,
            note: Option<String>,
        },
    }
}

#[test]
fn an_enum_of_more_variants_than_a_decode_function_holds_round_trips() {
    assert_eq!(many::Many::CATALOG.len(), 150);
    // Every variant in every format: no two alike in the OpenAI style.
    assert_eq!(round_trip::<many::Many>(), 150 * FORMATS.len());
}
