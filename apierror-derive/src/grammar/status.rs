//! HTTP status names and reason phrases, checked at expansion time.

use crate::base::ctxt::{closest, Ctxt};
use proc_macro2::Span;
use syn::parse::ParseStream;
use syn::{Ident, LitInt, LitStr, Token};

/// `#[status(409)]`, `#[status(CONFLICT)]`, `#[status(StatusCode::CONFLICT)]`,
/// `status = 409`.
#[derive(Clone)]
pub enum StatusAttr {
    Number(LitInt),
    /// A path whose last segment names the status; `status.rs` checks the rest.
    Name(syn::Path),
}

impl StatusAttr {
    /// Where errors about the status point.
    pub fn span(&self) -> Span {
        match self {
            StatusAttr::Number(lit) => lit.span(),
            StatusAttr::Name(path) => path
                .segments
                .last()
                .map_or_else(Span::call_site, |s| s.ident.span()),
        }
    }
}

/// A status as written in `#[status(...)]` or `status = ...`.
pub fn parse_status(input: ParseStream) -> syn::Result<StatusAttr> {
    if input.peek(LitStr) {
        let lit: LitStr = input.parse()?;
        return Err(syn::Error::new(
            lit.span(),
            format_args!(
                "write the status without quotes: #[status({})]",
                lit.value()
            ),
        ));
    }
    let lookahead = input.lookahead1();
    if lookahead.peek(LitInt) {
        input.parse().map(StatusAttr::Number)
    } else if lookahead.peek(Ident) || lookahead.peek(Token![::]) {
        let path: syn::Path = input.parse()?;
        if path.segments.iter().any(|s| !s.arguments.is_none()) {
            return Err(syn::Error::new_spanned(
                path,
                "expected a status name like `CONFLICT` or `StatusCode::CONFLICT`",
            ));
        }
        Ok(StatusAttr::Name(path))
    } else {
        Err(syn::Error::new(
            input.span(),
            "expected a status code number like `409` or a name like `CONFLICT`",
        ))
    }
}

/// The constant names of `http::StatusCode`, their numbers and reason phrases.
const STATUSES: &[(&str, u16, &str)] = &[
    ("CONTINUE", 100, "Continue"),
    ("SWITCHING_PROTOCOLS", 101, "Switching Protocols"),
    ("PROCESSING", 102, "Processing"),
    ("OK", 200, "OK"),
    ("CREATED", 201, "Created"),
    ("ACCEPTED", 202, "Accepted"),
    (
        "NON_AUTHORITATIVE_INFORMATION",
        203,
        "Non Authoritative Information",
    ),
    ("NO_CONTENT", 204, "No Content"),
    ("RESET_CONTENT", 205, "Reset Content"),
    ("PARTIAL_CONTENT", 206, "Partial Content"),
    ("MULTI_STATUS", 207, "Multi-Status"),
    ("ALREADY_REPORTED", 208, "Already Reported"),
    ("IM_USED", 226, "IM Used"),
    ("MULTIPLE_CHOICES", 300, "Multiple Choices"),
    ("MOVED_PERMANENTLY", 301, "Moved Permanently"),
    ("FOUND", 302, "Found"),
    ("SEE_OTHER", 303, "See Other"),
    ("NOT_MODIFIED", 304, "Not Modified"),
    ("USE_PROXY", 305, "Use Proxy"),
    ("TEMPORARY_REDIRECT", 307, "Temporary Redirect"),
    ("PERMANENT_REDIRECT", 308, "Permanent Redirect"),
    ("BAD_REQUEST", 400, "Bad Request"),
    ("UNAUTHORIZED", 401, "Unauthorized"),
    ("PAYMENT_REQUIRED", 402, "Payment Required"),
    ("FORBIDDEN", 403, "Forbidden"),
    ("NOT_FOUND", 404, "Not Found"),
    ("METHOD_NOT_ALLOWED", 405, "Method Not Allowed"),
    ("NOT_ACCEPTABLE", 406, "Not Acceptable"),
    (
        "PROXY_AUTHENTICATION_REQUIRED",
        407,
        "Proxy Authentication Required",
    ),
    ("REQUEST_TIMEOUT", 408, "Request Timeout"),
    ("CONFLICT", 409, "Conflict"),
    ("GONE", 410, "Gone"),
    ("LENGTH_REQUIRED", 411, "Length Required"),
    ("PRECONDITION_FAILED", 412, "Precondition Failed"),
    ("PAYLOAD_TOO_LARGE", 413, "Payload Too Large"),
    ("URI_TOO_LONG", 414, "URI Too Long"),
    ("UNSUPPORTED_MEDIA_TYPE", 415, "Unsupported Media Type"),
    ("RANGE_NOT_SATISFIABLE", 416, "Range Not Satisfiable"),
    ("EXPECTATION_FAILED", 417, "Expectation Failed"),
    ("IM_A_TEAPOT", 418, "I'm a teapot"),
    ("MISDIRECTED_REQUEST", 421, "Misdirected Request"),
    ("UNPROCESSABLE_ENTITY", 422, "Unprocessable Entity"),
    ("LOCKED", 423, "Locked"),
    ("FAILED_DEPENDENCY", 424, "Failed Dependency"),
    ("TOO_EARLY", 425, "Too Early"),
    ("UPGRADE_REQUIRED", 426, "Upgrade Required"),
    ("PRECONDITION_REQUIRED", 428, "Precondition Required"),
    ("TOO_MANY_REQUESTS", 429, "Too Many Requests"),
    (
        "REQUEST_HEADER_FIELDS_TOO_LARGE",
        431,
        "Request Header Fields Too Large",
    ),
    (
        "UNAVAILABLE_FOR_LEGAL_REASONS",
        451,
        "Unavailable For Legal Reasons",
    ),
    ("INTERNAL_SERVER_ERROR", 500, "Internal Server Error"),
    ("NOT_IMPLEMENTED", 501, "Not Implemented"),
    ("BAD_GATEWAY", 502, "Bad Gateway"),
    ("SERVICE_UNAVAILABLE", 503, "Service Unavailable"),
    ("GATEWAY_TIMEOUT", 504, "Gateway Timeout"),
    (
        "HTTP_VERSION_NOT_SUPPORTED",
        505,
        "HTTP Version Not Supported",
    ),
    ("VARIANT_ALSO_NEGOTIATES", 506, "Variant Also Negotiates"),
    ("INSUFFICIENT_STORAGE", 507, "Insufficient Storage"),
    ("LOOP_DETECTED", 508, "Loop Detected"),
    ("NOT_EXTENDED", 510, "Not Extended"),
    (
        "NETWORK_AUTHENTICATION_REQUIRED",
        511,
        "Network Authentication Required",
    ),
];

/// The reason phrase of a registered status, as `http::StatusCode` has it.
pub fn reason(status: u16) -> Option<&'static str> {
    STATUSES.iter().find(|s| s.1 == status).map(|s| s.2)
}

/// The number of a status attribute, reported when it is not an error status.
pub fn resolve(cx: &Ctxt, attr: &StatusAttr) -> Option<u16> {
    match attr {
        StatusAttr::Number(lit) => {
            let number = lit
                .base10_parse::<u16>()
                .ok()
                .filter(|n| (400..=599).contains(n));
            if number.is_none() {
                cx.error_at(
                    lit.span(),
                    format_args!("status {lit} is not an error status: API errors use 400..=599"),
                );
            }
            number
        }
        StatusAttr::Name(path) => {
            let ident = path.segments.last().map(|s| &s.ident)?;
            // `NAME`, or a path to a constant of a `StatusCode` type
            // (`StatusCode::GONE`, `http::StatusCode::GONE`): anything else
            // names a constant the derive cannot read.
            let prefix: Vec<&syn::Ident> = path.segments.iter().map(|s| &s.ident).collect();
            let owner_ok = match prefix.len() {
                1 => path.leading_colon.is_none(),
                n => prefix[n - 2] == "StatusCode",
            };
            if !owner_ok {
                cx.error_spanned_by(
                    path,
                    "a status path must name a constant of `StatusCode`, like `StatusCode::GONE`: the derive reads the number at compile time, so write the number or the constant's name",
                );
                return None;
            }
            let name = ident.to_string();
            match STATUSES.iter().find(|s| s.0 == name) {
                Some(&(_, number, _)) if (400..=599).contains(&number) => Some(number),
                Some(&(_, number, _)) => {
                    cx.error_at(
                        ident.span(),
                        format_args!(
                            "status {name} ({number}) is not an error status: API errors use 400..=599"
                        ),
                    );
                    None
                }
                None => {
                    let names = STATUSES.iter().filter(|s| s.1 >= 400).map(|s| s.0);
                    let hint = match closest(&name, names) {
                        Some(close) => format!("; did you mean `{close}`?"),
                        None => {
                            "; use a number like 409 or a name of http::StatusCode like CONFLICT (constants of your own are not read: the derive needs the number at compile time)"
                                .to_owned()
                        }
                    };
                    cx.error_at(ident.span(), format_args!("unknown status `{name}`{hint}"));
                    None
                }
            }
        }
    }
}
