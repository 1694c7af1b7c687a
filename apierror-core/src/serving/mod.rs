//! Serving: a rendered error as an HTTP response or a gRPC status. Headers,
//! bulk responses, the request context and the framework integrations,
//! reports of what a response hides. It imports from the model and
//! rendering only.

pub(crate) mod bulk;
#[cfg(feature = "tonic")]
pub(crate) mod grpc;
pub mod metrics;
pub mod report;
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub mod request;
pub(crate) mod request_error;
pub mod response;

/// Framework integrations, behind cargo features.
pub(crate) mod framework {
    #[cfg(feature = "actix-web")]
    pub mod actix;
    #[cfg(feature = "axum")]
    pub mod axum;
}
