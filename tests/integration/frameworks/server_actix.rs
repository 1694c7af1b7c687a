//! actix-web: derived errors are `ResponseError`; a real server on
//! 127.0.0.1 answers a real HTTP client with the same status, headers and
//! body as `apierror::Render::to_response`.

use crate::http_client;

use actix_web::{web, App};
use apierror::ApiError;
use http_client::get as fetch;
use serde_json::json;

#[derive(Debug, ApiError)]
#[api_error(pattern = "ERR-02-###", format = "tagged")]
pub enum InventoryError {
    #[code("ERR-02-003")]
    #[status(409)]
    #[message("The selected node does not have enough CPU capacity")]
    InsufficientVcpu { requested: u32, available: u32 },
    #[code("ERR-02-015")]
    #[status(429)]
    #[message("Your account has reached its resource quota")]
    QuotaExceeded {
        #[api_error(retry_after)]
        retry_after: u32,
    },
    #[code("ERR-02-020")]
    #[status(401)]
    Unauthorized,
    #[code("ERR-02-099")]
    #[status(468)]
    #[message("The compose hash is not allowed by the on-chain contract")]
    HashNotAllowed,
}

async fn vcpu() -> Result<String, InventoryError> {
    Err(InventoryError::InsufficientVcpu {
        requested: 8,
        available: 2,
    })
}

async fn quota() -> Result<String, InventoryError> {
    Err(InventoryError::QuotaExceeded { retry_after: 90 })
}

async fn unauthorized() -> Result<String, InventoryError> {
    Err(InventoryError::Unauthorized)
}

async fn hash() -> Result<String, InventoryError> {
    Err(InventoryError::HashNotAllowed)
}

#[test]
fn actix_answers_with_the_errors_response() {
    let server = serve!(|| {
        App::new()
            .route("/vcpu", web::get().to(vcpu))
            .route("/quota", web::get().to(quota))
            .route("/unauthorized", web::get().to(unauthorized))
            .route("/hash", web::get().to(hash))
    });
    let base = &server.base;
    let vcpu = fetch(&format!("{base}/vcpu"));
    let quota = fetch(&format!("{base}/quota"));
    let unauthorized = fetch(&format!("{base}/unauthorized"));
    let hash = fetch(&format!("{base}/hash"));
    drop(server);

    assert_eq!(vcpu.status, 409);
    assert_eq!(vcpu.header("content-type"), Some("application/json"));
    assert_eq!(vcpu.header("cache-control"), Some("no-store"));
    assert_eq!(vcpu.header("x-content-type-options"), Some("nosniff"));
    // The type's format: the discriminated union.
    assert_eq!(
        vcpu.json(),
        json!({"success": false, "error": {"code": "ERR-02-003",
               "message": "The selected node does not have enough CPU capacity",
               "details": {"requested": 8, "available": 2}}})
    );
    // Exactly the body of the framework-free response.
    let expected = apierror::Render::new(&InventoryError::InsufficientVcpu {
        requested: 8,
        available: 2,
    })
    .to_response();
    assert_eq!(vcpu.body.as_bytes(), expected.body().as_slice());

    assert_eq!(quota.status, 429);
    assert_eq!(quota.header("retry-after"), Some("90"));

    assert_eq!(unauthorized.status, 401);
    assert_eq!(unauthorized.header("www-authenticate"), Some("Bearer"));
    assert_eq!(unauthorized.json()["error"]["message"], "Unauthorized");

    // Unregistered statuses go through as they are.
    assert_eq!(hash.status, 468);
    assert_eq!(hash.json()["error"]["code"], "ERR-02-099");
}
