//! The framework's own failures answer in the service's format: bad JSON,
//! a body of the wrong shape or media type, a body too large, a path or
//! query that does not parse, a form that does not, an unmatched route, a
//! method the route does not take, and (axum) a panic. Real axum and
//! actix-web servers on 127.0.0.1 behind the request-context layer, a real
//! HTTP client; each response has the service's format, the request id
//! from the request's header, the right status and `Content-Type`, and a
//! panic's message only in the log.

use crate::http_client;

use apierror::request::RequestContext;
use apierror::{ApiError, RequestError};
use http_client::{send, Reply};
use serde_json::json;
use std::time::{Duration, UNIX_EPOCH};

/// The service's one error type.
#[derive(Debug, ApiError)]
pub enum ServiceError {
    #[api_error(transparent)]
    Request(#[from] RequestError),
    #[code("ORDER_NOT_FOUND")]
    #[status(404)]
    #[message("Order {id} not found")]
    OrderNotFound { id: u32 },
}

#[derive(Debug, serde::Deserialize)]
pub struct Order {
    pub quantity: u32,
    pub items: Vec<Item>,
}

#[derive(Debug, serde::Deserialize)]
pub struct Item {
    pub price: u32,
}

#[derive(Debug, serde::Deserialize)]
pub struct Search {
    pub limit: u8,
}

fn context() -> RequestContext {
    RequestContext::new().clock(|| UNIX_EPOCH + Duration::from_secs(1_705_744_800))
}

const JSON: (&str, &str) = ("content-type", "application/json");
const FORM: (&str, &str) = ("content-type", "application/x-www-form-urlencoded");

/// Each request: (name, method, path, headers, body).
/// One request: name, method, path, headers, body.
type Case = (
    &'static str,
    &'static str,
    &'static str,
    Vec<(&'static str, &'static str)>,
    Vec<u8>,
);

fn requests() -> Vec<Case> {
    vec![
        (
            "syntax",
            "POST",
            "/orders",
            vec![JSON],
            b"{\"quantity\": ".to_vec(),
        ),
        (
            "shape",
            "POST",
            "/orders",
            vec![JSON],
            br#"{"quantity":1,"items":[{"price":"x"}]}"#.to_vec(),
        ),
        (
            "media",
            "POST",
            "/orders",
            vec![("content-type", "text/plain")],
            b"{}".to_vec(),
        ),
        (
            "large",
            "POST",
            "/orders",
            vec![JSON],
            format!(
                "{{\"quantity\":1,\"items\":[],\"pad\":\"{}\"}}",
                "x".repeat(300)
            )
            .into_bytes(),
        ),
        ("path", "GET", "/orders/abc", vec![], Vec::new()),
        // An extractor that does not fit its route: the service's bug.
        ("misconfigured", "GET", "/pairs/7", vec![], Vec::new()),
        ("query", "GET", "/search?limit=999", vec![], Vec::new()),
        ("form", "POST", "/form", vec![FORM], b"limit=abc".to_vec()),
        (
            "form-media",
            "POST",
            "/form",
            vec![JSON],
            b"limit=1".to_vec(),
        ),
        ("route", "GET", "/nowhere?secret=1", vec![], Vec::new()),
        ("method", "DELETE", "/orders/7", vec![], Vec::new()),
        ("handler", "GET", "/orders/7", vec![], Vec::new()),
        (
            "fine",
            "POST",
            "/orders",
            vec![JSON],
            br#"{"quantity":2,"items":[]}"#.to_vec(),
        ),
    ]
}

/// Every request, each with the request id `req-{tag}-{name}`.
fn fetch_all(base: &str, tag: &str) -> Vec<(&'static str, Reply)> {
    requests()
        .into_iter()
        .map(|(name, method, path, mut headers, body)| {
            let id = format!("req-{tag}-{name}");
            headers.push(("x-request-id", Box::leak(id.into_boxed_str())));
            (
                name,
                send(method, &format!("{base}{path}"), &headers, &body),
            )
        })
        .collect()
}

/// What every failure answers, in both frameworks: the same facts.
fn check(replies: &[(&str, Reply)], tag: &str) {
    let reply = |name: &str| &replies.iter().find(|(n, _)| *n == name).unwrap().1;
    let expect = |name: &str, status: u16, code: &str| {
        let r = reply(name);
        assert_eq!(r.status, status, "{name}: {}", r.body);
        assert_eq!(r.header("content-type"), Some("application/json"), "{name}");
        assert_eq!(
            r.header("x-request-id"),
            Some(format!("req-{tag}-{name}").as_str()),
            "{name}"
        );
        let body = r.json();
        assert_eq!(body["error"]["code"], code, "{name}: {body}");
        assert_eq!(
            body["meta"]["request_id"],
            format!("req-{tag}-{name}"),
            "{name}: {body}"
        );
        assert_eq!(body["meta"]["timestamp"], "2024-01-20T10:00:00Z", "{name}");
        body
    };
    let syntax = expect("syntax", 400, "REQUEST_INVALID_JSON");
    assert!(
        syntax["error"]["details"]["reason"]
            .as_str()
            .unwrap()
            .contains("line 1"),
        "{syntax}"
    );
    let shape = expect("shape", 422, "REQUEST_INVALID_BODY");
    let reason = shape["error"]["details"]["reason"].as_str().unwrap();
    assert!(reason.contains("invalid type"), "{shape}");
    assert_eq!(
        shape["error"]["details"]["path"], "items[0].price",
        "{shape}"
    );
    let media = expect("media", 415, "REQUEST_UNSUPPORTED_MEDIA_TYPE");
    assert_eq!(
        media["error"]["message"],
        "The request body must be application/json"
    );
    expect("large", 413, "REQUEST_PAYLOAD_TOO_LARGE");
    expect("path", 400, "REQUEST_INVALID_PATH");
    // A server fault stays a 5xx, masked like any, its cause logged once.
    let misconfigured = expect("misconfigured", 500, "REQUEST_MISCONFIGURED");
    assert_eq!(misconfigured["error"]["message"], "Internal Server Error");
    assert!(
        misconfigured["error"].get("details").is_none(),
        "{misconfigured}"
    );
    let text = reply("misconfigured").body.to_ascii_lowercase();
    assert!(
        !text.contains("number") && !text.contains("expected"),
        "{text}"
    );
    let logged = crate::request_context::logged(&format!("req-{tag}-misconfigured"));
    assert_eq!(logged.len(), 1, "{logged:#?}");
    assert!(
        logged[0].to_ascii_lowercase().contains("wrong number of"),
        "{}",
        logged[0]
    );
    expect("query", 400, "REQUEST_INVALID_QUERY");
    expect("form", 400, "REQUEST_INVALID_FORM");
    let form_media = expect("form-media", 415, "REQUEST_UNSUPPORTED_MEDIA_TYPE");
    assert_eq!(
        form_media["error"]["message"],
        "The request body must be application/x-www-form-urlencoded"
    );
    let route = expect("route", 404, "REQUEST_ROUTE_NOT_FOUND");
    // The path, never the query (which may hold secrets).
    assert_eq!(route["error"]["details"], json!({"path": "/nowhere"}));
    let method = expect("method", 405, "REQUEST_METHOD_NOT_ALLOWED");
    assert_eq!(method["error"]["details"], json!({"method": "DELETE"}));
    let allow = reply("method")
        .header("allow")
        .unwrap_or_default()
        .to_owned();
    assert!(allow.contains("GET"), "Allow: {allow}");
    let handler = expect("handler", 404, "ORDER_NOT_FOUND");
    assert_eq!(handler["error"]["message"], "Order 7 not found");
    let fine = reply("fine");
    assert_eq!((fine.status, fine.body.as_str()), (200, "2 ordered"));
    assert_eq!(
        fine.header("x-request-id"),
        Some(format!("req-{tag}-fine").as_str())
    );
}

mod axum_service {
    use super::*;
    use apierror::axum::{
        method_not_allowed, panic_response, route_not_found, ContextLayer, Extract,
    };
    use axum::extract::{DefaultBodyLimit, Path, Query};
    use axum::routing::{get, post};
    use axum::{Form, Json, Router};

    async fn create(Extract(Json(order), _): Extract<Json<Order>, ServiceError>) -> String {
        format!("{} ordered", order.quantity)
    }

    async fn show(
        Extract(Path(id), _): Extract<Path<u32>, ServiceError>,
    ) -> Result<String, ServiceError> {
        Err(ServiceError::OrderNotFound { id })
    }

    async fn search(Extract(Query(search), _): Extract<Query<Search>, ServiceError>) -> String {
        search.limit.to_string()
    }

    async fn form(Extract(Form(search), _): Extract<Form<Search>, ServiceError>) -> String {
        search.limit.to_string()
    }

    async fn boom() -> String {
        panic!("the cache at 10.1.2.3 held secret-panic-7")
    }

    /// Two parameters taken from a route that has one.
    async fn pair(Extract(Path((a, b)), _): Extract<Path<(u32, u32)>, ServiceError>) -> String {
        format!("{a} {b}")
    }

    pub fn app() -> Router {
        Router::new()
            .route("/orders", post(create))
            .route("/orders/{id}", get(show))
            .route("/search", get(search))
            .route("/form", post(form))
            .route("/panic", get(boom))
            .route("/pairs/{a}", get(pair))
            .fallback(route_not_found::<ServiceError>)
            .method_not_allowed_fallback(method_not_allowed::<ServiceError>)
            .layer(DefaultBodyLimit::max(256))
            .layer(tower_http::catch_panic::CatchPanicLayer::custom(
                panic_response::<ServiceError>,
            ))
            .layer(ContextLayer::new(context()))
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn axum_failures_answer_in_the_services_format() {
    crate::request_context::logs();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let server = tokio::spawn(async move { axum::serve(listener, axum_service::app()).await });
    let (replies, panic) = tokio::task::spawn_blocking(move || {
        let panic = send(
            "GET",
            &format!("{base}/panic"),
            &[("x-request-id", "req-panic")],
            b"",
        );
        (fetch_all(&base, "axum"), panic)
    })
    .await
    .unwrap();
    server.abort();
    check(&replies, "axum");
    // A panic: the service's generic 500, nothing of the panic's message.
    assert_eq!(panic.status, 500);
    assert_eq!(
        panic.json(),
        json!({"error": {"code": "REQUEST_PANIC", "message": "Internal Server Error", "request_id": "req-panic"},
               "meta": {"request_id": "req-panic", "timestamp": "2024-01-20T10:00:00Z"}})
    );
    assert!(!panic.body.contains("secret-panic-7"));
}

#[test]
fn the_panic_report_holds_the_message() {
    let response = apierror::axum::panic_response::<ServiceError>(Box::new("secret-panic-7"));
    let report = response
        .extensions()
        .get::<apierror::report::ErrorReport>()
        .unwrap();
    assert_eq!(report.code(), "REQUEST_PANIC");
    assert_eq!(
        report.report(),
        "Internal Server Error; caused by: secret-panic-7"
    );
    let owned = apierror::axum::panic_response::<ServiceError>(Box::new(String::from("owned")));
    assert!(owned
        .extensions()
        .get::<apierror::report::ErrorReport>()
        .unwrap()
        .report()
        .ends_with("owned"));
}

#[test]
fn actix_failures_answer_in_the_services_format() {
    crate::request_context::logs();
    use actix_web::{web, App};
    use apierror::actix::{method_not_allowed, route_not_found, ContextMiddleware};

    async fn create(
        apierror::actix::Json(order, _): apierror::actix::Json<Order, ServiceError>,
    ) -> String {
        format!("{} ordered", order.quantity)
    }

    async fn pair(pair: web::Path<(u32, u32)>) -> String {
        format!("{} {}", pair.0, pair.1)
    }

    async fn show(id: web::Path<u32>) -> Result<String, ServiceError> {
        Err(ServiceError::OrderNotFound {
            id: id.into_inner(),
        })
    }

    async fn search(search: web::Query<Search>) -> String {
        search.limit.to_string()
    }

    async fn form(search: web::Form<Search>) -> String {
        search.limit.to_string()
    }

    let server = serve!(|| {
        App::new()
            .wrap(ContextMiddleware::new(context()))
            .app_data(
                web::JsonConfig::default()
                    .limit(256)
                    .error_handler(apierror::actix::rejection::<ServiceError, _>),
            )
            // One handler for the four configs: `rejection::<E, _>` infers
            // each config's error type.
            .app_data(
                web::PathConfig::default()
                    .error_handler(apierror::actix::rejection::<ServiceError, _>),
            )
            .app_data(
                web::QueryConfig::default()
                    .error_handler(apierror::actix::rejection::<ServiceError, _>),
            )
            .app_data(
                web::FormConfig::default()
                    .error_handler(apierror::actix::rejection::<ServiceError, _>),
            )
            .service(
                web::resource("/orders")
                    .route(web::post().to(create))
                    .default_service(web::to(method_not_allowed::<ServiceError>("POST"))),
            )
            .service(
                web::resource("/orders/{id}")
                    .route(web::get().to(show))
                    .default_service(web::to(method_not_allowed::<ServiceError>("GET"))),
            )
            .route("/search", web::get().to(search))
            .route("/form", web::post().to(form))
            .route("/pairs/{a}", web::get().to(pair))
            .default_service(web::to(route_not_found::<ServiceError>))
    });
    let replies = fetch_all(&server.base, "actix");
    drop(server);
    check(&replies, "actix");
}
