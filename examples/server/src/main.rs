//! An axum service whose routes fail with errors from the five services'
//! catalogs, each in its service's JSON format.
//!
//! ```text
//! cargo run -p example-server
//! curl -i localhost:3000/phala/cvms/cvm-7f3a               # standard envelope, 404
//! curl -i localhost:3000/hexabase/workspaces/ws-123        # standard + meta, 503 + Retry-After
//! curl -i localhost:3000/k0rdent/servers/srv-9             # discriminated union, 409
//! curl -i -X POST localhost:3000/k0rdent/servers/provision # 207 Multi-Status bulk results
//! curl -i -X POST localhost:3000/llm/v1/chat/completions   # OpenAI style, 429 + Retry-After
//! curl -i localhost:3000/choreo/components/user-service    # RFC 9457 problem+json, 422
//! curl -i localhost:3000/google/workspaces/ws-123          # Google AIP-193, 404
//! curl -i localhost:3000/hexabase/me                       # 401 + WWW-Authenticate
//! ```
//!
//! `--addr 127.0.0.1:8080` listens elsewhere.

use apierror::format::{Context, Google, Tagged};
use apierror::http::StatusCode;
use apierror::{Bulk, Render};
use axum::extract::Path;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use std::sync::atomic::{AtomicU64, Ordering};

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

/// The derived `IntoResponse`: the type's own envelope, status and headers.
async fn phala_cvm(Path(id): Path<String>) -> Result<String, PhalaError> {
    Err(PhalaError::CvmOperation(CvmOperationError::CvmNotFound {
        cvm_id: id,
    }))
}

/// Per-request context: the request id goes into the body and `X-Request-Id`.
async fn hexabase_workspace(Path(id): Path<String>) -> Response {
    let request_id = next_request_id();
    let error = HexabaseError::Workspace(WorkspaceError::NotReady {
        workspace_id: id,
        status: "provisioning".into(),
        retry_after: 30,
    });
    let context = Context::new()
        .with_request_id(&request_id)
        .with_timestamp("2024-01-20T10:00:00Z");
    Render::new(&error).context(context).into_response()
}

async fn hexabase_me() -> Result<String, HexabaseError> {
    Err(HexabaseError::Auth(AuthError::TokenExpired {
        expired_at: "2024-01-20T09:00:00Z".into(),
    }))
}

/// A format chosen at run time: the discriminated union of the k0rdent API.
async fn k0rdent_server(Path(id): Path<String>) -> Response {
    let request_id = next_request_id();
    let error = K0rdentError::InvalidStateTransition {
        from: format!("{id}: provisioned"),
        to: "provisioning".into(),
    };
    let render = Render::new(&error)
        .format(&Tagged)
        .context(Context::new().with_request_id(&request_id));
    render.into_response()
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

async fn choreo_component(Path(name): Path<String>) -> Result<String, OpenChoreoError> {
    Err(OpenChoreoError::ComponentBuildFailed { component: name })
}

/// The same error type, rendered for a Google-style client.
async fn google_workspace(Path(id): Path<String>) -> Response {
    let error = HexabaseError::Resource(ResourceError::NotFound {
        resource_type: "workspace".into(),
        resource_id: id,
    });
    let google = Google::new("kaas.hexabase.example");
    Render::new(&error).format(&google).into_response()
}

fn next_request_id() -> String {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    format!("req_{:06}", NEXT.fetch_add(1, Ordering::Relaxed))
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
    axum::serve(listener, app()).await
}
