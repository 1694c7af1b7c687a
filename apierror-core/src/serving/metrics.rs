//! Error metrics and traces by code (features `metrics` and `tracing`).
//!
//! Every error the library answers with counts once on one counter,
//! [`Series::METRIC`] (`apierror.errors`; `apierror_errors_total` in Prometheus),
//! labelled by code, status, category, domain and [`Source`]:
//!
//! - every derived axum and actix-web response (a handler's `Err(e)`, a
//!   [`Render`](crate::Render) returned as a response, the fallbacks, the
//!   extractor rejections and panics as [`RequestError`](crate::RequestError)),
//!   with [`Source::Http`];
//! - every gRPC status made from an error (`From<E> for tonic::Status`,
//!   `Grpc::status`), with [`Source::Grpc`];
//! - every failed item of a [`Bulk`](crate::Bulk), with [`Source::Bulk`].
//!
//! A response is counted where the library answers, not where bytes are
//! made: [`Render::to_response`](crate::Render::to_response) and
//! [`Render::to_vec`](crate::Render::to_vec) count nothing (the exporters
//! call them for every code), so an error is counted once however it was
//! rendered. A service on another framework counts its answers with
//! [`Series::record`].
//!
//! The labels are the catalog's, never the request's: the code, the
//! variant's status, its category and its type's domain are `'static`
//! strings known at compile time, so the number of series is bounded by
//! the catalog. No message, details value, path or request id is ever a
//! label. Names follow OpenTelemetry's semantic conventions where one
//! exists: [`Series::ERROR_TYPE`] (`error.type`, "a component-specific error
//! identifier", the attribute of `http.server.request.duration`) and
//! [`Series::STATUS`] (`http.response.status_code`); the rest are this
//! library's, under `error.` and `apierror.`. Prometheus exporters write
//! the dots as underscores (`error_type`, `http_response_status_code`).
//!
//! With the `tracing` feature, every HTTP response and gRPC status also
//! records `error.type` (the code) and `http.response.status_code` (or
//! `rpc.grpc.status_code`) into the current span, when that span declares
//! those fields (`error.type = tracing::field::Empty`, ...): the `apierror`
//! crate's guide, chapter `guide::metrics`, shows the span declaration.

#[cfg(feature = "metrics")]
use crate::catalog::Descriptor;
use crate::error::ApiError;
#[cfg(feature = "metrics")]
use crate::format::BuiltIn;
#[cfg(feature = "metrics")]
use std::borrow::Cow;

/// Where an error was answered: the value of [`Series::SOURCE`].
#[cfg(feature = "metrics")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Source {
    /// An HTTP response of the error (axum, actix-web).
    Http,
    /// A gRPC status made from the error.
    Grpc,
    /// A failed item of a `207 Multi-Status` [`Bulk`](crate::Bulk) body.
    Bulk,
}

#[cfg(feature = "metrics")]
impl Source {
    /// `http`, `grpc` or `bulk`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Source::Http => "http",
            Source::Grpc => "grpc",
            Source::Bulk => "bulk",
        }
    }
}

/// The three digits of each status 400..=599, so that a status label is a
/// `'static` string (no allocation per increment).
#[cfg(feature = "metrics")]
static STATUS_DIGITS: [[u8; 3]; 200] = {
    let mut digits = [[0u8; 3]; 200];
    let mut i = 0;
    while i < 200 {
        let status = 400 + i;
        digits[i] = [
            b'0' + (status / 100) as u8,
            b'0' + (status / 10 % 10) as u8,
            b'0' + (status % 10) as u8,
        ];
        i += 1;
    }
    digits
};

/// The status of `descriptor` as three digits. Derived descriptors hold
/// 400..=599 (the derive checks it); anything else reads as `500`.
#[cfg(feature = "metrics")]
pub(crate) fn status_label(descriptor: &Descriptor) -> &'static str {
    let status = descriptor.status().as_u16();
    let digits = status
        .checked_sub(400)
        .and_then(|i| STATUS_DIGITS.get(usize::from(i)));
    match digits {
        Some(digits) => std::str::from_utf8(digits).unwrap_or("500"),
        None => "500",
    }
}

/// The domain of `E`'s answers: the `google` format's domain, when set.
#[cfg(feature = "metrics")]
pub(crate) fn domain<E: ApiError + ?Sized>() -> Option<&'static str> {
    match E::CATALOG.built_in() {
        BuiltIn::Google(google) if !google.domain().is_empty() => Some(google.domain()),
        _ => None,
    }
}

/// One series of [`Series::METRIC`]: a code, as it is answered from one
/// [`Source`]. What [`Series::register`] registers and [`Series::record`]
/// increments; [`Series::describe`] describes the metrics.
#[cfg(feature = "metrics")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Series {
    descriptor: &'static Descriptor,
    domain: Option<&'static str>,
    source: Source,
}

#[cfg(feature = "metrics")]
impl Series {
    /// The counter of error answers, `apierror.errors`: one increment per
    /// response, status or bulk item. Prometheus exporters with recommended
    /// naming write it as `apierror_errors_total`.
    pub const METRIC: &'static str = "apierror.errors";

    /// The info metric of a catalog's codes, `apierror.code.info`, set by
    /// [`describe`](Self::describe): a gauge of 1 per code whose labels say its title, to
    /// join on `error.type` (`apierror_code_info` in Prometheus).
    pub const INFO_METRIC: &'static str = "apierror.code.info";

    /// Label key: the error code, OpenTelemetry's `error.type`.
    pub const ERROR_TYPE: &'static str = "error.type";

    /// Label key: the variant's HTTP status, three digits, OpenTelemetry's
    /// `http.response.status_code`. A gRPC status is counted with the HTTP
    /// status its variant declares.
    pub const STATUS: &'static str = "http.response.status_code";

    /// Label key: the variant's category (`#[api_error(category = "...")]`);
    /// absent when the type declares none.
    pub const CATEGORY: &'static str = "error.category";

    /// Label key: the type's domain (the `google` format's `domain`); absent
    /// when the type sets none.
    pub const DOMAIN: &'static str = "apierror.domain";

    /// Label key: where the error was answered, `http`, `grpc` or `bulk`
    /// ([`Source`]).
    pub const SOURCE: &'static str = "apierror.source";

    /// Label key, on [`INFO_METRIC`](Self::INFO_METRIC) only: the variant's
    /// title, else the first paragraph of its doc comment, else its variant
    /// name ([`title`](Self::title)).
    pub const TITLE: &'static str = "error.title";

    /// The series `error` counts on when answered from `source`.
    pub fn of<E: ApiError + ?Sized>(error: &E, source: Source) -> Self {
        Series {
            descriptor: error.descriptor(),
            domain: domain::<E>(),
            source,
        }
    }

    /// Every series of `E`'s catalog (included catalogs too) for `source`,
    /// in declaration order.
    pub fn all<E: ApiError + ?Sized>(source: Source) -> impl Iterator<Item = Series> {
        let domain = domain::<E>();
        E::CATALOG.iter().map(move |descriptor| Series {
            descriptor,
            domain,
            source,
        })
    }

    /// The variant's descriptor.
    pub fn descriptor(&self) -> &'static Descriptor {
        self.descriptor
    }

    /// Where it is answered.
    pub fn source(&self) -> Source {
        self.source
    }

    /// The labels, in this order: [`ERROR_TYPE`](Self::ERROR_TYPE),
    /// [`STATUS`](Self::STATUS), [`CATEGORY`](Self::CATEGORY) (when set),
    /// [`DOMAIN`](Self::DOMAIN) (when set), [`SOURCE`](Self::SOURCE). Every value is a `'static` string of the catalog.
    pub fn labels(&self) -> Vec<(&'static str, &'static str)> {
        let mut labels = Vec::with_capacity(5);
        self.each_label(|key, value| labels.push((key, value)));
        labels
    }

    /// Each label, in the order of [`labels`](Self::labels), without a list.
    fn each_label(&self, mut f: impl FnMut(&'static str, &'static str)) {
        f(Series::ERROR_TYPE, self.descriptor.code());
        f(Series::STATUS, status_label(self.descriptor));
        if let Some(category) = self.descriptor.category() {
            f(Series::CATEGORY, category);
        }
        if let Some(domain) = self.domain {
            f(Series::DOMAIN, domain);
        }
        f(Series::SOURCE, self.source.as_str());
    }

    /// A one-line human description of the code, for dashboards: the
    /// variant's title, else the first paragraph of its doc comment (on one
    /// line), else its variant name.
    pub fn title(&self) -> Cow<'static, str> {
        let d = self.descriptor;
        let text = match d.title() {
            Some(title) if !title.trim().is_empty() => title,
            _ if !d.description().trim().is_empty() => d.description(),
            _ => d.variant(),
        };
        let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
        match one_line == text {
            true => Cow::Borrowed(text),
            false => Cow::Owned(one_line),
        }
    }
}

#[cfg(feature = "metrics")]
fn key_labels(series: &Series) -> Vec<metrics::Label> {
    // One allocation, the key's own list: the values are the catalog's
    // `'static` strings, borrowed.
    let mut labels = Vec::with_capacity(5);
    series.each_label(|key, value| labels.push(metrics::Label::from_static_parts(key, value)));
    labels
}

#[cfg(feature = "metrics")]
fn counter(series: &Series) -> metrics::Counter {
    metrics::counter!(Series::METRIC, key_labels(series))
}

/// What tells one series from another: its label values.
#[cfg(feature = "metrics")]
type SeriesKey = (
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    Source,
);

#[cfg(feature = "metrics")]
impl Series {
    fn key(&self) -> SeriesKey {
        (
            self.descriptor.code(),
            status_label(self.descriptor),
            self.descriptor.category(),
            self.domain,
            self.source,
        )
    }
}

/// The counters [`Series::register`] made, by the address of the recorder that made
/// them and the series, sorted: a registered series is counted through its
/// handle (an atomic add) instead of building its key and looking it up in
/// the recorder on every answer.
#[cfg(feature = "metrics")]
static HANDLES: std::sync::RwLock<Vec<((usize, SeriesKey), metrics::Counter)>> =
    std::sync::RwLock::new(Vec::new());

/// The address of the recorder in force on this thread (the global one, a
/// local one, or the no-op one when none is installed).
#[cfg(feature = "metrics")]
fn recorder() -> usize {
    metrics::with_recorder(|recorder| {
        (recorder as *const dyn metrics::Recorder).cast::<()>() as usize
    })
}

#[cfg(feature = "metrics")]
impl Series {
    /// Counts `error` once, answered from `source`: what the library calls for
    /// each of its own answers (see the [module documentation](self)). For a
    /// service that answers an error by other means (another framework, its own
    /// bytes from [`Render::to_vec`](crate::Render::to_vec)).
    pub fn record<E: ApiError + ?Sized>(error: &E, source: Source) {
        let series = Series::of(error, source);
        let key = (recorder(), series.key());
        if let Ok(handles) = HANDLES.read() {
            if let Ok(at) = handles.binary_search_by(|(k, _)| k.cmp(&key)) {
                handles[at].1.increment(1);
                return;
            }
        }
        counter(&series).increment(1);
    }

    /// Registers every code of `E`'s catalog (included catalogs too) at zero
    /// on [`Series::METRIC`] for `source`, with the labels [`record`](Self::record) uses, so that a
    /// dashboard lists a code before it first happens. Call it once, after the
    /// recorder is installed; calling it again changes no count.
    ///
    /// It also keeps each series' counter, for the recorder in force when it is
    /// called: answers of registered codes are then counted through it, about
    /// a sixth of the work of an unregistered one. (Registering under a
    /// short-lived local recorder, `metrics::with_local_recorder`, keeps
    /// counters that a later recorder at the same address would not see:
    /// register with the recorder the service runs with. Likewise, an
    /// exporter that drops idle counters, `metrics-exporter-prometheus`'s
    /// `idle_timeout` for counters, would leave the kept ones counting a series
    /// it no longer exports: registered codes are for recorders that keep their
    /// series.)
    pub fn register<E: ApiError + ?Sized>(source: Source) {
        let recorder = recorder();
        let made: Vec<_> = Series::all::<E>(source)
            .map(|series| {
                let counter = counter(&series);
                counter.increment(0);
                ((recorder, series.key()), counter)
            })
            .collect();
        let mut handles = match HANDLES.write() {
            Ok(handles) => handles,
            // A panic elsewhere while the table was written: it holds whole
            // entries only (each push is one), so it is still sound.
            Err(poisoned) => poisoned.into_inner(),
        };
        for (key, counter) in made {
            match handles.binary_search_by(|(k, _)| k.cmp(&key)) {
                Ok(at) => handles[at].1 = counter,
                Err(at) => handles.insert(at, (key, counter)),
            }
        }
    }

    /// Describes the metrics: the help text of [`Series::METRIC`], and one
    /// [`Series::INFO_METRIC`] gauge of 1 per code of `E`'s catalog, labelled with
    /// [`Series::ERROR_TYPE`], [`Series::TITLE`], [`Series::STATUS`] and the
    /// category and domain where set. A dashboard joins it on `error.type` to
    /// show each code's title; nothing in it depends on a dashboard.
    pub fn describe<E: ApiError + ?Sized>() {
        metrics::describe_counter!(
            Series::METRIC,
            metrics::Unit::Count,
            "Error answers by error code: HTTP responses, gRPC statuses and bulk items"
        );
        metrics::describe_gauge!(
            Series::INFO_METRIC,
            "The error codes of the catalog, with their titles (always 1)"
        );
        for series in Series::all::<E>(Source::Http) {
            let mut labels: Vec<metrics::Label> = series
                .labels()
                .into_iter()
                .filter(|(key, _)| *key != Series::SOURCE)
                .map(|(key, value)| metrics::Label::from_static_parts(key, value))
                .collect();
            let title = match series.title() {
                Cow::Borrowed(title) => metrics::Label::from_static_parts(Series::TITLE, title),
                Cow::Owned(title) => metrics::Label::new(Series::TITLE, title),
            };
            labels.insert(1, title);
            metrics::gauge!(Series::INFO_METRIC, labels).set(1.0);
        }
    }
}

/// What the library calls for each HTTP response it makes of an error.
#[inline]
#[allow(unused_variables)]
#[cfg_attr(not(any(feature = "axum", feature = "actix-web")), allow(dead_code))]
pub(crate) fn response<E: ApiError + ?Sized>(error: &E) {
    #[cfg(feature = "metrics")]
    Series::record(error, Source::Http);
    #[cfg(feature = "tracing")]
    {
        let span = tracing::Span::current();
        span.record("error.type", error.code());
        // An i64: OpenTelemetry's attribute is an int, and
        // tracing-opentelemetry exports a u64 field as a string.
        span.record(
            "http.response.status_code",
            i64::from(error.status().as_u16()),
        );
    }
}

/// What the library calls for each gRPC status it makes of an error;
/// `grpc_code` is the status's code.
#[inline]
#[allow(unused_variables)]
#[cfg_attr(not(feature = "tonic"), allow(dead_code))]
pub(crate) fn status<E: ApiError + ?Sized>(error: &E, grpc_code: i32) {
    #[cfg(feature = "metrics")]
    Series::record(error, Source::Grpc);
    #[cfg(feature = "tracing")]
    {
        let span = tracing::Span::current();
        span.record("error.type", error.code());
        span.record("rpc.grpc.status_code", i64::from(grpc_code));
    }
}

/// What the library calls for each failed item of a bulk body: counted,
/// not recorded on the span (the response is one 207 of many items).
#[inline]
#[allow(unused_variables)]
pub(crate) fn bulk_item<E: ApiError + ?Sized>(error: &E) {
    #[cfg(feature = "metrics")]
    Series::record(error, Source::Bulk);
}

// The old paths, kept for one release: each moved into `Series`.

/// Counts `error` once, answered from `source`.
#[cfg(feature = "metrics")]
#[doc(hidden)]
#[deprecated(since = "0.1.0", note = "moved to `apierror::metrics::Series::record`")]
pub fn record<E: ApiError + ?Sized>(error: &E, source: Source) {
    Series::record(error, source)
}

/// Registers every code of `E`'s catalog at zero for `source`.
#[cfg(feature = "metrics")]
#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::metrics::Series::register`"
)]
pub fn register<E: ApiError + ?Sized>(source: Source) {
    Series::register::<E>(source)
}

/// Describes the metrics of `E`'s catalog.
#[cfg(feature = "metrics")]
#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::metrics::Series::describe`"
)]
pub fn describe<E: ApiError + ?Sized>() {
    Series::describe::<E>()
}

#[cfg(all(test, feature = "metrics"))]
mod tests {
    use super::*;

    #[test]
    fn every_status_has_its_three_digits() {
        for status in 400u16..=599 {
            let digits = STATUS_DIGITS[usize::from(status - 400)];
            assert_eq!(std::str::from_utf8(&digits).unwrap(), status.to_string());
        }
    }
}
