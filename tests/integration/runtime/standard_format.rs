//! The standard format and HTTP responses.

use apierror::http::header;
use apierror::ApiError;
use serde::Serialize;
use serde_json::json;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum RateError {
    #[status(429)]
    #[message("Rate limit exceeded for {client}")]
    RateLimitExceeded {
        client: String,
        #[api_error(retry_after)]
        retry_after: u32,
    },
    #[status(404)]
    #[message("Resource not found")]
    ResourceNotFound,
    #[status(400)]
    #[message("Bad \"quote\" \\ and\nnewline \u{2028}")]
    Escapes { value: String },
    #[status(422)]
    Broken { value: Unserializable },
}

#[derive(Debug)]
pub struct Unserializable;

impl Serialize for Unserializable {
    fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom("cannot serialize"))
    }
}

fn parse(bytes: &[u8]) -> serde_json::Value {
    serde_json::from_slice(bytes).unwrap()
}

#[test]
fn streams_into_the_callers_buffer() {
    let mut buffer = b"prefix:".to_vec();
    let err = RateError::RateLimitExceeded {
        client: "acme".into(),
        retry_after: 30,
    };
    apierror::Render::new(&err).to_writer(&mut buffer).unwrap();
    assert_eq!(
        std::str::from_utf8(&buffer).unwrap(),
        r#"prefix:{"error":{"code":"RATE_LIMIT_EXCEEDED","message":"Rate limit exceeded for acme","details":{"client":"acme","retry_after":30}}}"#
    );
}

#[test]
fn render_is_a_serialize_value() {
    let err = RateError::ResourceNotFound;
    let value = serde_json::to_value(apierror::Render::new(&err)).unwrap();
    assert_eq!(
        value,
        json!({"error": {"code": "RESOURCE_NOT_FOUND", "message": "Resource not found"}})
    );
}

#[test]
fn strings_are_escaped_and_parse_back() {
    let value = "<script>\"\\\u{0}\u{1f600}".to_owned();
    let err = RateError::Escapes {
        value: value.clone(),
    };
    let body = parse(&apierror::Render::new(&err).to_vec().unwrap());
    assert_eq!(
        body["error"]["message"],
        "Bad \"quote\" \\ and\nnewline \u{2028}"
    );
    assert_eq!(body["error"]["details"]["value"], value.as_str());
}

#[test]
fn response_has_status_and_headers() {
    let err = RateError::RateLimitExceeded {
        client: "acme".into(),
        retry_after: 30,
    };
    let response = apierror::Render::new(&err).to_response();
    assert_eq!(response.status(), 429);
    assert_eq!(response.headers()[header::CONTENT_TYPE], "application/json");
    assert_eq!(response.headers()[header::CACHE_CONTROL], "no-store");
    assert_eq!(response.headers()[header::RETRY_AFTER], "30");
    assert_eq!(
        parse(response.body())["error"]["code"],
        "RATE_LIMIT_EXCEEDED"
    );

    let plain = apierror::Render::new(&RateError::ResourceNotFound).to_response();
    assert_eq!(plain.status(), 404);
    assert!(plain.headers().get(header::RETRY_AFTER).is_none());
}

#[test]
fn failing_details_fall_back_to_the_body_without_details() {
    let err = RateError::Broken {
        value: Unserializable,
    };
    assert!(apierror::Render::new(&err).to_vec().is_err());
    let response = apierror::Render::new(&err).to_response();
    assert_eq!(response.status(), 422);
    assert_eq!(
        parse(response.body()),
        json!({"error": {"code": "BROKEN", "message": "Unprocessable Entity"}})
    );
}
