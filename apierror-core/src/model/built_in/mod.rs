//! The built-in formats as values: which format a type declares with
//! `#[api_error(format = "...")]`, with its one setting (RFC 9457's `type`
//! URL, AIP-193's domain), as its catalog holds it
//! ([`Catalog::built_in`](crate::Catalog::built_in)). How each one writes a
//! body is the rendering layer's (`rendering/format/`: the `Format` impl of
//! each type, and of [`BuiltIn`], which renders in the format of its
//! variant).
//!
//! The types and their constructors are data, built in const context by
//! generated code (`BuiltIn::Problem(Problem::__built_in(...))`): they sit
//! in the model with the catalog, which the derive fills, and the formats
//! keep their public paths (`apierror::format::Problem`, ...).

#[macro_use]
mod table;
// The rows, for the `Format` impl of `BuiltIn` in the rendering layer (a
// path to the macro, which clippy takes for a redundant import).
#[allow(clippy::single_component_path_imports)]
pub(crate) use built_in_formats;
pub(crate) use table::PROBLEM_MEMBERS;

/// The standard format, as the Hexabase and k0rdent APIs speak it:
///
/// ```json
/// {"error":{"code":"RESOURCE_NOT_FOUND","message":"Resource not found","details":{...}}}
/// ```
///
/// `details` is present when the variant declares detail fields (or
/// `empty_details`). With a request id or timestamp in the [`Context`](crate::format::Context), the
/// request id is added to the error object and both go into `"meta"`:
/// `"meta":{"request_id":"req_123456","timestamp":"2024-01-20T10:00:00Z"}`.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Standard;

impl Standard {
    /// The media type of its bodies, `application/json`: that of every
    /// built-in format but RFC 9457's, and what a format of your own that
    /// writes plain JSON returns from
    /// [`Format::media_type`](crate::format::Format::media_type).
    pub const MEDIA_TYPE: &'static str = "application/json";

    /// The format from its setting in the table of built-in formats: it
    /// takes none.
    #[doc(hidden)]
    pub const fn __built_in(_: Option<&'static str>) -> Self {
        Standard
    }
}

/// The discriminated union of the k0rdent API, for clients that switch on `success`:
///
/// ```json
/// {"success":false,"error":{"code":"NOT_FOUND","message":"Resource not found"},"requestId":"req_1"}
/// ```
///
/// `requestId` is present when the [`Context`](crate::format::Context) has one.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tagged;

impl Tagged {
    /// The format from its setting in the table of built-in formats: it
    /// takes none.
    #[doc(hidden)]
    pub const fn __built_in(_: Option<&'static str>) -> Self {
        Tagged
    }
}

/// The OpenAI style, as LLM gateways speak it:
///
/// ```json
/// {"error":{"message":"rate limit exceeded","type":"rate_limit_error","code":429,"details":{"retry_after":60}}}
/// ```
///
/// `code` is the HTTP status as a number. `type` is the variant's
/// `#[api_error(kind = "...")]`, else its category, else named after the
/// status: 400 and 422 `invalid_request_error`, 401 `authentication_error`,
/// 403 `permission_error`, 404 `not_found_error`, 409 `conflict_error`,
/// 413 `request_too_large`, 429 `rate_limit_error`, any other 4xx
/// `invalid_request_error`, 5xx `api_error`.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct OpenAi;

impl OpenAi {
    /// The format from its setting in the table of built-in formats: it
    /// takes none.
    #[doc(hidden)]
    pub const fn __built_in(_: Option<&'static str>) -> Self {
        OpenAi
    }
}

/// RFC 9457 problem details, `application/problem+json`:
///
/// ```json
/// {"type":"https://docs.example.com/errors/ERR-02-003","title":"Conflict","status":409,
///  "detail":"The selected node does not have enough CPU capacity","code":"ERR-02-003",
///  "requested":8,"available":2}
/// ```
///
/// - `type`: a documentation URL template with `{code}` replaced: the
///   `type_url` of the type that declares the variant, else of the nearest
///   type that includes it, else the format's own template
///   ([`Problem::with_type`]), else the error's documentation URL
///   ([`ApiError::doc_url`](crate::ApiError::doc_url), from `doc_url = "..."`); `about:blank` without any;
/// - `title`: the variant's `#[api_error(title = "...")]`, else the status's
///   reason phrase, else (for unregistered statuses like 465) `Client Error`
///   or `Server Error`;
/// - `status`: the response status; `detail`: the public message;
/// - `instance`: from the [`Context`](crate::format::Context), when set;
/// - `code` and the details fields as extension members. A details key equal
///   to one of the members above is left out rather than overwrite it.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Problem {
    pub(crate) type_template: Option<&'static str>,
    /// Where the template's one `{code}` starts, found in const eval, and
    /// whether the template needs no JSON escaping: the body is then written
    /// without searching or scanning it.
    pub(crate) split: Option<usize>,
    pub(crate) plain: bool,
}

impl Problem {
    /// The format from its setting in the table of built-in formats: the
    /// `type` URL template, if any.
    #[doc(hidden)]
    pub const fn __built_in(type_url: Option<&'static str>) -> Self {
        match type_url {
            Some(template) => Problem::with_type(template),
            None => Problem::new(),
        }
    }

    /// Problem details with `"type":"about:blank"`.
    pub const fn new() -> Self {
        Problem {
            type_template: None,
            split: None,
            plain: true,
        }
    }

    /// Problem details whose `type` is a documentation URL; `{code}` in the
    /// template is replaced by the error code:
    /// `Problem::with_type("https://docs.example.com/errors/{code}")`.
    ///
    /// The template takes the URLs `#[api_error(type_url = ...)]` takes: an
    /// `http(s)` URL, a `urn:` or a relative reference. Any other scheme
    /// (`javascript:`, `data:`, `file:`...) would reach clients' links: such
    /// a template is ignored, and `type` is left out (`about:blank`).
    ///
    /// Keep the format in a `const` (or write `type_url` on the type): the
    /// template is then read once, when the crate compiles. Called where the
    /// error is answered, it is read at each call (about 350 instructions for
    /// a 40-byte URL, half the render's own).
    ///
    /// ```
    /// use apierror::format::Problem;
    ///
    /// const PROBLEM: Problem = Problem::with_type("https://docs.example.com/errors/{code}");
    /// assert_eq!(PROBLEM.type_template(), Some("https://docs.example.com/errors/{code}"));
    ///
    /// assert_eq!(Problem::with_type("javascript:alert(1)").type_template(), None);
    /// assert_eq!(Problem::with_type("/errors/{code}").type_template(), Some("/errors/{code}"));
    /// ```
    #[inline(always)]
    pub const fn with_type(template: &'static str) -> Self {
        // One pass over the template, free in a `const`. Inlined whole
        // (here and in the functions it calls), so that the optimizer reads
        // a literal template at compile time where a service builds the
        // format at each answer, as the guide writes it: 400 instructions
        // of the render at each answer before, none now.
        match read_template(template.as_bytes()) {
            Some((split, plain)) => Problem {
                type_template: Some(template),
                split,
                plain,
            },
            None => Problem::new(),
        }
    }

    /// The `type` URL template, if any.
    pub const fn type_template(&self) -> Option<&'static str> {
        self.type_template
    }
}

/// What [`Problem::with_type`] reads of a template, in one pass, eight
/// bytes at a time: `None` unless it is an `http(s)` URL, a `urn:` or a
/// relative reference (no scheme) without spaces or control characters (the
/// URLs the derive takes in `type_url` and `doc_url`); else where its
/// `{code}` starts when it has exactly one, and whether it goes into JSON
/// without escaping.
#[inline(always)]
const fn read_template(bytes: &[u8]) -> Option<(Option<usize>, bool)> {
    use crate::json_text::{bytes_below, bytes_equal};
    if !allowed_scheme(bytes) {
        return None;
    }
    let (mut split, mut codes, mut plain) = (None, 0usize, true);
    // Each word is looked at whole; the last one overlaps the one before
    // (its first `seen` bytes are looked at again, their braces skipped).
    let mut i = 0;
    while i < bytes.len() {
        let (start, seen) = if i + 8 <= bytes.len() {
            (i, 0)
        } else if bytes.len() >= 8 {
            (bytes.len() - 8, i + 8 - bytes.len())
        } else {
            break;
        };
        let Some(word) = bytes.split_at(start).1.first_chunk::<8>() else {
            break;
        };
        let w = u64::from_le_bytes(*word);
        // A space or control byte (less than 0x21), or DEL.
        if bytes_below(w, 0x21) | bytes_equal(w, 0x7f) != 0 {
            return None;
        }
        if bytes_equal(w, b'"') | bytes_equal(w, b'\\') != 0 {
            plain = false;
        }
        // The lowest bit is exact; one above it may be a false `{`, which
        // `code_at` then does not confirm.
        let mut braces = bytes_equal(w, b'{') & (u64::MAX << (seen * 8));
        while braces != 0 {
            let at = start + braces.trailing_zeros() as usize / 8;
            if code_at(bytes, at) {
                codes += 1;
                split = Some(at);
            }
            braces &= braces - 1;
        }
        i = start + 8;
    }
    // Fewer than eight bytes: one at a time.
    while i < bytes.len() {
        let b = bytes[i];
        if b <= b' ' || b == 0x7f {
            return None;
        }
        if b == b'"' || b == b'\\' {
            plain = false;
        }
        if b == b'{' && code_at(bytes, i) {
            codes += 1;
            split = Some(i);
        }
        i += 1;
    }
    Some((if codes == 1 { split } else { None }, plain))
}

/// Whether the template has no scheme (a relative reference) or an allowed
/// one (`http`, `https`, `urn`, in any letter case). The scheme is what
/// comes before the first `:` that precedes any `/`, `?` or `#`.
#[inline(always)]
const fn allowed_scheme(bytes: &[u8]) -> bool {
    // The usual templates, from their first word: letters lowered (`| 0x20`
    // also turns a few control bytes into `:` or letters, which the reading
    // rejects anyway).
    if let Some(word) = bytes.first_chunk::<8>() {
        let w = u64::from_le_bytes(*word) | 0x2020_2020_2020_2020;
        if w & 0xffff_ffff_ffff == u64::from_le_bytes(*b"https:\0\0")
            || w & 0xff_ffff_ffff == u64::from_le_bytes(*b"http:\0\0\0")
            || w & 0xffff_ffff == u64::from_le_bytes(*b"urn:\0\0\0\0")
        {
            return true;
        }
    }
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'/' | b'?' | b'#' => return true,
            b':' => {
                let scheme = bytes.split_at(i).0;
                return same_letters(scheme, b"http")
                    || same_letters(scheme, b"https")
                    || same_letters(scheme, b"urn");
            }
            _ => i += 1,
        }
    }
    true
}

/// Whether `{code}` starts at `at`.
#[inline(always)]
const fn code_at(bytes: &[u8], at: usize) -> bool {
    match bytes.split_at(at).1.first_chunk::<6>() {
        Some(&[a, b, c, d, e, f]) => {
            u32::from_le_bytes([a, b, c, d]) == u32::from_le_bytes(*b"{cod")
                && e == b'e'
                && f == b'}'
        }
        None => false,
    }
}

/// `<[u8]>::eq_ignore_ascii_case` as a `const fn` on Rust 1.83.
#[inline(always)]
const fn same_letters(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if !a[i].eq_ignore_ascii_case(&b[i]) {
            return false;
        }
        i += 1;
    }
    true
}

/// Google AIP-193 errors, with a `google.rpc.ErrorInfo` carrying the code:
///
/// ```json
/// {"error":{"code":429,"message":"Rate limit exceeded","status":"RESOURCE_EXHAUSTED",
///   "details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"RATE_LIMIT_EXCEEDED",
///     "domain":"api.example.com","metadata":{"limit":"5000","window":"1h"}}]}}
/// ```
///
/// `status` is the `google.rpc.Code` name for the HTTP status (see
/// [`Google::rpc_code_of`]), or the variant's `#[api_error(grpc = "...")]` (a 409
/// "already exists" is `ALREADY_EXISTS`, not `ABORTED`); `reason` is the error code; `metadata` holds the details
/// fields as strings (strings as they are, other values as JSON text) and is
/// left out when the variant has no details. When the error has a
/// documentation URL ([`ApiError::doc_url`](crate::ApiError::doc_url), from `doc_url = "..."`), a
/// `google.rpc.Help` follows the `ErrorInfo`, with one link to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Google {
    pub(crate) domain: &'static str,
}

impl Google {
    /// AIP-193 errors of a service whose `ErrorInfo.domain` is `domain`,
    /// e.g. `"pubsub.googleapis.com"`.
    pub const fn new(domain: &'static str) -> Self {
        Google { domain }
    }

    /// The format from its setting in the table of built-in formats: the
    /// domain (the derive requires it).
    #[doc(hidden)]
    pub const fn __built_in(domain: Option<&'static str>) -> Self {
        match domain {
            Some(domain) => Google::new(domain),
            None => Google::new(""),
        }
    }

    /// The `ErrorInfo.domain`.
    pub const fn domain(&self) -> &'static str {
        self.domain
    }
}

/// The WebSocket error frame of the Hexabase API:
///
/// ```json
/// {"type":"error","error":{"code":"WS_AUTH_REQUIRED","message":"Authentication required before subscribing"}}
/// ```
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct WebSocket;

impl WebSocket {
    /// The format from its setting in the table of built-in formats: it
    /// takes none.
    #[doc(hidden)]
    pub const fn __built_in(_: Option<&'static str>) -> Self {
        WebSocket
    }
}

/// Defines [`BuiltIn`] and its impls from the rows of the table.
macro_rules! define_built_in {
    ($($ty:ident $name:literal $doc:literal ($setting:expr) ($reserved:expr);)*) => {
        /// The built-in formats, as a type chooses its default with
        /// `#[api_error(format = "...")]`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum BuiltIn {
            $(#[doc = $doc] $ty($ty),)*
        }

        impl BuiltIn {
            /// The names `#[api_error(format = "...")]` takes, the default
            /// first: `"standard"`, `"tagged"`, `"openai"`, `"problem"`,
            /// `"google"`, `"websocket"`.
            pub const NAMES: &'static [&'static str] = &[$($name),*];

            /// The format's name in `#[api_error(format = "...")]`.
            pub const fn name(&self) -> &'static str {
                match self {
                    $(BuiltIn::$ty(_) => $name,)*
                }
            }

            /// The built-in format named `name` ([`NAMES`](Self::NAMES)),
            /// with its one setting: RFC 9457's `type` URL template for
            /// `"problem"` (optional), AIP-193's domain for `"google"`
            /// (required); the others take none. `None` for another name,
            /// a missing required setting, or a setting given to a format
            /// that takes none: for a format chosen at run time, from
            /// configuration.
            ///
            /// ```
            /// use apierror::format::{BuiltIn, Google};
            ///
            /// assert_eq!(BuiltIn::from_name("google", Some("api.example.com")), Some(BuiltIn::Google(Google::new("api.example.com"))));
            /// assert_eq!(BuiltIn::from_name("google", None), None);
            /// assert_eq!(BuiltIn::from_name("tagged", Some("x")), None);
            /// assert_eq!(BuiltIn::from_name("soap", None), None);
            /// for name in BuiltIn::NAMES {
            ///     let format = BuiltIn::from_name(name, Some("api.example.com")).or(BuiltIn::from_name(name, None));
            ///     assert_eq!(format.map(|f| f.name()), Some(*name));
            /// }
            /// ```
            pub fn from_name(name: &str, setting: Option<&'static str>) -> Option<BuiltIn> {
                $(
                    if name == $name {
                        let takes: Option<(&str, bool)> = $setting;
                        let fits = match (takes, setting) {
                            (None, Some(_)) => false,
                            (Some((_, true)), None) => false,
                            _ => true,
                        };
                        return fits.then(|| BuiltIn::$ty($ty::__built_in(setting)));
                    }
                )*
                None
            }

            /// The format's type name: `Standard`, `Problem`, ...
            #[cfg(feature = "export")]
            pub(crate) fn type_name(&self) -> &'static str {
                match self {
                    $(BuiltIn::$ty(_) => stringify!($ty),)*
                }
            }
        }
    };
}

built_in_formats!(define_built_in);

impl Default for BuiltIn {
    fn default() -> Self {
        BuiltIn::Standard(Standard)
    }
}

#[cfg(test)]
mod tests {
    use super::read_template;

    /// The byte-by-byte reading of a template: the three questions apart.
    fn naive(template: &str) -> Option<(Option<usize>, bool)> {
        let bytes = template.as_bytes();
        if bytes.iter().any(|&b| b <= b' ' || b == 0x7f) {
            return None;
        }
        let end = bytes
            .iter()
            .position(|b| matches!(b, b'/' | b'?' | b'#' | b':'));
        if let Some(end) = end.filter(|&end| bytes[end] == b':') {
            let scheme = &bytes[..end];
            if !["http", "https", "urn"]
                .iter()
                .any(|s| scheme.eq_ignore_ascii_case(s.as_bytes()))
            {
                return None;
            }
        }
        let mut codes = Vec::new();
        let mut i = 0;
        while let Some(at) = template[i..].find("{code}") {
            codes.push(i + at);
            i += at + "{code}".len();
        }
        let split = (codes.len() == 1).then(|| codes[0]);
        Some((split, crate::facts::json_plain(template)))
    }

    #[test]
    fn the_one_pass_reads_what_the_byte_by_byte_reading_reads() {
        let fixed = [
            "",
            "https://docs.example.com/errors/{code}",
            "HTTPS://docs.example.com/{code}/{code}",
            "urn:problem:{code}",
            "/errors/{code}",
            "{code}",
            "{cod}{code",
            "javascript:alert(1)",
            "data:text/html,{code}",
            "https://x.example/a b",
            "https://x.example/\u{7f}{code}",
            "https://x.example/\"quoted\"/{code}",
            "https://x.example/back\\slash{code}",
            "https://x.example/é{code}ü",
            "relative/path:with-colon/{code}",
            "?q=1:{code}",
            "ftp://files.example/{code}",
            "https://x.example/0123456{code}",
            "https://x.example/01234567{code}",
        ];
        for template in fixed {
            assert_eq!(
                read_template(template.as_bytes()),
                naive(template),
                "{template:?}"
            );
        }
        // Templates of pieces that matter, in every position against the
        // word boundaries.
        let pieces = [
            "a", "{code}", "{", "}", "/", ":", "\"", "\\", " ", "\t", "é", "https:", "{co",
        ];
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..20_000 {
            let mut template = String::new();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            for k in 0..(state % 12) {
                template.push_str(pieces[((state >> (4 * k)) % pieces.len() as u64) as usize]);
            }
            assert_eq!(
                read_template(template.as_bytes()),
                naive(&template),
                "{template:?}"
            );
        }
    }
}
