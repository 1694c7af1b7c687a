//! axum: derived errors are `IntoResponse`; a real server on 127.0.0.1
//! answers a real HTTP client with the error's status, headers and body.

use crate::http_client;

use apierror::format::{Context, Problem};
use apierror::{ApiError, Render};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use http_client::{get as fetch, Reply};
use serde_json::json;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "SHOP_")]
pub enum ShopError {
    #[status(404)]
    #[message("Order {order_id} not found")]
    OrderNotFound { order_id: String },
    #[status(429)]
    #[message("Too many orders")]
    RateLimited {
        #[api_error(retry_after)]
        retry_after: u64,
    },
    #[status(401)]
    #[message("Sign in first")]
    Unauthenticated,
    #[status(500)]
    Storage(#[source] std::io::Error),
}

async fn order() -> Result<String, ShopError> {
    Err(ShopError::OrderNotFound {
        order_id: "o-17".into(),
    })
}

async fn limited() -> Result<String, ShopError> {
    Err(ShopError::RateLimited { retry_after: 7 })
}

async fn private() -> Result<String, ShopError> {
    Err(ShopError::Unauthenticated)
}

async fn storage() -> Result<String, ShopError> {
    Err(ShopError::Storage(std::io::Error::other(
        "disk /dev/sda1 failed at 0xdeadbeef",
    )))
}

async fn problem() -> Response {
    let error = ShopError::OrderNotFound {
        order_id: "o-18".into(),
    };
    let problem = Problem::with_type("https://shop.example/errors/{code}");
    let render = Render::new(&error).format(&problem).context(
        Context::new()
            .with_request_id("req_9")
            .with_instance("/orders/o-18"),
    );
    axum::response::IntoResponse::into_response(render)
}

async fn fine() -> &'static str {
    "ok"
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn axum_answers_with_the_errors_response() {
    let app = Router::new()
        .route("/orders/o-17", get(order))
        .route("/limited", get(limited))
        .route("/private", get(private))
        .route("/storage", get(storage))
        .route("/problem", get(problem))
        .route("/fine", get(fine));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let server = tokio::spawn(async move { axum::serve(listener, app).await });

    let replies: Vec<Reply> = tokio::task::spawn_blocking(move || {
        [
            "/orders/o-17",
            "/limited",
            "/private",
            "/storage",
            "/problem",
            "/fine",
        ]
        .iter()
        .map(|path| fetch(&format!("{base}{path}")))
        .collect()
    })
    .await
    .unwrap();
    server.abort();

    let [order, limited, private, storage, problem, fine] = &replies[..] else {
        panic!("six replies expected");
    };
    assert_eq!(order.status, 404);
    assert_eq!(order.header("content-type"), Some("application/json"));
    assert_eq!(order.header("cache-control"), Some("no-store"));
    assert_eq!(order.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(
        order.json(),
        json!({"error": {"code": "SHOP_ORDER_NOT_FOUND", "message": "Order o-17 not found",
                         "details": {"order_id": "o-17"}}})
    );

    assert_eq!(limited.status, 429);
    assert_eq!(limited.header("retry-after"), Some("7"));

    assert_eq!(private.status, 401);
    assert_eq!(private.header("www-authenticate"), Some("Bearer"));

    assert_eq!(storage.status, 500);
    assert!(!storage.body.contains("sda1"), "{}", storage.body);
    assert_eq!(
        storage.json(),
        json!({"error": {"code": "SHOP_STORAGE", "message": "Internal Server Error"}})
    );

    assert_eq!(problem.status, 404);
    assert_eq!(
        problem.header("content-type"),
        Some("application/problem+json")
    );
    assert_eq!(problem.header("x-request-id"), Some("req_9"));
    assert_eq!(
        problem.json(),
        json!({"type": "https://shop.example/errors/SHOP_ORDER_NOT_FOUND", "title": "Not Found",
               "status": 404, "detail": "Order o-18 not found", "instance": "/orders/o-18",
               "code": "SHOP_ORDER_NOT_FOUND", "order_id": "o-18"})
    );

    assert_eq!((fine.status, fine.body.as_str()), (200, "ok"));
}
