//! The request context of the derived responses: what the axum layer and
//! the actix-web middleware know of the request that every error response
//! of a handler should say.
//!
//! A [`RequestContext`] says where the request id comes from (a request
//! header, or a generator when it is absent), under which header it is
//! echoed, and which clock dates the errors. Installed as a layer
//! (`apierror::axum::ContextLayer`) or a middleware
//! (`apierror::actix::ContextMiddleware`), it runs each request's handler
//! inside a scope that the derived `IntoResponse` / `ResponseError` read:
//! a handler that returns `Err(e)` then answers with the request id, the
//! timestamp and the instance (the request's path) in the body, where the
//! type's format puts them (the standard format's `meta`, the tagged
//! union's `requestId`, RFC 9457's `instance`). Without it, responses are
//! rendered without a context, as before.

use crate::facts::DEFAULT_REQUEST_ID_HEADER as X_REQUEST_ID;
use crate::format::Context;
use http::header::HeaderName;
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

/// Where a request's id and time come from, and how its id is echoed.
///
/// ```
/// use apierror::request::RequestContext;
/// use std::time::{Duration, UNIX_EPOCH};
///
/// let context = RequestContext::new()
///     .read_from("x-correlation-id")          // default: x-request-id
///     .echo_as("request-id")                  // default: x-request-id
///     .generate_with(|| "req_fixed".to_owned())
///     .clock(|| UNIX_EPOCH + Duration::from_secs(1_705_744_800));
/// assert_eq!(context.timestamp(), "2024-01-20T10:00:00Z");
/// ```
#[derive(Clone)]
pub struct RequestContext {
    pub(crate) read_from: HeaderName,
    pub(crate) echo_as: Option<HeaderName>,
    generate: Arc<dyn Fn() -> String + Send + Sync>,
    clock: Arc<dyn Fn() -> SystemTime + Send + Sync>,
}

impl fmt::Debug for RequestContext {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RequestContext")
            .field("read_from", &self.read_from)
            .field("echo_as", &self.echo_as)
            .finish_non_exhaustive()
    }
}

impl Default for RequestContext {
    fn default() -> Self {
        Self::new()
    }
}

impl RequestContext {
    /// Ids from `X-Request-Id`, generated when absent (`req_` and 16 hex
    /// digits, unique in the process), echoed as `X-Request-Id`; the system
    /// clock.
    pub fn new() -> Self {
        RequestContext {
            read_from: HeaderName::from_static(X_REQUEST_ID),
            echo_as: Some(HeaderName::from_static(X_REQUEST_ID)),
            generate: Arc::new(generate_id),
            clock: Arc::new(SystemTime::now),
        }
    }

    /// Reads the request id from this request header (any case). A name
    /// that is no valid header name keeps the current one.
    pub fn read_from(mut self, header: &str) -> Self {
        if let Ok(name) = HeaderName::from_bytes(header.as_bytes()) {
            self.read_from = name;
        }
        self
    }

    /// Echoes the request id under this response header (Stripe's
    /// `Request-Id`, GitHub's `X-GitHub-Request-Id`). A name that is no
    /// valid header name keeps the current one.
    pub fn echo_as(mut self, header: &str) -> Self {
        if let Ok(name) = HeaderName::from_bytes(header.as_bytes()) {
            self.echo_as = Some(name);
        }
        self
    }

    /// Echoes the request id under no header: it is only in the bodies.
    pub fn no_echo(mut self) -> Self {
        self.echo_as = None;
        self
    }

    /// Generates the ids of requests that come without one. A generated id
    /// is checked as a client's is (trimmed, 1 to
    /// [`Context::MAX_REQUEST_ID`] bytes of visible ASCII and spaces); one that fails
    /// is replaced by the built-in generator's.
    pub fn generate_with(mut self, generate: impl Fn() -> String + Send + Sync + 'static) -> Self {
        self.generate = Arc::new(generate);
        self
    }

    /// Dates errors with this clock instead of the system's (for tests that
    /// check the exact timestamp).
    pub fn clock(mut self, clock: impl Fn() -> SystemTime + Send + Sync + 'static) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// The clock's time now, in RFC 3339 (`2024-01-20T10:00:00Z`).
    pub fn timestamp(&self) -> Timestamp {
        Timestamp::of((self.clock)())
    }

    /// The scope of one request: its id (from the header when it holds a
    /// usable one, generated otherwise), its time and its path.
    pub(crate) fn scope(&self, header: Option<&http::HeaderValue>, path: &str) -> Scope {
        let from_header = header
            .and_then(|value| value.to_str().ok())
            .and_then(RequestId::new);
        // A generated id is checked as a client's is; one that fails (the
        // service's own generator) is replaced by the built-in generator's.
        let id = from_header
            .or_else(|| RequestId::new(&(self.generate)()))
            .or_else(|| RequestId::new(&generate_id()))
            .unwrap_or_else(RequestId::unknown);
        Scope {
            request_id: id.text,
            request_id_plain: id.plain,
            echo_value: id.header,
            timestamp: self.timestamp(),
            instance: path.to_owned(),
            echo_as: self.echo_as.clone(),
            accept_language: None,
        }
    }
}

/// A request id where it enters the service, checked once: trimmed, 1 to
/// [`Context::MAX_REQUEST_ID`] bytes of visible ASCII and spaces (no tab,
/// no control character, nothing beyond ASCII). The body and the echoed
/// header take it as it is.
struct RequestId {
    text: String,
    /// Needs no JSON escaping.
    plain: bool,
    header: http::HeaderValue,
}

impl RequestId {
    /// What no request gets: the built-in generator's ids always pass.
    fn unknown() -> RequestId {
        RequestId {
            text: "req_unknown".to_owned(),
            plain: true,
            header: http::HeaderValue::from_static("req_unknown"),
        }
    }

    fn new(raw: &str) -> Option<RequestId> {
        let id = raw.trim_ascii();
        if id.is_empty()
            || id.len() > Context::MAX_REQUEST_ID
            || !crate::context::printable_ascii(id.as_bytes())
        {
            return None;
        }
        Some(RequestId {
            text: id.to_owned(),
            plain: crate::json_text::plain_json(id.as_bytes()),
            header: http::HeaderValue::from_str(id).ok()?,
        })
    }
}

/// What the derived responses of one request render with.
#[derive(Debug, Clone)]
pub(crate) struct Scope {
    /// The request id, checked where it entered ([`RequestId`]).
    pub(crate) request_id: String,
    request_id_plain: bool,
    /// The request id as the echoed header's value.
    echo_value: http::HeaderValue,
    pub(crate) timestamp: Timestamp,
    pub(crate) instance: String,
    pub(crate) echo_as: Option<HeaderName>,
    /// The request's `Accept-Language`, when it is printable ASCII of at
    /// most [`MAX_ACCEPT_LANGUAGE`](crate::format::Context::MAX_ACCEPT_LANGUAGE) bytes.
    pub(crate) accept_language: Option<String>,
}

impl Scope {
    /// The header that echoes the request id, when it is echoed and a valid
    /// header value.
    pub(crate) fn echo(&self) -> Option<(HeaderName, http::HeaderValue)> {
        Some((self.echo_as.clone()?, self.echo_value.clone()))
    }

    /// The scope with the request's `Accept-Language` header value.
    pub(crate) fn with_accept_language(mut self, value: Option<&[u8]>) -> Self {
        self.accept_language = value
            .filter(|v| v.len() <= crate::format::Context::MAX_ACCEPT_LANGUAGE)
            .and_then(|v| std::str::from_utf8(v).ok())
            .filter(|v| v.bytes().all(|b| (0x20..0x7f).contains(&b)))
            .map(str::to_owned);
        self
    }

    /// The render context of the request.
    pub(crate) fn context(&self) -> Context<'_> {
        let mut context = Context::new()
            .with_checked_request_id(&self.request_id, self.request_id_plain)
            .with_timestamp(self.timestamp.as_str())
            .with_instance(&self.instance);
        if let Some(accept_language) = &self.accept_language {
            context = context.with_accept_language(accept_language);
        }
        match &self.echo_as {
            Some(name) => context.with_request_id_header(name.as_str()),
            None => context.with_request_id_header(""),
        }
    }
}

tokio::task_local! {
    static SCOPE: Scope;
}

/// Runs `future` with `scope` as the request's scope.
pub(crate) async fn within<F: std::future::Future>(scope: Scope, future: F) -> F::Output {
    SCOPE.scope(scope, future).await
}

/// Calls `f` with the current request's scope, if a layer set one.
pub(crate) fn current<R>(f: impl FnOnce(Option<&Scope>) -> R) -> R {
    let mut f = Some(f);
    let scoped = SCOPE.try_with(|scope| f.take().map(|f| f(Some(scope))));
    match (scoped, f) {
        (Ok(Some(value)), _) => value,
        (_, Some(f)) => f(None),
        // `f` ran in the scope, or is still here: one of the arms above.
        (_, None) => unreachable!("the scope's closure ran without a result"),
    }
}

/// `req_` and 16 hex digits: the process's start time and a counter, mixed
/// so that ids do not reveal how many requests came before.
fn generate_id() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    static SEED: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    let seed = *SEED.get_or_init(|| {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64);
        now ^ u64::from(std::process::id()).rotate_left(32)
    });
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!(
        "req_{:016x}",
        mix(seed ^ n.wrapping_mul(0x9e37_79b9_7f4a_7c15))
    )
}

/// The splitmix64 finalizer: a bijection of `u64`, so distinct counters
/// give distinct ids.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// A time in RFC 3339, UTC, to the second: `2024-01-20T10:00:00Z`. Kept in
/// place, without allocating.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Timestamp {
    text: [u8; 20],
}

impl Timestamp {
    /// The time `time`, as RFC 3339 in UTC; times before 1970 or after 9999
    /// are clamped to those years' ends.
    pub fn of(time: SystemTime) -> Self {
        let secs = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
        // 9999-12-31T23:59:59Z
        let secs = secs.min(253_402_300_799);
        let (days, rest) = (secs / 86_400, secs % 86_400);
        let (year, month, day) = civil_from_days(days);
        let mut text = *b"0000-00-00T00:00:00Z";
        let put = |text: &mut [u8; 20], at: usize, value: u64, width: usize| {
            let mut value = value;
            for i in (0..width).rev() {
                text[at + i] = b'0' + (value % 10) as u8;
                value /= 10;
            }
        };
        put(&mut text, 0, year, 4);
        put(&mut text, 5, month, 2);
        put(&mut text, 8, day, 2);
        put(&mut text, 11, rest / 3600, 2);
        put(&mut text, 14, rest % 3600 / 60, 2);
        put(&mut text, 17, rest % 60, 2);
        Timestamp { text }
    }

    /// The text, e.g. `"2024-01-20T10:00:00Z"`.
    pub fn as_str(&self) -> &str {
        // Only ASCII digits and `-T:Z` are ever written.
        std::str::from_utf8(&self.text).unwrap_or("1970-01-01T00:00:00Z")
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for Timestamp {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// The proleptic Gregorian date of a count of days since 1970-01-01
/// (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

/// The response a derived framework integration gives for `error`: in its
/// type's format, with the request's context when a layer set one, and,
/// for a variant that logs, its [`ErrorReport`](crate::report::ErrorReport)
/// as an extension (and logged, with the `tracing` feature).
pub(crate) fn respond<E: crate::ApiError + ?Sized>(error: &E) -> http::Response<Vec<u8>> {
    respond_render(&crate::Render::new(error))
}

/// The framework response of a render: in the request's context when the
/// render has none of its own (a handler that picks a format at run time
/// keeps the request id, time and path of the request), logged and
/// reported as a derived error's response is.
pub(crate) fn respond_render<E, F>(render: &crate::Render<'_, E, F>) -> http::Response<Vec<u8>>
where
    E: crate::ApiError + ?Sized,
    F: crate::format::Format + ?Sized,
{
    let error = render.error();
    let level = error.descriptor().log_level();
    let (mut response, request_id) = current(|scope| match scope {
        Some(scope) => {
            let response = if *render.context_ref() == Context::new() {
                render.with_context(scope.context()).to_response()
            } else {
                render.to_response()
            };
            (response, level.map(|_| scope.request_id.clone()))
        }
        None => (render.to_response(), None),
    });
    // The one place every derived axum and actix-web response passes: counted
    // here, once (features `metrics`, `tracing`).
    crate::serving::metrics::response(error);
    if let Some(level) = level {
        let report = crate::report::ErrorReport::new(error, level, request_id);
        #[cfg(feature = "tracing")]
        report.log();
        response.extensions_mut().insert(report);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn at(secs: u64) -> String {
        Timestamp::of(UNIX_EPOCH + Duration::from_secs(secs)).to_string()
    }

    #[test]
    fn timestamps_are_rfc_3339() {
        assert_eq!(at(0), "1970-01-01T00:00:00Z");
        assert_eq!(at(1_705_744_800), "2024-01-20T10:00:00Z");
        assert_eq!(at(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(at(4_107_542_399), "2100-02-28T23:59:59Z");
        assert_eq!(at(u64::MAX / 2), "9999-12-31T23:59:59Z");
        assert_eq!(
            Timestamp::of(UNIX_EPOCH - Duration::from_secs(5)).as_str(),
            "1970-01-01T00:00:00Z"
        );
        // Every day of four centuries round-trips through the calendar.
        let mut last = String::new();
        for day in 0..146_097 * 4 {
            let text = at(day * 86_400);
            assert!(text > last, "{text} after {last}");
            last = text;
        }
    }

    #[test]
    fn generated_ids_are_distinct_and_opaque() {
        let ids: std::collections::HashSet<String> = (0..10_000).map(|_| generate_id()).collect();
        assert_eq!(ids.len(), 10_000);
        assert!(ids
            .iter()
            .all(|id| id.len() == 20 && id.starts_with("req_")));
    }

    #[test]
    fn a_request_header_id_is_kept_when_usable() {
        let context = RequestContext::new().generate_with(|| "generated".to_owned());
        let value = |s: &'static str| http::HeaderValue::from_static(s);
        assert_eq!(
            context.scope(Some(&value(" req_1 ")), "/").request_id,
            "req_1"
        );
        assert_eq!(context.scope(None, "/").request_id, "generated");
        assert_eq!(context.scope(Some(&value("")), "/").request_id, "generated");
        let long = http::HeaderValue::from_str(&"x".repeat(300)).unwrap();
        assert_eq!(context.scope(Some(&long), "/").request_id, "generated");
        let latin = http::HeaderValue::from_bytes(b"caf\xe9").unwrap();
        assert_eq!(context.scope(Some(&latin), "/").request_id, "generated");
        assert_eq!(context.scope(None, "/orders/1").instance, "/orders/1");
    }

    #[test]
    fn a_generated_id_is_checked_as_a_clients() {
        for bad in ["", "   ", "caf\u{e9}", "a\tb", &"x".repeat(300)] {
            let bad = bad.to_owned();
            let context = RequestContext::new().generate_with(move || bad.clone());
            let scope = context.scope(None, "/");
            assert!(
                scope.request_id.starts_with("req_"),
                "{:?}",
                scope.request_id
            );
            let (_, echoed) = scope.echo().expect("echoed");
            assert_eq!(echoed, scope.request_id.as_str());
        }
        // A good one is kept, trimmed; the body and the header say the same.
        let context = RequestContext::new().generate_with(|| " job-7 ".to_owned());
        let scope = context.scope(None, "/");
        assert_eq!(scope.request_id, "job-7");
        assert_eq!(scope.context().request_id(), Some("job-7"));
        assert_eq!(scope.echo().expect("echoed").1, "job-7");
    }
}
