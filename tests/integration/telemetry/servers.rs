//! Real axum and actix-web services under a bounded mixed load (200
//! requests from 4 client threads: handler errors, a 5xx with a source,
//! extractor rejections, unmatched routes and methods, and a panic (axum) or
//! a query error (actix-web) as `RequestError`, bulk bodies), scraped over
//! HTTP from their own `/metrics` route: every code counted exactly once per
//! answer, with the catalog's labels only, and the scrape passes `promtool
//! check metrics`. gRPC statuses count too.

use crate::catalog::{InventoryError, ShopError, LEAK};
use crate::http_client::{get, send};
use crate::scrape::{self, errors};
use apierror::metrics::{Series, Source};
use apierror::{ApiError, Bulk, RequestError};
use std::collections::BTreeMap;

/// The requests of the load, by index.
const REQUESTS: usize = 200;
const THREADS: usize = 4;

/// The kinds of request in the mix, each `REQUESTS / KINDS` times.
const KINDS: usize = 10;

/// The two services' difference: kind 9 is a panic on axum, a query that
/// does not parse on actix-web.
#[derive(Clone, Copy, PartialEq)]
enum Framework {
    Axum,
    Actix,
}

/// The load: request `i` of the mix, against `base`.
fn request(base: &str, i: usize) -> u16 {
    let id = format!("req_{LEAK}_{i}");
    let headers = [("x-request-id", id.as_str())];
    let reply = match i % KINDS {
        0..=2 => send("GET", &format!("{base}/orders/{LEAK}-{i}"), &headers, b""),
        3 => send(
            "GET",
            &format!("{base}/orders/paid-{LEAK}-{i}"),
            &headers,
            b"",
        ),
        4 => send("GET", &format!("{base}/orders/down"), &headers, b""),
        5 => send(
            "POST",
            &format!("{base}/orders"),
            &[("x-request-id", &id), ("content-type", "application/json")],
            format!("{{\"items\": {LEAK}").as_bytes(),
        ),
        6 => send("GET", &format!("{base}/nowhere/{LEAK}-{i}"), &headers, b""),
        7 => send("POST", &format!("{base}/bulk"), &headers, b""),
        8 => send("DELETE", &format!("{base}/bulk"), &headers, b""),
        _ => send("GET", &format!("{base}/search?limit={LEAK}"), &headers, b""),
    };
    reply.status
}

/// The statuses each kind of request answers with.
fn expected_status(i: usize, framework: Framework) -> u16 {
    match (i % KINDS, framework) {
        (0..=2, _) => 404,
        (3, _) => 409,
        (4, _) => 503,
        (5, _) => 400,
        (6, _) => 404,
        (7, _) => 207,
        (8, _) => 405,
        (_, Framework::Axum) => 500,
        (_, Framework::Actix) => 400,
    }
}

/// What the load adds to `apierror_errors_total`, series by series.
fn expected_delta(framework: Framework) -> BTreeMap<String, f64> {
    let per_kind = (REQUESTS / KINDS) as f64;
    let http = |code: &str, status: &str, category: Option<&str>| {
        let mut labels = vec![
            ("error_type", code),
            ("http_response_status_code", status),
            ("apierror_source", "http"),
        ];
        if let Some(category) = category {
            labels.push(("error_category", category));
        }
        errors(&labels)
    };
    BTreeMap::from([
        (
            http("ORDER_NOT_FOUND", "404", Some("orders")),
            3.0 * per_kind,
        ),
        (http("ALREADY_PAID", "409", Some("orders")), per_kind),
        (http("STORE_UNAVAILABLE", "503", Some("storage")), per_kind),
        (http("REQUEST_INVALID_JSON", "400", None), per_kind),
        (http("REQUEST_ROUTE_NOT_FOUND", "404", None), per_kind),
        (http("REQUEST_METHOD_NOT_ALLOWED", "405", None), per_kind),
        match framework {
            Framework::Axum => (http("REQUEST_PANIC", "500", None), per_kind),
            Framework::Actix => (http("REQUEST_INVALID_QUERY", "400", None), per_kind),
        },
        (
            errors(&[
                ("error_type", "ORDER_NOT_FOUND"),
                ("http_response_status_code", "404"),
                ("error_category", "orders"),
                ("apierror_source", "bulk"),
            ]),
            per_kind,
        ),
        (
            errors(&[
                ("error_type", "ITEM_NOT_FOUND"),
                ("http_response_status_code", "404"),
                ("apierror_domain", "inventory.example.com"),
                ("apierror_source", "bulk"),
            ]),
            per_kind,
        ),
    ])
}

fn order(id: &str) -> Result<String, ShopError> {
    if id == "down" {
        return Err(ShopError::StoreUnavailable(std::io::Error::other(format!(
            "10.0.3.7 refused ({LEAK})"
        ))));
    }
    match id.strip_prefix("paid-") {
        Some(id) => Err(ShopError::AlreadyPaid {
            order_id: id.to_owned(),
        }),
        None => Err(ShopError::OrderNotFound {
            order_id: id.to_owned(),
        }),
    }
}

/// A batch of three: one done, two failed (two types, one with a domain).
fn bulk() -> Bulk {
    let mut bulk = Bulk::new();
    bulk.ok("a", apierror::http::StatusCode::OK, &"done")
        .expect("an item");
    bulk.error(
        "b",
        &ShopError::OrderNotFound {
            order_id: format!("{LEAK}-b"),
        },
    )
    .expect("an item");
    bulk.error(
        "c",
        &InventoryError::ItemNotFound {
            sku: format!("{LEAK}-c"),
        },
    )
    .expect("an item");
    bulk
}

#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct Order {
    items: Vec<String>,
}

#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct Search {
    limit: u32,
}

/// Runs the load against `base` from several threads, each request's
/// status checked; then scrapes `base/metrics` and checks the counts.
fn load_and_check(base: &str, before: &scrape::Samples, framework: Framework) {
    std::thread::scope(|threads| {
        for t in 0..THREADS {
            threads.spawn(move || {
                for i in (t..REQUESTS).step_by(THREADS) {
                    let expected = expected_status(i, framework);
                    assert_eq!(request(base, i), expected, "request {i}");
                }
            });
        }
    });
    let reply = get(&format!("{base}/metrics"));
    assert_eq!(reply.status, 200);
    let after = scrape::parse(&reply.body);
    let delta = scrape::delta(before, &after);
    let expected = expected_delta(framework);
    assert_eq!(
        delta, expected,
        "the load's counts, series by series (scrape:\n{})",
        reply.body
    );
    // Registered codes are listed before they happen.
    let payment = errors(&[
        ("error_type", "PAYMENT_REQUIRED"),
        ("http_response_status_code", "402"),
        ("error_category", "orders"),
        ("apierror_source", "http"),
    ]);
    assert_eq!(after.get(&payment), Some(&0.0), "{}", reply.body);
    scrape::assert_no_forbidden_labels(&reply.body);
    assert!(
        reply
            .body
            .contains("# HELP apierror_errors_total Error answers by error code"),
        "{}",
        reply.body
    );
    assert!(
        reply.body.contains(
            "apierror_code_info{error_type=\"ORDER_NOT_FOUND\",error_title=\"Order not found\""
        ),
        "{}",
        reply.body
    );
    scrape::promtool_check(&reply.body);
}

fn setup() -> &'static metrics_exporter_prometheus::PrometheusHandle {
    let handle = scrape::handle();
    Series::register::<ShopError>(Source::Http);
    Series::describe::<ShopError>();
    handle
}

#[test]
fn an_axum_service_counts_every_error_once_by_code() {
    use apierror::axum::{
        method_not_allowed, panic_response, route_not_found, ContextLayer, Extract,
    };
    use axum::extract::Path;
    use axum::routing::{get as route, post};
    use axum::{Json, Router};

    let _one_load = scrape::lock();
    let handle = setup();
    let app = Router::new()
        .route(
            "/orders/{id}",
            route(|Path(id): Path<String>| async move { order(&id) }),
        )
        .route(
            "/orders",
            post(|Extract(Json(_), _): Extract<Json<Order>, ShopError>| async { "created" }),
        )
        .route(
            "/bulk",
            post(|| async { bulk().into_response().map(axum::body::Body::from) }),
        )
        .route(
            "/search",
            route(|| async {
                // A handler's bug: answered by panic_response, counted once.
                if std::hint::black_box(true) {
                    panic!("search index corrupt ({LEAK})");
                }
                "never"
            }),
        )
        .route("/metrics", route(move || async move { handle.render() }))
        .fallback(route_not_found::<ShopError>)
        .method_not_allowed_fallback(method_not_allowed::<ShopError>)
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            panic_response::<ShopError>,
        ))
        .layer(ContextLayer::default());
    // The server on a runtime's workers; the load from this thread.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let base = runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        base
    });
    let before = scrape::parse(&handle.render());
    load_and_check(&base, &before, Framework::Axum);
}

#[test]
fn an_actix_web_service_counts_every_error_once_by_code() {
    use actix_web::{web, App, HttpResponse};
    use apierror::actix::{
        method_not_allowed, rejection, route_not_found, ContextMiddleware, Json,
    };

    let _one_load = scrape::lock();
    let handle = setup();
    let server = serve!(move || {
        App::new()
            .wrap(ContextMiddleware::default())
            .app_data(web::JsonConfig::default().error_handler(rejection::<ShopError, _>))
            .app_data(web::QueryConfig::default().error_handler(rejection::<ShopError, _>))
            .route(
                "/orders/{id}",
                web::get().to(|id: web::Path<String>| async move { order(&id) }),
            )
            .route(
                "/orders",
                web::post().to(|_: Json<Order, ShopError>| async { "created" }),
            )
            .service(
                web::resource("/bulk")
                    .route(web::post().to(|| async {
                        let response = bulk().into_response();
                        HttpResponse::build(actix_web::http::StatusCode::MULTI_STATUS)
                            .content_type("application/json")
                            .body(response.into_body())
                    }))
                    .default_service(web::to(method_not_allowed::<ShopError>("POST"))),
            )
            .route(
                "/search",
                web::get().to(|search: web::Query<Search>| async move { search.limit.to_string() }),
            )
            .route(
                "/metrics",
                web::get().to(move || async move { handle.render() }),
            )
            .default_service(web::to(route_not_found::<ShopError>))
    });
    let before = scrape::parse(&handle.render());
    load_and_check(&server.base, &before, Framework::Actix);
}

#[test]
fn grpc_statuses_count_once_each_with_the_domain() {
    let _one_load = scrape::lock();
    let handle = setup();
    let before = scrape::parse(&handle.render());
    for i in 0..10 {
        let status = tonic::Status::from(InventoryError::ItemNotFound {
            sku: format!("{LEAK}-{i}"),
        });
        assert_eq!(status.code(), tonic::Code::NotFound);
    }
    let status = tonic::Status::from(ShopError::from(RequestError::RouteNotFound {
        path: format!("/{LEAK}"),
    }));
    assert_eq!(status.code(), tonic::Code::NotFound);
    let text = handle.render();
    let delta = scrape::delta(&before, &scrape::parse(&text));
    assert_eq!(
        delta,
        BTreeMap::from([
            (
                errors(&[
                    ("error_type", "ITEM_NOT_FOUND"),
                    ("http_response_status_code", "404"),
                    ("apierror_domain", "inventory.example.com"),
                    ("apierror_source", "grpc"),
                ]),
                10.0
            ),
            (
                errors(&[
                    ("error_type", "REQUEST_ROUTE_NOT_FOUND"),
                    ("http_response_status_code", "404"),
                    ("apierror_source", "grpc"),
                ]),
                1.0
            ),
        ])
    );
    scrape::assert_no_forbidden_labels(&text);
}

#[test]
fn registration_lists_every_code_at_zero_and_counts_nothing() {
    let _one_load = scrape::lock();
    let handle = scrape::handle();
    Series::register::<InventoryError>(Source::Grpc);
    let before = scrape::parse(&handle.render());
    // Again: no count moves.
    Series::register::<InventoryError>(Source::Grpc);
    Series::register::<ShopError>(Source::Http);
    let after = scrape::parse(&handle.render());
    for series in Series::all::<InventoryError>(Source::Grpc) {
        let prometheus: Vec<(String, &str)> = series
            .labels()
            .into_iter()
            .map(|(k, v)| (k.replace('.', "_"), v))
            .collect();
        let key = errors(
            &prometheus
                .iter()
                .map(|(k, v)| (k.as_str(), *v))
                .collect::<Vec<_>>(),
        );
        assert!(after.contains_key(&key), "{key} registered");
    }
    // Every code of the shop, the transparent RequestError's included.
    let shop: Vec<_> = Series::all::<ShopError>(Source::Http).collect();
    assert_eq!(shop.len(), ShopError::CATALOG.len());
    assert!(shop
        .iter()
        .any(|s| s.descriptor().code() == "REQUEST_PANIC"));
    for (key, value) in &after {
        if let Some(was) = before.get(key) {
            assert_eq!(value, was, "{key} moved on registration");
        }
    }
}
