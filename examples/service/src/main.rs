//! A production axum service that hands its whole error path to apierror:
//! one error type in the shop's own format, the request context layer, the
//! framework's failures in the same format, panics caught, the logs of what
//! the bodies hide, and every error counted by its code for Prometheus.
//!
//! ```text
//! cargo run -p example-service
//! curl -i localhost:3000/orders/42 -H 'X-Request-Id: req_1'       # handler error, 404
//! curl -i localhost:3000/orders/500                               # 503 + Retry-After, cause logged
//! curl -i -X POST localhost:3000/orders -H 'Content-Type: application/json' -d '{"items":'   # bad JSON, 400
//! curl -i -X POST localhost:3000/orders -H 'Content-Type: application/json' -d '{"items":[{"sku":1}]}'  # 422, path
//! curl -i -X POST localhost:3000/orders -d 'items=1'              # wrong media type, 415
//! curl -i localhost:3000/orders/abc                               # bad path, 400
//! curl -i 'localhost:3000/search?limit=999'                       # bad query, 400
//! curl -i localhost:3000/nowhere                                  # no route, 404
//! curl -i -X DELETE localhost:3000/orders/17                      # wrong method, 405 + Allow
//! curl -i -X POST localhost:3000/orders -H 'Content-Type: application/json' --data-binary @big.json  # over 1 KiB, 413
//! curl -i localhost:3000/panic                                    # panic, 500, message logged
//! curl localhost:3000/metrics                                     # apierror_errors_total by code
//! ```

#[path = "../../shop/mod.rs"]
mod shop;

use apierror::axum::{method_not_allowed, panic_response, route_not_found, ContextLayer, Extract};
use apierror::metrics::{Series, Source};
use apierror::request::RequestContext;
use axum::extract::{DefaultBodyLimit, Path, Query};
use axum::routing::{get, post};
use axum::{Json, Router};
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use shop::ShopError;

async fn create(
    Extract(Json(order), _): Extract<Json<shop::NewOrder>, ShopError>,
) -> Result<String, ShopError> {
    shop::create(order)
}

async fn show(Extract(Path(id), _): Extract<Path<u32>, ShopError>) -> Result<String, ShopError> {
    shop::show(id)
}

async fn search(Extract(Query(search), _): Extract<Query<shop::Search>, ShopError>) -> String {
    shop::search(search)
}

async fn panic() -> String {
    panic!("the price cache is corrupt")
}

fn app(metrics: PrometheusHandle) -> Router {
    Router::new()
        .route("/orders", post(create))
        .route("/orders/{id}", get(show))
        .route("/search", get(search))
        .route("/panic", get(panic))
        .route("/metrics", get(move || async move { metrics.render() }))
        .fallback(route_not_found::<ShopError>)
        .method_not_allowed_fallback(method_not_allowed::<ShopError>)
        .layer(DefaultBodyLimit::max(1024))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            panic_response::<ShopError>,
        ))
        .layer(ContextLayer::new(RequestContext::new()))
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    tracing_subscriber::fmt()
        .with_target(false)
        .with_writer(std::io::stderr)
        .init();
    // Every code of the catalog (the framework's REQUEST_* ones included)
    // is a series from the start, at zero, with its help text.
    let metrics = PrometheusBuilder::new()
        .with_recommended_naming(true)
        .install_recorder()
        .map_err(std::io::Error::other)?;
    Series::register::<ShopError>(Source::Http);
    Series::describe::<ShopError>();
    let listener = tokio::net::TcpListener::bind(shop::addr("service")).await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app(metrics)).await
}
