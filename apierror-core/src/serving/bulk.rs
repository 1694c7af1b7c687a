//! 207 Multi-Status bulk results (as the k0rdent API answers batch operations).

use crate::error::ApiError;
use crate::format::{ErrorObject, Standard};
use http::header::{HeaderValue, CACHE_CONTROL, CONTENT_TYPE, X_CONTENT_TYPE_OPTIONS};
use http::{Response, StatusCode};
use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

/// Collects the outcome of each item of a batch operation into one
/// `207 Multi-Status` body. The top level always says `"success":true`; each
/// result says whether its item succeeded:
///
/// ```json
/// {"success":true,"results":[
///   {"id":"srv-1","success":true,"status":202,"data":{"state":"provisioning"}},
///   {"id":"srv-2","success":false,"status":409,"error":{"code":"INVALID_STATE_TRANSITION","message":"..."}}
/// ]}
/// ```
///
/// Items are written into the body as they are added: nothing is kept but
/// the bytes.
///
/// Error messages of translated types (see [`locale`](crate::locale)) are in
/// the language of [`accept_language`](Self::accept_language), which a
/// batch made in a handler behind the axum or actix-web request-context
/// layer takes from the request; the response then names the languages in
/// `Content-Language`.
///
/// ```
/// use apierror::{ApiError, Bulk};
/// use apierror::http::StatusCode;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(code = "SCREAMING_SNAKE_CASE")]
/// enum ServerError { #[status(404)] #[message("Resource not found")] NotFound }
///
/// let mut bulk = Bulk::new();
/// bulk.ok("srv-1", StatusCode::ACCEPTED, &serde_json::json!({"state": "provisioning"}))?;
/// bulk.error("srv-2", &ServerError::NotFound)?;
/// let response = bulk.into_response();
/// assert_eq!(response.status(), 207);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Bulk {
    body: Vec<u8>,
    results: usize,
    failures: usize,
    /// The `Accept-Language` the error messages answer.
    accept_language: Option<String>,
    /// The languages of the error messages written, each once.
    languages: Vec<&'static str>,
    /// An error of a translated type was written.
    translated: bool,
}

const OPEN: &[u8] = br#"{"success":true,"results":["#;
const CLOSE: &[u8] = b"]}";

impl Default for Bulk {
    fn default() -> Self {
        Self::new()
    }
}

impl Bulk {
    /// An empty batch result.
    pub fn new() -> Self {
        #[cfg(any(feature = "axum", feature = "actix-web"))]
        let accept_language =
            crate::request::current(|scope| scope.and_then(|s| s.accept_language.clone()));
        #[cfg(not(any(feature = "axum", feature = "actix-web")))]
        let accept_language = None;
        Bulk {
            body: OPEN.to_vec(),
            results: 0,
            failures: 0,
            accept_language,
            languages: Vec::new(),
            translated: false,
        }
    }

    /// The batch with its error messages in the language `accept_language`
    /// (an `Accept-Language` value) prefers, for the errors added after.
    pub fn accept_language(mut self, accept_language: &str) -> Self {
        self.accept_language = Some(accept_language.to_owned());
        self
    }

    /// Adds a successful item with its status (e.g. 200, 201, 202) and data.
    ///
    /// A status that is not a success (outside 200..=299) is an error, and
    /// nothing is added: an item that says `"success":true` with a 404 or a
    /// 302 would mislead every client.
    pub fn ok<I, T>(&mut self, id: I, status: StatusCode, data: &T) -> Result<(), serde_json::Error>
    where
        I: Serialize,
        T: Serialize + ?Sized,
    {
        if !status.is_success() {
            return Err(serde::ser::Error::custom(format_args!(
                "Bulk::ok takes a success status (2xx), not {}",
                status.as_u16()
            )));
        }
        self.push(&Item {
            id,
            success: true,
            status,
            key: "data",
            value: data,
        })
    }

    /// Adds a failed item: its status and error object come from `error`.
    pub fn error<I, E>(&mut self, id: I, error: &E) -> Result<(), serde_json::Error>
    where
        I: Serialize,
        E: ApiError + ?Sized,
    {
        let mut context = crate::format::Context::new();
        if let Some(accept_language) = &self.accept_language {
            context = context.with_accept_language(accept_language);
        }
        let chosen = error.descriptor().language_for(&context);
        self.push(&Item {
            id,
            success: false,
            status: error.status(),
            key: "error",
            value: &ErrorObject::in_context(error, &context),
        })?;
        self.failures += 1;
        // Counted once the item is in the body (feature `metrics`).
        crate::serving::metrics::bulk_item(error);
        if let Some((language, _)) = chosen {
            if !self.languages.contains(&language) {
                self.languages.push(language);
            }
            self.translated |= !error.descriptor().translations().is_empty();
        }
        Ok(())
    }

    fn push<I: Serialize, T: Serialize + ?Sized>(
        &mut self,
        item: &Item<'_, I, T>,
    ) -> Result<(), serde_json::Error> {
        let start = self.body.len();
        if self.results > 0 {
            self.body.push(b',');
        }
        match item.serialize(&mut serde_json::Serializer::new(&mut self.body)) {
            Ok(()) => {
                self.results += 1;
                Ok(())
            }
            Err(error) => {
                // Leave the body as it was: a half-written item never stays.
                self.body.truncate(start);
                Err(error)
            }
        }
    }

    /// How many results were added.
    pub fn len(&self) -> usize {
        self.results
    }

    /// Whether no result was added.
    pub fn is_empty(&self) -> bool {
        self.results == 0
    }

    /// How many of the results are failures.
    pub fn failures(&self) -> usize {
        self.failures
    }

    /// The finished JSON body.
    pub fn into_body(mut self) -> Vec<u8> {
        self.body.extend_from_slice(CLOSE);
        self.body
    }

    /// The `207 Multi-Status` response, `Content-Type: application/json`;
    /// `Content-Language` with the languages of its error messages, when
    /// their types have one.
    pub fn into_response(self) -> Response<Vec<u8>> {
        let languages = self.languages.join(", ");
        let translated = self.translated;
        let mut response = Response::new(self.into_body());
        if let Ok(value) = HeaderValue::from_str(&languages) {
            if !languages.is_empty() {
                response
                    .headers_mut()
                    .insert(http::header::CONTENT_LANGUAGE, value);
            }
        }
        if translated {
            response.headers_mut().insert(
                http::header::VARY,
                HeaderValue::from_static("accept-language"),
            );
        }
        *response.status_mut() = StatusCode::MULTI_STATUS;
        let headers = response.headers_mut();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(Standard::MEDIA_TYPE));
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
        headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
        response
    }
}

/// One result: `{"id","success","status","data"|"error"}`.
struct Item<'a, I, T: ?Sized> {
    id: I,
    success: bool,
    status: StatusCode,
    key: &'static str,
    value: &'a T,
}

impl<I: Serialize, T: Serialize + ?Sized> Serialize for Item<'_, I, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut item = serializer.serialize_struct("Result", 4)?;
        item.serialize_field("id", &self.id)?;
        item.serialize_field("success", &self.success)?;
        item.serialize_field("status", &self.status.as_u16())?;
        item.serialize_field(self.key, self.value)?;
        item.end()
    }
}
