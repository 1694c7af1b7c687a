//! Internal values never reach a client: fields marked
//! `#[api_error(internal)]`, source errors, and fields whose type is an
//! error stay out of every body, header and details object, in every
//! format, with and without a request context, HTML-safe or not, through
//! `Render`, `to_response`, and the responses of axum and actix-web
//! handlers that return `Err(e)`. The value's `Debug` (for logs) holds them.

use crate::outputs;

use apierror::ApiError;
use outputs::every_output;
use std::error::Error;

type Cause = std::io::Error;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum StoreError {
    /// A marked field, next to a public detail.
    #[status(500)]
    #[message("The store {store} is unavailable")]
    Unavailable {
        store: String,
        #[api_error(internal)]
        dsn: String,
        #[api_error(internal)]
        token: Option<String>,
    },

    /// An error-typed field without any mark: internal by default.
    #[status(502)]
    Upstream {
        region: &'static str,
        cause: std::io::Error,
        boxed: Box<dyn Error + Send + Sync>,
        // An alias hides the error type from the derive: the compiler asks
        // for the mark (see tests/ui/safety/aliased-error-field.rs).
        #[api_error(internal)]
        aliased: Cause,
    },

    /// Internal fields of a 4xx error stay internal too.
    #[status(409)]
    #[message("Conflict on {key}")]
    Conflict {
        key: String,
        #[api_error(internal)]
        session: String,
        #[source]
        cause: std::io::Error,
    },

    /// A tuple variant's internal field.
    #[status(503)]
    Tuple(
        #[api_error(internal)] String,
        #[api_error(rename = "zone")] &'static str,
    ),
}

const SECRETS: &[&str] = &[
    "postgres://admin:hunter2",
    "tok_live_51H",
    "10.0.0.7",
    "boxed-secret",
    "alias-secret",
    "sess_9f8e",
    "disk-secret",
    "tuple-secret",
];

fn cases() -> Vec<fn() -> StoreError> {
    vec![
        || StoreError::Unavailable {
            store: "orders".into(),
            dsn: "postgres://admin:hunter2@db/prod".into(),
            token: Some("tok_live_51H".into()),
        },
        || StoreError::Upstream {
            region: "eu-1",
            cause: std::io::Error::other("connect 10.0.0.7:5432 refused"),
            boxed: "boxed-secret".into(),
            aliased: std::io::Error::other("alias-secret"),
        },
        || StoreError::Conflict {
            key: "k1".into(),
            session: "sess_9f8e".into(),
            cause: std::io::Error::other("disk-secret"),
        },
        || StoreError::Tuple("tuple-secret".into(), "eu-2"),
    ]
}

#[test]
fn internal_values_reach_no_output() {
    let mut checked = 0;
    for make in cases() {
        let error = make();
        // The secrets are there, for logs.
        let debug = format!("{error:?}");
        assert!(SECRETS.iter().any(|s| debug.contains(s)), "{debug}");
        for output in every_output(make) {
            let text = output.text();
            for secret in SECRETS {
                assert!(
                    !text.contains(secret),
                    "{} via {} shows {secret:?}:\n{text}",
                    error.code(),
                    output.path
                );
            }
            let _ = output.json();
            checked += 1;
        }
        // Nor through serde directly.
        let details = serde_json::to_string(&error.details()).unwrap();
        assert!(SECRETS.iter().all(|s| !details.contains(s)), "{details}");
    }
    // Each format x 2 contexts x 2 escapings x (to_vec + to_response), plus
    // to_response, axum and actix-web, for each of the 4 cases.
    assert_eq!(checked, 4 * (crate::outputs::FORMATS.len() * 2 * 2 * 2 + 3));
}

#[test]
fn public_details_stay_and_internal_keys_are_not_declared() {
    let error = cases()[0]();
    assert_eq!(
        serde_json::to_value(error.details()).unwrap(),
        serde_json::json!({"store": "orders"})
    );
    assert_eq!(
        error.message().to_string(),
        "The store orders is unavailable"
    );
    let upstream = cases()[1]();
    assert_eq!(upstream.descriptor().fields(), ["region"]);
    assert_eq!(cases()[2]().descriptor().fields(), ["key"]);
    assert_eq!(cases()[3]().descriptor().fields(), ["zone"]);
    // A field whose type is an error is no detail, and its Display no part
    // of the message.
    assert_eq!(upstream.message().to_string(), "Bad Gateway");
}
