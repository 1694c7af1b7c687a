//! Every way an error reaches a client: each built-in format, with and
//! without a request context, plain and HTML-safe, as a body, as an
//! `http::Response`, and as the response a handler returning `Err(e)` gives
//! in axum and in actix-web. Tests assert on all of them at once.

#![allow(dead_code)]

use apierror::format::{BuiltIn, Context};
use apierror::{ApiError, Render};

/// Every built-in format, from the table the library and the derive share
/// ([`BuiltIn::NAMES`]): each without its setting when it takes none or
/// may go without, and with one when it takes one (AIP-193's domain, an
/// RFC 9457 `type` URL). A new built-in format is tested everywhere this is.
pub fn every_built_in(setting: &'static str) -> Vec<BuiltIn> {
    let mut formats = Vec::new();
    for name in BuiltIn::NAMES {
        formats.extend(BuiltIn::from_name(name, None));
        formats.extend(BuiltIn::from_name(name, Some(setting)));
    }
    formats
}

/// The built-in formats every output is checked in.
pub static FORMATS: std::sync::LazyLock<Vec<BuiltIn>> =
    std::sync::LazyLock::new(|| every_built_in("https://docs.example.com/errors/{code}"));

pub fn contexts() -> [Context<'static>; 2] {
    [
        Context::new(),
        Context::new()
            .with_request_id("req_123456")
            .with_timestamp("2024-01-20T10:00:00Z")
            .with_instance("/workspaces/ws-1"),
    ]
}

/// One output: where it came from, the status, the headers as text, the body.
#[derive(Debug)]
pub struct Output {
    pub path: String,
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Output {
    pub fn text(&self) -> String {
        let mut all = String::from_utf8_lossy(&self.body).into_owned();
        for (name, value) in &self.headers {
            all.push('\n');
            all.push_str(name);
            all.push_str(": ");
            all.push_str(value);
        }
        all
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("{}: invalid JSON ({e}): {:?}", self.path, self.text()))
    }
}

fn from_http(path: String, response: &apierror::http::Response<Vec<u8>>) -> Output {
    Output {
        path,
        status: response.status().as_u16(),
        headers: response
            .headers()
            .iter()
            .map(|(n, v)| {
                (
                    n.to_string(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect(),
        body: response.body().clone(),
    }
}

/// Renders with `Render`: every format, context and escaping, as bodies
/// (when `to_vec` succeeds) and as responses (which always succeed).
pub fn rendered<E: ApiError>(error: &E) -> Vec<Output> {
    let mut out = Vec::new();
    for format in FORMATS.iter() {
        for (c, context) in contexts().into_iter().enumerate() {
            for html in [false, true] {
                let mut render = Render::new(error).format(format).context(context);
                if html {
                    render = render.html_safe();
                }
                let path = format!("{format:?} context={c} html={html}");
                if let Ok(body) = render.to_vec() {
                    out.push(Output {
                        path: format!("{path} to_vec"),
                        status: error.status().as_u16(),
                        headers: Vec::new(),
                        body,
                    });
                }
                out.push(from_http(
                    format!("{path} to_response"),
                    &render.to_response(),
                ));
            }
        }
    }
    out.push(from_http(
        "Render::new(error).to_response()".into(),
        &apierror::Render::new(error).to_response(),
    ));
    out
}

/// What a handler returning `Err(error)` answers in axum and actix-web.
pub fn derived<E>(make: impl Fn() -> E) -> Vec<Output>
where
    E: ApiError + axum::response::IntoResponse + actix_web::ResponseError,
{
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let axum_response = axum::response::IntoResponse::into_response(make());
    let (parts, body) = axum_response.into_parts();
    let body = runtime
        .block_on(axum::body::to_bytes(body, usize::MAX))
        .unwrap()
        .to_vec();
    let axum_output = Output {
        path: "axum IntoResponse".into(),
        status: parts.status.as_u16(),
        headers: parts
            .headers
            .iter()
            .map(|(n, v)| {
                (
                    n.to_string(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect(),
        body,
    };
    let error = make();
    let actix_response = actix_web::ResponseError::error_response(&error);
    let status = actix_response.status().as_u16();
    let headers = actix_response
        .headers()
        .iter()
        .map(|(n, v)| {
            (
                n.to_string(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    let body = runtime
        .block_on(actix_web::body::to_bytes(actix_response.into_body()))
        .unwrap_or_default()
        .to_vec();
    let actix_output = Output {
        path: "actix-web ResponseError".into(),
        status,
        headers,
        body,
    };
    vec![axum_output, actix_output]
}

/// Every output of `make()`'s error, `Render`ed and derived.
pub fn every_output<E>(make: impl Fn() -> E) -> Vec<Output>
where
    E: ApiError + axum::response::IntoResponse + actix_web::ResponseError,
{
    let mut out = rendered(&make());
    out.extend(derived(make));
    out
}
