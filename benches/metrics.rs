//! The cost of counting a response by code (features `metrics` and
//! `tracing`): `metrics --repeat NAME N` makes one variant's response N
//! times and exits, for `python3 benches/instructions.py --metrics`, which
//! counts the instructions per response under valgrind.
//!
//! - `axum response`: a derived error's axum response, through the
//!   library's one counting place, with no recorder and no subscriber
//!   installed (the features on, nothing listening);
//! - `axum response, prometheus`: the same with
//!   `metrics-exporter-prometheus`'s recorder installed;
//! - `record, no recorder` and `record, prometheus`: the increment alone
//!   (`apierror::metrics::Series::record`), the part of the above the feature adds;
//! - `..., registered`: the same after `apierror::metrics::Series::register`,
//!   which keeps each code's counter (an atomic add per answer);
//! - `to_response`: `Render::to_response`, the response builder, which
//!   counts nothing: the reference the increments are measured against.

use apierror::metrics::{Series, Source};
use apierror::{ApiError, Render};
use axum_core::response::IntoResponse;
use std::hint::black_box;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
#[api_error(category(name = "orders", title = "Orders"))]
pub enum ShopError {
    /// The order does not exist.
    #[status(404)]
    #[message("Order {order_id} not found")]
    #[api_error(category = "orders")]
    OrderNotFound { order_id: String },
}

fn error() -> ShopError {
    ShopError::OrderNotFound {
        order_id: "o-17".to_owned(),
    }
}

const VARIANTS: &[&str] = &[
    "to_response",
    "axum response",
    "axum response, prometheus",
    "axum response, prometheus, registered",
    "record, no recorder",
    "record, prometheus",
    "record, prometheus, registered",
];

fn run(name: &str, count: u64) -> usize {
    if name.contains("prometheus") {
        let recorder = metrics_exporter_prometheus::PrometheusBuilder::new().build_recorder();
        metrics::set_global_recorder(recorder).expect("the first recorder");
    }
    if name.ends_with("registered") {
        Series::register::<ShopError>(Source::Http);
    }
    let name = name.trim_end_matches(", registered");
    // One counted warm-up: the recorder's lazy set-up (its clock's
    // calibration takes a time-dependent number of instructions) happens
    // before the measured loop.
    black_box(respond(name, 1));
    measured(name, count)
}

/// The measured loop: `benches/instructions.py --metrics` counts the
/// instructions inside this function only (callgrind's `--toggle-collect`).
#[inline(never)]
fn measured(name: &str, count: u64) -> usize {
    respond(name, count)
}

#[inline(never)]
fn respond(name: &str, count: u64) -> usize {
    let mut bytes = 0;
    for _ in 0..count {
        // Every variant makes its error alike (one small allocation).
        let error = black_box(error());
        bytes += match name {
            "to_response" => Render::new(&error).to_response().body().len(),
            "axum response" | "axum response, prometheus" => {
                usize::from(error.into_response().status().as_u16())
            }
            "record, no recorder" | "record, prometheus" => {
                Series::record(&error, Source::Http);
                1
            }
            other => panic!("no variant {other:?}; one of {VARIANTS:?}"),
        };
    }
    bytes
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--repeat") {
        let name = &args[at + 1];
        let count: u64 = args[at + 2].parse().expect("a repeat count");
        black_box(run(name, count));
        return;
    }
    // `cargo bench`: each variant once, timed roughly; the figures that
    // count are instructions (benches/instructions.py --metrics).
    for name in VARIANTS.iter().filter(|n| !n.contains("prometheus")) {
        let start = std::time::Instant::now();
        black_box(run(name, 100_000));
        println!(
            "{name:<28} {:>8.1} ns",
            start.elapsed().as_nanos() as f64 / 100_000.0
        );
    }
}
