//! What an error response hides, for the operator: the error's internal
//! report (its `Display` and each `source()` in its chain), the code, the
//! status and the request id.
//!
//! The derived axum and actix-web responses log it, once per response,
//! through `tracing` (the `tracing` feature) for every variant with a log
//! [`Level`]: every 5xx by default, and variants marked
//! `#[api_error(log = "warn")]` (`log = "off"` silences one). Whether or not
//! `tracing` is on, those responses also carry it as an [`ErrorReport`]
//! extension, for middleware of your own to read:
//!
//! ```
//! # #[cfg(feature = "axum")] {
//! use apierror::report::ErrorReport;
//! use apierror::ApiError;
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(code = "SCREAMING_SNAKE_CASE")]
//! pub enum StoreError {
//!     #[status(503)]
//!     Unavailable(#[source] std::io::Error),
//! }
//!
//! let error = StoreError::Unavailable(std::io::Error::other("10.0.0.7:5432 refused"));
//! let response = axum_core::response::IntoResponse::into_response(error);
//! let report = response.extensions().get::<ErrorReport>().unwrap();
//! assert_eq!(report.code(), "UNAVAILABLE");
//! assert_eq!(report.report(), "Service Unavailable; caused by: 10.0.0.7:5432 refused");
//! # }
//! ```

use crate::catalog::Descriptor;
use crate::error::ApiError;
use crate::facts::flags;
use std::fmt::Write as _;

/// How loudly a variant is logged: see the [module documentation](self).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// `log = "error"`, the default of 5xx variants.
    Error,
    /// `log = "warn"`.
    Warn,
    /// `log = "info"`.
    Info,
    /// `log = "debug"`.
    Debug,
    /// `log = "trace"`.
    Trace,
}

impl Level {
    /// The level of descriptor flags bits 4..=6 (see `flags::LOG` of the descriptor):
    /// 0 the status's default, 1 off, 2..=6 error to trace.
    pub(crate) const fn from_bits(bits: u8, server_error: bool) -> Option<Level> {
        match bits {
            0 if server_error => Some(Level::Error),
            2 => Some(Level::Error),
            3 => Some(Level::Warn),
            4 => Some(Level::Info),
            5 => Some(Level::Debug),
            6 => Some(Level::Trace),
            _ => None,
        }
    }
}

// `Descriptor::log_level` reads the descriptor's log bits as a `Level`: it
// lives here, with the levels and the reports that use it, and the
// descriptor knows nothing of logging.
impl Descriptor {
    /// How loudly the derived responses log this variant's internal report,
    /// from `#[api_error(log = "...")]`: every 5xx at [`Level::Error`] by
    /// default, 4xx not at all; `None` when not logged.
    ///
    /// [`Level::Error`]: crate::report::Level::Error
    pub const fn log_level(&self) -> Option<Level> {
        Level::from_bits(((self.5 & flags::LOG) >> 4) as u8, self.2 >= 500)
    }
}

/// The internal report of one error response: see the
/// [module documentation](self).
#[derive(Debug, Clone)]
pub struct ErrorReport {
    descriptor: &'static Descriptor,
    level: Level,
    report: String,
    request_id: Option<String>,
}

impl ErrorReport {
    /// The report of `error`, at `level`, for the request `request_id`.
    pub fn new<E: ApiError + ?Sized>(error: &E, level: Level, request_id: Option<String>) -> Self {
        ErrorReport {
            descriptor: error.descriptor(),
            level,
            report: internal_report(error),
            request_id,
        }
    }

    /// The error code.
    pub fn code(&self) -> &'static str {
        self.descriptor.code()
    }

    /// The response's status.
    pub fn status(&self) -> http::StatusCode {
        self.descriptor.status()
    }

    /// Everything constant about the variant.
    pub fn descriptor(&self) -> &'static Descriptor {
        self.descriptor
    }

    /// How loudly to log it.
    pub fn level(&self) -> Level {
        self.level
    }

    /// The error's `Display`, then each `source()` of its chain, each after
    /// `; caused by: `, on one line. It holds what the body hides: never send
    /// it to a client.
    pub fn report(&self) -> &str {
        &self.report
    }

    /// The request's id, when a request context was in place.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// Logs the report through `tracing`, at its level, with the fields
    /// `code`, `status`, `variant` (`path::Type::Variant`), `request_id` and
    /// `error` (the report).
    #[cfg(feature = "tracing")]
    pub fn log(&self) {
        let d = self.descriptor;
        let variant = format_args!("{}::{}", d.type_path(), d.variant());
        let mut request_id = String::new();
        let _ = write!(
            OneLine(&mut request_id),
            "{}",
            self.request_id.as_deref().unwrap_or("")
        );
        // The target is the module's public path, which users filter
        // logs by (`RUST_LOG=apierror_core::report=warn`), not the file's
        // place among the layers.
        macro_rules! event {
            ($level:expr) => {
                tracing::event!(
                    target: "apierror_core::report",
                    $level,
                    code = d.code(),
                    status = d.status().as_u16(),
                    variant = %variant,
                    request_id = %request_id,
                    error = %self.report,
                    "API error response"
                )
            };
        }
        match self.level {
            Level::Error => event!(tracing::Level::ERROR),
            Level::Warn => event!(tracing::Level::WARN),
            Level::Info => event!(tracing::Level::INFO),
            Level::Debug => event!(tracing::Level::DEBUG),
            Level::Trace => event!(tracing::Level::TRACE),
        }
    }
}

/// The error's `Display` and its source chain, on one line (for line-based
/// logs), each source after `; caused by: `. Writing into a
/// `String` cannot fail: a `Display` that fails ends its part of the text,
/// it does not end the report (nor panic, as `to_string` would).
fn internal_report<E: ApiError + ?Sized>(error: &E) -> String {
    let mut out = String::new();
    let _ = write!(OneLine(&mut out), "{error}");
    let mut next = error.source();
    // A chain that loops (a source that is its own source) stops at 64.
    let mut depth = 0;
    while let (Some(source), true) = (next, depth < 64) {
        out.push_str("; caused by: ");
        let _ = write!(OneLine(&mut out), "{source}");
        next = source.source();
        depth += 1;
    }
    out
}

/// Writes text as one line of printable characters: control characters
/// (C0, DEL, C1), the Unicode line and paragraph separators and the
/// bidirectional overrides, which would split a log line, drive a terminal
/// or reorder what an operator reads, are written as `\u{..}` escapes
/// (`\n`, `\r`, `\t` for the common three). A client's value in a message
/// field then cannot forge a second log event.
pub(crate) struct OneLine<'a>(pub(crate) &'a mut String);

impl OneLine<'_> {
    fn unsafe_char(c: char) -> bool {
        c.is_control()
            || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    }
}

impl std::fmt::Write for OneLine<'_> {
    fn write_str(&mut self, text: &str) -> std::fmt::Result {
        let mut rest = text;
        while let Some(at) = rest.find(Self::unsafe_char) {
            self.0.push_str(&rest[..at]);
            let c = rest[at..].chars().next().unwrap_or_default();
            match c {
                '\n' => self.0.push_str("\\n"),
                '\r' => self.0.push_str("\\r"),
                '\t' => self.0.push_str("\\t"),
                c => {
                    let _ = write!(self.0, "\\u{{{:x}}}", u32::from(c));
                }
            }
            rest = &rest[at + c.len_utf8()..];
        }
        self.0.push_str(rest);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::OneLine;
    use std::fmt::Write as _;

    fn one_line(text: &str) -> String {
        let mut out = String::new();
        let _ = write!(OneLine(&mut out), "{text}");
        out
    }

    #[test]
    fn reports_are_one_line_of_printable_text() {
        assert_eq!(one_line("plain text, é ü ✓"), "plain text, é ü ✓");
        assert_eq!(one_line("a\r\nerror=\"forged\""), "a\\r\\nerror=\"forged\"");
        assert_eq!(one_line("\u{1b}[31mred"), "\\u{1b}[31mred");
        assert_eq!(
            one_line("tab\tnul\0del\u{7f}nel\u{85}"),
            "tab\\tnul\\u{0}del\\u{7f}nel\\u{85}"
        );
        assert_eq!(
            one_line("ls\u{2028}ps\u{2029}rlo\u{202e}"),
            "ls\\u{2028}ps\\u{2029}rlo\\u{202e}"
        );
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let line = one_line(&c.to_string());
            assert!(
                !line.contains(|c: char| c.is_control() || OneLine::unsafe_char(c)),
                "{c:?}"
            );
        }
    }
}
