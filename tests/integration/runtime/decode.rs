//! Typed client decoding: every variant of every service catalog, rendered in
//! every built-in format, decodes back to the value it was rendered from;
//! unknown codes and malformed bodies are results, never panics.

use apierror::decode::{decode, decode_response, Decode, DecodeError, Decoded};
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
            let decoded = decode::<E>(&body).unwrap_or_else(|e| {
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
        decode::<E>(&body).unwrap().known().unwrap()
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
            decode::<phala::PhalaError>(&body).unwrap(),
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
        decode::<phala::PhalaError>(body).unwrap(),
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
    let Decoded::Unknown(unknown) = decode_response::<phala::PhalaError>(&response).unwrap() else {
        panic!("expected an unknown code");
    };
    assert_eq!(unknown.status, Some(418));
    // A problem document carries its own status.
    let problem = br#"{"type":"about:blank","title":"Gone","status":410,"detail":"gone","code":"GONE_AWAY","since":"2024"}"#;
    let Decoded::Unknown(unknown) = decode::<phala::PhalaError>(problem).unwrap() else {
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
        let result = decode::<phala::PhalaError>(body);
        assert!(
            matches!(result, Err(DecodeError::Json(_) | DecodeError::NotAnError)),
            "{:?}: {result:?}",
            String::from_utf8_lossy(body)
        );
    }
}

#[test]
fn wrong_or_missing_fields_name_the_field() {
    let wrong = br#"{"error":{"code":"ERR-02-003","message":"m","details":{"requested":"eight","available":2}}}"#;
    let error = decode::<phala::PhalaError>(wrong).unwrap_err();
    assert!(
        matches!(&error, DecodeError::Field { code, field: "requested", .. } if code == "ERR-02-003")
    );
    assert!(error
        .to_string()
        .starts_with("error `ERR-02-003`: details field `requested`:"));

    let missing = br#"{"error":{"code":"ERR-02-003","message":"m","details":{"requested":8}}}"#;
    let error = decode::<phala::PhalaError>(missing).unwrap_err();
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
        decode::<phala::PhalaError>(body.to_string().as_bytes()).unwrap(),
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
    let decoded = decode::<llm_gateway::GatewayError>(body)
        .unwrap()
        .known()
        .unwrap();
    assert_eq!(decoded.code(), "RATE_LIMIT_EXCEEDED");
    assert_eq!(decoded.retry_after(), Some(60));
    // An interpolated message matches its template.
    let duplicate = br#"{"error":{"message":"A CVM with name 'web' already exists in this workspace","type":"conflict_error","code":409,"details":{"name":"web"}}}"#;
    assert_eq!(
        decode::<phala::PhalaError>(duplicate)
            .unwrap()
            .known()
            .map(|e| e.code()),
        Some("ERR-01-004")
    );
    // No variant with that status and message.
    let other = br#"{"error":{"message":"something else","type":"rate_limit_error","code":429}}"#;
    let Decoded::Unknown(unknown) = decode::<llm_gateway::GatewayError>(other).unwrap() else {
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
        decode::<Gateway>(body).unwrap().known(),
        Some(Gateway::Model(Model::NotFound {
            name: "gpt-9".into()
        }))
    );
    // Where only the vague one matches, it is the answer.
    let body = br#"{"error":{"message":"gone","type":"not_found_error","code":404,"details":{"what":"gone"}}}"#;
    assert_eq!(
        decode::<Gateway>(body).unwrap().known().map(|e| e.code()),
        Some("VAGUE_ANYTHING")
    );
    // Two templates that match alike: unknown, not a guess.
    assert!(matches!(decode::<Tied>(body).unwrap(), Decoded::Unknown(_)));
    // With a code in the body there is nothing to guess.
    let coded =
        br#"{"error":{"code":"OTHER_ANYTHING","message":"gone","details":{"thing":"gone"}}}"#;
    assert_eq!(
        decode::<Tied>(coded).unwrap().known().map(|e| e.code()),
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
                    decode::<RequestError>(&body).unwrap(),
                    Decoded::Unknown(_)
                ));
                continue;
            }
            match decode::<RequestError>(&body).unwrap() {
                Decoded::Known(decoded) => {
                    assert_eq!(format!("{decoded:?}"), expected, "{format:?}")
                }
                other => panic!("{format:?}: {other:?}"),
            }
            let composed = ServiceError::from(error);
            let body = Render::new(&composed).format(format).to_vec().unwrap();
            match decode::<ServiceError>(&body).unwrap() {
                Decoded::Known(ServiceError::Request(decoded)) => {
                    assert_eq!(format!("{decoded:?}"), expected, "{format:?}")
                }
                other => panic!("{format:?}: {other:?}"),
            }
        }
        let own = ServiceError::OrderNotFound { id: 17 };
        let body = Render::new(&own).format(format).to_vec().unwrap();
        assert!(matches!(
            decode::<ServiceError>(&body).unwrap(),
            Decoded::Known(ServiceError::OrderNotFound { id: 17 })
        ));
    }
}
