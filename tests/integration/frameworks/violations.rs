//! Validation error lists: one `Violations` details field, rendered natively
//! by every built-in format (both the byte writer and the serde path),
//! decoded back from each, converted from validator's errors, and answered
//! by a real axum service.

use apierror::decode::{Decode, Decoded};
use apierror::format::{Context, Format, Google, OpenAi, Problem, Standard, Tagged, WebSocket};
use apierror::{ApiError, Render, Violation, Violations};
use serde_json::{json, Value};

#[derive(Debug, PartialEq, ApiError)]
#[api_error(decode, doc_url = "https://docs.example.com/errors/{code}")]
enum SignupError {
    #[code("VALIDATION_FAILED")]
    #[status(422)]
    #[message("The request is not valid")]
    Invalid {
        form: String,
        violations: Violations,
    },
    #[code("MAYBE_INVALID")]
    #[status(400)]
    #[message("The query is not valid")]
    Maybe { violations: Option<Violations> },
    #[code("BOXED_INVALID")]
    #[status(400)]
    #[message("The import is not valid")]
    Boxed {
        #[api_error(rename = "problems")]
        list: Box<apierror::Violations>,
        line: u32,
    },
    #[code("ALIASED_INVALID")]
    #[status(400)]
    #[message("The upload is not valid")]
    Aliased {
        #[api_error(violations)]
        errors: FieldErrors,
    },
}

/// An alias the derive cannot see through: marked `violations`.
type FieldErrors = Violations;

/// A type of the user's own spelled `Violations`: `violations = false`
/// keeps it a plain detail.
mod own {
    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    pub struct Violations(pub Vec<String>);
}

#[derive(Debug, PartialEq, ApiError)]
#[api_error(decode, format = "problem")]
enum Lint {
    #[code("LINT_FAILED")]
    #[status(422)]
    #[message("The lint failed")]
    Failed {
        #[api_error(violations = false)]
        rules: own::Violations,
    },
}

#[test]
fn a_type_of_ones_own_spelled_violations_can_stay_a_plain_detail() {
    let error = Lint::Failed {
        rules: own::Violations(vec!["no-tabs".into()]),
    };
    let body = Render::new(&error).to_vec().unwrap();
    let value: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(value["rules"], json!(["no-tabs"]));
    assert!(value.get("errors").is_none(), "{value}");
    assert_eq!(Lint::decode(&body).unwrap().known(), Some(error));
}

fn three() -> Violations {
    Violations::new()
        .with("email", "email", "must be an email address")
        .with("/profile/age", "range", "must be at least 18")
        .with("items[2].name", "length", "must be at most 40 characters")
}

fn invalid() -> SignupError {
    SignupError::Invalid {
        form: "signup".into(),
        violations: three(),
    }
}

/// The body through the byte writer, and through serde: they must agree.
fn both<F: Format>(error: &SignupError, format: &F) -> Value {
    both_any(error, format)
}

fn standard_list() -> Value {
    json!([
        {"field": "email", "pointer": "/email", "code": "email", "message": "must be an email address"},
        {"field": "profile.age", "pointer": "/profile/age", "code": "range", "message": "must be at least 18"},
        {"field": "items[2].name", "pointer": "/items/2/name", "code": "length", "message": "must be at most 40 characters"},
    ])
}

#[test]
fn the_standard_format_lists_them_in_details() {
    assert_eq!(
        both(&invalid(), &Standard),
        json!({"error": {
            "code": "VALIDATION_FAILED",
            "message": "The request is not valid",
            "details": {"form": "signup", "violations": standard_list()},
        }})
    );
    // So do the formats that nest the standard object or a details map.
    for body in [
        both(&invalid(), &Tagged),
        both(&invalid(), &WebSocket),
        both(&invalid(), &OpenAi),
    ] {
        let details = body["error"]["details"]
            .as_object()
            .or(body["details"].as_object())
            .unwrap_or_else(|| panic!("no details in {body}"));
        assert_eq!(details["violations"], standard_list(), "{body}");
    }
}

#[test]
fn rfc_9457_writes_the_errors_member_of_its_section_3() {
    assert_eq!(
        both(&invalid(), &Problem::new()),
        json!({
            "type": "https://docs.example.com/errors/VALIDATION_FAILED",
            "title": "Unprocessable Entity",
            "status": 422,
            "detail": "The request is not valid",
            "code": "VALIDATION_FAILED",
            "form": "signup",
            "errors": [
                {"pointer": "#/email", "detail": "must be an email address", "code": "email"},
                {"pointer": "#/profile/age", "detail": "must be at least 18", "code": "range"},
                {"pointer": "#/items/2/name", "detail": "must be at most 40 characters", "code": "length"},
            ],
        })
    );
}

#[test]
fn aip_193_adds_a_bad_request_and_keeps_metadata_strings() {
    let body = both(&invalid(), &Google::new("signup.example.com"));
    assert_eq!(
        body,
        json!({"error": {
            "code": 422,
            "message": "The request is not valid",
            "status": "FAILED_PRECONDITION",
            "details": [
                {
                    "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                    "reason": "VALIDATION_FAILED",
                    "domain": "signup.example.com",
                    "metadata": {"form": "signup"},
                },
                {
                    "@type": "type.googleapis.com/google.rpc.BadRequest",
                    "fieldViolations": [
                        {"field": "email", "description": "must be an email address", "reason": "email"},
                        {"field": "profile.age", "description": "must be at least 18", "reason": "range"},
                        {"field": "items[2].name", "description": "must be at most 40 characters", "reason": "length"},
                    ],
                },
                {
                    "@type": "type.googleapis.com/google.rpc.Help",
                    "links": [{
                        "description": "Documentation of VALIDATION_FAILED",
                        "url": "https://docs.example.com/errors/VALIDATION_FAILED",
                    }],
                },
            ],
        }})
    );
}

#[test]
fn every_spelling_of_the_field_is_the_list() {
    let google = Google::new("x.example.com");
    let boxed = SignupError::Boxed {
        list: Box::new(Violations::new().with("/0/sku", "missing", "no SKU")),
        line: 3,
    };
    let aliased = SignupError::Aliased {
        errors: Violations::new().with("file", "size", "too large"),
    };
    for (error, key) in [(&boxed, "problems"), (&aliased, "errors")] {
        assert!(
            both(error, &Standard)["error"]["details"][key].is_array(),
            "{error:?}"
        );
        let problem = both(error, &Problem::new());
        assert!(problem["errors"][0]["detail"].is_string(), "{problem}");
        assert!(problem.get("problems").is_none(), "{problem}");
        let details = &both(error, &google)["error"]["details"];
        assert_eq!(
            details[1]["@type"], "type.googleapis.com/google.rpc.BadRequest",
            "{details}"
        );
        assert!(details[0]["metadata"].get(key).is_none(), "{details}");
    }
    assert_eq!(both(&boxed, &Problem::new())["line"], 3);

    // `None` is left out everywhere; `Some` of an empty list is an empty list.
    let none = SignupError::Maybe { violations: None };
    assert_eq!(both(&none, &Standard)["error"]["details"], json!({}));
    assert!(both(&none, &Problem::new()).get("errors").is_none());
    assert_eq!(
        both(&none, &google)["error"]["details"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let empty = SignupError::Maybe {
        violations: Some(Violations::new()),
    };
    assert_eq!(both(&empty, &Problem::new())["errors"], json!([]));
    assert_eq!(
        both(&empty, &google)["error"]["details"][1]["fieldViolations"],
        json!([])
    );
}

#[test]
fn every_format_decodes_back_to_the_same_list() {
    let errors = [
        invalid(),
        SignupError::Maybe { violations: None },
        SignupError::Maybe {
            violations: Some(Violations::new()),
        },
        SignupError::Boxed {
            list: Box::new(three()),
            line: 9,
        },
        SignupError::Aliased { errors: three() },
    ];
    let google = Google::new("x.example.com");
    for error in &errors {
        let bodies = [
            Render::new(error).format(&Standard).to_vec().unwrap(),
            Render::new(error).format(&Problem::new()).to_vec().unwrap(),
            Render::new(error).format(&google).to_vec().unwrap(),
            Render::new(error).format(&Tagged).to_vec().unwrap(),
            Render::new(error).format(&WebSocket).to_vec().unwrap(),
        ];
        for body in bodies {
            let text = String::from_utf8_lossy(&body).into_owned();
            match SignupError::decode(&body) {
                Ok(Decoded::Known(back)) => assert_eq!(&back, error, "{text}"),
                other => panic!("{text}: {other:?}"),
            }
        }
    }
}

/// The error's body in each built-in format.
fn bodies_in_every_format<E: ApiError>(error: &E) -> Vec<Vec<u8>> {
    let google = Google::new("x.example.com");
    vec![
        Render::new(error).format(&Standard).to_vec().unwrap(),
        Render::new(error).format(&Problem::new()).to_vec().unwrap(),
        Render::new(error).format(&google).to_vec().unwrap(),
        Render::new(error).format(&Tagged).to_vec().unwrap(),
        Render::new(error).format(&WebSocket).to_vec().unwrap(),
        Render::new(error).format(&OpenAi).to_vec().unwrap(),
    ]
}

/// Every pointer survives every format's form of a location: the pointer
/// (standard, tagged, WebSocket, OpenAI), the fragment (RFC 9457) and the
/// field path (AIP-193), names with dots, brackets, backticks, slashes and
/// empty names included.
#[test]
fn every_pointer_survives_every_format() {
    let pointers = [
        "/a.b",
        "/a[0]",
        "//",
        "/a/",
        "/a~02",
        "/`x`",
        "/~1root",
        "/#top",
        "/a b/é/3",
        "/items/2/name",
        "",
        "/0",
        "/a~1b/~0",
        "/`",
        "/a[x]",
        "/[1]",
        "/x.`y`[2]",
    ];
    let mut list = Violations::new();
    for pointer in pointers {
        list = list.with(pointer, "c", "m");
    }
    for (violation, pointer) in list.iter().zip(pointers) {
        assert_eq!(violation.pointer(), pointer);
    }
    let error = SignupError::Invalid {
        form: "f".into(),
        violations: list,
    };
    for body in bodies_in_every_format(&error) {
        let text = String::from_utf8_lossy(&body).into_owned();
        match SignupError::decode(&body) {
            Ok(Decoded::Known(back)) => assert_eq!(back, error, "{text}"),
            other => panic!("{text}: {other:?}"),
        }
    }
    // And through a gRPC status's BadRequest.
    let status = apierror::grpc::Grpc::new("x.example.com").status(&error);
    match apierror::grpc::Grpc::decode_status::<SignupError>(&status) {
        Ok(Decoded::Known(back)) => assert_eq!(back, error),
        other => panic!("{other:?}"),
    }
}

/// A message may name the list: its text is `field: message; ...`.
#[derive(Debug, ApiError)]
enum Named {
    #[code("NAMED_INVALID")]
    #[status(422)]
    #[message("Invalid request: {violations}")]
    Invalid { violations: Violations },
}

#[test]
fn a_message_can_name_the_list() {
    let error = Named::Invalid {
        violations: Violations::new()
            .with("email", "email", "must be an email address")
            .with("", "body", "is too large"),
    };
    assert_eq!(
        error.message().to_string(),
        "Invalid request: email: must be an email address; is too large"
    );
    assert_eq!(
        both_any(&error, &Problem::new())["detail"],
        "Invalid request: email: must be an email address; is too large"
    );
}

fn both_any<E: ApiError, F: Format>(error: &E, format: &F) -> Value {
    let fast: Value = serde_json::from_slice(&Render::new(error).format(format).to_vec().unwrap())
        .expect("the writer's body is JSON");
    let serde = format
        .serialize(error, &Context::new(), serde_json::value::Serializer)
        .unwrap();
    assert_eq!(fast, serde, "writer and serde disagree");
    fast
}

#[test]
fn hostile_lists_are_decode_errors() {
    for body in [
        r#"{"error":{"code":"VALIDATION_FAILED","message":"m","details":{"form":"f","violations":[{"field":"a"}]}}}"#,
        r#"{"error":{"code":"VALIDATION_FAILED","message":"m","details":{"form":"f","violations":{"a":1}}}}"#,
        r#"{"type":"about:blank","title":"t","status":422,"detail":"d","code":"VALIDATION_FAILED","form":"f","errors":"all"}"#,
        r#"{"error":{"code":422,"message":"m","status":"x","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"VALIDATION_FAILED","domain":"d","metadata":{"form":"f"}},{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{"field":7,"description":"d"}]}]}}"#,
    ] {
        assert!(SignupError::decode(body.as_bytes()).is_err(), "{body}");
    }
}

#[test]
fn messages_and_locations_are_escaped_in_every_format() {
    let error = SignupError::Invalid {
        form: "f".into(),
        violations: Violations::new().with("a\"b/c d", "q\"", "say \"hi\"\n\u{1}"),
    };
    let google = Google::new("x.example.com");
    let standard = both(&error, &Standard);
    assert_eq!(
        standard["error"]["details"]["violations"][0],
        json!({"field": "a\"b/c d", "pointer": "/a\"b~1c d", "code": "q\"", "message": "say \"hi\"\n\u{1}"})
    );
    let problem = both(&error, &Problem::new());
    assert_eq!(problem["errors"][0]["pointer"], "#/a%22b~1c%20d");
    let bad = &both(&error, &google)["error"]["details"][1]["fieldViolations"][0];
    assert_eq!(bad["field"], "a\"b/c d");
    // And the fragment reads back as the same location.
    let back = Violation::new(problem["errors"][0]["pointer"].as_str().unwrap(), "c", "m");
    assert_eq!(back.pointer(), "/a\"b~1c d");
}

mod validator_errors {
    use super::*;
    use validator::Validate;

    #[derive(Debug, serde::Deserialize, Validate)]
    pub struct Signup {
        #[validate(email(message = "must be an email address"))]
        pub email: String,
        #[validate(nested)]
        pub profile: Profile,
        #[validate(nested)]
        pub items: Vec<Item>,
    }

    #[derive(Debug, serde::Deserialize, Validate)]
    pub struct Profile {
        #[validate(range(min = 18, message = "must be at least 18"))]
        pub age: u32,
    }

    #[derive(Debug, serde::Deserialize, Validate)]
    pub struct Item {
        // No message: the conversion says "invalid value".
        #[validate(length(max = 4))]
        pub name: String,
    }

    pub fn bad_signup() -> Signup {
        Signup {
            email: "nobody".into(),
            profile: Profile { age: 12 },
            items: vec![
                Item { name: "ok".into() },
                Item { name: "ok".into() },
                Item {
                    name: "far too long".into(),
                },
            ],
        }
    }

    #[test]
    fn validator_errors_become_pointed_violations() {
        let errors = bad_signup().validate().unwrap_err();
        let list = Violations::from(&errors);
        let entries: Vec<(&str, &str, &str)> = list
            .iter()
            .map(|v| (v.pointer(), v.code(), v.message()))
            .collect();
        assert_eq!(
            entries,
            [
                ("/email", "email", "must be an email address"),
                ("/items/2/name", "length", "invalid value"),
                ("/profile/age", "range", "must be at least 18"),
            ]
        );
        assert_eq!(
            list.iter().nth(1).unwrap().field().to_string(),
            "items[2].name"
        );
        assert!(Violations::from(validator::ValidationErrors::new()).is_empty());
    }

    /// A tree 100 levels deep with 10 errors a level: the 650 of the first
    /// 65 levels are listed, and a last violation says 350 were left out,
    /// in every format, and decodes back with the rest.
    #[test]
    fn a_list_cut_short_says_so_in_every_format() {
        use std::borrow::Cow;
        use validator::{ValidationError, ValidationErrors, ValidationErrorsKind};
        let mut tree = ValidationErrors::new();
        for level in 0..100 {
            let mut parent = ValidationErrors::new();
            for _ in 0..10 {
                parent.add(
                    "v",
                    ValidationError::new("deep").with_message(Cow::Owned(format!("level {level}"))),
                );
            }
            if level > 0 {
                parent.errors_mut().insert(
                    Cow::Borrowed("n"),
                    ValidationErrorsKind::Struct(Box::new(tree)),
                );
            }
            tree = parent;
        }
        let list = Violations::from(&tree);
        assert_eq!(list.len(), 651);
        let last = list.iter().last().unwrap();
        assert_eq!(last.code(), Violations::TRUNCATED);
        assert_eq!(last.pointer(), "");
        assert!(
            last.message().starts_with("350 more violations"),
            "{}",
            last.message()
        );
        let error = SignupError::Invalid {
            form: "deep".into(),
            violations: list,
        };
        for body in bodies_in_every_format(&error) {
            let text = String::from_utf8_lossy(&body).into_owned();
            assert!(text.contains("350 more violations"), "{text}");
            match SignupError::decode(&body) {
                Ok(Decoded::Known(back)) => assert_eq!(back, error),
                other => panic!("{other:?}"),
            }
        }
    }
}

mod service {
    use super::validator_errors::Signup;
    use super::*;
    use crate::http_client;
    use axum::routing::post;
    use axum::{Json, Router};
    use validator::Validate;

    #[derive(Debug, ApiError)]
    #[api_error(
        format = "problem",
        type_url = "https://docs.example.com/errors/{code}"
    )]
    enum ApiFailure {
        #[code("VALIDATION_FAILED")]
        #[status(422)]
        #[message("The request is not valid")]
        Invalid { violations: Violations },
    }

    async fn signup(Json(body): Json<Signup>) -> Result<&'static str, ApiFailure> {
        body.validate().map_err(|errors| ApiFailure::Invalid {
            violations: errors.into(),
        })?;
        Ok("welcome")
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_handler_returning_err_answers_rfc_9457_with_three_field_errors() {
        let app = Router::new().route("/signup", post(signup));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let server = tokio::spawn(async move { axum::serve(listener, app).await });
        let body = serde_json::to_vec(&json!({
            "email": "nobody",
            "profile": {"age": 12},
            "items": [{"name": "ok"}, {"name": "ok"}, {"name": "far too long"}],
        }))
        .unwrap();
        let reply = tokio::task::spawn_blocking(move || {
            http_client::send(
                "POST",
                &format!("{base}/signup"),
                &[("content-type", "application/json")],
                &body,
            )
        })
        .await
        .unwrap();
        server.abort();
        assert_eq!(reply.status, 422);
        assert_eq!(
            reply.header("content-type"),
            Some("application/problem+json")
        );
        assert_eq!(
            reply.json(),
            json!({
                "type": "https://docs.example.com/errors/VALIDATION_FAILED",
                "title": "Unprocessable Entity",
                "status": 422,
                "detail": "The request is not valid",
                "code": "VALIDATION_FAILED",
                "errors": [
                    {"pointer": "#/email", "detail": "must be an email address", "code": "email"},
                    {"pointer": "#/items/2/name", "detail": "invalid value", "code": "length"},
                    {"pointer": "#/profile/age", "detail": "must be at least 18", "code": "range"},
                ],
            })
        );
    }
}

mod openapi {
    use super::*;

    /// The response of `status` in `format`, as JSON.
    fn response<F: Format>(format: &F, status: &str) -> Value {
        let responses = apierror::openapi::ErrorResponses::of(SignupError::CATALOG, format);
        let value = serde_json::to_value(&responses).unwrap();
        value[status].clone()
    }

    /// Every value of `key` anywhere under `value`.
    fn find<'v>(value: &'v Value, key: &str, out: &mut Vec<&'v Value>) {
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    if k == key {
                        out.push(v);
                    }
                    find(v, key, out);
                }
            }
            Value::Array(items) => items.iter().for_each(|v| find(v, key, out)),
            _ => {}
        }
    }

    fn entry_properties(value: &Value, key: &str) -> Vec<Vec<String>> {
        let mut found = Vec::new();
        find(value, key, &mut found);
        found
            .into_iter()
            .filter_map(|schema| schema["items"]["properties"].as_object())
            .map(|props| props.keys().cloned().collect())
            .collect()
    }

    #[test]
    fn the_document_types_the_list_where_each_format_writes_it() {
        let standard = response(&Standard, "422");
        let entries = entry_properties(
            &standard["content"]["application/json"]["schema"],
            "violations",
        );
        assert!(
            entries.contains(&vec![
                "code".into(),
                "field".into(),
                "message".into(),
                "pointer".into()
            ]),
            "{standard}"
        );
        let example =
            &standard["content"]["application/json"]["examples"]["VALIDATION_FAILED"]["value"];
        assert_eq!(
            example["error"]["details"]["violations"][0]["pointer"], "/name",
            "{example}"
        );

        let problem = response(&Problem::new(), "422");
        let schema = &problem["content"]["application/problem+json"]["schema"];
        let entries = entry_properties(schema, "errors");
        assert!(
            entries.contains(&vec!["code".into(), "detail".into(), "pointer".into()]),
            "{problem}"
        );
        assert!(
            entry_properties(schema, "violations").is_empty(),
            "{schema}"
        );
        let example = &problem["content"]["application/problem+json"]["examples"]
            ["VALIDATION_FAILED"]["value"];
        assert_eq!(example["errors"][0]["pointer"], "#/name", "{example}");

        let google = response(&Google::new("x.example.com"), "422");
        let example =
            &google["content"]["application/json"]["examples"]["VALIDATION_FAILED"]["value"];
        assert_eq!(
            example["error"]["details"][1]["fieldViolations"][0]["field"], "name",
            "{example}"
        );
        let schema = &google["content"]["application/json"]["schema"];
        let entries = entry_properties(schema, "fieldViolations");
        assert!(
            entries.contains(&vec!["description".into(), "field".into(), "reason".into()]),
            "{schema}"
        );
    }
}
