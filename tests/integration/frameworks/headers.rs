//! Headers cannot be injected, and every "safe fallback" is asserted:
//! - a request id with CR, LF, NUL, DEL or non-ASCII characters is left out
//!   of the response (no `X-Request-Id`, no injected header), the rest intact;
//! - `Retry-After` from every integer type and from `Option<Duration>` is a
//!   valid delta-seconds header, or absent when there is no valid value;
//! - `WWW-Authenticate` on 401s: `Bearer` by default, else the configured
//!   (compile-time validated) challenge; never on other statuses.

use apierror::format::{BuiltIn, Context, Standard};
use apierror::http::header::{
    CACHE_CONTROL, CONTENT_TYPE, RETRY_AFTER, WWW_AUTHENTICATE, X_CONTENT_TYPE_OPTIONS,
};
use apierror::http::{HeaderMap, Response};
use apierror::{ApiError, Render};
use std::time::Duration;

static FORMATS: std::sync::LazyLock<Vec<BuiltIn>> =
    std::sync::LazyLock::new(|| crate::outputs::every_built_in("api.example.com"));

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum Auth {
    #[status(401)]
    #[message("Authentication required")]
    Unauthenticated,
    #[status(404)]
    #[message("Not found")]
    Missing { id: String },
}

#[derive(Debug, ApiError)]
#[api_error(
    code = "SCREAMING_SNAKE_CASE",
    www_authenticate = "Bearer realm=\"api\", error=\"invalid_token\""
)]
pub enum Configured {
    #[status(401)]
    TokenExpired,
    #[status(403)]
    Forbidden,
}

/// One variant per type a `retry_after` field may have.
#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 429)]
pub enum Retry {
    U8 {
        #[api_error(retry_after)]
        after: u8,
    },
    U16 {
        #[api_error(retry_after)]
        after: u16,
    },
    U32 {
        #[api_error(retry_after)]
        after: u32,
    },
    U64 {
        #[api_error(retry_after)]
        after: u64,
    },
    U128 {
        #[api_error(retry_after)]
        after: u128,
    },
    Usize {
        #[api_error(retry_after)]
        after: usize,
    },
    #[status(503)]
    Wait {
        #[api_error(retry_after)]
        after: Duration,
    },
    #[status(503)]
    Maybe {
        #[api_error(retry_after)]
        after: Option<Duration>,
    },
    OptionalSeconds {
        #[api_error(retry_after)]
        after: Option<u64>,
    },
}

/// Every header value is a valid, visible-ASCII value without CR, LF or NUL.
fn assert_clean(headers: &HeaderMap) {
    for (name, value) in headers {
        let text = value
            .to_str()
            .unwrap_or_else(|_| panic!("{name}: not visible ASCII: {value:?}"));
        assert!(
            !text.contains(['\r', '\n', '\0', '\u{7f}']),
            "{name}: {text:?}"
        );
    }
}

/// The headers every error response has, with their values.
fn assert_base<E: ApiError, F: apierror::format::Format>(
    render: &Render<'_, E, F>,
    response: &Response<Vec<u8>>,
) {
    let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    assert!(body.is_object());
    assert_eq!(response.body(), &render.to_vec().unwrap());
    let headers = response.headers();
    assert_eq!(headers[CONTENT_TYPE], render.media_type());
    assert_eq!(headers[CACHE_CONTROL], "no-store");
    assert_eq!(headers[X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_clean(headers);
}

const BAD_IDS: &[&str] = &[
    "req\r\nSet-Cookie: session=stolen",
    "req\nSet-Cookie: session=stolen",
    "req\rX-Injected: 1",
    "req\0nul",
    "req\u{7f}del",
    "req-é",
    "req-\u{1F600}",
    "\u{2028}",
    "req\u{0b}vt",
    "<p>\r\n\r\n<html>",
];

#[test]
fn request_ids_that_are_no_valid_header_are_left_out() {
    let errors = [Auth::Unauthenticated, Auth::Missing { id: "ws-1".into() }];
    let mut checked = 0;
    for error in &errors {
        for format in FORMATS.iter() {
            for id in BAD_IDS {
                let render = Render::new(error)
                    .format(format)
                    .context(Context::new().with_request_id(id));
                let response = render.to_response();
                assert_base(&render, &response);
                let headers = response.headers();
                assert!(
                    !headers.contains_key(Context::REQUEST_ID_HEADER),
                    "{id:?}: {headers:?}"
                );
                assert!(!headers.contains_key("set-cookie"), "{id:?}");
                assert!(!headers.contains_key("x-injected"), "{id:?}");
                // Exactly the base headers, plus the challenge on a 401.
                let expected = 3 + usize::from(error.status() == 401);
                assert_eq!(headers.len(), expected, "{id:?}: {headers:?}");
                assert_eq!(
                    headers.contains_key(WWW_AUTHENTICATE),
                    error.status() == 401
                );
                // The body still carries the id, JSON-escaped, where the
                // format puts it.
                let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
                let text = body.to_string();
                if matches!(format, BuiltIn::Standard(_) | BuiltIn::Tagged(_)) {
                    assert!(text.contains(&serde_json::to_string(id).unwrap()[1..]));
                }
                checked += 1;
            }
        }
    }
    assert_eq!(checked, errors.len() * FORMATS.len() * BAD_IDS.len());
}

#[test]
fn valid_request_ids_are_echoed() {
    for id in ["req_123456", "a b\tc", "01HZY-~!#$%&'*+.^_`|"] {
        let render =
            Render::new(&Auth::Unauthenticated).context(Context::new().with_request_id(id));
        let response = render.to_response();
        assert_base(&render, &response);
        assert_eq!(response.headers()[Context::REQUEST_ID_HEADER], id);
    }
    // Surrounding whitespace is trimmed, in the header and the body alike.
    let render =
        Render::new(&Auth::Unauthenticated).context(Context::new().with_request_id(" \treq_7\r\n"));
    let response = render.to_response();
    assert_eq!(response.headers()[Context::REQUEST_ID_HEADER], "req_7");
    let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(body["meta"]["request_id"], "req_7");
    // Empty, blank and overlong ids are no ids: neither echoed nor in the body.
    let long = "r".repeat(Context::MAX_REQUEST_ID + 1);
    let longest = "r".repeat(Context::MAX_REQUEST_ID);
    for id in ["", "   ", "\t\r\n", long.as_str(), &"x".repeat(100_000)] {
        let context = Context::new().with_request_id(id);
        assert_eq!(context.request_id(), None, "{}", id.len());
        let response = Render::new(&Auth::Unauthenticated)
            .context(context)
            .to_response();
        assert!(!response.headers().contains_key(Context::REQUEST_ID_HEADER));
        let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
        assert!(body.get("meta").is_none(), "{body}");
    }
    let response = Render::new(&Auth::Unauthenticated)
        .context(Context::new().with_request_id(&longest))
        .to_response();
    assert_eq!(
        response.headers()[Context::REQUEST_ID_HEADER],
        longest.as_str()
    );
    // No context, no header.
    let response = apierror::Render::new(&Auth::Unauthenticated).to_response();
    assert!(!response.headers().contains_key(Context::REQUEST_ID_HEADER));
}

fn retry_after(error: &Retry) -> Option<String> {
    let response = Render::new(error).to_response();
    assert_clean(response.headers());
    assert_eq!(response.status(), error.status());
    let values: Vec<_> = response.headers().get_all(RETRY_AFTER).iter().collect();
    assert!(values.len() <= 1);
    values.first().map(|v| {
        let text = v.to_str().unwrap().to_owned();
        // delta-seconds: 1*DIGIT, a number that fits u64.
        assert!(
            !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()),
            "{text:?}"
        );
        assert_eq!(text.parse::<u64>().ok(), error.retry_after(), "{text:?}");
        text
    })
}

#[test]
fn retry_after_is_valid_or_absent_for_every_type() {
    const MAX: &str = "31536000";
    assert_eq!(MAX, apierror::response::MAX_RETRY_AFTER.to_string());
    let some = |s: &str| Some(s.to_owned());
    let cases: Vec<(Retry, Option<String>)> = vec![
        (Retry::U8 { after: u8::MAX }, some("255")),
        (Retry::U8 { after: 0 }, some("0")),
        (Retry::U16 { after: u16::MAX }, some("65535")),
        // Large values are capped at MAX_RETRY_AFTER (365 days); none is dropped.
        (Retry::U32 { after: u32::MAX }, some(MAX)),
        (Retry::U32 { after: 31_536_000 }, some(MAX)),
        (Retry::U32 { after: 31_536_001 }, some(MAX)),
        (Retry::U32 { after: 31_535_999 }, some("31535999")),
        (Retry::U64 { after: u64::MAX }, some(MAX)),
        (Retry::U64 { after: 60 }, some("60")),
        (Retry::U128 { after: u128::MAX }, some(MAX)),
        (
            Retry::U128 {
                after: u128::from(u64::MAX),
            },
            some(MAX),
        ),
        (Retry::Usize { after: usize::MAX }, some(MAX)),
        (
            Retry::Wait {
                after: Duration::ZERO,
            },
            some("0"),
        ),
        // Rounded up: retrying early is the mistake to avoid.
        (
            Retry::Wait {
                after: Duration::from_millis(1500),
            },
            some("2"),
        ),
        (
            Retry::Wait {
                after: Duration::from_secs(u64::MAX),
            },
            some(MAX),
        ),
        (Retry::Maybe { after: None }, None),
        (
            Retry::Maybe {
                after: Some(Duration::from_nanos(1)),
            },
            some("1"),
        ),
        (
            Retry::Maybe {
                after: Some(Duration::from_secs(30)),
            },
            some("30"),
        ),
        (Retry::OptionalSeconds { after: None }, None),
        (Retry::OptionalSeconds { after: Some(30) }, some("30")),
    ];
    for (error, expected) in &cases {
        assert_eq!(&retry_after(error), expected, "{error:?}");
        // Absent header, absent method value: the fallback is "no header".
        assert_eq!(
            error.retry_after().is_none(),
            expected.is_none(),
            "{error:?}"
        );
    }
}

#[test]
fn retry_after_duration_max_does_not_overflow() {
    // u64::MAX whole seconds plus a fraction: rounding up saturates instead
    // of wrapping to 0 (which would tell clients to retry at once), then the
    // cap applies.
    let error = Retry::Maybe {
        after: Some(Duration::MAX),
    };
    let max = apierror::response::MAX_RETRY_AFTER;
    assert_eq!(error.retry_after(), Some(max));
    assert_eq!(retry_after(&error), Some(max.to_string()));
}

#[test]
fn www_authenticate_on_every_401_only() {
    for format in FORMATS.iter() {
        let response = Render::new(&Configured::TokenExpired)
            .format(format)
            .to_response();
        assert_eq!(
            response.headers()[WWW_AUTHENTICATE],
            "Bearer realm=\"api\", error=\"invalid_token\"",
            "{format:?}"
        );
        let response = Render::new(&Auth::Unauthenticated)
            .format(format)
            .to_response();
        assert_eq!(response.headers()[WWW_AUTHENTICATE], "Bearer", "{format:?}");
        for response in [
            Render::new(&Configured::Forbidden)
                .format(format)
                .to_response(),
            Render::new(&Auth::Missing { id: "x".into() })
                .format(format)
                .to_response(),
        ] {
            assert!(
                !response.headers().contains_key(WWW_AUTHENTICATE),
                "{format:?}"
            );
        }
    }
}

#[test]
fn axum_responses_carry_no_invalid_header() {
    use axum::response::IntoResponse;

    let errors = [
        Retry::U64 { after: 5 },
        Retry::U64 { after: u64::MAX },
        Retry::Maybe { after: None },
    ];
    for id in BAD_IDS.iter().chain(&["req_1"]) {
        let context = Context::new().with_request_id(id);
        for format in FORMATS.iter() {
            let check = |response: axum::response::Response, expected: &Response<Vec<u8>>| {
                assert_eq!(response.status(), expected.status());
                assert_eq!(response.headers(), expected.headers());
                assert_clean(response.headers());
                assert_eq!(
                    response.headers().contains_key(Context::REQUEST_ID_HEADER),
                    *id == "req_1"
                );
                assert!(!response.headers().contains_key("set-cookie"));
            };
            for error in &errors {
                let render = Render::new(error).format(format).context(context);
                check(render.into_response(), &render.to_response());
            }
            let render = Render::new(&Configured::TokenExpired)
                .format(format)
                .context(context);
            let response = render.into_response();
            assert_eq!(
                response.headers()[WWW_AUTHENTICATE],
                "Bearer realm=\"api\", error=\"invalid_token\""
            );
            check(response, &render.to_response());
            let render = Render::new(&Auth::Unauthenticated)
                .format(format)
                .context(context);
            let response = render.into_response();
            assert_eq!(response.headers()[WWW_AUTHENTICATE], "Bearer");
            check(response, &render.to_response());
        }
    }
}

/// A format that tries to set every reserved header (in odd letter cases),
/// next to one of its own, and says it translates.
#[derive(Debug, Clone, Copy)]
struct Rogue;

impl apierror::format::Format for Rogue {
    fn media_type(&self) -> &'static str {
        "application/json"
    }

    fn serialize<E, S>(
        &self,
        error: &E,
        context: &Context<'_>,
        serializer: S,
    ) -> Result<S::Ok, S::Error>
    where
        E: ApiError + ?Sized,
        S: apierror::serde::Serializer,
    {
        Standard.serialize(error, context, serializer)
    }

    fn headers<E>(&self, _: &E, _: &Context<'_>, headers: &mut HeaderMap)
    where
        E: ApiError + ?Sized,
    {
        use apierror::http::{HeaderName, HeaderValue};
        let mut names: Vec<String> = apierror::response::Reserved::HEADERS
            .iter()
            .map(|(name, _)| name.to_ascii_uppercase())
            .collect();
        names.extend(
            [
                "Access-Control-Allow-Origin",
                "ACCESS-CONTROL-ALLOW-CREDENTIALS",
            ]
            .map(String::from),
        );
        for name in names {
            let name = HeaderName::from_bytes(name.as_bytes()).unwrap();
            headers.append(name, HeaderValue::from_static("rogue"));
        }
        headers.insert("x-shop-code", HeaderValue::from_static("kept"));
        headers.insert(RETRY_AFTER, HeaderValue::from_static("30"));
    }

    fn localizes<E: ApiError + ?Sized>(&self, _: &E) -> bool {
        true
    }
}

const ROGUE: Rogue = Rogue;

/// Answered in the rogue format by default, so that the derived axum and
/// actix-web responses use it too.
#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", format = ROGUE)]
#[api_error(language = "en", locales("de"), translations = "locales/service")]
#[message("Quota of {limit} requests exceeded; retry in {retry_after_secs} s")]
#[api_error(status = 429)]
struct RogueQuota {
    limit: u32,
    #[api_error(retry_after)]
    retry_after_secs: u64,
}

/// What a response of the rogue format must carry: the response's own
/// headers, never the format's reserved ones, the format's own header.
fn assert_not_rogue(headers: &HeaderMap, retry_after: &str, language: &str) {
    for (name, value) in headers {
        assert_ne!(value, "rogue", "{name} came from the format");
        assert!(
            apierror::response::Reserved::of(name.as_str()).is_none()
                || [CONTENT_TYPE, CACHE_CONTROL, X_CONTENT_TYPE_OPTIONS].contains(name)
                || ["content-language", "vary", "x-request-id"].contains(&name.as_str()),
            "{name}"
        );
    }
    assert_eq!(headers["x-shop-code"], "kept");
    assert_eq!(headers[RETRY_AFTER], retry_after);
    assert_eq!(headers[CONTENT_TYPE], "application/json");
    assert_eq!(headers["content-language"], language);
    assert_eq!(headers.get_all("vary").iter().count(), 1);
    assert_eq!(headers["vary"], "accept-language");
    assert_eq!(headers[Context::REQUEST_ID_HEADER], "req_1");
}

#[test]
fn formats_cannot_set_reserved_headers_in_any_response() {
    use axum::response::IntoResponse;
    let error = RogueQuota {
        limit: 10,
        retry_after_secs: 7,
    };
    let context = Context::new()
        .with_request_id("req_1")
        .with_accept_language("de-DE,de;q=0.9");
    // Render's response, and the response a handler's `Err(e)` gives.
    let render = Render::new(&error).context(context);
    assert_not_rogue(render.to_response().headers(), "7", "de");
    assert_not_rogue(render.into_response().headers(), "7", "de");
    // The derived axum response, outside a request: the type's language.
    let axum = error.into_response();
    let headers = axum.headers();
    assert_eq!(headers["content-language"], "en");
    assert!(headers.values().all(|v| v != "rogue"));
    // actix-web's, with its own header types.
    let error = RogueQuota {
        limit: 10,
        retry_after_secs: 7,
    };
    let actix = actix_web::ResponseError::error_response(&error);
    for (name, value) in actix.headers() {
        assert_ne!(value, "rogue", "{name} came from the format");
    }
    assert_eq!(actix.headers().get("x-shop-code").unwrap(), "kept");
    assert_eq!(actix.headers().get("retry-after").unwrap(), "7");
    // A format's own Retry-After stays where the error has none.
    let render = Render::new(&Auth::Unauthenticated).format(&Rogue);
    let response = render.to_response();
    assert_eq!(response.headers()[RETRY_AFTER], "30");
    assert_eq!(response.headers()[WWW_AUTHENTICATE], "Bearer");
    assert!(response.headers().values().all(|v| v != "rogue"));
}

/// `skip` with `header`: the value goes in its header only, never in the
/// body (GitHub's `X-RateLimit-Remaining` is not in its bodies); the
/// references document the header, not a detail.
#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum Limited {
    #[status(403)]
    #[message("API rate limit exceeded")]
    RateLimited {
        #[api_error(skip, header = "X-RateLimit-Remaining")]
        remaining: u32,
        #[api_error(header = "X-RateLimit-Resource")]
        resource: String,
    },
}

#[test]
fn a_skipped_field_feeds_its_header_only() {
    let error = Limited::RateLimited {
        remaining: 0,
        resource: "core".into(),
    };
    let response = Render::new(&error).to_response();
    assert_eq!(response.headers()["x-ratelimit-remaining"], "0");
    assert_eq!(response.headers()["x-ratelimit-resource"], "core");
    let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(
        body["error"]["details"],
        serde_json::json!({"resource": "core"})
    );
    let descriptor = error.descriptor();
    assert_eq!(
        descriptor.headers(),
        ["x-ratelimit-remaining", "x-ratelimit-resource"]
    );
    assert_eq!(descriptor.fields(), ["resource"]);
    let openapi = serde_json::to_value(apierror::openapi::ErrorResponses::of(
        Limited::CATALOG,
        &Standard,
    ))
    .unwrap();
    let headers = &openapi["403"]["headers"];
    assert!(headers.get("x-ratelimit-remaining").is_some(), "{headers}");
}

/// Two pipelined requests on one connection, read back raw: what a client
/// sees on the wire, framing headers included.
fn pipelined(addr: std::net::SocketAddr, path: &str) -> String {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(5)))
        .unwrap();
    let request = format!("GET {path} HTTP/1.1\r\nHost: x\r\n\r\n");
    let last = format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    stream
        .write_all(format!("{request}{last}").as_bytes())
        .unwrap();
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    String::from_utf8_lossy(&raw).into_owned()
}

/// Both responses of the rogue format arrive whole over a real connection,
/// the second one behind the first: no header of the format framed them,
/// none managed the connection, none set a cookie, CORS or a redirect.
fn assert_both_answered(raw: &str) {
    assert_eq!(raw.matches("HTTP/1.1 429").count(), 2, "{raw}");
    assert!(!raw.contains("rogue"), "{raw}");
    let lower = raw.to_ascii_lowercase();
    for header in [
        "transfer-encoding: rogue",
        "set-cookie",
        "location:",
        "access-control",
        "upgrade:",
    ] {
        assert!(!lower.contains(header), "{header}: {raw}");
    }
    assert_eq!(lower.matches("x-shop-code: kept").count(), 2, "{raw}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reserved_headers_never_reach_the_wire_axum() {
    let app = axum::Router::new().route(
        "/quota",
        axum::routing::get(|| async {
            Err::<String, _>(RogueQuota {
                limit: 10,
                retry_after_secs: 7,
            })
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(async move { axum::serve(listener, app).await });
    let raw = tokio::task::spawn_blocking(move || pipelined(addr, "/quota"))
        .await
        .unwrap();
    server.abort();
    assert_both_answered(&raw);
}

#[test]
fn reserved_headers_never_reach_the_wire_actix() {
    use actix_web::{web, App};
    async fn quota() -> Result<String, RogueQuota> {
        Err(RogueQuota {
            limit: 10,
            retry_after_secs: 7,
        })
    }
    let server = serve!(|| App::new().route("/quota", web::get().to(quota)));
    let addr = server.base.trim_start_matches("http://").parse().unwrap();
    let raw = pipelined(addr, "/quota");
    drop(server);
    assert_both_answered(&raw);
}

/// An API that sends no challenge (GitHub, Meilisearch): `www_authenticate
/// = false` leaves the header out of every 401, in every response path,
/// and out of the OpenAPI document.
#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", www_authenticate = false)]
pub enum NoChallenge {
    #[status(401)]
    #[message("Requires authentication")]
    RequiresAuthentication,
}

#[test]
fn www_authenticate_false_sends_no_challenge() {
    use axum::response::IntoResponse;
    let error = NoChallenge::RequiresAuthentication;
    assert_eq!(NoChallenge::CATALOG.www_authenticate(), Some(""));
    for format in FORMATS.iter() {
        let response = Render::new(&error).format(format).to_response();
        assert_eq!(response.status(), 401);
        assert!(
            !response.headers().contains_key(WWW_AUTHENTICATE),
            "{format:?}"
        );
    }
    assert!(!error
        .into_response()
        .headers()
        .contains_key(WWW_AUTHENTICATE));
    let actix = actix_web::ResponseError::error_response(&NoChallenge::RequiresAuthentication);
    assert!(actix.headers().get("www-authenticate").is_none());
    let openapi = serde_json::to_value(apierror::openapi::ErrorResponses::of(
        NoChallenge::CATALOG,
        &Standard,
    ))
    .unwrap();
    assert!(
        openapi["401"]["headers"].get("WWW-Authenticate").is_none(),
        "{openapi}"
    );
    // A type that includes it keeps its setting for its codes.
    #[derive(Debug, ApiError)]
    #[api_error(www_authenticate = "Bearer realm=\"outer\"")]
    enum Outer {
        #[api_error(transparent)]
        Inner(NoChallenge),
    }
    let response = Render::new(&Outer::Inner(NoChallenge::RequiresAuthentication)).to_response();
    assert!(!response.headers().contains_key(WWW_AUTHENTICATE));
}
