//! Error metrics and traces by code (features `metrics` and `tracing`):
//! real axum and actix-web services under a bounded mixed load, scraped over
//! HTTP through `metrics-exporter-prometheus` and checked with
//! `promtool check metrics`; gRPC statuses and bulk items counted; the
//! server span of a real axum service exported through OpenTelemetry's SDK
//! with `error.type`.
//!
//! A binary of its own: the metrics recorder is one per process. Every test
//! that answers errors holds [`scrape::LOCK`] (its answers count), and
//! those that read counts compare a scrape before and after their load.
//!
//! `cargo test -p apierror-tests --test telemetry`.

#[macro_use]
#[path = "../support/actix_server.rs"]
pub mod actix_server;
#[path = "../support/http_client.rs"]
pub mod http_client;

pub mod catalog;
pub mod scrape;
pub mod servers;
pub mod traces;
