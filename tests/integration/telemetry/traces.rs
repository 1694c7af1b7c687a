//! The server span of a real axum and a real actix-web service, exported
//! through OpenTelemetry's SDK (tracing-opentelemetry, an in-memory
//! exporter), carries `error.type` (the code) and `http.response.status_code`
//! when the handler answers with an error; a success leaves them unset. A
//! gRPC status records the code and `rpc.grpc.status_code`.

use crate::catalog::{InventoryError, ShopError, LEAK};
use crate::http_client::get_with;
use axum::routing::get;
use axum::Router;
use opentelemetry::trace::TracerProvider as _;
use opentelemetry::Value;
use opentelemetry_sdk::trace::{InMemorySpanExporter, SdkTracerProvider, SpanData};
use tracing_subscriber::layer::SubscriberExt as _;

/// The span a service declares for each request: the fields the library
/// records are declared empty, as the guide says.
fn server_span(request: &axum::http::Request<axum::body::Body>) -> tracing::Span {
    tracing::info_span!(
        "HTTP request",
        otel.kind = "server",
        http.request.method = %request.method(),
        error.type = tracing::field::Empty,
        http.response.status_code = tracing::field::Empty,
    )
}

fn attribute<'a>(span: &'a SpanData, key: &str) -> Option<&'a Value> {
    span.attributes
        .iter()
        .find(|kv| kv.key.as_str() == key)
        .map(|kv| &kv.value)
}

/// The two server spans (one request failed, one did not), and the one
/// with `error.type`.
fn server_spans(spans: &[SpanData]) -> (Vec<&SpanData>, &SpanData) {
    let servers: Vec<&SpanData> = spans
        .iter()
        .filter(|span| span.name == "HTTP request")
        .collect();
    assert_eq!(servers.len(), 2, "{spans:#?}");
    let failed = *servers
        .iter()
        .find(|span| attribute(span, "error.type").is_some())
        .unwrap_or_else(|| panic!("no server span with error.type: {servers:#?}"));
    (servers, failed)
}

#[test]
fn the_server_span_carries_the_code_as_error_type() {
    // Its responses count too: not during another test's load.
    let _one_load = crate::scrape::lock();
    let exporter = InMemorySpanExporter::default();
    let provider = SdkTracerProvider::builder()
        .with_simple_exporter(exporter.clone())
        .build();
    let subscriber = tracing_subscriber::registry()
        .with(tracing_opentelemetry::layer().with_tracer(provider.tracer("apierror-tests")));
    // The subscriber of this thread only; the server runs on it (a
    // current-thread runtime), the blocking client on another.
    let _default = tracing::subscriber::set_default(subscriber);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let app = Router::new()
            .route(
                "/orders/{id}",
                get(|| async {
                    Err::<String, _>(ShopError::OrderNotFound {
                        order_id: LEAK.to_owned(),
                    })
                }),
            )
            .route("/fine", get(|| async { "ok" }))
            .layer(tower_http::trace::TraceLayer::new_for_http().make_span_with(server_span));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        tokio::task::spawn_blocking(move || {
            let reply = get_with(&format!("{base}/orders/{LEAK}"), &[]);
            assert_eq!(reply.status, 404);
            let reply = get_with(&format!("{base}/fine"), &[]);
            assert_eq!(reply.status, 200);
        })
        .await
        .unwrap();
        // The spans end when their response bodies are done.
        for _ in 0..200 {
            if exporter.get_finished_spans().unwrap().len() >= 2 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
    });
    let spans = exporter.get_finished_spans().unwrap();
    let (servers, failed) = server_spans(&spans);
    assert_eq!(failed.span_kind, opentelemetry::trace::SpanKind::Server);
    assert_eq!(
        attribute(failed, "error.type"),
        Some(&Value::from("ORDER_NOT_FOUND"))
    );
    assert_eq!(
        attribute(failed, "http.response.status_code"),
        Some(&Value::I64(404))
    );
    let fine = servers
        .iter()
        .find(|span| attribute(span, "error.type").is_none())
        .expect("the success's span");
    assert_eq!(attribute(fine, "http.response.status_code"), None);
    // Nothing of the request's text on the spans' attributes.
    for span in &servers {
        for kv in &span.attributes {
            assert!(!kv.value.as_str().contains(LEAK), "{kv:?}");
        }
    }
}

#[test]
fn a_grpc_status_records_the_code_and_the_grpc_code() {
    let _one_load = crate::scrape::lock();
    let exporter = InMemorySpanExporter::default();
    let provider = SdkTracerProvider::builder()
        .with_simple_exporter(exporter.clone())
        .build();
    let subscriber = tracing_subscriber::registry()
        .with(tracing_opentelemetry::layer().with_tracer(provider.tracer("apierror-tests")));
    let _default = tracing::subscriber::set_default(subscriber);
    {
        let span = tracing::info_span!(
            "grpc request",
            otel.kind = "server",
            error.type = tracing::field::Empty,
            rpc.grpc.status_code = tracing::field::Empty,
        );
        let _entered = span.enter();
        let status = tonic::Status::from(InventoryError::ItemNotFound {
            sku: LEAK.to_owned(),
        });
        assert_eq!(status.code(), tonic::Code::NotFound);
    }
    let spans = exporter.get_finished_spans().unwrap();
    let span = spans
        .iter()
        .find(|span| span.name == "grpc request")
        .unwrap_or_else(|| panic!("the span was exported: {spans:#?}"));
    assert_eq!(
        attribute(span, "error.type"),
        Some(&Value::from("ITEM_NOT_FOUND"))
    );
    assert_eq!(
        attribute(span, "rpc.grpc.status_code"),
        Some(&Value::I64(tonic::Code::NotFound as i64))
    );
}

/// actix-web's request span: a middleware that runs the rest of the request
/// inside it, the fields declared empty.
async fn traced_actix(
    request: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody>,
) -> Result<actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>, actix_web::Error> {
    use tracing::Instrument as _;
    let span = tracing::info_span!(
        "HTTP request",
        otel.kind = "server",
        http.request.method = %request.method(),
        error.type = tracing::field::Empty,
        http.response.status_code = tracing::field::Empty,
    );
    next.call(request).instrument(span).await
}

#[test]
fn the_actix_web_server_span_carries_the_code_as_error_type() {
    use actix_web::{web, App};

    let _one_load = crate::scrape::lock();
    let exporter = InMemorySpanExporter::default();
    let provider = SdkTracerProvider::builder()
        .with_simple_exporter(exporter.clone())
        .build();
    let dispatch = tracing::Dispatch::new(
        tracing_subscriber::registry()
            .with(tracing_opentelemetry::layer().with_tracer(provider.tracer("apierror-tests"))),
    );
    let server = serve!(move || {
        // The subscriber of the worker thread, which calls the factory, for
        // the thread's life (a test server's).
        std::mem::forget(tracing::dispatcher::set_default(&dispatch));
        App::new()
            .wrap(actix_web::middleware::from_fn(traced_actix))
            .route(
                "/orders/{id}",
                web::get().to(|| async {
                    Err::<String, _>(ShopError::OrderNotFound {
                        order_id: LEAK.to_owned(),
                    })
                }),
            )
            .route("/fine", web::get().to(|| async { "ok" }))
    });
    assert_eq!(
        get_with(&format!("{}/orders/{LEAK}", server.base), &[]).status,
        404
    );
    assert_eq!(get_with(&format!("{}/fine", server.base), &[]).status, 200);
    drop(server);
    let spans = exporter.get_finished_spans().unwrap();
    let (servers, failed) = server_spans(&spans);
    assert_eq!(
        attribute(failed, "error.type"),
        Some(&Value::from("ORDER_NOT_FOUND"))
    );
    assert_eq!(
        attribute(failed, "http.response.status_code"),
        Some(&Value::I64(404))
    );
    assert_eq!(
        servers
            .iter()
            .filter(|s| attribute(s, "error.type").is_none())
            .count(),
        1
    );
}
