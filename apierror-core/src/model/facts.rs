//! The facts the derive and the runtime both rely on, kept once: the bits
//! of a descriptor's flags, the reserved response headers, the gRPC codes,
//! the doc-URL transforms, the plain-text test, the code hash, the template
//! splitter and the default request-id header. apierror-derive includes
//! this very file (its `src/base/facts.rs` is a link to it, as it includes the
//! built-in formats' table), so this file names nothing outside itself: no
//! `crate::` path, no dependency, only `core`.

/// The bits of a descriptor's flags. The derive computes them from the
/// variant's attributes; the runtime reads them on every render.
pub mod flags {
    /// The variant renders a `details` object.
    pub const HAS_DETAILS: u16 = 1;
    /// A field feeds `Retry-After`.
    pub const RETRY_AFTER: u16 = 2;
    /// The message template is the message: no placeholder, no escape.
    pub const STATIC: u16 = 4;
    /// The static message needs no JSON escaping.
    pub const PLAIN: u16 = 8;
    /// Where the log level starts: bits 4..=6.
    pub const LOG_SHIFT: u16 = 4;
    /// Bits 4..=6: the log level, 0 the status's default (error for 5xx,
    /// none for 4xx), 1 off, 2 error, 3 warn, 4 info, 5 debug, 6 trace.
    pub const LOG: u16 = 0b111 << LOG_SHIFT;
    /// The code needs no JSON escaping (so for every derived code: the
    /// derive checks their characters).
    pub const PLAIN_CODE: u16 = 0x80;
    /// The title (`title = "..."`, else the reason phrase) needs no JSON
    /// escaping.
    pub const PLAIN_TITLE: u16 = 0x100;
    /// A details field is a validation list (`Violations`).
    pub const VIOLATIONS: u16 = 0x200;
    /// The message is the type's `Display` text: thiserror's `#[error(..)]`
    /// is one string literal, the same text as `#[message(..)]`.
    pub const DISPLAYED: u16 = 0x400;
}

/// The request-id header a request context reads and echoes unless told
/// another one, lowercase.
pub const DEFAULT_REQUEST_ID_HEADER: &str = "x-request-id";

/// Why a response header cannot come from a details field
/// (`#[api_error(header = "...")]`, a compile error) or from a
/// [`Format::headers`](crate::format::Format::headers) (left out of the
/// response).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Reserved {
    /// The response builder sets it: `Content-Type`, `Cache-Control`,
    /// `X-Content-Type-Options`, `Content-Language`, `Vary`, `X-Request-Id`.
    Owned,
    /// It frames the message (RFC 9112 section 6, RFC 9110 sections 8.4 and
    /// 8.6): `Content-Length`, `Transfer-Encoding`, `Content-Encoding`,
    /// `Content-Range`, `Trailer`. A wrong value loses the response or makes
    /// the client misread the body.
    Framing,
    /// It manages the connection (RFC 9110 section 7.6.1, RFC 9112 section 9):
    /// `Connection`, `Keep-Alive`, `Proxy-Connection`, `Upgrade`, `TE`,
    /// `HTTP2-Settings`, `Alt-Svc`.
    Connection,
    /// It sets or clears a cookie (RFC 6265): `Set-Cookie`, `Set-Cookie2`.
    Cookie,
    /// It is a CORS response header (the Fetch standard): every
    /// `Access-Control-*`.
    Cors,
    /// It sends the client elsewhere (RFC 9110 section 10.2.2): `Location`,
    /// `Content-Location`, `Refresh`.
    Redirect,
}

impl Reserved {
    /// The reserved response headers, lowercase, and why; every
    /// `access-control-*` header is [`Reserved::Cors`] too.
    pub const HEADERS: &'static [(&'static str, Reserved)] = &[
        ("content-type", Reserved::Owned),
        ("cache-control", Reserved::Owned),
        ("x-content-type-options", Reserved::Owned),
        ("content-language", Reserved::Owned),
        ("vary", Reserved::Owned),
        (DEFAULT_REQUEST_ID_HEADER, Reserved::Owned),
        ("content-length", Reserved::Framing),
        ("transfer-encoding", Reserved::Framing),
        ("content-encoding", Reserved::Framing),
        ("content-range", Reserved::Framing),
        ("trailer", Reserved::Framing),
        ("connection", Reserved::Connection),
        ("keep-alive", Reserved::Connection),
        ("proxy-connection", Reserved::Connection),
        ("upgrade", Reserved::Connection),
        ("te", Reserved::Connection),
        ("http2-settings", Reserved::Connection),
        ("alt-svc", Reserved::Connection),
        ("set-cookie", Reserved::Cookie),
        ("set-cookie2", Reserved::Cookie),
        ("location", Reserved::Redirect),
        ("content-location", Reserved::Redirect),
        ("refresh", Reserved::Redirect),
    ];

    /// Whether `name` (in any letter case) is a reserved response header, and
    /// why: see [`Reserved`]. The derive reads it for header fields, the
    /// response for a format's headers.
    pub fn of(name: &str) -> Option<Reserved> {
        const CORS: &str = "access-control-";
        if name.len() >= CORS.len()
            && name.as_bytes()[..CORS.len()].eq_ignore_ascii_case(CORS.as_bytes())
        {
            return Some(Reserved::Cors);
        }
        Self::HEADERS
            .iter()
            .find(|(reserved, _)| reserved.eq_ignore_ascii_case(name))
            .map(|(_, why)| *why)
    }
}

/// The names of the `google.rpc.Code`s an error can have (all but `OK`),
/// in the order of their numbers: what `#[api_error(grpc = "...")]` takes.
pub const GRPC_CODES: &[&str] = &[
    "CANCELLED",
    "UNKNOWN",
    "INVALID_ARGUMENT",
    "DEADLINE_EXCEEDED",
    "NOT_FOUND",
    "ALREADY_EXISTS",
    "PERMISSION_DENIED",
    "RESOURCE_EXHAUSTED",
    "FAILED_PRECONDITION",
    "ABORTED",
    "OUT_OF_RANGE",
    "UNIMPLEMENTED",
    "INTERNAL",
    "UNAVAILABLE",
    "DATA_LOSS",
    "UNAUTHENTICATED",
];

/// The transforms a doc URL's `{code:...}` takes: the derive accepts
/// exactly these, the runtime applies them (its test checks each).
#[allow(dead_code)]
pub const DOC_URL_TRANSFORMS: &[&str] = &["lowercase", "UPPERCASE", "kebab-case", "snake_case"];

/// Whether `text` is written into a JSON string as it is: no control
/// character, no `"`, no `\`.
pub const fn json_plain(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x20 || b == b'"' || b == b'\\' {
            return false;
        }
        i += 1;
    }
    true
}

/// The hash of a code that a descriptor stores: 64-bit FNV-1a of its
/// bytes. The derive computes it at expansion time; composed catalogs are
/// checked for duplicate codes by it. Not public API.
#[doc(hidden)]
pub const fn code_hash(code: &str) -> u64 {
    let bytes = code.as_bytes();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u64;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    hash
}

/// One piece of a template as [`split`] reads it.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split<'a> {
    /// Text up to the next `{`.
    Text(&'a str),
    /// `written` is the placeholder with its braces, `name` what comes
    /// before its `:`, `spec` what comes after.
    Arg {
        /// The placeholder with its braces.
        written: &'a str,
        /// What comes before the `:`.
        name: &'a str,
        /// What comes after the `:`.
        spec: &'a str,
    },
}

/// The first piece of a template and what follows it: the text up to the
/// next `{`, else the placeholder from that `{` to the next `}`; an
/// unclosed `{` is text. No escapes: the derive leaves a template to the
/// runtime's reading only when this gives the pieces the derive read. Not
/// public API.
#[doc(hidden)]
pub fn split(template: &str) -> Option<(Split<'_>, &str)> {
    if template.is_empty() {
        return None;
    }
    let open = template.find('{').unwrap_or(template.len());
    if open > 0 {
        return Some((Split::Text(&template[..open]), &template[open..]));
    }
    let Some(close) = template.find('}') else {
        return Some((Split::Text(template), ""));
    };
    let written = &template[..=close];
    let inner = &template[1..close];
    let (name, spec) = inner.split_once(':').unwrap_or((inner, ""));
    Some((
        Split::Arg {
            written,
            name,
            spec,
        },
        &template[close + 1..],
    ))
}
