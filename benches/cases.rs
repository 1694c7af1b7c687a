//! The benchmark case of issue 5, rendered by apierror and by its
//! alternatives. Every implementation writes the same bytes (checked by
//! `assert_same_output`), into a buffer the caller reuses.
//!
//! The case: code `ERR-02-003`, status 409, the static message "The selected
//! node does not have enough CPU capacity", details `requested: u32 = 8` and
//! a 20-character `String`.

use apierror::format::Problem;
use apierror::{ApiError, Render};
use serde::Serialize;

#[derive(Debug, ApiError)]
#[api_error(pattern = "ERR-02-###")]
pub enum InventoryError {
    /// Raised when teepod has insufficient vCPU resources.
    #[code("ERR-02-003")]
    #[status(409)]
    #[message("The selected node does not have enough CPU capacity")]
    InsufficientVcpu { requested: u32, node: String },

    /// The same error with a message that interpolates a field.
    #[code("ERR-02-004")]
    #[status(409)]
    #[message("Node {node} does not have {requested} free vCPUs")]
    NodeFull { requested: u32, node: String },
}

pub fn error() -> InventoryError {
    InventoryError::InsufficientVcpu {
        requested: 8,
        node: "teepod-eu-west-1-a07".to_owned(),
    }
}

pub fn interpolated() -> InventoryError {
    InventoryError::NodeFull {
        requested: 8,
        node: "teepod-eu-west-1-a07".to_owned(),
    }
}

pub const TYPE_URL: &str = "https://docs.phala.network/errors/{code}";

pub fn problem() -> Problem {
    Problem::with_type(TYPE_URL)
}

// ---- apierror -------------------------------------------------------------

pub fn apierror_standard(out: &mut Vec<u8>, error: &InventoryError) {
    apierror::Render::new(error).to_writer(out).unwrap();
}

pub fn apierror_problem(out: &mut Vec<u8>, error: &InventoryError, problem: &Problem) {
    Render::new(error).format(problem).to_writer(out).unwrap();
}

/// RFC 9457 as the guide writes it: the format built where the error is
/// answered, from a literal template.
pub fn apierror_problem_in_call(out: &mut Vec<u8>, error: &InventoryError) {
    let problem = Problem::with_type("https://docs.phala.network/errors/{code}");
    Render::new(error).format(&problem).to_writer(out).unwrap();
}

// ---- what a careful user writes by hand -----------------------------------

#[derive(Serialize)]
struct StandardBody<'a> {
    error: Body<'a>,
}

#[derive(Serialize)]
struct Body<'a> {
    code: &'a str,
    message: &'a str,
    details: Details<'a>,
}

#[derive(Serialize)]
struct Details<'a> {
    requested: u32,
    node: &'a str,
}

pub fn handwritten_standard(out: &mut Vec<u8>, error: &InventoryError) {
    let InventoryError::InsufficientVcpu { requested, node } = error else {
        unreachable!()
    };
    let body = StandardBody {
        error: Body {
            code: "ERR-02-003",
            message: "The selected node does not have enough CPU capacity",
            details: Details {
                requested: *requested,
                node,
            },
        },
    };
    serde_json::to_writer(out, &body).unwrap();
}

/// The interpolated case by hand: the message from `format!`, then the same
/// serde body.
pub fn handwritten_standard_interpolated(out: &mut Vec<u8>, error: &InventoryError) {
    let InventoryError::NodeFull { requested, node } = error else {
        unreachable!()
    };
    let message = format!("Node {node} does not have {requested} free vCPUs");
    let body = StandardBody {
        error: Body {
            code: "ERR-02-004",
            message: &message,
            details: Details {
                requested: *requested,
                node,
            },
        },
    };
    serde_json::to_writer(out, &body).unwrap();
}

#[derive(Serialize)]
struct ProblemBody<'a> {
    #[serde(rename = "type")]
    kind: &'a str,
    title: &'a str,
    status: u16,
    detail: &'a str,
    code: &'a str,
    requested: u32,
    node: &'a str,
}

pub fn handwritten_problem(out: &mut Vec<u8>, error: &InventoryError) {
    let InventoryError::InsufficientVcpu { requested, node } = error else {
        unreachable!()
    };
    let body = ProblemBody {
        kind: "https://docs.phala.network/errors/ERR-02-003",
        title: "Conflict",
        status: 409,
        detail: "The selected node does not have enough CPU capacity",
        code: "ERR-02-003",
        requested: *requested,
        node,
    };
    serde_json::to_writer(out, &body).unwrap();
}

// ---- the common practice: a serde_json::Value ------------------------------

pub fn json_macro_standard(out: &mut Vec<u8>, error: &InventoryError) {
    let InventoryError::InsufficientVcpu { requested, node } = error else {
        unreachable!()
    };
    let value = serde_json::json!({
        "error": {
            "code": "ERR-02-003",
            "message": "The selected node does not have enough CPU capacity",
            "details": {"requested": requested, "node": node},
        }
    });
    serde_json::to_writer(out, &value).unwrap();
}

// ---- the http-api-problem crate ------------------------------------------

pub fn http_api_problem(out: &mut Vec<u8>, error: &InventoryError) {
    let InventoryError::InsufficientVcpu { requested, node } = error else {
        unreachable!()
    };
    let problem = http_api_problem::HttpApiProblem::new(http_api_problem::StatusCode::CONFLICT)
        .type_url("https://docs.phala.network/errors/ERR-02-003")
        .title("Conflict")
        .detail("The selected node does not have enough CPU capacity")
        .value("code", &"ERR-02-003")
        .value("requested", requested)
        .value("node", node);
    serde_json::to_writer(out, &problem).unwrap();
}

/// Every implementation of a format writes the same document.
pub fn assert_same_output() {
    let (error, problem) = (error(), problem());
    let render = |f: &dyn Fn(&mut Vec<u8>)| {
        let mut out = Vec::new();
        f(&mut out);
        out
    };
    let standard = render(&|o| apierror_standard(o, &error));
    assert_eq!(standard, render(&|o| handwritten_standard(o, &error)));
    let interpolated = self::interpolated();
    assert_eq!(
        render(&|o| apierror_standard(o, &interpolated)),
        render(&|o| handwritten_standard_interpolated(o, &interpolated))
    );
    // A serde_json::Value sorts its keys: the same JSON value.
    let value = |bytes: &[u8]| serde_json::from_slice::<serde_json::Value>(bytes).unwrap();
    assert_eq!(
        value(&standard),
        value(&render(&|o| json_macro_standard(o, &error)))
    );
    let rfc = render(&|o| apierror_problem(o, &error, &problem));
    assert_eq!(rfc, render(&|o| handwritten_problem(o, &error)));
    assert_eq!(rfc, render(&|o| apierror_problem_in_call(o, &error)));
    // http-api-problem orders its members its own way: same JSON value.
    let theirs: serde_json::Value =
        serde_json::from_slice(&render(&|o| http_api_problem(o, &error))).unwrap();
    let ours: serde_json::Value = serde_json::from_slice(&rfc).unwrap();
    assert_eq!(ours, theirs);
}

// ---- the other built-in formats, each against its hand-written reference ----

pub fn apierror_in<F: apierror::format::Format>(
    out: &mut Vec<u8>,
    error: &InventoryError,
    format: &F,
) {
    Render::new(error).format(format).to_writer(out).unwrap();
}

fn fields(error: &InventoryError) -> (u32, &str) {
    match error {
        InventoryError::InsufficientVcpu { requested, node } => (*requested, node),
        InventoryError::NodeFull { .. } => unreachable!(),
    }
}

fn body(error: &InventoryError) -> Body<'_> {
    let (requested, node) = fields(error);
    Body {
        code: "ERR-02-003",
        message: "The selected node does not have enough CPU capacity",
        details: Details { requested, node },
    }
}

#[derive(Serialize)]
struct TaggedBody<'a> {
    success: bool,
    error: Body<'a>,
}

pub fn handwritten_tagged(out: &mut Vec<u8>, error: &InventoryError) {
    let tagged = TaggedBody {
        success: false,
        error: body(error),
    };
    serde_json::to_writer(out, &tagged).unwrap();
}

#[derive(Serialize)]
struct Frame<'a> {
    #[serde(rename = "type")]
    kind: &'a str,
    error: Body<'a>,
}

pub fn handwritten_websocket(out: &mut Vec<u8>, error: &InventoryError) {
    let frame = Frame {
        kind: "error",
        error: body(error),
    };
    serde_json::to_writer(out, &frame).unwrap();
}

#[derive(Serialize)]
struct OpenAiOuter<'a> {
    error: OpenAiBody<'a>,
}

#[derive(Serialize)]
struct OpenAiBody<'a> {
    message: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    code: u16,
    details: Details<'a>,
}

pub fn handwritten_openai(out: &mut Vec<u8>, error: &InventoryError) {
    let (requested, node) = fields(error);
    let body = OpenAiOuter {
        error: OpenAiBody {
            message: "The selected node does not have enough CPU capacity",
            kind: "conflict_error",
            code: 409,
            details: Details { requested, node },
        },
    };
    serde_json::to_writer(out, &body).unwrap();
}

#[derive(Serialize)]
struct GoogleOuter<'a> {
    error: GoogleStatus<'a>,
}

#[derive(Serialize)]
struct GoogleStatus<'a> {
    code: u16,
    message: &'a str,
    status: &'a str,
    details: [ErrorInfo<'a>; 1],
}

#[derive(Serialize)]
struct ErrorInfo<'a> {
    #[serde(rename = "@type")]
    kind: &'a str,
    reason: &'a str,
    domain: &'a str,
    metadata: Metadata<'a>,
}

#[derive(Serialize)]
struct Metadata<'a> {
    #[serde(serialize_with = "as_text")]
    requested: u32,
    node: &'a str,
}

fn as_text<S: serde::Serializer>(value: &u32, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(value)
}

pub const DOMAIN: &str = "phala.network";

pub fn handwritten_google(out: &mut Vec<u8>, error: &InventoryError) {
    let (requested, node) = fields(error);
    let body = GoogleOuter {
        error: GoogleStatus {
            code: 409,
            message: "The selected node does not have enough CPU capacity",
            status: "ABORTED",
            details: [ErrorInfo {
                kind: "type.googleapis.com/google.rpc.ErrorInfo",
                reason: "ERR-02-003",
                domain: DOMAIN,
                metadata: Metadata { requested, node },
            }],
        },
    };
    serde_json::to_writer(out, &body).unwrap();
}

/// Each of the other formats writes what its hand-written reference writes.
pub fn assert_same_output_in_every_format() {
    use apierror::format::{Google, OpenAi, Tagged, WebSocket};
    let error = error();
    let render = |f: &dyn Fn(&mut Vec<u8>)| {
        let mut out = Vec::new();
        f(&mut out);
        out
    };
    assert_eq!(
        render(&|o| apierror_in(o, &error, &Tagged)),
        render(&|o| handwritten_tagged(o, &error))
    );
    assert_eq!(
        render(&|o| apierror_in(o, &error, &WebSocket)),
        render(&|o| handwritten_websocket(o, &error))
    );
    assert_eq!(
        render(&|o| apierror_in(o, &error, &OpenAi)),
        render(&|o| handwritten_openai(o, &error))
    );
    let google = Google::new(DOMAIN);
    assert_eq!(
        render(&|o| apierror_in(o, &error, &google)),
        render(&|o| handwritten_google(o, &error))
    );
}

// ---- the standard format with a request context (as Hexabase's `meta`) ----

pub const REQUEST_ID: &str = "req_7f3a9c21d4e8b605";
pub const TIMESTAMP: &str = "2024-01-20T10:00:00Z";

/// The request id and the timestamp as a service meets them: strings known
/// only at run time (from a header, from the clock), so that no writer's
/// check of them is folded away by the optimizer.
fn run_time(text: &'static str) -> &'static str {
    std::hint::black_box(text)
}

pub fn apierror_standard_context(out: &mut Vec<u8>, error: &InventoryError) {
    let context = apierror::format::Context::new()
        .with_request_id(run_time(REQUEST_ID))
        .with_timestamp(run_time(TIMESTAMP));
    Render::new(error).context(context).to_writer(out).unwrap();
}

#[derive(Serialize)]
struct ContextBody<'a> {
    error: BodyWithId<'a>,
    meta: Meta<'a>,
}

#[derive(Serialize)]
struct BodyWithId<'a> {
    code: &'a str,
    message: &'a str,
    details: Details<'a>,
    request_id: &'a str,
}

#[derive(Serialize)]
struct Meta<'a> {
    request_id: &'a str,
    timestamp: &'a str,
}

/// The same body with serde, as a careful user writes it.
pub fn handwritten_standard_context(out: &mut Vec<u8>, error: &InventoryError) {
    let InventoryError::InsufficientVcpu { requested, node } = error else {
        unreachable!()
    };
    let (request_id, timestamp) = (run_time(REQUEST_ID), run_time(TIMESTAMP));
    let body = ContextBody {
        error: BodyWithId {
            code: "ERR-02-003",
            message: "The selected node does not have enough CPU capacity",
            details: Details {
                requested: *requested,
                node,
            },
            request_id,
        },
        meta: Meta {
            request_id,
            timestamp,
        },
    };
    serde_json::to_writer(out, &body).unwrap();
}

// ---- the floor: what a hand-tuned writer for this one variant does ----------

/// Whether `bytes` go into a JSON string as they are, sixteen bytes at a
/// time: SSE2 compares on x86-64 (the last sixteen bytes overlapping the
/// previous ones), a word scan elsewhere.
#[cfg(target_arch = "x86_64")]
fn floor_plain(bytes: &[u8]) -> bool {
    use std::arch::x86_64::*;
    // SAFETY: SSE2 is part of x86-64; every load reads sixteen bytes that
    // lie inside `bytes`.
    unsafe {
        let escapes = |at: usize| {
            let v = _mm_loadu_si128(bytes.as_ptr().add(at).cast());
            // A byte below 0x20 (signed compare after flipping the high bit,
            // so that bytes of 0x80 and more are not below).
            let flip = _mm_set1_epi8(i8::MIN);
            let below =
                _mm_cmplt_epi8(_mm_xor_si128(v, flip), _mm_set1_epi8((0x20u8 ^ 0x80) as i8));
            let quote = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'"' as i8));
            let backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\\' as i8));
            _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(below, quote), backslash)) != 0
        };
        if bytes.len() < 16 {
            return bytes.iter().all(|&b| b >= 0x20 && b != b'"' && b != b'\\');
        }
        let mut at = 0;
        while at + 16 <= bytes.len() {
            if escapes(at) {
                return false;
            }
            at += 16;
        }
        at == bytes.len() || !escapes(bytes.len() - 16)
    }
}

#[cfg(not(target_arch = "x86_64"))]
fn floor_plain(bytes: &[u8]) -> bool {
    bytes.iter().all(|&b| b >= 0x20 && b != b'"' && b != b'\\')
}

/// The least work that writes this body: a constant prefix, one integer
/// formatted (itoa, as serde_json does), the one run-time string scanned
/// for escapes sixteen bytes at a time and copied, its quotes part of the
/// constants around it, and a constant suffix. Nothing generic: it knows
/// the variant, the code and the message at compile time.
pub fn floor_standard(out: &mut Vec<u8>, error: &InventoryError) {
    let node = floor_details(out, error);
    floor_quoted(out, br#","node":""#, node, br#""}}}"#);
}

/// `{"error":{"code","message","details":{"requested":N`, and the node.
fn floor_details<'e>(out: &mut Vec<u8>, error: &'e InventoryError) -> &'e str {
    let InventoryError::InsufficientVcpu { requested, node } = error else {
        unreachable!()
    };
    out.extend_from_slice(
        br#"{"error":{"code":"ERR-02-003","message":"The selected node does not have enough CPU capacity","details":{"requested":"#,
    );
    out.extend_from_slice(itoa::Buffer::new().format(*requested).as_bytes());
    node
}

/// `before`, `text` as a JSON string, `after`, where `before` ends with the
/// opening quote and `after` starts with the closing one: when the text
/// needs no escaping (the usual case), three copies.
fn floor_quoted(out: &mut Vec<u8>, before: &[u8], text: &str, after: &[u8]) {
    if floor_plain(text.as_bytes()) {
        out.extend_from_slice(before);
        out.extend_from_slice(text.as_bytes());
        out.extend_from_slice(after);
    } else {
        out.extend_from_slice(&before[..before.len() - 1]);
        serde_json::to_writer(&mut *out, text).unwrap();
        out.extend_from_slice(&after[1..]);
    }
}

/// The floor with the context: the request id and timestamp are run-time
/// strings, each scanned once for escapes.
pub fn floor_standard_context(out: &mut Vec<u8>, error: &InventoryError) {
    let (request_id, timestamp) = (run_time(REQUEST_ID), run_time(TIMESTAMP));
    let node = floor_details(out, error);
    // The request id is written twice and scanned once.
    if floor_plain(request_id.as_bytes()) {
        floor_quoted(out, br#","node":""#, node, br#""},"request_id":""#);
        out.extend_from_slice(request_id.as_bytes());
        out.extend_from_slice(br#""},"meta":{"request_id":""#);
        out.extend_from_slice(request_id.as_bytes());
        floor_quoted(out, br#"","timestamp":""#, timestamp, br#""}}"#);
    } else {
        floor_quoted(out, br#","node":""#, node, br#""},"request_id":"#);
        serde_json::to_writer(&mut *out, request_id).unwrap();
        out.extend_from_slice(br#"},"meta":{"request_id":"#);
        serde_json::to_writer(&mut *out, request_id).unwrap();
        floor_quoted(out, br#","timestamp":""#, timestamp, br#""}}"#);
    }
}

/// The context and floor variants write what the others do.
pub fn assert_same_output_with_context() {
    let error = error();
    let render = |f: &dyn Fn(&mut Vec<u8>)| {
        let mut out = Vec::new();
        f(&mut out);
        out
    };
    let plain = render(&|o| apierror_standard(o, &error));
    assert_eq!(plain, render(&|o| floor_standard(o, &error)));
    let context = render(&|o| apierror_standard_context(o, &error));
    assert_eq!(
        context,
        render(&|o| handwritten_standard_context(o, &error))
    );
    assert_eq!(context, render(&|o| floor_standard_context(o, &error)));
}

// ---- a translated message, chosen by a browser's Accept-Language -----------

/// The interpolated case with a German translation.
#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "LOCALIZED_")]
#[api_error(language = "en", locales("de"), translations = "locales")]
pub enum LocalizedError {
    #[status(409)]
    #[message("Node {node} does not have {requested} free vCPUs")]
    NodeFull { requested: u32, node: String },
}

pub fn localized() -> LocalizedError {
    LocalizedError::NodeFull {
        requested: 8,
        node: "teepod-eu-west-1-a07".to_owned(),
    }
}

/// What a browser sends.
pub const ACCEPT_LANGUAGE: &str = "de-DE,de;q=0.9,en-US;q=0.8,en;q=0.7";

/// apierror: negotiation (weights, exact and primary-tag matches) and the
/// translation, through the standard format's byte writer.
pub fn apierror_standard_translated(out: &mut Vec<u8>, error: &LocalizedError) {
    let context = apierror::format::Context::new().with_accept_language(ACCEPT_LANGUAGE);
    Render::new(error).context(context).to_writer(out).unwrap();
}

#[derive(Serialize)]
struct TranslatedBody<'a> {
    error: TranslatedObject<'a>,
}

#[derive(Serialize)]
struct TranslatedObject<'a> {
    code: &'a str,
    #[serde(serialize_with = "german")]
    message: (&'a str, u32),
    details: Details<'a>,
}

/// The German message written straight into the serializer (no `format!`).
fn german<S: serde::Serializer>(
    (node, requested): &(&str, u32),
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_str(&format_args!(
        "Knoten {node} hat keine {requested} freien vCPUs"
    ))
}

/// By hand with serde: the language taken as the header's first tag when
/// it starts with `de` (less work than negotiating weights), the German
/// text written by `collect_str`.
pub fn handwritten_standard_translated(out: &mut Vec<u8>, error: &LocalizedError) {
    let LocalizedError::NodeFull { requested, node } = error;
    let first = ACCEPT_LANGUAGE.split(',').next().unwrap_or_default();
    assert!(first.trim().starts_with("de"));
    let body = TranslatedBody {
        error: TranslatedObject {
            code: "LOCALIZED_NODE_FULL",
            message: (node, *requested),
            details: Details {
                requested: *requested,
                node,
            },
        },
    };
    serde_json::to_writer(out, &body).unwrap();
}

/// The translated variants write the same bytes.
pub fn assert_same_output_translated() {
    let error = localized();
    let (mut a, mut b) = (Vec::new(), Vec::new());
    apierror_standard_translated(&mut a, &error);
    handwritten_standard_translated(&mut b, &error);
    assert_eq!(String::from_utf8(a).unwrap(), String::from_utf8(b).unwrap());
}
