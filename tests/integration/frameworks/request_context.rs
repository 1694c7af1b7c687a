//! The derived path of a real service: handlers that return `Err(e)`
//! behind the axum `ContextLayer` or the actix-web `ContextMiddleware`
//! answer with the request's context (the id from the request header, or
//! generated; the time from an injected clock; the path as the instance),
//! echo the request id under the configured header, and log each response
//! that hides something exactly once, with its source chain, through
//! `tracing`, while the body holds none of it. Real servers on 127.0.0.1,
//! a real HTTP client.

use crate::http_client;

use apierror::request::RequestContext;
use apierror::ApiError;
use http_client::{get_with, Reply};
use serde_json::json;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, UNIX_EPOCH};

/// Standard format: the request id in the error object and in `meta`.
#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "WORKSPACE_")]
pub enum WorkspaceError {
    #[status(404)]
    #[message("Workspace {id} not found")]
    NotFound { id: String },
    /// Logged at warn, though a 4xx.
    #[status(409)]
    #[api_error(log = "warn")]
    #[message("Workspace is busy")]
    Busy {
        #[source]
        cause: std::io::Error,
    },
    #[status(503)]
    Unavailable {
        #[source]
        cause: std::io::Error,
    },
    /// A 5xx that is not logged.
    #[status(502)]
    #[api_error(log = "off")]
    Quiet,
}

/// The discriminated union: `requestId`.
#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", format = "tagged")]
pub enum ServerError {
    #[status(409)]
    #[message("Invalid state transition")]
    InvalidStateTransition,
}

/// RFC 9457: the path is the `instance`.
#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", format = "problem")]
pub enum OrderError {
    #[status(404)]
    #[message("Order not found")]
    OrderNotFound,
}

fn secret() -> std::io::Error {
    std::io::Error::other(std::io::Error::other(
        "connect 10.9.8.7:6379: secret-token-42 refused",
    ))
}

/// Every log line written, as text (a global subscriber, installed once).
pub(crate) fn logs() -> &'static Arc<Mutex<Vec<u8>>> {
    static LOGS: OnceLock<Arc<Mutex<Vec<u8>>>> = OnceLock::new();
    LOGS.get_or_init(|| {
        let logs = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&logs);
        let subscriber = tracing_subscriber::fmt()
            .with_ansi(false)
            .with_max_level(tracing::Level::TRACE)
            .with_writer(move || Sink(Arc::clone(&sink)))
            .finish();
        tracing::subscriber::set_global_default(subscriber).unwrap();
        logs
    })
}

struct Sink(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The log lines that mention `request_id`.
pub(crate) fn logged(request_id: &str) -> Vec<String> {
    let logs = logs().lock().unwrap();
    String::from_utf8_lossy(&logs)
        .lines()
        .filter(|line| line.contains(request_id))
        .map(str::to_owned)
        .collect()
}

/// The settings both servers use: ids generated as `gen-<prefix>-<n>`, a
/// fixed clock, the id read from `X-Correlation-Id` and echoed as
/// `Request-Id`.
fn context(prefix: &'static str) -> RequestContext {
    let counter = Arc::new(AtomicU32::new(0));
    RequestContext::new()
        .read_from("x-correlation-id")
        .echo_as("request-id")
        .generate_with(move || format!("gen-{prefix}-{}", counter.fetch_add(1, Ordering::Relaxed)))
        .clock(|| UNIX_EPOCH + Duration::from_secs(1_705_744_800))
}

const PATHS: [&str; 7] = [
    "/workspaces/ws-1",
    "/busy",
    "/down",
    "/quiet",
    "/servers/srv-9",
    "/orders/o-17",
    "/fine",
];

fn fetch_all(base: &str, prefix: &str) -> Vec<Reply> {
    PATHS
        .iter()
        .enumerate()
        .map(|(i, path)| {
            let id = format!("req-{prefix}-{i}");
            get_with(
                &format!("{base}{path}"),
                &[("X-Correlation-Id", id.as_str())],
            )
        })
        .chain(std::iter::once(get_with(
            &format!("{base}/workspaces/ws-2"),
            &[],
        )))
        .collect()
}

/// Request ids a client may send that are no usable id: too long, beyond
/// ASCII, with a tab, only spaces; then one with spaces inside, which is.
const ODD_IDS: [&str; 4] = ["caf\u{e9}-1", "a\tb", "   ", "x"];

fn fetch_odd_ids(base: &str) -> Vec<Reply> {
    let long = "r".repeat(300);
    ODD_IDS
        .iter()
        .map(|id| if *id == "x" { long.as_str() } else { id })
        .chain(["req with spaces"])
        .map(|id| {
            get_with(
                &format!("{base}/workspaces/ws-3"),
                &[("X-Correlation-Id", id)],
            )
        })
        .collect()
}

/// An odd id is replaced by a generated one, the same in the body and the
/// echoed header; a usable one is kept.
fn check_odd_ids(replies: &[Reply], prefix: &str) {
    let (kept, replaced) = replies.split_last().expect("replies");
    for reply in replaced {
        assert_eq!(reply.status, 404);
        let id = reply.json()["meta"]["request_id"]
            .as_str()
            .unwrap()
            .to_owned();
        assert!(id.starts_with(&format!("gen-{prefix}-")), "{id}");
        assert_eq!(reply.header("request-id"), Some(id.as_str()));
    }
    assert_eq!(kept.json()["meta"]["request_id"], "req with spaces");
    assert_eq!(kept.header("request-id"), Some("req with spaces"));
}

fn check(replies: &[Reply], prefix: &str) {
    let id = |i: usize| format!("req-{prefix}-{i}");
    let [workspace, busy, down, quiet, server, order, fine, generated] = replies else {
        panic!("eight replies expected");
    };
    let timestamp = "2024-01-20T10:00:00Z";
    // Standard: Hexabase's `meta`, from a plain `Err(e)`.
    assert_eq!(workspace.status, 404);
    assert_eq!(
        workspace.json(),
        json!({"error": {"code": "WORKSPACE_NOT_FOUND", "message": "Workspace ws-1 not found",
                         "details": {"id": "ws-1"}, "request_id": id(0)},
               "meta": {"request_id": id(0), "timestamp": timestamp}})
    );
    assert_eq!(workspace.header("request-id"), Some(id(0).as_str()));
    assert_eq!(workspace.header("x-request-id"), None);
    // Tagged: k0rdent's `requestId`.
    assert_eq!(
        server.json(),
        json!({"success": false, "error": {"code": "INVALID_STATE_TRANSITION",
               "message": "Invalid state transition"}, "requestId": id(4)})
    );
    // RFC 9457: the path as the instance (never the query).
    assert_eq!(
        order.header("content-type"),
        Some("application/problem+json")
    );
    assert_eq!(order.json()["instance"], "/orders/o-17");
    // Every response echoes the id, errors or not.
    assert_eq!((fine.status, fine.body.as_str()), (200, "ok"));
    assert_eq!(fine.header("request-id"), Some(id(6).as_str()));
    // Without the header, a generated id, the same in body and header.
    let generated_id = generated.json()["meta"]["request_id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        generated_id.starts_with(&format!("gen-{prefix}-")),
        "{generated_id}"
    );
    assert_eq!(generated.header("request-id"), Some(generated_id.as_str()));

    // What the bodies hide is logged once per response, with its chain.
    for reply in [down, busy] {
        assert!(!reply.body.contains("secret-token-42") && !reply.body.contains("10.9.8.7"));
    }
    assert_eq!(down.json()["error"]["message"], "Service Unavailable");
    let lines = logged(&id(2));
    assert_eq!(lines.len(), 1, "{lines:#?}");
    let line = &lines[0];
    assert!(line.contains("ERROR"), "{line}");
    assert!(line.contains("secret-token-42"), "{line}");
    assert!(
        line.contains("code=\"WORKSPACE_UNAVAILABLE\"")
            || line.contains("code=WORKSPACE_UNAVAILABLE"),
        "{line}"
    );
    assert!(line.contains("status=503"), "{line}");
    assert!(
        line.contains("request_context::WorkspaceError::Unavailable"),
        "{line}"
    );
    // A 4xx marked to log, at its level; a 5xx marked off, not at all; a
    // plain 4xx not at all.
    let lines = logged(&id(1));
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(lines[0].contains("WARN") && lines[0].contains("secret-token-42"));
    assert_eq!(quiet.status, 502);
    assert!(logged(&id(3)).is_empty());
    assert!(logged(&id(0)).is_empty());
}

mod axum_service {
    use super::*;
    use axum::routing::get;
    use axum::Router;

    async fn workspace(
        axum::extract::Path(id): axum::extract::Path<String>,
    ) -> Result<String, WorkspaceError> {
        Err(WorkspaceError::NotFound { id })
    }

    pub fn app(context: RequestContext) -> Router {
        Router::new()
            .route("/workspaces/{id}", get(workspace))
            .route(
                "/busy",
                get(|| async { Err::<String, _>(WorkspaceError::Busy { cause: secret() }) }),
            )
            .route(
                "/down",
                get(|| async { Err::<String, _>(WorkspaceError::Unavailable { cause: secret() }) }),
            )
            .route(
                "/quiet",
                get(|| async { Err::<String, _>(WorkspaceError::Quiet) }),
            )
            .route(
                "/servers/{id}",
                get(|| async { Err::<String, _>(ServerError::InvalidStateTransition) }),
            )
            .route(
                "/orders/{id}",
                get(|| async { Err::<String, _>(OrderError::OrderNotFound) }),
            )
            .route("/fine", get(|| async { "ok" }))
            .layer(apierror::axum::ContextLayer::new(context))
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn axum_handlers_answer_with_the_request_context() {
    logs();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let app = axum_service::app(context("axum"));
    let server = tokio::spawn(async move { axum::serve(listener, app).await });
    let (replies, odd) =
        tokio::task::spawn_blocking(move || (fetch_all(&base, "axum"), fetch_odd_ids(&base)))
            .await
            .unwrap();
    server.abort();
    check(&replies, "axum");
    check_odd_ids(&odd, "axum");
}

#[test]
fn actix_handlers_answer_with_the_request_context() {
    use actix_web::{web, App};
    logs();
    async fn workspace(id: web::Path<String>) -> Result<String, WorkspaceError> {
        Err(WorkspaceError::NotFound {
            id: id.into_inner(),
        })
    }
    let context = context("actix");
    let server = serve!(move || {
        App::new()
            .wrap(apierror::actix::ContextMiddleware::new(context.clone()))
            .route("/workspaces/{id}", web::get().to(workspace))
            .route(
                "/busy",
                web::get()
                    .to(|| async { Err::<String, _>(WorkspaceError::Busy { cause: secret() }) }),
            )
            .route(
                "/down",
                web::get().to(|| async {
                    Err::<String, _>(WorkspaceError::Unavailable { cause: secret() })
                }),
            )
            .route(
                "/quiet",
                web::get().to(|| async { Err::<String, _>(WorkspaceError::Quiet) }),
            )
            .route(
                "/servers/{id}",
                web::get().to(|| async { Err::<String, _>(ServerError::InvalidStateTransition) }),
            )
            .route(
                "/orders/{id}",
                web::get().to(|| async { Err::<String, _>(OrderError::OrderNotFound) }),
            )
            .route("/fine", web::get().to(|| async { "ok" }))
    });
    let replies = fetch_all(&server.base, "actix");
    let odd = fetch_odd_ids(&server.base);
    drop(server);
    check(&replies, "actix");
    check_odd_ids(&odd, "actix");
}

#[test]
fn without_a_layer_responses_have_no_context_but_still_report() {
    logs();
    let error = WorkspaceError::Unavailable { cause: secret() };
    let response = axum::response::IntoResponse::into_response(error);
    assert!(response.headers().get("x-request-id").is_none());
    let report = response
        .extensions()
        .get::<apierror::report::ErrorReport>()
        .unwrap();
    assert_eq!(report.code(), "WORKSPACE_UNAVAILABLE");
    assert_eq!(report.status(), 503);
    assert_eq!(report.request_id(), None);
    assert_eq!(
        report.report(),
        "Service Unavailable; caused by: connect 10.9.8.7:6379: secret-token-42 refused"
    );
    // 4xx variants carry none unless marked.
    let response =
        axum::response::IntoResponse::into_response(WorkspaceError::NotFound { id: "x".into() });
    assert!(response
        .extensions()
        .get::<apierror::report::ErrorReport>()
        .is_none());
    // actix-web too.
    let response =
        actix_web::ResponseError::error_response(&WorkspaceError::Unavailable { cause: secret() });
    assert!(response
        .extensions()
        .get::<apierror::report::ErrorReport>()
        .is_some());
}

/// A client's value shown in the message of a variant that is logged: its
/// CR, LF and ESC must not split the log line or reach a terminal.
#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum EchoError {
    #[status(400)]
    #[api_error(log = "warn")]
    #[message("Workspace name {name} is not valid")]
    BadName { name: String },
}

/// What an attacker sends: a forged second event and a terminal escape.
const FORGED: &str = "a\r\n2026-01-01T00:00:00Z ERROR forged event\u{1b}[31m\u{2028}x";

fn assert_one_clean_line(request_id: &str) {
    let lines = logged(request_id);
    assert_eq!(lines.len(), 1, "{lines:#?}");
    let line = &lines[0];
    assert!(
        !line.contains('\u{1b}') && !line.contains('\u{2028}'),
        "{line:?}"
    );
    assert!(
        line.contains(r"a\r\n2026-01-01T00:00:00Z ERROR forged event\u{1b}[31m\u{2028}x"),
        "{line:?}"
    );
    let logs = logs().lock().unwrap();
    let text = String::from_utf8_lossy(&logs);
    assert!(
        !text
            .lines()
            .any(|l| l.starts_with("2026-01-01T00:00:00Z ERROR forged")),
        "a forged line"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn client_values_cannot_forge_log_lines_axum() {
    use axum::extract::Query;
    use axum::routing::get;
    logs();
    #[derive(serde::Deserialize)]
    struct Name {
        w: String,
    }
    let app = axum::Router::new()
        .route(
            "/echo",
            get(|Query(q): Query<Name>| async move {
                Err::<String, _>(EchoError::BadName { name: q.w })
            }),
        )
        .layer(apierror::axum::ContextLayer::new(context("echo-axum")));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let server = tokio::spawn(async move { axum::serve(listener, app).await });
    let query = "a%0D%0A2026-01-01T00:00:00Z%20ERROR%20forged%20event%1B%5B31m%E2%80%A8x";
    let reply = tokio::task::spawn_blocking(move || {
        get_with(
            &format!("{base}/echo?w={query}"),
            &[("x-correlation-id", "req-forge-axum")],
        )
    })
    .await
    .unwrap();
    server.abort();
    assert_eq!(reply.status, 400);
    // The body has the value, JSON-escaped.
    let body: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(
        body["error"]["message"],
        format!("Workspace name {FORGED} is not valid")
    );
    assert_one_clean_line("req-forge-axum");
}

#[test]
fn client_values_cannot_forge_log_lines_actix() {
    use actix_web::{web, App};
    logs();
    #[derive(serde::Deserialize)]
    struct Name {
        w: String,
    }
    async fn echo(q: web::Query<Name>) -> Result<String, EchoError> {
        Err(EchoError::BadName {
            name: q.into_inner().w,
        })
    }
    let context = context("echo-actix");
    let server = serve!(move || {
        App::new()
            .wrap(apierror::actix::ContextMiddleware::new(context.clone()))
            .route("/echo", web::get().to(echo))
    });
    let query = "a%0D%0A2026-01-01T00:00:00Z%20ERROR%20forged%20event%1B%5B31m%E2%80%A8x";
    let reply = get_with(
        &format!("{}/echo?w={query}", server.base),
        &[("x-correlation-id", "req-forge-actix")],
    );
    drop(server);
    assert_eq!(reply.status, 400);
    assert_one_clean_line("req-forge-actix");
}
