//! One model of a body for every format: what the OpenAPI document, the JSON
//! Schema and the TypeScript declarations say of a format of the user's own
//! is what it renders, as for a built-in one. Each test here is a class of
//! export bug a format of one's own met before the model: a `request_id`
//! that is `null` without a request context typed `null`, an `Option` field
//! required, a field of a type without `ToSchema` typed `null`, a member
//! some codes write required for all, headers the format adds undocumented,
//! a challenge the type turns off documented, translated AIP-193 bodies
//! refused.
//!
//! Then real responses: an axum server answers errors in three formats (a
//! Stripe-like one of the type's own, JSON:API-like, AIP-193 translated),
//! and Python's openapi-core validates each against the document (when it
//! is installed, as CI installs it; required with
//! `APIERROR_REQUIRE_OPENAPI_CORE=1`).

use crate::formats::{JsonApiLike, StripeLike};
use crate::translated::ResourceError;
use crate::typescript::matches;
use apierror::format::{Context, Format, Google};
use apierror::{ApiError, Render};
use serde_json::{json, Value};

/// A card, with its own `Serialize` and no `utoipa::ToSchema`.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Card {
    last4: String,
    brand: String,
}

/// A shop in a Stripe-like format of its own, sending no challenge.
#[derive(Debug, ApiError)]
#[api_error(code = "snake_case", format = StripeLike, www_authenticate = false, decode)]
pub enum Shop {
    #[status(404)]
    #[message("No such order: {id}")]
    OrderNotFound { id: u32 },
    #[status(402)]
    #[message("Your card was declined")]
    #[api_error(kind = "card_error")]
    CardDeclined {
        param: String,
        decline_code: String,
        charge: Option<String>,
        card: Card,
    },
    #[status(401)]
    #[message("No valid API key provided")]
    Unauthenticated,
    #[status(429)]
    #[message("Too many requests")]
    RateLimited {
        #[api_error(retry_after)]
        retry_after: u64,
    },
}

fn declined(charge: Option<&str>) -> Shop {
    Shop::CardDeclined {
        param: "card_number".into(),
        decline_code: "insufficient_funds".into(),
        charge: charge.map(Into::into),
        card: Card {
            last4: "4242".into(),
            brand: "visa".into(),
        },
    }
}

fn shop_values() -> Vec<Shop> {
    vec![
        Shop::OrderNotFound { id: 42 },
        declined(Some("ch_1")),
        declined(None),
        Shop::Unauthenticated,
        Shop::RateLimited { retry_after: 30 },
    ]
}

fn body<E: ApiError, F: Format>(error: &E, format: &F, context: Context<'_>) -> Value {
    let bytes = Render::new(error)
        .format(format)
        .context(context)
        .to_vec()
        .unwrap();
    serde_json::from_slice(&bytes).unwrap()
}

fn openapi<F: Format>(catalog: &apierror::Catalog, format: &F) -> Value {
    serde_json::to_value(apierror::openapi::ErrorResponses::of(catalog, format)).unwrap()
}

fn contexts() -> [Context<'static>; 3] {
    [
        Context::new(),
        Context::new().with_request_id("req_1"),
        Context::new()
            .with_request_id("req_2")
            .with_timestamp("2024-01-20T10:00:00Z")
            .with_instance("/orders/42"),
    ]
}

/// Every body of every value, with and without a context, matches the
/// OpenAPI schema of its status and the JSON Schema.
fn every_body_matches<E: ApiError, F: Format>(values: &[E], format: &F) {
    let doc = openapi(E::CATALOG, format);
    let schema: Value =
        serde_json::from_str(&apierror::export::Export::json_schema(E::CATALOG, format)).unwrap();
    for error in values {
        for context in contexts() {
            let body = body(error, format, context);
            let status = error.status().as_u16().to_string();
            let openapi = &doc[&status]["content"][format.media_type()]["schema"];
            assert!(
                matches(openapi, &body),
                "OpenAPI {status} refuses {body}:\n{openapi}"
            );
            assert!(matches(&schema, &body), "the JSON Schema refuses {body}");
        }
    }
}

/// The JSON catalog a fleet's tools read names no built-in format for a
/// type with a format of its own: `custom`, not the standard default it
/// replaces.
#[test]
fn the_json_catalog_of_a_type_with_its_own_format_says_custom() {
    let catalog: Value =
        serde_json::from_str(&apierror::export::Export::json(Shop::CATALOG)).unwrap();
    assert_eq!(catalog["format"], "custom");
    let standard: Value = serde_json::from_str(&apierror::export::Export::json(
        apierror::RequestError::CATALOG,
    ))
    .unwrap();
    assert_eq!(standard["format"], "standard");
}

#[test]
fn a_request_id_null_without_a_context_is_a_nullable_string() {
    let doc = openapi(Shop::CATALOG, &StripeLike);
    let request_id = &doc["404"]["content"]["application/json"]["schema"]["properties"]["error"]
        ["properties"]["request_id"];
    assert_eq!(
        request_id["type"],
        json!(["null", "string"]),
        "{request_id}"
    );
    let required =
        &doc["404"]["content"]["application/json"]["schema"]["properties"]["error"]["required"];
    assert!(required.as_array().unwrap().contains(&json!("request_id")));
    every_body_matches(&shop_values(), &StripeLike);
}

#[test]
fn an_option_field_is_optional_where_the_format_writes_it() {
    let doc = openapi(Shop::CATALOG, &StripeLike);
    let error = &doc["402"]["content"]["application/json"]["schema"]["properties"]["error"];
    let details = &error["properties"]["details"];
    assert_eq!(details["properties"]["charge"]["type"], "string");
    assert_eq!(details["required"], json!(["card"]), "{details}");
    // The lifted fields are members of the error object, typed.
    assert_eq!(error["properties"]["decline_code"]["type"], "string");
    assert!(error["required"]
        .as_array()
        .unwrap()
        .contains(&json!("decline_code")));
}

#[test]
fn a_field_of_a_type_without_to_schema_takes_any_value() {
    let doc = openapi(Shop::CATALOG, &StripeLike);
    let card = &doc["402"]["content"]["application/json"]["schema"]["properties"]["error"]
        ["properties"]["details"]["properties"]["card"];
    assert_ne!(card["type"], "null", "{card}");
    assert!(
        matches(card, &json!({"last4": "4242", "brand": "visa"})),
        "{card}"
    );
    let schema: Value = serde_json::from_str(&apierror::export::Export::json_schema(
        Shop::CATALOG,
        &StripeLike,
    ))
    .unwrap();
    let declined = &schema["oneOf"][1];
    assert_eq!(declined["title"], "card_declined");
    assert_eq!(
        declined["properties"]["error"]["properties"]["details"]["properties"]["card"],
        json!(true)
    );
    let ts = apierror::export::Export::typescript_of::<Shop>();
    assert!(ts.contains("card: unknown"), "{ts}");
}

#[test]
fn a_member_some_codes_write_is_required_for_those_only() {
    let schema: Value =
        serde_json::from_str(&apierror::export::Export::json_schema_of::<Shop>()).unwrap();
    let branch = |code: &str| {
        schema["oneOf"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["title"] == code)
            .unwrap()["properties"]["error"]
            .clone()
    };
    let declined = branch("card_declined");
    assert!(declined["required"]
        .as_array()
        .unwrap()
        .contains(&json!("param")));
    let missing = branch("order_not_found");
    assert!(missing["properties"]["param"].is_null(), "{missing}");
    // The code's constants are constants: its type and documentation URL.
    assert_eq!(declined["properties"]["type"]["const"], "card_error");
    assert_eq!(
        missing["properties"]["doc_url"]["const"],
        "https://docs.example.com/errors/order_not_found"
    );
    // And the TypeScript says the same.
    let ts = apierror::export::Export::typescript_of::<Shop>();
    assert!(ts.contains("      type: \"card_error\";\n"), "{ts}");
    assert!(ts.contains("      param: string;\n"), "{ts}");
}

#[test]
fn headers_the_format_adds_are_documented_and_a_challenge_turned_off_is_not() {
    let doc = openapi(Shop::CATALOG, &StripeLike);
    let headers = &doc["402"]["headers"];
    assert_eq!(
        headers["x-api-version"]["schema"]["enum"],
        json!(["2024-06-20"]),
        "{headers}"
    );
    assert_eq!(
        headers["x-error-code"]["schema"]["enum"],
        json!(["card_declined"])
    );
    assert_eq!(
        doc["429"]["headers"]["Retry-After"]["schema"]["type"],
        "integer"
    );
    assert!(
        doc["401"]["headers"]["WWW-Authenticate"].is_null(),
        "{}",
        doc["401"]
    );
    // The setting is the type's: in any format.
    let built_in = openapi(Shop::CATALOG, &apierror::format::Standard);
    assert!(built_in["401"]["headers"]["WWW-Authenticate"].is_null());
    // A type that sends challenges documents the one it sends, in its own
    // format as in a built-in one.
    #[derive(Debug, ApiError)]
    #[api_error(code = "snake_case", www_authenticate = "Basic realm=\"shop\"")]
    #[allow(dead_code)]
    enum Login {
        #[status(401)]
        #[message("Sign in")]
        SignIn,
    }
    for doc in [
        openapi(Login::CATALOG, &StripeLike),
        openapi(Login::CATALOG, &apierror::format::Standard),
    ] {
        assert_eq!(
            doc["401"]["headers"]["WWW-Authenticate"]["schema"]["enum"],
            json!(["Basic realm=\"shop\""])
        );
    }
}

#[test]
fn translated_aip_193_bodies_match_their_schemas() {
    let google = Google::new("api.example.com");
    let schema: Value = serde_json::from_str(&apierror::export::Export::json_schema(
        ResourceError::CATALOG,
        &google,
    ))
    .unwrap();
    let doc = openapi(ResourceError::CATALOG, &google);
    let ts = apierror::export::Export::typescript_for(ResourceError::CATALOG, &google);
    assert!(ts.contains("google.rpc.LocalizedMessage"), "{ts}");
    let values = [
        ResourceError::NotFound {
            resource_type: "volume".into(),
            resource_id: "vol-1".into(),
        },
        ResourceError::LimitExceeded {
            limit: 10,
            current: 12,
        },
        ResourceError::Invalid {
            violations: apierror::Violations::new().with("name", "required", "must not be empty"),
        },
    ];
    for error in &values {
        for language in ["de", "fr", "en", "ja"] {
            let body = body(
                error,
                &google,
                Context::new().with_accept_language(language),
            );
            assert!(
                matches(&schema, &body),
                "{language}: the JSON Schema refuses {body}"
            );
            let status = error.status().as_u16().to_string();
            let openapi = &doc[&status]["content"]["application/json"]["schema"];
            assert!(
                matches(openapi, &body),
                "{language}: OpenAPI refuses {body}"
            );
        }
    }
    assert_eq!(
        doc["404"]["headers"]["Content-Language"]["schema"]["enum"],
        json!(["en", "de", "fr"])
    );
}

#[test]
fn json_api_bodies_match_their_schemas() {
    every_body_matches(&shop_values(), &JsonApiLike);
    let doc = openapi(Shop::CATALOG, &JsonApiLike);
    let schema = &doc["404"]["content"]["application/vnd.api+json"]["schema"];
    assert_eq!(schema["required"], json!(["errors"]), "{schema}");
}

// ---------------------------------------------------------------------------
// Real responses against the document, with openapi-core

mod served {
    use super::*;
    use crate::http_client::{send, Reply};
    use apierror::openapi::utoipa::openapi::path::{HttpMethod, OperationBuilder, PathItem};
    use apierror::openapi::utoipa::openapi::{InfoBuilder, OpenApiBuilder, PathsBuilder};
    use axum::extract::Path;
    use axum::http::HeaderMap;
    use axum::routing::get;
    use axum::Router;
    use std::process::Command;

    fn context(headers: &HeaderMap) -> Context<'_> {
        let mut context = Context::new();
        if let Some(id) = headers.get("x-request-id").and_then(|v| v.to_str().ok()) {
            context = context.with_request_id(id);
        }
        if let Some(language) = headers.get("accept-language").and_then(|v| v.to_str().ok()) {
            context = context.with_accept_language(language);
        }
        context
    }

    fn shop(case: &str) -> Shop {
        let mut values = shop_values();
        let index: usize = case.parse().unwrap_or(0);
        values.swap_remove(index.min(values.len() - 1))
    }

    async fn stripe(Path(case): Path<String>, headers: HeaderMap) -> axum::response::Response {
        let error = shop(&case);
        axum::response::IntoResponse::into_response(Render::new(&error).context(context(&headers)))
    }

    async fn json_api(Path(case): Path<String>, headers: HeaderMap) -> axum::response::Response {
        let error = shop(&case);
        let render = Render::new(&error)
            .format(&JsonApiLike)
            .context(context(&headers));
        axum::response::IntoResponse::into_response(render)
    }

    async fn translated(Path(case): Path<String>, headers: HeaderMap) -> axum::response::Response {
        let error = match case.as_str() {
            "0" => ResourceError::NotFound {
                resource_type: "volume".into(),
                resource_id: "vol-1".into(),
            },
            "1" => ResourceError::LimitExceeded {
                limit: 10,
                current: 12,
            },
            _ => ResourceError::Invalid {
                violations: apierror::Violations::new().with(
                    "name",
                    "required",
                    "must not be empty",
                ),
            },
        };
        let google = Google::new("api.example.com");
        let render = Render::new(&error)
            .format(&google)
            .context(context(&headers));
        axum::response::IntoResponse::into_response(render)
    }

    async fn bulk() -> axum::response::Response {
        let mut bulk = apierror::Bulk::new();
        bulk.ok(
            "srv-1",
            apierror::http::StatusCode::ACCEPTED,
            &json!({"state": "provisioning", "tags": [1, 2]}),
        )
        .unwrap();
        bulk.error("srv-2", &Shop::OrderNotFound { id: 7 }).unwrap();
        bulk.error("srv-3", &declined(None)).unwrap();
        let response = bulk.into_response();
        let (parts, body) = response.into_parts();
        axum::response::Response::from_parts(parts, axum::body::Body::from(body))
    }

    /// The document of the four routes.
    fn document() -> Value {
        let route = |path: &str| {
            PathItem::new(
                HttpMethod::Get,
                OperationBuilder::new()
                    .operation_id(Some(path.replace('/', "_")))
                    .build(),
            )
        };
        let mut doc = OpenApiBuilder::new()
            .info(InfoBuilder::new().title("Errors").version("1").build())
            .paths(
                PathsBuilder::new()
                    .path("/stripe/{case}", route("stripe"))
                    .path("/jsonapi/{case}", route("jsonapi"))
                    .path("/translated/{case}", route("translated"))
                    .path("/bulk", route("bulk")),
            )
            .build();
        let mut bulk = apierror::openapi::utoipa::openapi::Responses::new();
        bulk.responses.insert(
            "207".to_owned(),
            apierror::openapi::utoipa::openapi::RefOr::T(apierror::openapi::BulkResponses::of(
                Shop::CATALOG,
            )),
        );
        assert!(apierror::openapi::ErrorResponses::add_to(
            &mut doc,
            "/bulk",
            HttpMethod::Get,
            bulk
        ));
        let google = Google::new("api.example.com");
        for (path, responses) in [
            (
                "/stripe/{case}",
                apierror::openapi::ErrorResponses::of(Shop::CATALOG, &StripeLike),
            ),
            (
                "/jsonapi/{case}",
                apierror::openapi::ErrorResponses::of(Shop::CATALOG, &JsonApiLike),
            ),
            (
                "/translated/{case}",
                apierror::openapi::ErrorResponses::of(ResourceError::CATALOG, &google),
            ),
        ] {
            assert!(apierror::openapi::ErrorResponses::add_to(
                &mut doc,
                path,
                HttpMethod::Get,
                responses
            ));
        }
        apierror::openapi::ErrorSchemas::add_to(&mut doc, Shop::CATALOG);
        let mut doc = serde_json::to_value(&doc).unwrap();
        // The path parameter, which the handlers declare to axum only.
        for path in ["/stripe/{case}", "/jsonapi/{case}", "/translated/{case}"] {
            doc["paths"][path]["get"]["parameters"] = json!([
                {"name": "case", "in": "path", "required": true, "schema": {"type": "string"}}
            ]);
        }
        doc
    }

    const VALIDATE_PY: &str = r#"
import json, sys
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest, MockResponse

directory = sys.argv[1]
with open(f"{directory}/openapi.json") as f:
    openapi = OpenAPI.from_dict(json.load(f))
with open(f"{directory}/replies.json") as f:
    replies = json.load(f)
wrong = []
for reply in replies:
    request = MockRequest("http://127.0.0.1", "get", reply["path"])
    headers = dict(reply["headers"])
    response = MockResponse(
        reply["body"].encode(), status_code=reply["status"], headers=headers,
        content_type=headers.get("content-type", "application/json"),
    )
    try:
        openapi.validate_response(request, response)
        valid = True
        error = None
    except Exception as e:
        valid = False
        error = e
    if valid != reply["valid"]:
        detail = f": {error} {getattr(error, '__cause__', '')}" if error else ""
        wrong.append(f"{reply['path']} {reply['label']} ({'refused' if reply['valid'] else 'accepted'}){detail}")
for line in wrong:
    print(line)
print(f"openapi-core: {len(replies)} responses, {len(wrong)} wrong")
sys.exit(1 if wrong else 0)
"#;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn real_responses_match_the_document() {
        let app = Router::new()
            .route("/stripe/{case}", get(stripe))
            .route("/jsonapi/{case}", get(json_api))
            .route("/translated/{case}", get(translated))
            .route("/bulk", get(bulk));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let server = tokio::spawn(async move { axum::serve(listener, app).await });
        type Sent = Vec<(&'static str, &'static str)>;
        let replies: Vec<(String, Sent, Reply)> = tokio::task::spawn_blocking(move || {
            let mut replies = Vec::new();
            let requests: [&[(&str, &str)]; 3] = [
                &[],
                &[("x-request-id", "req_7")],
                &[("accept-language", "de"), ("x-request-id", "req_8")],
            ];
            for route in ["stripe", "jsonapi", "translated"] {
                for case in 0..5 {
                    for headers in requests {
                        let path = format!("/{route}/{case}");
                        let reply = send("GET", &format!("{base}{path}"), headers, b"");
                        replies.push((path, headers.to_vec(), reply));
                    }
                }
            }
            replies
        })
        .await
        .unwrap();
        server.abort();

        let doc = document();
        let mut cases = Vec::new();
        for (path, sent, reply) in &replies {
            let status = reply.status.to_string();
            let content_type = reply.header("content-type").unwrap();
            let schema = &doc["paths"][path.rsplit_once('/').unwrap().0.to_owned() + "/{case}"]
                ["get"]["responses"][&status]["content"][content_type]["schema"];
            let body: Value = reply.json();
            assert!(matches(schema, &body), "{path} {sent:?}: {body}\n{schema}");
            let headers: Vec<(String, String)> = reply.headers.clone();
            let label = format!("{sent:?}");
            cases.push(json!({"path": path, "label": label, "status": reply.status,
                "headers": headers, "body": reply.body, "valid": true}));
            // A negative that bites: the body of another status.
            let code = serde_json::to_string(&body).unwrap();
            let broken = code.replacen("\"code\":\"", "\"code\":\"not_", 1).replacen(
                "\"reason\":\"",
                "\"reason\":\"NOT_",
                1,
            );
            if broken != code {
                let wrong: Value = serde_json::from_str(&broken).unwrap();
                assert!(!matches(schema, &wrong), "{path}: accepts {wrong}");
                cases.push(json!({"path": path, "label": format!("{label}, another code"),
                    "status": reply.status, "headers": headers, "body": wrong.to_string(), "valid": false}));
            }
        }

        // For CI's OpenAPI 3.1 validator too.
        std::fs::write(
            std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("apierror-openapi-formats.json"),
            serde_json::to_string_pretty(&doc).unwrap(),
        )
        .unwrap();
        let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("openapi-core");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("openapi.json"),
            serde_json::to_string_pretty(&doc).unwrap(),
        )
        .unwrap();
        std::fs::write(
            dir.join("replies.json"),
            serde_json::to_string(&cases).unwrap(),
        )
        .unwrap();
        let available = Command::new("python3")
            .args(["-c", "import openapi_core"])
            .output()
            .is_ok_and(|o| o.status.success());
        if !available {
            assert!(
                std::env::var_os("APIERROR_REQUIRE_OPENAPI_CORE").is_none_or(|v| v != "1"),
                "APIERROR_REQUIRE_OPENAPI_CORE=1 but python3 cannot import openapi_core"
            );
            println!("skipped: openapi-core not found (python3 -m pip install openapi-core)");
            return;
        }
        let output = Command::new("python3")
            .args(["-c", VALIDATE_PY])
            .arg(&dir)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success(),
            "openapi-core disagrees:\n{stdout}{}",
            String::from_utf8_lossy(&output.stderr)
        );
        println!("{stdout}");
    }
}

// ---------------------------------------------------------------------------
// Computed message arguments: a name in documentation, never Rust source

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum Quota {
    #[status(429)]
    #[message("{} left of {limit}", .limit - .used)]
    Exceeded { limit: u32, used: u32 },
    #[status(400)]
    #[message("{n} items are invalid", n = .items.len())]
    Invalid { items: Vec<u32> },
}

#[test]
fn computed_arguments_are_documented_by_a_name() {
    let markdown = apierror::export::Export::markdown(Quota::CATALOG);
    let catalog: Value =
        serde_json::from_str(&apierror::export::Export::json(Quota::CATALOG)).unwrap();
    let openapi = openapi(Quota::CATALOG, &apierror::format::Standard);
    let schema = apierror::export::Export::json_schema(Quota::CATALOG, &apierror::format::Standard);
    let ts = apierror::export::Export::typescript(Quota::CATALOG);
    for text in [
        markdown.clone(),
        catalog.to_string(),
        openapi.to_string(),
        schema.clone(),
        ts.clone(),
    ] {
        assert!(
            !text.contains(".limit") && !text.contains(".items"),
            "{text}"
        );
    }
    assert!(
        markdown.contains("`{arg1}` left of `{limit}`"),
        "{markdown}"
    );
    assert!(markdown.contains("`{n}` items are invalid"), "{markdown}");
    assert_eq!(catalog["errors"][0]["message"], "{arg1} left of {limit}");
    assert_eq!(catalog["errors"][1]["message"], "{n} items are invalid");
    let example = &openapi["429"]["content"]["application/json"]["examples"]["EXCEEDED"];
    assert_eq!(example["summary"], "Exceeded: {arg1} left of {limit}");
    assert_eq!(example["value"]["error"]["message"], "{arg1} left of 0");
    assert!(
        schema.contains("Invalid: {n} items are invalid"),
        "{schema}"
    );
}

// ---------------------------------------------------------------------------
// Decoding from the model: every body of every format back to its variant

/// Every body of `values` in every format of the tests (built-in and their
/// own), with and without a context, in German too, decodes back to a value
/// that renders the same body; for a built-in format, the decoder of
/// built-in bodies says the same.
fn decodes_back<E: ApiError + apierror::decode::Decode>(values: &[E]) -> usize {
    use apierror::decode::{Decoded, Decoder};
    let mut decoded = 0;
    for (stem, format) in crate::typescript::formats(E::CATALOG) {
        let decoder = Decoder::<E>::new(&format);
        for error in values {
            let contexts = [
                Context::new(),
                Context::new().with_request_id("req_1").with_instance("/x"),
                Context::new().with_accept_language("de"),
            ];
            for context in contexts {
                let bytes = Render::new(error)
                    .format(&format)
                    .context(context)
                    .to_vec()
                    .unwrap();
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let built_in = matches!(format, crate::formats::AnyFormat::BuiltIn(_))
                    .then(|| E::decode(&bytes));
                let back = match decoder.decode(&bytes) {
                    Ok(back) => back,
                    // A field the format leaves out (JSON:API and `Status`
                    // leave the details out, RFC 9457 a field named like one
                    // of its members) is missing, and said so, by both
                    // decoders.
                    Err(apierror::decode::DecodeError::Field { field, .. }) => {
                        assert!(error.descriptor().fields().contains(&field), "{field}");
                        match &built_in {
                            Some(Err(apierror::decode::DecodeError::Field {
                                field: same, ..
                            })) => {
                                assert_eq!(*same, field, "{stem}: {text}");
                            }
                            Some(other) => {
                                panic!("{stem}: {text}: the built-in decoder: {other:?}")
                            }
                            None => assert!(matches!(stem, "jsonapi" | "status"), "{stem}: {text}"),
                        }
                        continue;
                    }
                    Err(e) => panic!("{stem}: {text}: {e}"),
                };
                let built_in =
                    built_in.map(|result| result.unwrap_or_else(|e| panic!("{stem}: {text}: {e}")));
                let back = match back {
                    Decoded::Known(back) => back,
                    Decoded::Unknown(unknown) => {
                        // Only a body that does not tell two codes apart
                        // (no code, the same status, type and message).
                        assert_eq!(stem, "openai", "{text}: {unknown:?}");
                        assert!(
                            built_in.is_some_and(|b| b.known().is_none()),
                            "{stem}: the built-in decoder knows {text}"
                        );
                        continue;
                    }
                };
                assert_eq!(back.code(), error.code(), "{stem}: {text}");
                let again = Render::new(&back)
                    .format(&format)
                    .context(context)
                    .to_vec()
                    .unwrap();
                assert_eq!(String::from_utf8_lossy(&again), text, "{stem}");
                if let Some(Decoded::Known(other)) = built_in {
                    assert_eq!(other.code(), error.code(), "{stem}: {text}");
                }
                decoded += 1;
            }
        }
    }
    decoded
}

#[test]
fn every_body_of_every_format_decodes_back() {
    use crate::services::{hexabase, k0rdent, llm_gateway, openchoreo, phala};
    fn all<E: ApiError + apierror::decode::Decode>() -> Vec<E> {
        crate::common::every_variant::<E>()
            .into_iter()
            .map(|(_, value)| value)
            .collect()
    }
    let mut decoded = 0;
    decoded += decodes_back(&all::<openchoreo::OpenChoreoError>());
    decoded += decodes_back(&all::<llm_gateway::GatewayError>());
    decoded += decodes_back(&all::<hexabase::HexabaseError>());
    decoded += decodes_back(&all::<k0rdent::K0rdentError>());
    decoded += decodes_back(&all::<phala::PhalaError>());
    decoded += decodes_back(&shop_values());
    decoded += decodes_back(&[
        ResourceError::NotFound {
            resource_type: "volume".into(),
            resource_id: "vol-1".into(),
        },
        ResourceError::LimitExceeded {
            limit: 10,
            current: 12,
        },
        ResourceError::Invalid {
            violations: apierror::Violations::new()
                .with(
                    "/data/attributes/email",
                    "email",
                    "must be an email address",
                )
                .with("name", "required", "must not be empty"),
        },
    ]);
    println!("{decoded} bodies decoded back");
    assert!(decoded > 1000, "{decoded}");
}
