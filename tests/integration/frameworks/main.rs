//! Errors through real servers and clients: axum, actix-web and tonic, the request context, framework failures, headers, translations, validation lists.
//!
//! One test binary: `cargo test -p apierror-tests --test frameworks`.

#[macro_use]
#[path = "../support/actix_server.rs"]
pub mod actix_server;
#[path = "../support/http_client.rs"]
pub mod http_client;
#[path = "../support/outputs.rs"]
pub mod outputs;
#[path = "../support/services.rs"]
pub mod services;
#[path = "../support/translated.rs"]
pub mod translated;

pub mod framework_failures;
pub mod grpc;
pub mod headers;
pub mod locale;
pub mod own_format;
pub mod request_context;
pub mod server_actix;
pub mod server_axum;
pub mod violations;
