//! The failures of the web framework itself, as an API error.

use apierror_derive::ApiError;
use std::borrow::Cow;
use std::fmt;

/// What goes wrong before a handler runs, or around it: a body that is no
/// JSON, a path or query that does not parse, a route that does not exist,
/// a method the route does not take, a panic. With the `axum` or
/// `actix-web` feature it converts from each framework's own failures
/// (`From<JsonRejection>`, `From<JsonPayloadError>`, ...), so that every
/// failure of a service answers in the service's one format: include it in
/// the service error as a transparent variant.
///
/// ```
/// use apierror::{ApiError, RequestError};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(format = "problem")]
/// pub enum ServiceError {
///     /// Failures of the request itself: bad JSON, unknown route, ...
///     #[api_error(transparent)]
///     Request(#[from] RequestError),
///     #[code("ORDER_NOT_FOUND")]
///     #[status(404)]
///     OrderNotFound,
/// }
///
/// let error = ServiceError::from(RequestError::RouteNotFound { path: "/nope".into() });
/// assert_eq!(error.code(), "REQUEST_ROUTE_NOT_FOUND");
/// assert_eq!(error.status(), 404);
/// ```
///
/// Its codes are `REQUEST_*`. A service whose codes follow a pattern of its
/// own gives these failures its own variants instead, and converts with
/// `From<RequestError>`, matching on the variants here; the framework
/// helpers take any `E: From<RequestError>`:
///
/// ```
/// use apierror::{ApiError, RequestError};
///
/// /// Module 00: the request itself.
/// #[derive(Debug, ApiError)]
/// #[api_error(pattern = "ERR-00-###")]
/// pub enum RequestFailure {
///     #[code("ERR-00-001")]
///     #[status(400)]
///     #[message("The request is malformed")]
///     Malformed { reason: String },
///     #[code("ERR-00-002")]
///     #[status(404)]
///     #[message("No such endpoint")]
///     NoEndpoint,
///     #[code("ERR-00-003")]
///     #[status(500)]
///     Internal(#[source] RequestError),
/// }
///
/// impl From<RequestError> for RequestFailure {
///     fn from(error: RequestError) -> Self {
///         match error {
///             RequestError::InvalidJson { reason }
///             | RequestError::InvalidBody { reason, .. }
///             | RequestError::InvalidPath { reason }
///             | RequestError::InvalidQuery { reason }
///             | RequestError::InvalidForm { reason } => RequestFailure::Malformed { reason },
///             RequestError::RouteNotFound { .. } => RequestFailure::NoEndpoint,
///             // Keep the rest whole, as the (internal) source.
///             other => RequestFailure::Internal(other),
///         }
///     }
/// }
///
/// let failure = RequestFailure::from(RequestError::RouteNotFound { path: "/x".into() });
/// assert_eq!(failure.code(), "ERR-00-002");
/// ```
#[derive(Debug, ApiError)]
#[api_error(
    crate = "crate",
    code = "SCREAMING_SNAKE_CASE",
    prefix = "REQUEST_",
    decode
)]
pub enum RequestError {
    /// The request body is not valid JSON.
    #[status(400)]
    #[message("The request body is not valid JSON")]
    InvalidJson {
        /// What the parser found, with its line and column.
        reason: String,
    },

    /// The body's shape does not match what the endpoint takes.
    #[status(422)]
    #[message("The request body does not match the expected shape")]
    InvalidBody {
        /// Where in the body, as a path like `items[0].price`, when known.
        path: Option<String>,
        /// What is wrong there.
        reason: String,
    },

    /// The body's `Content-Type` is missing or not the one the endpoint takes.
    #[status(415)]
    #[message("The request body must be {expected}")]
    UnsupportedMediaType {
        /// The media type the endpoint takes.
        expected: Cow<'static, str>,
    },

    /// The body is larger than the endpoint takes.
    #[status(413)]
    #[message("The request body is too large")]
    PayloadTooLarge,

    /// The body could not be read.
    #[status(400)]
    #[message("The request body could not be read")]
    UnreadableBody,

    /// A path parameter does not parse.
    #[status(400)]
    #[message("Invalid path parameters")]
    InvalidPath {
        /// What is wrong with them.
        reason: String,
    },

    /// The query string does not parse.
    #[status(400)]
    #[message("Invalid query string")]
    InvalidQuery {
        /// What is wrong with it.
        reason: String,
    },

    /// The form body does not parse.
    #[status(400)]
    #[message("Invalid form data")]
    InvalidForm {
        /// What is wrong with it.
        reason: String,
    },

    /// No route matches the request's path.
    #[status(404)]
    #[message("No route matches {path}")]
    RouteNotFound {
        /// The request's path.
        path: String,
    },

    /// The route does not take the request's method (the framework sends
    /// `Allow` with the methods it takes).
    #[status(405)]
    #[message("The method {method} is not allowed here")]
    MethodNotAllowed {
        /// The request's method.
        method: String,
    },

    /// A handler panicked; the panic's message is logged, never sent.
    #[status(500)]
    Panic {
        /// The panic's message.
        #[source]
        cause: PanicMessage,
    },

    /// The service is set up wrong (an extractor that cannot work where it
    /// is used); what is wrong is logged, never sent.
    #[status(500)]
    Misconfigured {
        /// What the framework said.
        #[source]
        cause: PanicMessage,
    },
}

/// A panic's message, or a framework's internal complaint, as an error
/// source: it reaches logs (the error report), never a body.
#[derive(Debug, Clone, Default)]
pub struct PanicMessage(pub String);

impl fmt::Display for PanicMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PanicMessage {}

impl PanicMessage {
    /// The message of a panic's payload: its `&str` or `String`, else a
    /// placeholder.
    pub fn of(payload: &(dyn std::any::Any + Send)) -> Self {
        let text = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic without a message".to_owned());
        PanicMessage(text)
    }
}

impl RequestError {
    /// A handler's panic, from its payload.
    pub fn panic(payload: &(dyn std::any::Any + Send)) -> Self {
        RequestError::Panic {
            cause: PanicMessage::of(payload),
        }
    }
}

/// The innermost message of an error chain: the parser's own words,
/// without the framework's prefixes.
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) fn innermost(error: &(dyn std::error::Error + 'static)) -> String {
    let mut current = error;
    while let Some(next) = current.source() {
        current = next;
    }
    current.to_string()
}
