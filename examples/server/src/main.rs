//! An axum service whose routes fail with errors from the five services'
//! catalogs, each in its service's JSON format, behind the whole error path
//! a service needs: the request-context layer (a request id in every error
//! body and echoed in `X-Request-Id`, the time, the path), extractor
//! rejections, unknown routes, wrong methods (OPTIONS included) and panics
//! answered as `RequestError`s in the standard format.
//!
//! ```text
//! cargo run -p example-server
//! curl -i localhost:3000/phala/cvms/cvm-7f3a               # standard format, 404
//! curl -i localhost:3000/hexabase/workspaces/ws-123        # standard + meta, 503 + Retry-After
//! curl -i localhost:3000/k0rdent/servers/srv-9             # discriminated union, 409
//! curl -i -X POST localhost:3000/k0rdent/servers/provision # 207 Multi-Status bulk results
//! curl -i -X POST localhost:3000/llm/v1/chat/completions   # OpenAI style, 429 + Retry-After
//! curl -i localhost:3000/choreo/components/user-service    # RFC 9457 problem+json, 422
//! curl -i localhost:3000/google/workspaces/ws-123          # Google AIP-193, 404
//! curl -i localhost:3000/hexabase/me                       # 401 + WWW-Authenticate
//! curl -i localhost:3000/nowhere                           # 404 REQUEST_ROUTE_NOT_FOUND
//! curl -i -X DELETE localhost:3000/phala/cvms/cvm-7f3a     # 405 + Allow
//! curl -i -X OPTIONS localhost:3000/phala/cvms/cvm-7f3a    # 405 + Allow
//! curl -i localhost:3000/panic                             # 500 REQUEST_PANIC, the message logged
//! ```
//!
//! `--addr 127.0.0.1:8080` listens elsewhere.

use apierror::axum::{method_not_allowed, panic_response, route_not_found, ContextLayer, Extract};
use apierror::format::{Google, Tagged};
use apierror::http::StatusCode;
use apierror::request::RequestContext;
use apierror::{Bulk, Render, RequestError};
use axum::extract::Path;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use tower_http::catch_panic::CatchPanicLayer;

#[allow(dead_code)]
#[path = "../../hexabase.rs"]
mod hexabase;
#[allow(dead_code)]
#[path = "../../k0rdent.rs"]
mod k0rdent;
#[allow(dead_code)]
#[path = "../../llm_gateway.rs"]
mod llm_gateway;
#[allow(dead_code)]
#[path = "../../openchoreo.rs"]
mod openchoreo;
#[allow(dead_code)]
#[path = "../../phala.rs"]
mod phala;

use hexabase::{AuthError, HexabaseError, ResourceError, WorkspaceError};
use k0rdent::K0rdentError;
use llm_gateway::GatewayError;
use openchoreo::OpenChoreoError;
use phala::{CvmOperationError, PhalaError};

/// The derived `IntoResponse`: the type's own format, status and headers,
/// with the request's context from the layer. A path that does not parse
/// answers `REQUEST_INVALID_PATH` through `Extract`.
async fn phala_cvm(Extract(Path(id), _): Extract<Path<String>>) -> Result<String, PhalaError> {
    Err(PhalaError::CvmOperation(CvmOperationError::CvmNotFound {
        cvm_id: id,
    }))
}

/// The standard format with `meta`: the request id and time the layer
/// gives every error response of the request.
async fn hexabase_workspace(
    Extract(Path(id), _): Extract<Path<String>>,
) -> Result<String, HexabaseError> {
    Err(HexabaseError::Workspace(WorkspaceError::NotReady {
        workspace_id: id,
        status: "provisioning".into(),
        retry_after: 30,
    }))
}

async fn hexabase_me() -> Result<String, HexabaseError> {
    Err(HexabaseError::Auth(AuthError::TokenExpired {
        expired_at: "2024-01-20T09:00:00Z".into(),
    }))
}

/// A format chosen at run time: the discriminated union of the k0rdent API.
/// A `Render` without a context of its own answers in the request's.
async fn k0rdent_server(Extract(Path(id), _): Extract<Path<String>>) -> Response {
    let error = K0rdentError::InvalidStateTransition {
        from: format!("{id}: provisioned"),
        to: "provisioning".into(),
    };
    Render::new(&error).format(&Tagged).into_response()
}

/// 207 Multi-Status: one result per item, failures as error objects.
async fn k0rdent_provision() -> Response {
    let mut bulk = Bulk::new();
    let accepted = serde_json::json!({"state": "provisioning"});
    let results = bulk
        .ok("srv-1", StatusCode::ACCEPTED, &accepted)
        .and_then(|()| {
            bulk.error(
                "srv-2",
                &K0rdentError::PoolCapacityExceeded {
                    pool: "gpu-a100".into(),
                    requested: 4,
                    available: 1,
                },
            )
        })
        .and_then(|()| {
            bulk.error(
                "srv-3",
                &K0rdentError::NotFound {
                    resource: "server".into(),
                    id: "srv-3".into(),
                },
            )
        });
    match results {
        Ok(()) => {
            let (parts, body) = bulk.into_response().into_parts();
            Response::from_parts(parts, body.into())
        }
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

async fn llm_chat() -> Result<String, GatewayError> {
    Err(GatewayError::RateLimitExceeded {
        retry_after: 60,
        limit: 200,
        remaining: 0,
    })
}

async fn choreo_component(
    Extract(Path(name), _): Extract<Path<String>>,
) -> Result<String, OpenChoreoError> {
    Err(OpenChoreoError::ComponentBuildFailed { component: name })
}

/// The same error type, rendered for a Google-style client.
async fn google_workspace(Extract(Path(id), _): Extract<Path<String>>) -> Response {
    let error = HexabaseError::Resource(ResourceError::NotFound {
        resource_type: "workspace".into(),
        resource_id: id,
    });
    let google = Google::new("kaas.hexabase.example");
    Render::new(&error).format(&google).into_response()
}

/// A bug in a handler: the generic 500 in the standard format, with the
/// request id; the panic's message goes to the logs, never to the client.
async fn panic() -> String {
    panic!("the cache at 10.0.3.7 is corrupt")
}

fn app() -> Router {
    Router::new()
        .route("/phala/cvms/{id}", get(phala_cvm))
        .route("/hexabase/workspaces/{id}", get(hexabase_workspace))
        .route("/hexabase/me", get(hexabase_me))
        .route("/k0rdent/servers/{id}", get(k0rdent_server))
        .route("/k0rdent/servers/provision", post(k0rdent_provision))
        .route("/llm/v1/chat/completions", post(llm_chat))
        .route("/choreo/components/{name}", get(choreo_component))
        .route("/google/workspaces/{id}", get(google_workspace))
        .route("/panic", get(panic))
        // Everything the framework answers itself, in the standard format.
        .fallback(route_not_found::<RequestError>)
        .method_not_allowed_fallback(method_not_allowed::<RequestError>)
        .layer(CatchPanicLayer::custom(panic_response::<RequestError>))
        // Outermost: every response above gets the request's context.
        .layer(ContextLayer::new(RequestContext::new()))
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let mut addr = String::from("127.0.0.1:3000");
    while let Some(arg) = args.next() {
        match (arg.as_str(), args.next()) {
            ("--addr", Some(value)) => addr = value,
            _ => {
                eprintln!("usage: server [--addr HOST:PORT]");
                std::process::exit(2);
            }
        }
    }
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    println!("listening on http://{}", listener.local_addr()?);
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .init();
    axum::serve(listener, app()).await
}
