//! Golden tests of the built-in formats, against the examples of RFC 9457 and
//! AIP-193, and of rendering with a chosen format and request context.

use apierror::format::{BuiltIn, Context, Format, Problem, Standard, Tagged, WebSocket};
use apierror::http::header;
use apierror::{ApiError, Render};
use serde_json::{json, Value};

fn value(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).unwrap()
}

fn render_in<E: ApiError, F: Format>(error: &E, format: &F) -> Value {
    value(&Render::new(error).format(format).to_vec().unwrap())
}

/// The problem type of RFC 9457, section 3, as a derived error.
#[derive(Debug, ApiError)]
#[api_error(
    code = "kebab-case",
    format = "problem",
    type_url = "https://example.com/probs/{code}"
)]
pub enum Account {
    #[status(403)]
    #[api_error(title = "You do not have enough credit.")]
    #[message("Your current balance is {balance}, but that costs {cost}.")]
    OutOfCredit {
        balance: u32,
        #[api_error(skip)]
        cost: u32,
        accounts: Vec<&'static str>,
    },
}

/// A type of another format, rendered as a problem at run time: details
/// named like RFC 9457 members never replace them. (With
/// `format = "problem"` on the type, such names are a compile error.)
#[derive(Debug, ApiError)]
#[api_error(code = "kebab-case")]
pub enum Registration {
    #[status(465)]
    #[message("Hash registration required")]
    HashRegistrationRequired {
        status: &'static str,
        note: &'static str,
    },
}

#[test]
fn problem_details_reproduce_rfc_9457_section_3() {
    let error = Account::OutOfCredit {
        balance: 30,
        cost: 50,
        accounts: vec!["/account/12345", "/account/67890"],
    };
    let context = Context::new().with_instance("/account/12345/msgs/abc");
    let body = value(&Render::new(&error).context(context).to_vec().unwrap());
    // RFC 9457's example, plus `status` and our `code` extension member.
    let rfc = r#"{
        "type": "https://example.com/probs/out-of-credit",
        "title": "You do not have enough credit.",
        "detail": "Your current balance is 30, but that costs 50.",
        "instance": "/account/12345/msgs/abc",
        "balance": 30,
        "accounts": ["/account/12345", "/account/67890"]
    }"#;
    let mut expected: Value = serde_json::from_str(rfc).unwrap();
    expected["status"] = json!(403);
    expected["code"] = json!("out-of-credit");
    assert_eq!(body, expected);
    // Members in the order RFC 9457 lists them, extensions last.
    let text = Render::new(&error).to_string().unwrap();
    assert!(text.starts_with(r#"{"type":"https://example.com/probs/out-of-credit","title":"#));
    let response = Render::new(&error).context(context).to_response();
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "application/problem+json"
    );
}

#[test]
fn problem_titles_and_reserved_members() {
    let error = Registration::HashRegistrationRequired {
        status: "pending",
        note: "register first",
    };
    let body = render_in(
        &error,
        &Problem::with_type("https://example.com/probs/{code}"),
    );
    assert_eq!(
        body,
        json!({
            "type": "https://example.com/probs/hash-registration-required",
            // 465 has no reason phrase: the class of the status.
            "title": "Client Error",
            "status": 465,
            "detail": "Hash registration required",
            "code": "hash-registration-required",
            "note": "register first"
        })
    );
    // Without a type template, `about:blank` and the reason phrase.
    #[derive(Debug, ApiError)]
    #[api_error(code = "SCREAMING_SNAKE_CASE")]
    enum Workspace {
        #[status(404)]
        #[message("No such workspace")]
        Missing,
    }
    assert_eq!(
        render_in(&Workspace::Missing, &Problem::new()),
        json!({"type": "about:blank", "title": "Not Found", "status": 404,
               "detail": "No such workspace", "code": "MISSING"})
    );
}

/// The ErrorInfo example of AIP-193, as a derived error.
#[derive(Debug, ApiError)]
#[api_error(format = "google", domain = "compute.googleapis.com")]
pub enum Compute {
    #[code("RESOURCE_AVAILABILITY")]
    #[status(429)]
    #[message("The zone '{zone}' does not have enough resources available to fulfill the request. Try a different zone, or try again later.")]
    ResourceAvailability {
        zone: &'static str,
        #[api_error(rename = "vmType")]
        vm_type: &'static str,
        attachment: &'static str,
        #[api_error(rename = "zonesWithCapacity")]
        zones_with_capacity: &'static str,
    },
    #[code("QUOTA_EXCEEDED")]
    #[status(403)]
    QuotaExceeded {
        limit: u32,
        regions: Vec<&'static str>,
        billing: Option<bool>,
    },
    #[code("UNAVAILABLE")]
    #[status(503)]
    Unavailable,
}

#[test]
fn google_errors_reproduce_aip_193() {
    let error = Compute::ResourceAvailability {
        zone: "us-east1-a",
        vm_type: "e2-medium",
        attachment: "local-ssd=3,nvidia-t4=2",
        zones_with_capacity: "us-central1-f,us-central1-c",
    };
    let aip = r#"{
      "error": {
        "code": 429,
        "message": "The zone 'us-east1-a' does not have enough resources available to fulfill the request. Try a different zone, or try again later.",
        "status": "RESOURCE_EXHAUSTED",
        "details": [
          {
            "@type": "type.googleapis.com/google.rpc.ErrorInfo",
            "reason": "RESOURCE_AVAILABILITY",
            "domain": "compute.googleapis.com",
            "metadata": {
              "zone": "us-east1-a",
              "vmType": "e2-medium",
              "attachment": "local-ssd=3,nvidia-t4=2",
              "zonesWithCapacity": "us-central1-f,us-central1-c"
            }
          }
        ]
      }
    }"#;
    assert_eq!(
        value(&apierror::Render::new(&error).to_vec().unwrap()),
        serde_json::from_str::<Value>(aip).unwrap()
    );
}

#[test]
fn google_metadata_values_are_strings() {
    let error = Compute::QuotaExceeded {
        limit: 8,
        regions: vec!["us-east1", "eu-west4"],
        billing: Some(true),
    };
    let body = value(&apierror::Render::new(&error).to_vec().unwrap());
    assert_eq!(body["error"]["status"], "PERMISSION_DENIED");
    assert_eq!(
        body["error"]["details"][0]["metadata"],
        json!({"limit": "8", "regions": "[\"us-east1\",\"eu-west4\"]", "billing": "true"})
    );
    // No details: ErrorInfo without metadata.
    let body = value(
        &apierror::Render::new(&Compute::Unavailable)
            .to_vec()
            .unwrap(),
    );
    assert_eq!(
        body["error"]["details"][0],
        json!({"@type": "type.googleapis.com/google.rpc.ErrorInfo",
               "reason": "UNAVAILABLE", "domain": "compute.googleapis.com"})
    );
    assert_eq!(body["error"]["status"], "UNAVAILABLE");
}

#[test]
fn google_rpc_codes_follow_the_documented_mapping() {
    let table = [
        (400, "INVALID_ARGUMENT"),
        (401, "UNAUTHENTICATED"),
        (403, "PERMISSION_DENIED"),
        (404, "NOT_FOUND"),
        (409, "ABORTED"),
        (412, "FAILED_PRECONDITION"),
        (429, "RESOURCE_EXHAUSTED"),
        (499, "CANCELLED"),
        (500, "INTERNAL"),
        (501, "UNIMPLEMENTED"),
        (503, "UNAVAILABLE"),
        (504, "DEADLINE_EXCEEDED"),
        (502, "UNKNOWN"),
    ];
    for (status, name) in table {
        assert_eq!(
            apierror::format::Google::rpc_code_of(status),
            name,
            "{status}"
        );
    }
}

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", format = "openai")]
#[api_error(category(name = "throttled", prefix = "RATE_"))]
#[api_error(category(name = "gateway_error", prefix = "PROVIDER_"))]
pub enum Gateway {
    /// `kind` wins over the category.
    #[status(429)]
    #[api_error(kind = "rate_limit_error")]
    #[message("rate limit exceeded")]
    RateLimitExceeded {
        #[api_error(retry_after)]
        retry_after: u64,
        limit: u32,
        remaining: u32,
    },
    /// The category names the type.
    #[status(504)]
    #[message("provider timeout")]
    ProviderTimeout,
}

/// No kinds, no categories: types named after the status.
#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", format = "openai")]
pub enum Plain {
    #[status(401)]
    #[message("invalid api key")]
    InvalidApiKey,
    #[status(413)]
    TooLarge,
    #[status(500)]
    Internal,
    #[status(418)]
    Teapot,
}

#[test]
fn openai_style_types_come_from_kind_category_or_status() {
    let error = Gateway::RateLimitExceeded {
        retry_after: 60,
        limit: 200,
        remaining: 0,
    };
    assert_eq!(
        value(&apierror::Render::new(&error).to_vec().unwrap()),
        json!({"error": {"message": "rate limit exceeded", "type": "rate_limit_error", "code": 429,
                         "details": {"retry_after": 60, "limit": 200, "remaining": 0}}})
    );
    let provider = value(
        &apierror::Render::new(&Gateway::ProviderTimeout)
            .to_vec()
            .unwrap(),
    );
    assert_eq!(provider["error"]["type"], "gateway_error");
    let types: Vec<_> = [
        Plain::InvalidApiKey,
        Plain::TooLarge,
        Plain::Internal,
        Plain::Teapot,
    ]
    .iter()
    .map(|e| value(&apierror::Render::new(e).to_vec().unwrap())["error"]["type"].clone())
    .collect();
    assert_eq!(
        types,
        [
            "authentication_error",
            "request_too_large",
            "api_error",
            "invalid_request_error"
        ]
    );
    assert_eq!(
        value(
            &apierror::Render::new(&Plain::InvalidApiKey)
                .to_vec()
                .unwrap()
        ),
        json!({"error": {"message": "invalid api key", "type": "authentication_error", "code": 401}})
    );
}

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "WS_")]
pub enum Socket {
    #[status(401)]
    #[message("Authentication required before subscribing")]
    AuthRequired,
    #[status(429)]
    #[message("Maximum number of subscriptions exceeded")]
    SubscriptionLimitExceeded { limit: u32, current: u32 },
}

#[test]
fn standard_tagged_and_websocket_shapes() {
    let error = Socket::SubscriptionLimitExceeded {
        limit: 100,
        current: 100,
    };
    let context = Context::new()
        .with_request_id("req_123456")
        .with_timestamp("2024-01-20T10:00:00Z");
    let inner = json!({"code": "WS_SUBSCRIPTION_LIMIT_EXCEEDED",
                       "message": "Maximum number of subscriptions exceeded",
                       "details": {"limit": 100, "current": 100}});

    assert_eq!(render_in(&error, &Standard), json!({"error": inner}));
    let mut with_id = inner.clone();
    with_id["request_id"] = json!("req_123456");
    assert_eq!(
        value(
            &Render::new(&error)
                .format(&Standard)
                .context(context)
                .to_vec()
                .unwrap()
        ),
        json!({"error": with_id, "meta": {"request_id": "req_123456", "timestamp": "2024-01-20T10:00:00Z"}})
    );
    // A timestamp alone gives `meta` without a request id anywhere.
    let stamped = value(
        &Render::new(&error)
            .context(Context::new().with_timestamp("t"))
            .to_vec()
            .unwrap(),
    );
    assert_eq!(stamped, json!({"error": inner, "meta": {"timestamp": "t"}}));

    assert_eq!(
        render_in(&error, &Tagged),
        json!({"success": false, "error": inner})
    );
    assert_eq!(
        value(
            &Render::new(&error)
                .format(&Tagged)
                .context(context)
                .to_vec()
                .unwrap()
        ),
        json!({"success": false, "error": inner, "requestId": "req_123456"})
    );

    assert_eq!(
        render_in(&Socket::AuthRequired, &WebSocket),
        json!({"type": "error", "error": {"code": "WS_AUTH_REQUIRED",
                                          "message": "Authentication required before subscribing"}})
    );
}

#[test]
fn any_error_renders_in_any_format() {
    let error = Account::OutOfCredit {
        balance: 1,
        cost: 2,
        accounts: vec![],
    };
    let formats = crate::outputs::every_built_in("example.com");
    for format in &formats {
        let body = render_in(&error, format);
        let text = body.to_string();
        assert!(
            text.contains("Your current balance is 1, but that costs 2."),
            "{text}"
        );
    }
    assert_eq!(
        Account::CATALOG.built_in(),
        &BuiltIn::Problem(Problem::with_type("https://example.com/probs/{code}"))
    );
    assert_eq!(Socket::CATALOG.built_in(), &BuiltIn::Standard(Standard));
}

#[derive(Debug, ApiError)]
#[api_error(
    code = "SCREAMING_SNAKE_CASE",
    www_authenticate = "Bearer realm=\"api\", error=\"invalid_token\""
)]
pub enum Auth {
    #[status(401)]
    #[message("Authentication token has expired")]
    TokenExpired,
    #[status(403)]
    Forbidden,
}

#[test]
fn response_headers() {
    let response = apierror::Render::new(&Auth::TokenExpired).to_response();
    assert_eq!(response.status(), 401);
    let headers = response.headers();
    assert_eq!(
        headers[header::WWW_AUTHENTICATE],
        "Bearer realm=\"api\", error=\"invalid_token\""
    );
    assert_eq!(headers[header::CACHE_CONTROL], "no-store");
    assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(headers[header::CONTENT_TYPE], "application/json");
    assert!(headers.get(header::WWW_AUTHENTICATE.as_str()).is_some());
    assert!(apierror::Render::new(&Auth::Forbidden)
        .to_response()
        .headers()
        .get(header::WWW_AUTHENTICATE)
        .is_none());
    // Without a configured challenge, every 401 still gets `Bearer`.
    let socket = apierror::Render::new(&Socket::AuthRequired).to_response();
    assert_eq!(socket.headers()[header::WWW_AUTHENTICATE], "Bearer");
}

#[test]
fn request_ids_become_headers_only_when_valid() {
    let ok = Render::new(&Auth::Forbidden)
        .context(Context::new().with_request_id("req_42"))
        .to_response();
    assert_eq!(ok.headers()["x-request-id"], "req_42");
    let spaced = Render::new(&Auth::Forbidden)
        .context(Context::new().with_request_id("req 42 \"quoted\""))
        .to_response();
    assert_eq!(spaced.headers()["x-request-id"], "req 42 \"quoted\"");
    // Control characters, DEL and bytes beyond ASCII are not echoed.
    for hostile in [
        "req\r\nSet-Cookie: a=b",
        "req\nx",
        "req\0",
        "req\u{7f}",
        "req_é",
        "req_\u{2028}",
    ] {
        let response = Render::new(&Auth::Forbidden)
            .context(Context::new().with_request_id(hostile))
            .to_response();
        assert!(
            response.headers().get("x-request-id").is_none(),
            "{hostile:?}"
        );
        assert!(response.headers().get("set-cookie").is_none());
        // The body still carries it, as an escaped JSON string.
        let body = value(response.body());
        assert_eq!(body["error"]["request_id"], hostile);
    }
}

#[test]
fn bulk_results_drop_an_item_that_fails_to_serialize() {
    struct Broken;
    impl serde::Serialize for Broken {
        fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
            Err(serde::ser::Error::custom("broken"))
        }
    }
    let mut bulk = apierror::Bulk::new();
    bulk.ok("a", apierror::http::StatusCode::OK, &json!({"n": 1}))
        .unwrap();
    assert!(bulk
        .ok("b", apierror::http::StatusCode::OK, &Broken)
        .is_err());
    bulk.error("c", &Auth::Forbidden).unwrap();
    assert_eq!((bulk.len(), bulk.failures()), (2, 1));
    let response = bulk.into_response();
    assert_eq!(response.status(), 207);
    assert_eq!(
        value(response.body()),
        json!({"success": true, "results": [
            {"id": "a", "success": true, "status": 200, "data": {"n": 1}},
            {"id": "c", "success": false, "status": 403, "error": {"code": "FORBIDDEN", "message": "Forbidden"}}
        ]})
    );
    assert_eq!(
        value(&apierror::Bulk::new().into_body()),
        json!({"success": true, "results": []})
    );
}

#[test]
fn bulk_successes_take_success_statuses_only() {
    use apierror::http::StatusCode;
    let mut bulk = apierror::Bulk::new();
    for status in [100, 101, 204, 206, 299, 200] {
        let status = StatusCode::from_u16(status).unwrap();
        let result = bulk.ok("x", status, &json!({}));
        assert_eq!(result.is_ok(), status.is_success(), "{status}");
    }
    for status in [102, 199, 302, 304, 400, 404, 500, 599, 999] {
        let status = StatusCode::from_u16(status).unwrap();
        let failure = bulk.ok("x", status, &json!({})).unwrap_err();
        assert!(failure.to_string().contains("success status"), "{failure}");
    }
    // Only the 2xx ones were added; a refused item leaves no trace.
    assert_eq!(bulk.len(), 4);
    let body = value(&bulk.into_body());
    let statuses: Vec<_> = body["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_u64().unwrap())
        .collect();
    assert_eq!(statuses, [204, 206, 299, 200]);
}
