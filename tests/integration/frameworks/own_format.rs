//! A type's own format as its default, `#[api_error(format = path)]`: a
//! unit struct or a const implementing `Format`, used by `Render::new`,
//! `to_response`, the axum and actix-web responses of handlers returning
//! `Err(e)`, and the OpenAPI responses; headers added by a format and fed by
//! fields; and `manual_response`, under which the user writes the framework
//! impls.

use crate::outputs;

use apierror::format::{Context, Format};
use apierror::{ApiError, Render};
use serde::ser::{SerializeStruct, Serializer};

/// A Stripe-style format: `{"error":{"type","code","message","doc_url"}}`.
pub struct Stripe {
    docs: &'static str,
}

pub const STRIPE: Stripe = Stripe {
    docs: "https://docs.example.com/errors",
};

impl Format for Stripe {
    fn media_type(&self) -> &'static str {
        "application/vnd.example+json"
    }

    fn headers<E: ApiError + ?Sized>(
        &self,
        error: &E,
        _: &Context<'_>,
        headers: &mut apierror::http::HeaderMap,
    ) {
        if let Ok(value) = apierror::http::HeaderValue::from_str(error.code()) {
            headers.insert("stripe-error-code", value);
        }
    }

    fn serialize<E, S>(
        &self,
        error: &E,
        context: &Context<'_>,
        serializer: S,
    ) -> Result<S::Ok, S::Error>
    where
        E: ApiError + ?Sized,
        S: Serializer,
    {
        struct Body<'a, E: ?Sized>(&'a E, &'a Stripe, Option<&'a str>);
        impl<E: ApiError + ?Sized> serde::Serialize for Body<'_, E> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let Body(error, format, request) = *self;
                let mut body = serializer.serialize_struct("Error", 5)?;
                body.serialize_field("type", error.descriptor().kind().unwrap_or("api_error"))?;
                body.serialize_field("code", error.code())?;
                body.serialize_field("message", &error.message())?;
                body.serialize_field("doc_url", &format_args!("{}/{}", format.docs, error.code()))?;
                body.serialize_field("request_log_url", &request)?;
                body.end()
            }
        }
        let mut outer = serializer.serialize_struct("BuiltIn", 1)?;
        outer.serialize_field("error", &Body(error, self, context.request_id()))?;
        outer.end()
    }
}

/// GitHub-style: a unit struct, `{"message","documentation_url"}`, and the
/// rate-limit headers from the error's fields.
pub struct GitHub;

impl Format for GitHub {
    fn media_type(&self) -> &'static str {
        "application/json; charset=utf-8"
    }

    fn serialize<E, S>(&self, error: &E, _: &Context<'_>, serializer: S) -> Result<S::Ok, S::Error>
    where
        E: ApiError + ?Sized,
        S: Serializer,
    {
        let mut body = serializer.serialize_struct("Error", 2)?;
        body.serialize_field("message", &error.message())?;
        body.serialize_field("documentation_url", "https://docs.github.com/rest")?;
        body.end()
    }
}

#[derive(Debug, ApiError)]
#[api_error(code = "snake_case", format = STRIPE)]
pub enum CardError {
    #[status(402)]
    #[api_error(kind = "card_error")]
    #[message("Your card was declined")]
    CardDeclined { decline_code: String },
    #[status(404)]
    #[message("No such customer")]
    ResourceMissing,
    #[api_error(transparent)]
    Limits(RateLimit),
}

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", format = GitHub)]
pub enum RateLimit {
    #[status(429)]
    #[message("API rate limit exceeded")]
    Exceeded {
        #[api_error(header = "X-RateLimit-Limit")]
        limit: u32,
        #[api_error(header = "X-RateLimit-Remaining")]
        remaining: u32,
        #[api_error(header = "X-RateLimit-Reset")]
        reset: Option<u64>,
        #[api_error(header = "X-Note", skip)]
        note: String,
    },
}

fn declined() -> CardError {
    CardError::CardDeclined {
        decline_code: "insufficient_funds".into(),
    }
}

fn limited(reset: Option<u64>, note: &str) -> RateLimit {
    RateLimit::Exceeded {
        limit: 60,
        remaining: 0,
        reset,
        note: note.into(),
    }
}

#[test]
fn the_own_format_is_the_default_everywhere() {
    let expected = serde_json::json!({"error": {
        "type": "card_error", "code": "card_declined", "message": "Your card was declined",
        "doc_url": "https://docs.example.com/errors/card_declined", "request_log_url": null}});
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&Render::new(&declined()).to_string().unwrap())
            .unwrap(),
        expected
    );
    assert_eq!(
        Render::new(&declined()).media_type(),
        "application/vnd.example+json"
    );
    // Every response a handler can give.
    let derived = outputs::derived(declined);
    let to_response = apierror::Render::new(&declined()).to_response();
    assert_eq!(
        to_response.headers()["content-type"],
        "application/vnd.example+json"
    );
    assert_eq!(to_response.headers()["stripe-error-code"], "card_declined");
    for output in derived {
        assert_eq!(output.status, 402, "{}", output.path);
        assert_eq!(output.json(), expected, "{}", output.path);
        let header = |name: &str| {
            output
                .headers
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
        };
        assert_eq!(
            header("content-type").as_deref(),
            Some("application/vnd.example+json")
        );
        assert_eq!(
            header("stripe-error-code").as_deref(),
            Some("card_declined")
        );
        assert_eq!(header("cache-control").as_deref(), Some("no-store"));
    }
    // With a context: the format puts the request id where it wants it.
    let body = Render::new(&declined())
        .context(Context::new().with_request_id("req_9"))
        .to_string()
        .unwrap();
    assert!(body.contains(r#""request_log_url":"req_9""#), "{body}");
}

#[test]
fn a_composed_type_renders_inner_errors_in_its_own_format() {
    let error = CardError::Limits(limited(Some(1_700_000_000), "x"));
    let body: serde_json::Value =
        serde_json::from_str(&Render::new(&error).to_string().unwrap()).unwrap();
    assert_eq!(body["error"]["code"], "EXCEEDED");
    assert_eq!(body["error"]["type"], "api_error");
    // The inner type alone speaks its own.
    let alone = Render::new(&limited(None, "x")).to_string().unwrap();
    assert_eq!(
        alone,
        r#"{"message":"API rate limit exceeded","documentation_url":"https://docs.github.com/rest"}"#
    );
    // Field headers survive the delegation.
    let response = apierror::Render::new(&error).to_response();
    assert_eq!(response.headers()["x-ratelimit-limit"], "60");
    assert_eq!(response.headers()["x-ratelimit-reset"], "1700000000");
}

#[test]
fn field_headers_are_set_validated_or_left_out() {
    let response = apierror::Render::new(&limited(Some(5), "ok note")).to_response();
    let headers = response.headers();
    assert_eq!(headers["x-ratelimit-limit"], "60");
    assert_eq!(headers["x-ratelimit-remaining"], "0");
    assert_eq!(headers["x-ratelimit-reset"], "5");
    assert_eq!(headers["x-note"], "ok note");
    assert_eq!(headers["content-type"], "application/json; charset=utf-8");
    // `None` sends no header; text that is no header value is left out.
    for bad in ["line\r\nX-Injected: 1", "nul\0", "é", "\u{7f}"] {
        let response = apierror::Render::new(&limited(None, bad)).to_response();
        let headers = response.headers();
        assert!(!headers.contains_key("x-ratelimit-reset"));
        assert!(!headers.contains_key("x-note"), "{bad:?}");
        assert!(!headers.contains_key("x-injected"));
        assert_eq!(headers["x-ratelimit-limit"], "60");
    }
    // Header fields stay details, unless skipped.
    let details = serde_json::to_value(limited(Some(5), "n").details()).unwrap();
    assert_eq!(
        details,
        serde_json::json!({"limit": 60, "remaining": 0, "reset": 5})
    );
    assert_eq!(
        limited(None, "n").descriptor().headers(),
        [
            "x-ratelimit-limit",
            "x-ratelimit-remaining",
            "x-ratelimit-reset",
            "x-note"
        ]
    );
}

#[test]
fn openapi_documents_the_own_format_and_the_headers() {
    use apierror::openapi::utoipa::IntoResponses;
    let responses = apierror::openapi::ErrorResponses::<CardError>::responses();
    let json = serde_json::to_value(&responses).unwrap();
    assert!(
        json["402"]["content"]["application/vnd.example+json"].is_object(),
        "{json}"
    );
    let example = &json["402"]["content"]["application/vnd.example+json"]["examples"]
        ["card_declined"]["value"];
    assert_eq!(
        example["error"]["doc_url"],
        "https://docs.example.com/errors/card_declined"
    );
    assert_eq!(
        json["429"]["headers"]["x-ratelimit-remaining"]["schema"]["type"],
        "string"
    );
}

/// A type whose framework responses are its user's own.
#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", manual_response)]
pub enum Manual {
    #[status(418)]
    Teapot,
}

impl axum::response::IntoResponse for Manual {
    fn into_response(self) -> axum::response::Response {
        let mut response = axum::response::IntoResponse::into_response(Render::new(&self));
        response.headers_mut().insert(
            "x-brewed-by",
            apierror::http::HeaderValue::from_static("hand"),
        );
        response
    }
}

impl actix_web::ResponseError for Manual {
    fn status_code(&self) -> actix_web::http::StatusCode {
        actix_web::http::StatusCode::IM_A_TEAPOT
    }

    fn error_response(&self) -> actix_web::HttpResponse {
        let mut response = actix_web::HttpResponse::from(Render::new(self));
        response.headers_mut().insert(
            actix_web::http::header::HeaderName::from_static("x-brewed-by"),
            actix_web::http::header::HeaderValue::from_static("hand"),
        );
        response
    }
}

#[test]
fn manual_responses_are_the_users_own() {
    for output in outputs::derived(|| Manual::Teapot) {
        assert_eq!(output.status, 418, "{}", output.path);
        assert!(output
            .headers
            .iter()
            .any(|(n, v)| n == "x-brewed-by" && v == "hand"));
        assert_eq!(output.json()["error"]["code"], "TEAPOT");
    }
}
