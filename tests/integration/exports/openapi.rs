//! OpenAPI responses of catalogs (`apierror::openapi`): documents built with
//! utoipa for the Phala service catalog and for an RFC 9457 type, checked
//! against what the formats really render.

#[allow(dead_code)]
use crate::services::phala;

use apierror::format::{Google, OpenAi, Tagged};
use apierror::openapi::utoipa::openapi::path::{HttpMethod, OperationBuilder, PathItem};
use apierror::openapi::utoipa::openapi::response::ResponseBuilder;
use apierror::openapi::utoipa::openapi::{InfoBuilder, OpenApi, OpenApiBuilder, PathsBuilder};
use apierror::openapi::utoipa::IntoResponses;
use apierror::openapi::{ErrorResponses, ErrorSchemas, TypeFormat};
use apierror::{ApiError, Render};
use phala::{CvmOperationError, InventoryError, PhalaError, PreflightError, WorkspaceError};
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap};

/// A document with one operation, `POST /cvms`, whose responses are a 201
/// and the errors.
fn document(errors: apierror::openapi::utoipa::openapi::Responses) -> OpenApi {
    let mut operation = OperationBuilder::new()
        .operation_id(Some("create_cvm"))
        .response("201", ResponseBuilder::new().description("Created"))
        .build();
    ErrorResponses::merge(&mut operation.responses, errors);
    OpenApiBuilder::new()
        .info(
            InfoBuilder::new()
                .title("Phala Cloud")
                .version("1.0.0")
                .build(),
        )
        .paths(PathsBuilder::new().path("/cvms", PathItem::new(HttpMethod::Post, operation)))
        .build()
}

/// The document as JSON text and as a value, after checking that the text
/// reads back as the same `OpenApi`.
fn serialize(doc: &OpenApi) -> (String, Value) {
    let text = doc.to_pretty_json().expect("document serializes");
    let back: OpenApi = match serde_json::from_str(&text) {
        Ok(back) => back,
        Err(e) => panic!("document does not parse back as OpenApi: {e}\n{text}"),
    };
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        serde_json::to_value(&back).unwrap(),
        value,
        "the document survives a round trip through utoipa's types"
    );
    (text, value)
}

fn phala_document() -> (String, Value) {
    serialize(&document(ErrorResponses::built_in(PhalaError::CATALOG)))
}

fn responses(doc: &Value) -> &serde_json::Map<String, Value> {
    doc["paths"]["/cvms"]["post"]["responses"]
        .as_object()
        .expect("the operation has responses")
}

/// One value of every Phala variant, details fields holding the example
/// values (`0`, `"string"`).
fn every_phala_error() -> Vec<PhalaError> {
    use CvmOperationError as C;
    use InventoryError as I;
    use PreflightError as P;
    use WorkspaceError as W;
    let preflight = [
        P::NodeNotFound,
        P::ComposeFileRequired,
        P::InvalidComposeFile,
        P::DuplicateCvmName {
            name: "string".into(),
        },
        P::HashRegistrationRequired,
        P::HashInvalidOrExpired,
        P::TxVerificationFailed,
        P::HashNotAllowed,
    ];
    let inventory = [
        I::InstanceTypeNotFound {
            instance_type: "string".into(),
        },
        I::ResourceNotAvailable,
        I::InsufficientVcpu {
            requested: 0,
            available: 0,
        },
        I::InsufficientMemory,
        I::InsufficientSlots,
        I::GpuAllocation,
        I::InsufficientGpu,
        I::InvalidRequest,
        I::IncompatibleConfiguration,
        I::ImageNotFound,
        I::KmsNotFound,
        I::TeepodNotAccessible,
        I::OsImageNotCompatible,
        I::NodeCapacityNotConfigured,
        I::QuotaExceeded,
    ];
    let cvm = [
        C::CvmNotFound {
            cvm_id: "string".into(),
        },
        C::MultipleCvmsWithSameName,
        C::CvmAccessDenied {
            cvm_id: "string".into(),
        },
    ];
    let workspace = [
        W::InsufficientBalance,
        W::MaxCvmLimit,
        W::ResourceLimitExceeded,
    ];
    let mut all = Vec::new();
    all.extend(preflight.into_iter().map(PhalaError::Preflight));
    all.extend(inventory.into_iter().map(PhalaError::Inventory));
    all.extend(cvm.into_iter().map(PhalaError::CvmOperation));
    all.extend(workspace.into_iter().map(PhalaError::Workspace));
    all
}

fn rendered<E: ApiError>(error: &E) -> Value {
    serde_json::from_str(&Render::new(error).to_string().unwrap()).unwrap()
}

#[test]
fn phala_document_is_openapi_3_1_and_is_written_for_validators() {
    let (text, doc) = phala_document();
    assert_eq!(doc["openapi"], "3.1.0");
    assert_eq!(doc["info"]["title"], "Phala Cloud");
    // The operation's own response is kept next to the errors.
    assert_eq!(responses(&doc)["201"]["description"], "Created");

    write_for_validators("apierror-openapi-phala.json", &text);
}

/// Writes a document to `target/tmp/`, where CI validates it:
/// `openapi-spec-validator target/tmp/apierror-openapi-*.json`.
fn write_for_validators(name: &str, text: &str) {
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, text).expect("document written");
}

#[test]
fn every_phala_code_is_an_example_under_its_status_and_media_type() {
    let (_, doc) = phala_document();
    let responses = responses(&doc);
    let mut examples = 0;
    for descriptor in PhalaError::CATALOG {
        let status = descriptor.status().as_u16().to_string();
        let response = &responses[&status];
        let content = response["content"].as_object().unwrap();
        assert_eq!(
            content.keys().collect::<Vec<_>>(),
            ["application/json"],
            "{status}: one media type, the standard format's"
        );
        let example = &content["application/json"]["examples"][descriptor.code()];
        assert!(
            example.is_object(),
            "{} is missing under {status}",
            descriptor.code()
        );
        assert_eq!(
            example["summary"],
            format!("{}: {}", descriptor.variant(), descriptor.template())
        );
        assert_eq!(example["description"], descriptor.description());
        assert_eq!(example["value"]["error"]["code"], descriptor.code());
        examples += 1;
    }
    assert_eq!(examples, 29);

    // Nothing else: every example of every status is a code of that status.
    let mut listed = 0;
    for (status, response) in responses {
        if status == "201" {
            continue;
        }
        for code in response["content"]["application/json"]["examples"]
            .as_object()
            .unwrap()
            .keys()
        {
            let descriptor = PhalaError::CATALOG.find(code).expect("a catalog code");
            assert_eq!(descriptor.status().as_u16().to_string(), *status);
            listed += 1;
        }
    }
    assert_eq!(listed, 29);
    let statuses: Vec<&String> = responses.keys().collect();
    assert_eq!(
        statuses,
        ["201", "400", "402", "403", "404", "409", "422", "465", "466", "467", "468"]
    );
}

#[test]
fn descriptions_are_reason_phrases_or_the_messages() {
    let (_, doc) = phala_document();
    let responses = responses(&doc);
    assert_eq!(responses["404"]["description"], "Not Found");
    assert_eq!(responses["402"]["description"], "Payment Required");
    assert_eq!(
        responses["465"]["description"],
        "Compose hash registration required on-chain"
    );
    assert_eq!(
        responses["468"]["description"],
        "The compose hash is not allowed by the on-chain contract"
    );
}

#[test]
fn phala_examples_are_what_render_emits() {
    let (_, doc) = phala_document();
    let responses = responses(&doc);
    let errors = every_phala_error();
    let mut codes: Vec<&str> = errors.iter().map(|e| e.code()).collect();
    for error in &errors {
        let status = error.status().as_u16().to_string();
        let example = &responses[&status]["content"]["application/json"]["examples"][error.code()];
        assert_eq!(example["value"], rendered(error), "{}", error.code());
    }
    // The message template is filled with the example value.
    assert_eq!(
        responses["409"]["content"]["application/json"]["examples"]["ERR-01-004"]["value"]["error"]
            ["message"],
        "A CVM with name 'string' already exists in this workspace"
    );
    codes.sort_unstable();
    let mut catalog: Vec<&str> = PhalaError::CATALOG.iter().map(|d| d.code()).collect();
    catalog.sort_unstable();
    assert_eq!(codes, catalog, "every variant is checked");
}

/// The `required` members of an object schema, sorted: their order
/// depends on the `preserve_order` features of serde_json and utoipa.
fn required(schema: &Value) -> Vec<&str> {
    let mut names: Vec<&str> = schema["required"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|name| name.as_str().unwrap())
        .collect();
    names.sort_unstable();
    names
}

/// The branch of a status's schema whose code enum holds `code`; `path`
/// leads to the code's schema, through properties or `"[]"` for items.
fn branch<'a>(schema: &'a Value, code: &str, path: &[&str]) -> &'a Value {
    // Through properties, items, and the branches of an `anyOf` of items.
    fn holds(at: &Value, path: &[&str], code: &str) -> bool {
        if let Some(branches) = at["anyOf"].as_array() {
            return branches.iter().any(|b| holds(b, path, code));
        }
        match path {
            [] => at["enum"]
                .as_array()
                .is_some_and(|codes| codes.contains(&json!(code))),
            ["[]", rest @ ..] => holds(&at["items"], rest, code),
            [key, rest @ ..] => holds(&at["properties"][*key], rest, code),
        }
    }
    let has = |s: &Value| holds(s, path, code);
    match schema["oneOf"].as_array().or(schema["anyOf"].as_array()) {
        Some(branches) => branches
            .iter()
            .find(|b| has(b))
            .expect("a branch has the code"),
        None => {
            assert!(has(schema));
            schema
        }
    }
}

#[test]
fn phala_details_schemas_have_the_fields_types() {
    let (_, doc) = phala_document();
    let responses = responses(&doc);
    let schema = |status: &str| &responses[status]["content"]["application/json"]["schema"];

    // 409: three shapes (a name, two counts, no details), one branch each.
    let conflict = schema("409");
    let branches = conflict["oneOf"]
        .as_array()
        .expect("409 has several shapes");
    assert_eq!(branches.len(), 3);
    let vcpu = branch(conflict, "ERR-02-003", &["error", "code"]);
    assert_eq!(vcpu["title"], "ERR-02-003");
    let error = &vcpu["properties"]["error"];
    assert_eq!(error["properties"]["code"]["enum"], json!(["ERR-02-003"]));
    assert_eq!(error["properties"]["message"]["type"], "string");
    assert_eq!(required(error), ["code", "details", "message"]);
    let details = &error["properties"]["details"];
    assert_eq!(details["type"], "object");
    assert_eq!(
        details["properties"]["requested"],
        json!({"type": "integer", "format": "int32", "minimum": 0})
    );
    assert_eq!(details["properties"]["available"]["format"], "int32");
    assert_eq!(required(details), ["available", "requested"]);

    let duplicate = branch(conflict, "ERR-01-004", &["error", "code"]);
    let details = &duplicate["properties"]["error"]["properties"]["details"];
    assert_eq!(details["properties"]["name"], json!({"type": "string"}));

    // Variants without details share a branch, and have no `details`.
    let plain = branch(conflict, "ERR-02-002", &["error", "code"]);
    assert_eq!(
        plain["properties"]["error"]["properties"]["code"]["enum"],
        json!([
            "ERR-02-002",
            "ERR-02-004",
            "ERR-02-005",
            "ERR-02-006",
            "ERR-02-007",
            "ERR-03-002"
        ])
    );
    assert!(plain["properties"]["error"]["properties"]["details"].is_null());

    // A request context adds optional members: `meta`, `error.request_id`.
    let meta = &plain["properties"]["meta"];
    assert_eq!(meta["properties"]["timestamp"]["type"], "string");
    assert!(meta["required"].is_null(), "either member may be missing");
    assert_eq!(required(plain), ["error"]);
    assert_eq!(
        plain["properties"]["error"]["properties"]["request_id"]["type"],
        "string"
    );

    // One shape only: no oneOf.
    let payment = schema("402");
    assert!(payment["oneOf"].is_null());
    assert_eq!(
        payment["properties"]["error"]["properties"]["code"]["enum"],
        json!(["ERR-04-001"])
    );
}

#[test]
fn phala_examples_match_their_schemas() {
    let (_, doc) = phala_document();
    for (status, response) in responses(&doc) {
        let Some(content) = response["content"].as_object() else {
            continue;
        };
        for media in content.values() {
            for (code, example) in media["examples"].as_object().unwrap() {
                check(
                    &media["schema"],
                    &example["value"],
                    &format!("{status} {code}"),
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------
// An RFC 9457 type with details of many types.

#[derive(Debug, Serialize)]
pub struct Quota {
    pub used: u32,
}

#[derive(Debug, ApiError)]
#[api_error(
    code = "SCREAMING_SNAKE_CASE",
    format = "problem",
    type_url = "https://docs.example.com/errors/{code}",
    www_authenticate = "Bearer realm=\"shop\""
)]
pub enum ShopError {
    /// Too many requests for the caller's plan.
    #[status(429)]
    #[api_error(title = "Slow down")]
    #[message("Rate limit of {limit} exceeded, {ratio:.2} used")]
    RateLimited {
        limit: u64,
        ratio: f64,
        #[api_error(retry_after)]
        retry_after: u32,
        hint: Option<String>,
    },
    #[status(422)]
    #[message("Order '{order}' is invalid")]
    InvalidOrder {
        order: &'static str,
        lines: Vec<String>,
        digest: [u8; 2],
        prices: HashMap<String, u32>,
        flags: BTreeMap<String, Vec<bool>>,
        express: bool,
        delta: i32,
        quota: Quota,
    },
    #[status(422)]
    #[message("The cart is empty")]
    EmptyCart,
    #[status(401)]
    #[message("Sign in first")]
    Unauthenticated,
}

fn shop_examples() -> Vec<ShopError> {
    vec![
        ShopError::RateLimited {
            limit: 0,
            ratio: 0.0,
            retry_after: 0,
            hint: None,
        },
        ShopError::InvalidOrder {
            order: "string",
            lines: vec![],
            digest: [0, 0],
            prices: HashMap::new(),
            flags: BTreeMap::new(),
            express: false,
            delta: 0,
            quota: Quota { used: 0 },
        },
        ShopError::EmptyCart,
        ShopError::Unauthenticated,
    ]
}

#[test]
fn problem_document_speaks_problem_json() {
    let (text, doc) = serialize(&document(ErrorResponses::built_in(ShopError::CATALOG)));
    assert_eq!(doc["openapi"], "3.1.0");
    write_for_validators("apierror-openapi-problem.json", &text);
    let responses = responses(&doc);
    for error in shop_examples() {
        let status = error.status().as_u16().to_string();
        let content = responses[&status]["content"].as_object().unwrap();
        assert_eq!(
            content.keys().collect::<Vec<_>>(),
            ["application/problem+json"]
        );
        let example = &content["application/problem+json"]["examples"][error.code()];
        let mut expected = rendered(&error);
        if let ShopError::InvalidOrder { .. } = error {
            // A field of a type the schema cannot know renders as `null`.
            expected["quota"] = Value::Null;
        }
        assert_eq!(example["value"], expected, "{}", error.code());
    }
    let limited = &responses["429"]["content"]["application/problem+json"]["examples"]
        ["RATE_LIMITED"]["value"];
    assert_eq!(limited["detail"], "Rate limit of 0 exceeded, 0.00 used");
    assert_eq!(limited["title"], "Slow down");
    assert!(limited.get("hint").is_none(), "a None option is left out");

    // Headers the responses carry.
    assert_eq!(
        responses["429"]["headers"]["Retry-After"]["schema"]["type"],
        "integer"
    );
    assert!(responses["422"]["headers"]["Retry-After"].is_null());
    assert!(
        responses["401"]["headers"]["WWW-Authenticate"]["description"]
            .as_str()
            .unwrap()
            .contains("Bearer realm=\"shop\"")
    );
}

#[test]
fn problem_schemas_type_the_extension_members() {
    let (_, doc) = serialize(&document(ErrorResponses::built_in(ShopError::CATALOG)));
    let responses = responses(&doc);
    let schema = |status: &str| &responses[status]["content"]["application/problem+json"]["schema"];

    let limited = schema("429");
    let props = &limited["properties"];
    // One code: its constants are constants.
    assert_eq!(
        props["type"],
        json!({"type": "string", "enum": ["https://docs.example.com/errors/RATE_LIMITED"]})
    );
    assert_eq!(props["status"], json!({"type": "integer", "enum": [429]}));
    assert_eq!(props["code"]["enum"], json!(["RATE_LIMITED"]));
    assert_eq!(props["instance"], json!({"type": "string"}));
    assert_eq!(
        props["limit"],
        json!({"type": "integer", "format": "int64", "minimum": 0})
    );
    // NaN and the infinities are written as `null`.
    assert_eq!(
        props["ratio"],
        json!({"type": ["number", "null"], "format": "double"})
    );
    assert_eq!(props["hint"], json!({"type": "string"}));
    assert_eq!(
        required(limited),
        [
            "code",
            "detail",
            "limit",
            "ratio",
            "retry_after",
            "status",
            "title",
            "type"
        ],
        "optional: the hint (an Option) and the instance (only with a context)"
    );

    // 422: the invalid order and the empty cart, told apart by their code.
    let invalid = schema("422");
    let order = branch(invalid, "INVALID_ORDER", &["code"]);
    let props = &order["properties"];
    assert_eq!(props["order"], json!({"type": "string"}));
    assert_eq!(
        props["lines"],
        json!({"type": "array", "items": {"type": "string"}})
    );
    assert_eq!(
        props["digest"],
        json!({"type": "array", "items": {"type": "integer", "format": "int32", "minimum": 0},
               "minItems": 2, "maxItems": 2})
    );
    assert_eq!(
        props["prices"],
        json!({"type": "object",
               "additionalProperties": {"type": "integer", "format": "int32", "minimum": 0}})
    );
    assert_eq!(
        props["flags"],
        json!({"type": "object",
               "additionalProperties": {"type": "array", "items": {"type": "boolean"}}})
    );
    assert_eq!(props["express"], json!({"type": "boolean"}));
    assert_eq!(
        props["delta"],
        json!({"type": "integer", "format": "int32"})
    );
    assert_eq!(
        props["quota"]["type"],
        json!(["object", "array", "string", "number", "boolean", "null"]),
        "a type of its own without ToSchema: any value"
    );
    let why = props["quota"]["description"].as_str().unwrap();
    assert!(
        why.contains("`Quota`") && why.contains("utoipa::ToSchema"),
        "{why}"
    );
    // `status` is the problem's own member.
    assert_eq!(props["status"], json!({"type": "integer", "enum": [422]}));
    let empty = branch(invalid, "EMPTY_CART", &["code"]);
    assert!(empty["properties"]["order"].is_null());
}

#[test]
fn problem_examples_match_their_schemas() {
    let (_, doc) = serialize(&document(ErrorResponses::built_in(ShopError::CATALOG)));
    let mut checked = 0;
    for (status, response) in responses(&doc) {
        let Some(content) = response["content"].as_object() else {
            continue;
        };
        for media in content.values() {
            for (code, example) in media["examples"].as_object().unwrap() {
                check(
                    &media["schema"],
                    &example["value"],
                    &format!("{status} {code}"),
                );
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 4);
}

// ---------------------------------------------------------------------------
// Other formats, ErrorResponses, merging

#[test]
fn google_metadata_is_text_and_openai_has_no_code_to_tell_shapes_apart() {
    let google = Google::new("cloud.phala.network");
    let json = serde_json::to_value(ErrorResponses::of(PhalaError::CATALOG, &google)).unwrap();
    let conflict = &json["409"]["content"]["application/json"];
    let vcpu = &conflict["examples"]["ERR-02-003"]["value"];
    assert_eq!(
        vcpu["error"]["details"][0]["metadata"],
        json!({"requested": "0", "available": "0"})
    );
    // The details list holds an `ErrorInfo` and a `Help`, each a branch of
    // its items.
    let items = &branch(
        &conflict["schema"],
        "ERR-02-003",
        &["error", "details", "[]", "reason"],
    )["properties"]["error"]["properties"]["details"]["items"];
    let info = items["anyOf"]
        .as_array()
        .and_then(|kinds| {
            kinds
                .iter()
                .find(|kind| kind["properties"]["reason"].is_object())
        })
        .unwrap_or(items);
    assert_eq!(info["properties"]["reason"]["enum"], json!(["ERR-02-003"]));
    assert_eq!(
        info["properties"]["metadata"]["properties"]["requested"],
        json!({"type": "string"})
    );

    // OpenAI-style bodies carry the status, not the code: shapes that could
    // both match are offered as anyOf.
    let json = serde_json::to_value(ErrorResponses::of(PhalaError::CATALOG, &OpenAi)).unwrap();
    let schema = &json["409"]["content"]["application/json"]["schema"];
    assert!(schema["oneOf"].is_null());
    assert_eq!(schema["anyOf"].as_array().unwrap().len(), 3);
    assert_eq!(
        schema["anyOf"][0]["properties"]["error"]["properties"]["code"],
        json!({"type": "integer", "enum": [409]})
    );
}

#[test]
fn error_responses_implement_into_responses() {
    let own = <ErrorResponses<PhalaError> as IntoResponses>::responses();
    let same = <ErrorResponses<PhalaError, TypeFormat> as IntoResponses>::responses();
    assert_eq!(own.len(), 10);
    assert!(own == same);
    let expected = ErrorResponses::built_in(PhalaError::CATALOG).responses;
    assert!(own == expected);

    let tagged = <ErrorResponses<PhalaError, Tagged> as IntoResponses>::responses();
    let json = serde_json::to_value(&tagged).unwrap();
    let example = &json["404"]["content"]["application/json"]["examples"]["ERR-03-001"]["value"];
    let error = PhalaError::CvmOperation(CvmOperationError::CvmNotFound {
        cvm_id: "string".into(),
    });
    let body = Render::new(&error).format(&Tagged).to_string().unwrap();
    assert_eq!(*example, serde_json::from_str::<Value>(&body).unwrap());
    assert_eq!(example["success"], false);
}

#[test]
fn merging_keeps_what_the_document_says() {
    let mut operation = OperationBuilder::new()
        .response("404", ResponseBuilder::new().description("No such CVM"))
        .build();
    let mut doc = OpenApiBuilder::new()
        .paths(PathsBuilder::new().path(
            "/cvms/{id}",
            PathItem::new(HttpMethod::Get, operation.clone()),
        ))
        .build();
    let errors = ErrorResponses::built_in(CvmOperationError::CATALOG);
    assert!(ErrorResponses::add_to(
        &mut doc,
        "/cvms/{id}",
        HttpMethod::Get,
        errors.clone()
    ));
    assert!(!ErrorResponses::add_to(
        &mut doc,
        "/cvms/{id}",
        HttpMethod::Post,
        errors.clone()
    ));
    assert!(!ErrorResponses::add_to(
        &mut doc,
        "/nodes",
        HttpMethod::Get,
        errors.clone()
    ));
    let json = serde_json::to_value(&doc).unwrap();
    let responses = &json["paths"]["/cvms/{id}"]["get"]["responses"];
    assert_eq!(responses["404"]["description"], "No such CVM");
    let examples = responses["404"]["content"]["application/json"]["examples"]
        .as_object()
        .unwrap();
    assert_eq!(
        examples.keys().collect::<Vec<_>>(),
        ["ERR-03-001", "ERR-03-005"]
    );
    assert_eq!(responses["409"]["description"], "Conflict");

    // Merging twice adds nothing.
    ErrorResponses::merge(&mut operation.responses, errors.clone());
    let once = serde_json::to_value(&operation.responses).unwrap();
    ErrorResponses::merge(&mut operation.responses, errors);
    assert_eq!(serde_json::to_value(&operation.responses).unwrap(), once);
}

// ---------------------------------------------------------------------------
// A JSON Schema check of the subset the responses use: type, enum,
// properties, required, items, prefixItems, additionalProperties, minimum,
// minItems, maxItems, oneOf, anyOf.

fn check(schema: &Value, value: &Value, at: &str) {
    if let Err(problem) = validate(schema, value) {
        panic!("{at}: {problem}\nvalue: {value}\nschema: {schema}");
    }
}

fn validate(schema: &Value, value: &Value) -> Result<(), String> {
    if let Some(branches) = schema["oneOf"].as_array() {
        let matching = branches
            .iter()
            .filter(|b| validate(b, value).is_ok())
            .count();
        return if matching == 1 {
            Ok(())
        } else {
            Err(format!("{matching} oneOf branches match"))
        };
    }
    if let Some(branches) = schema["anyOf"].as_array() {
        return if branches.iter().any(|b| validate(b, value).is_ok()) {
            Ok(())
        } else {
            Err("no anyOf branch matches".into())
        };
    }
    if let Some(ty) = schema.get("type") {
        let types: Vec<&str> = match ty {
            Value::String(t) => vec![t.as_str()],
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
            _ => return Err("bad type".into()),
        };
        let fits = types.iter().any(|t| match *t {
            "object" => value.is_object(),
            "array" => value.is_array(),
            "string" => value.is_string(),
            "integer" => value.is_i64() || value.is_u64(),
            "number" => value.is_number(),
            "boolean" => value.is_boolean(),
            "null" => value.is_null(),
            _ => false,
        });
        if !fits {
            return Err(format!("{value} is not of type {ty}"));
        }
    }
    if let Some(values) = schema["enum"].as_array() {
        if !values.contains(value) {
            return Err(format!("{value} is not one of {values:?}"));
        }
    }
    if let (Some(minimum), Some(n)) = (schema["minimum"].as_f64(), value.as_f64()) {
        if n < minimum {
            return Err(format!("{n} < {minimum}"));
        }
    }
    if let Some(object) = value.as_object() {
        for key in schema["required"].as_array().into_iter().flatten() {
            if !object.contains_key(key.as_str().unwrap()) {
                return Err(format!("missing required {key}"));
            }
        }
        for (key, member) in object {
            match schema["properties"].get(key) {
                Some(property) => validate(property, member).map_err(|e| format!("{key}: {e}"))?,
                None => {
                    if let Some(additional) = schema.get("additionalProperties") {
                        if additional == &Value::Bool(false) {
                            return Err(format!("unexpected {key}"));
                        }
                        validate(additional, member).map_err(|e| format!("{key}: {e}"))?;
                    }
                }
            }
        }
    }
    if let Some(items) = value.as_array() {
        if let Some(n) = schema["minItems"].as_u64() {
            if (items.len() as u64) < n {
                return Err("too few items".into());
            }
        }
        if let Some(n) = schema["maxItems"].as_u64() {
            if (items.len() as u64) > n {
                return Err("too many items".into());
            }
        }
        let prefix = schema["prefixItems"].as_array().map_or(0, Vec::len);
        for (i, item) in items.iter().enumerate() {
            if i < prefix {
                validate(&schema["prefixItems"][i], item)?;
            } else if let Some(each) = schema.get("items") {
                if each == &Value::Bool(false) {
                    return Err("unexpected item".into());
                }
                validate(each, item).map_err(|e| format!("[{i}]: {e}"))?;
            }
        }
    }
    Ok(())
}

#[test]
fn example_descriptions_carry_the_whole_documentation() {
    #[derive(Debug, ApiError)]
    enum ChoreoError {
        /// Component specification contains invalid configuration.
        ///
        /// # Causes
        /// - Unsupported runtime specified
        ///
        /// # Resolution
        /// 1. **Verify runtime**: Use supported runtimes
        ///
        /// ```bash
        /// choreo runtime list
        /// ```
        #[code("CHOREO-1001")]
        #[status(400)]
        #[message("Component validation failed")]
        #[allow(dead_code)]
        ValidationFailed,
    }
    let responses = <ErrorResponses<ChoreoError> as IntoResponses>::responses();
    let json = serde_json::to_value(&responses).unwrap();
    let description = json["400"]["content"]["application/json"]["examples"]["CHOREO-1001"]
        ["description"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        description,
        "Component specification contains invalid configuration.\n\n\
         **Common Causes**:\n- Unsupported runtime specified\n\n\
         **Resolution Steps**:\n1. **Verify runtime**: Use supported runtimes\n\n\
         ```bash\nchoreo runtime list\n```"
    );
}

// ---------------------------------------------------------------------------
// Details of your own types: schemas from utoipa's ToSchema

/// A page of a listing.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Page {
    /// The page number, from 1.
    number: u32,
    size: u32,
    cursor: Option<String>,
}

/// Where a listing is sorted by.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SortKey {
    CreatedAt,
    Name,
}

/// Borrows its name: the derive names it with `'static` lifetimes.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Owner<'a> {
    name: &'a str,
}

/// A count, as an alias: documented by the type it stands for.
pub type Count = u32;

/// No ToSchema: unconstrained, unless the field says `schema = ...`.
#[derive(Debug, Clone, Serialize)]
pub struct Opaque(String);

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", format = "tagged")]
#[allow(clippy::large_enum_variant)]
pub enum ListError<'a> {
    #[status(416)]
    #[message("Page {page_number:>3} of {pages:#x} is past the end, {ratio:+.1} full, {name:*^8}")]
    PageOutOfRange {
        page: Page,
        #[api_error(skip)]
        page_number: u32,
        pages: u64,
        ratio: f32,
        name: String,
        neighbours: Vec<Page>,
        previous: Option<Page>,
        maybe: Vec<Option<Page>>,
        sort: SortKey,
        owner: Owner<'a>,
        count: Count,
        opaque: Opaque,
        #[api_error(schema = String)]
        named: Opaque,
        #[api_error(schema = Vec<u8>)]
        bytes: Option<Opaque>,
    },
    #[status(409)]
    #[message("The listing changed")]
    Conflict,
}

fn list_responses(doc: &Value) -> &serde_json::Map<String, Value> {
    doc["paths"]["/items"]["get"]["responses"]
        .as_object()
        .expect("the operation has responses")
}

fn list_document() -> (String, Value) {
    #[utoipa::path(get, path = "/items", responses(
        (status = 200, description = "A page"),
        ErrorResponses<ListError<'static>>,
        apierror::openapi::BulkResponses<ListError<'static>>,
    ))]
    #[allow(dead_code)]
    fn list() {}

    const LIST_SCHEMAS: apierror::openapi::ErrorSchemas<ListError<'static>> = ErrorSchemas::NEW;

    #[derive(utoipa::OpenApi)]
    #[openapi(
        info(title = "Items", version = "1"),
        paths(list),
        modifiers(&LIST_SCHEMAS)
    )]
    struct ApiDoc;

    let doc = <ApiDoc as utoipa::OpenApi>::openapi();
    serialize(&doc)
}

#[test]
fn your_own_types_are_components_referenced_by_ref() {
    let (text, doc) = list_document();
    write_for_validators("apierror-openapi-types.json", &text);
    let responses = list_responses(&doc);
    let body = &responses["416"]["content"]["application/json"];
    let details = &body["schema"]["properties"]["error"]["properties"]["details"];
    let props = &details["properties"];
    assert_eq!(props["page"], json!({"$ref": "#/components/schemas/Page"}));
    assert_eq!(
        props["neighbours"],
        json!({"type": "array", "items": {"$ref": "#/components/schemas/Page"}})
    );
    assert_eq!(
        props["previous"],
        json!({"$ref": "#/components/schemas/Page"})
    );
    assert_eq!(
        props["maybe"]["items"]["oneOf"],
        json!([{"$ref": "#/components/schemas/Page"}, {"type": "null"}])
    );
    assert_eq!(
        props["sort"],
        json!({"$ref": "#/components/schemas/SortKey"})
    );
    assert_eq!(
        props["owner"],
        json!({"$ref": "#/components/schemas/Owner"})
    );
    // An alias of a primitive is inlined, not a component named `u32`.
    assert_eq!(props["count"]["type"], "integer");
    assert!(props["count"].get("$ref").is_none());
    // Without ToSchema: unconstrained, and says so.
    assert!(props["opaque"]["description"]
        .as_str()
        .unwrap()
        .contains("`Opaque`"));
    // `schema = ...` documents the field as another type.
    assert_eq!(props["named"], json!({"type": "string"}));
    assert_eq!(props["bytes"]["type"], "array");
    assert!(
        !required(details).contains(&"previous"),
        "an Option is optional"
    );
    assert!(
        !required(details).contains(&"bytes"),
        "an Option is optional"
    );
    assert!(required(details).contains(&"named"));

    // The components are registered with their real schemas.
    let schemas = &doc["components"]["schemas"];
    assert_eq!(schemas["Page"]["properties"]["number"]["type"], "integer");
    assert_eq!(
        schemas["Page"]["properties"]["number"]["description"],
        "The page number, from 1."
    );
    assert_eq!(schemas["Page"]["required"], json!(["number", "size"]));
    assert_eq!(schemas["SortKey"]["enum"], json!(["created_at", "name"]));
    assert_eq!(schemas["Owner"]["properties"]["name"]["type"], "string");
    let names: Vec<&String> = schemas.as_object().unwrap().keys().collect();
    assert_eq!(
        names,
        ["Owner", "Page", "SortKey"],
        "nothing else, no `u32`"
    );

    // Every `$ref` of the document resolves.
    let mut refs = Vec::new();
    collect_refs(&doc, &mut refs);
    assert!(!refs.is_empty());
    for reference in refs {
        let name = reference.strip_prefix("#/components/schemas/").unwrap();
        assert!(schemas.get(name).is_some(), "dangling {reference}");
    }

    // The example is built from the components' schemas and validates.
    let example = &body["examples"]["PAGE_OUT_OF_RANGE"]["value"];
    let details = &example["error"]["details"];
    assert_eq!(details["page"], json!({"number": 0, "size": 0}));
    assert_eq!(details["sort"], "created_at");
    assert_eq!(details["neighbours"], json!([]));
    assert!(details.get("previous").is_none(), "a None is left out");
}

fn collect_refs<'a>(value: &'a Value, out: &mut Vec<&'a str>) {
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                match (key.as_str(), value) {
                    ("$ref", Value::String(reference)) => out.push(reference),
                    _ => collect_refs(value, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| collect_refs(item, out)),
        _ => {}
    }
}

#[test]
fn example_messages_are_formatted_by_std_fmt() {
    let (_, doc) = list_document();
    let example = &list_responses(&doc)["416"]["content"]["application/json"]["examples"]
        ["PAGE_OUT_OF_RANGE"];
    // The same specs, applied by `format!` to the same example values.
    let expected = format!(
        "Page {:>3} of {:#x} is past the end, {:+.1} full, {:*^8}",
        0u32, 0u64, 0.0f32, "string"
    );
    assert_eq!(example["value"]["error"]["message"], expected);
    assert_eq!(
        example["summary"],
        "PageOutOfRange: Page {page_number:>3} of {pages:#x} is past the end, {ratio:+.1} full, {name:*^8}"
    );
}

#[test]
fn schemas_and_add_schemas_register_the_same_components() {
    let listed = ErrorSchemas::of(ListError::CATALOG);
    let names: Vec<&str> = listed.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(
        names,
        ["Page", "SortKey", "Owner"],
        "first-use order, each once"
    );
    let mut doc = document(ErrorResponses::built_in(ListError::CATALOG));
    ErrorSchemas::add_to(&mut doc, ListError::CATALOG);
    let (_, json) = serialize(&doc);
    assert!(json["components"]["schemas"]["Page"].is_object());
    // Phala's catalog has no types of its own: nothing to register.
    assert!(ErrorSchemas::of(PhalaError::CATALOG).is_empty());
}

#[test]
fn the_tagged_format_pins_success_false() {
    let (_, doc) = list_document();
    let schema = &list_responses(&doc)["409"]["content"]["application/json"]["schema"];
    assert_eq!(
        schema["properties"]["success"],
        json!({"type": "boolean", "enum": [false]})
    );
    // A body claiming success fails the schema.
    let body = rendered(&ListError::Conflict);
    validate(schema, &body).unwrap();
    let mut lying = body.clone();
    lying["success"] = json!(true);
    assert!(
        validate(schema, &lying).is_err(),
        "a 409 that says success: true"
    );
}

#[test]
fn responses_document_the_request_id_header() {
    let (_, doc) = phala_document();
    for (status, response) in responses(&doc) {
        if status == "201" {
            continue;
        }
        let header = &response["headers"]["X-Request-Id"];
        assert_eq!(header["schema"]["type"], "string", "{status}");
        assert!(header["description"]
            .as_str()
            .unwrap()
            .contains("ContextLayer"));
    }
}

#[test]
fn bulk_bodies_are_described_and_validate() {
    let (_, doc) = list_document();
    let bulk = &list_responses(&doc)["207"];
    assert!(bulk["description"]
        .as_str()
        .unwrap()
        .starts_with("Multi-Status"));
    let schema = &bulk["content"]["application/json"]["schema"];
    let mut results = apierror::Bulk::new();
    results
        .ok(
            "item-1",
            apierror::http::StatusCode::CREATED,
            &json!({"id": 1}),
        )
        .unwrap();
    results.error("item-2", &ListError::Conflict).unwrap();
    let body: Value = serde_json::from_slice(&results.into_body()).unwrap();
    validate(schema, &body).unwrap();
    let failure = &schema["properties"]["results"]["items"]["oneOf"][1];
    assert_eq!(failure["properties"]["status"]["enum"], json!([409, 416]));
    let example = &bulk["content"]["application/json"]["example"];
    validate(schema, example).unwrap();
    let mut wrong = body.clone();
    wrong["results"][1]["error"]["code"] = json!("NOT_A_CODE");
    assert!(validate(schema, &wrong).is_err(), "codes are an enum");
}

/// A type of the service's own, without a known example.
#[derive(Debug, Serialize)]
struct Region(String);

impl std::fmt::Display for Region {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Placeholders whose pieces the catalog slices from the template at run
/// time get their fields' examples as well as written-out ones do.
#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
#[allow(dead_code)]
enum ExampleKinds {
    #[status(400)]
    #[message("Got {id}, {name}, {flag}, {when}, {ratio:.1}")]
    Plain {
        id: u32,
        name: String,
        flag: bool,
        when: Region,
        ratio: f64,
    },
    #[status(409)]
    #[message("{{literal}} {count:>3} {label}")]
    Escaped { count: u16, label: String },
}

#[test]
fn example_messages_fill_every_kind_of_placeholder() {
    let doc = document(ErrorResponses::built_in(ExampleKinds::CATALOG));
    let (_, json) = serialize(&doc);
    let responses = &json["paths"]["/cvms"]["post"]["responses"];
    let message = |status: &str, code: &str| {
        responses[status]["content"]["application/json"]["examples"][code]["value"]["error"]
            ["message"]
            .clone()
    };
    assert_eq!(message("400", "PLAIN"), "Got 0, string, false, {when}, 0.0");
    assert_eq!(message("409", "ESCAPED"), "{literal}   0 string");
}
