#!/usr/bin/env python3
"""Cold build of an HTTP service, with and without apierror.

A crate that uses apierror is a web service, and a service builds serde,
serde_json, http and its framework anyway: what a user waits for is the
service's cold build, not the library's alone. This builds the same small
axum service two ways, from an empty target directory each time:

  thiserror   20 errors as a `#[derive(thiserror::Error)]` enum with a
              hand-written `IntoResponse` (a `match` for the status and the
              code, `Json(json!({"error": {...}}))` for the body): what a
              service writes without apierror
  apierror    the same 20 errors as `#[derive(ApiError)]` (code, status,
              message attributes), answered by the derived `IntoResponse`

and again with a serde-derived request type in both (`--typical`, what most
services have: `Json<CreateOrder>` with `#[derive(Deserialize)]`).

Both depend on axum 0.8 (json feature), tokio, serde and serde_json; the
apierror one on this repository's `apierror` (feature `axum`) by path. The
crates get a copy of this repository's Cargo.lock, so they build the versions
the repository is tested with. Each build: `cargo build -j 2` with
CARGO_INCREMENTAL=0 after removing the target directory; wall time from
time.perf_counter(), CPU time (user + sys of cargo and every rustc) from
getrusage(RUSAGE_CHILDREN). The ways are interleaved (A, B, A, B, ...) after
one warm-up each; a ratio is the median of the per-round ratios, quoted with
its min-max.

    python3 benches/compile/service.py                 # 3 rounds, both shapes
    python3 benches/compile/service.py --rounds 5
    python3 benches/compile/service.py --quick         # 1 round, base shape: checks the script

Target (issue "compile time at thiserror's level"): CPU time at most 1.15x.
"""

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TARGET_CPU = 1.15

ERRORS = [
    ("OrderNotFound", "ORDER_NOT_FOUND", 404, "Order {id} not found", [("id", "u64")]),
    ("OrderLocked", "ORDER_LOCKED", 409, "The order is locked", []),
    ("OutOfStock", "OUT_OF_STOCK", 409, "{sku} is out of stock", [("sku", "String")]),
    ("PaymentDeclined", "PAYMENT_DECLINED", 402, "The payment was declined", []),
    ("CardExpired", "CARD_EXPIRED", 402, "The card expired in {month}", [("month", "String")]),
    ("Unauthorized", "UNAUTHORIZED", 401, "Sign in first", []),
    ("Forbidden", "FORBIDDEN", 403, "Not allowed", []),
    ("RateLimited", "RATE_LIMITED", 429, "Slow down", [("retry_after", "u64")]),
    ("InvalidQuantity", "INVALID_QUANTITY", 422, "Quantity {quantity} is invalid", [("quantity", "i64")]),
    ("InvalidAddress", "INVALID_ADDRESS", 422, "The address is invalid", [("field", "String")]),
    ("CouponUnknown", "COUPON_UNKNOWN", 404, "Coupon {code} does not exist", [("code", "String")]),
    ("CouponUsed", "COUPON_USED", 409, "The coupon was used", []),
    ("CartEmpty", "CART_EMPTY", 400, "The cart is empty", []),
    ("CartTooLarge", "CART_TOO_LARGE", 400, "At most {max} items", [("max", "u32")]),
    ("ShippingUnavailable", "SHIPPING_UNAVAILABLE", 422, "No shipping to {country}", [("country", "String")]),
    ("WarehouseDown", "WAREHOUSE_DOWN", 503, "The warehouse is unavailable", []),
    ("PaymentGatewayDown", "PAYMENT_GATEWAY_DOWN", 503, "Payments are unavailable", []),
    ("Conflict", "CONFLICT", 409, "The order changed meanwhile", []),
    ("Gone", "GONE", 410, "The order was deleted", []),
    ("Internal", "INTERNAL", 500, "Something went wrong", []),
]

MANIFEST = """[package]
name = "service-{way}"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
axum = {{ version = "0.8", default-features = false, features = ["json", "tokio", "http1"] }}
tokio = {{ version = "1.40", features = ["macros", "net", "rt-multi-thread"] }}
serde = {{ version = "1.0.200"{serde_derive} }}
serde_json = "1.0.120"
{extra}
[workspace]
"""

HANDLERS = """
async fn get_order(axum::extract::Path(id): axum::extract::Path<u64>) -> Result<axum::Json<serde_json::Value>, ServiceError> {
    match id {
        0 => Err(ServiceError::OrderNotFound { id }),
        1 => Err(ServiceError::OrderLocked),
        2 => Err(ServiceError::WarehouseDown),
        _ => Ok(axum::Json(serde_json::json!({ "id": id }))),
    }
}
"""

TYPICAL = """
#[derive(serde::Deserialize)]
pub struct CreateOrder {
    pub sku: String,
    pub quantity: i64,
    pub coupon: Option<String>,
    pub address: Address,
}

#[derive(serde::Deserialize)]
pub struct Address {
    pub street: String,
    pub city: String,
    pub country: String,
}

async fn create_order(axum::Json(order): axum::Json<CreateOrder>) -> Result<axum::Json<serde_json::Value>, ServiceError> {
    if order.quantity <= 0 {
        return Err(ServiceError::InvalidQuantity { quantity: order.quantity });
    }
    if order.address.country.is_empty() {
        return Err(ServiceError::InvalidAddress { field: "country".into() });
    }
    Ok(axum::Json(serde_json::json!({ "sku": order.sku, "coupon": order.coupon, "street": order.address.street, "city": order.address.city })))
}
"""

MAIN = """
#[tokio::main]
async fn main() {{
    let app = axum::Router::new()
        .route("/orders/{{id}}", axum::routing::get(get_order)){route};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    if std::env::var_os("SERVE").is_some() {{
        axum::serve(listener, app).await.unwrap();
    }}
}}
"""


def fields(errors_fields):
    return ", ".join(f"{name}: {ty}" for name, ty in errors_fields)


def thiserror_source(typical: bool) -> str:
    variants = []
    arms_status, arms_code = [], []
    for ident, code, status, message, fs in ERRORS:
        body = f" {{ {fields(fs)} }}" if fs else ""
        pattern = f"ServiceError::{ident} {{ .. }}" if fs else f"ServiceError::{ident}"
        variants.append(f'    #[error("{message}")]\n    {ident}{body},')
        arms_status.append(f"            {pattern} => axum::http::StatusCode::from_u16({status}).unwrap(),")
        arms_code.append(f'            {pattern} => "{code}",')
    nl = "\n"
    return f"""use axum::response::IntoResponse;

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {{
{nl.join(variants)}
}}

impl ServiceError {{
    fn status(&self) -> axum::http::StatusCode {{
        match self {{
{nl.join(arms_status)}
        }}
    }}

    fn code(&self) -> &'static str {{
        match self {{
{nl.join(arms_code)}
        }}
    }}
}}

impl IntoResponse for ServiceError {{
    fn into_response(self) -> axum::response::Response {{
        let body = serde_json::json!({{ "error": {{ "code": self.code(), "message": self.to_string() }} }});
        (self.status(), axum::Json(body)).into_response()
    }}
}}
{HANDLERS}{TYPICAL if typical else ""}{MAIN.format(route=route(typical))}"""


def apierror_source(typical: bool) -> str:
    variants = []
    for ident, code, status, message, fs in ERRORS:
        body = f" {{ {fields(fs)} }}" if fs else ""
        variants.append(f'    #[code("{code}")]\n    #[status({status})]\n    #[message("{message}")]\n    {ident}{body},')
    nl = "\n"
    return f"""use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum ServiceError {{
{nl.join(variants)}
}}
{HANDLERS}{TYPICAL if typical else ""}{MAIN.format(route=route(typical))}"""


def route(typical: bool) -> str:
    return '\n        .route("/orders", axum::routing::post(create_order))' if typical else ""


def write_crate(root: Path, way: str, typical: bool) -> Path:
    crate = root / f"{way}{'-typical' if typical else ''}"
    (crate / "src").mkdir(parents=True, exist_ok=True)
    if way == "thiserror":
        extra = 'thiserror = "2"\n'
        source = thiserror_source(typical)
    else:
        extra = f'apierror = {{ path = "{REPO}", features = ["axum"] }}\n'
        source = apierror_source(typical)
    serde_derive = ', features = ["derive"]' if typical else ""
    (crate / "Cargo.toml").write_text(MANIFEST.format(way=way, serde_derive=serde_derive, extra=extra))
    (crate / "src" / "main.rs").write_text(source)
    shutil.copy(REPO / "Cargo.lock", crate / "Cargo.lock")
    return crate


def cargo(crate: Path, *args: str, offline: bool = True) -> None:
    env = dict(os.environ, CARGO_INCREMENTAL="0", CARGO_TARGET_DIR=str(crate / "target"))
    env.pop("RUSTFLAGS", None)
    command = ["cargo", *args] + (["--offline"] if offline else [])
    result = subprocess.run(command, cwd=crate, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed in {crate}:\n{result.stderr[-4000:]}")


def cold_build(crate: Path) -> tuple[float, float]:
    shutil.rmtree(crate / "target", ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    cargo(crate, "build", "-j", "2", "--quiet")
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def summary(values: list[float], unit: str = "") -> str:
    return f"{statistics.median(values):.2f}{unit} ({min(values):.2f}-{max(values):.2f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="one round, the base shape only")
    parser.add_argument("--scratch", type=Path, default=REPO / "target" / "compile-bench" / "service")
    args = parser.parse_args()
    rounds = 1 if args.quick else args.rounds
    shapes = [False] if args.quick else [False, True]
    args.scratch.mkdir(parents=True, exist_ok=True)
    print(f"cold builds of a 20-error axum service, {rounds} round(s), -j 2, CARGO_INCREMENTAL=0")
    print(f"target: apierror at most {TARGET_CPU}x the CPU time of thiserror + hand-written IntoResponse\n")
    print("| service | thiserror wall s | apierror wall s | wall ratio | thiserror CPU s | apierror CPU s | CPU ratio | target |")
    print("|---|---|---|---|---|---|---|---|")
    missed = False
    for typical in shapes:
        crates = {way: write_crate(args.scratch, way, typical) for way in ("thiserror", "apierror")}
        for crate in crates.values():
            cargo(crate, "fetch", offline=False)
            if not args.quick:
                cold_build(crate)  # warm-up: the registry's sources unpacked, the disk cache warm
        walls = {way: [] for way in crates}
        cpus = {way: [] for way in crates}
        for _ in range(rounds):
            for way, crate in crates.items():
                wall, cpu = cold_build(crate)
                walls[way].append(wall)
                cpus[way].append(cpu)
        wall_ratios = [a / t for a, t in zip(walls["apierror"], walls["thiserror"])]
        cpu_ratios = [a / t for a, t in zip(cpus["apierror"], cpus["thiserror"])]
        cpu_ratio = statistics.median(cpu_ratios)
        verdict = "met" if cpu_ratio <= TARGET_CPU else "missed"
        missed |= verdict == "missed"
        name = "with a serde-derived request type" if typical else "base"
        print(
            f"| {name} | {summary(walls['thiserror'])} | {summary(walls['apierror'])} | "
            f"{summary(wall_ratios, 'x')} | {summary(cpus['thiserror'])} | {summary(cpus['apierror'])} | "
            f"{summary(cpu_ratios, 'x')} | <= {TARGET_CPU}x CPU: {verdict} |"
        )
    print("\nmedians, min-max in parentheses; a ratio is the median of the per-round ratios")
    if missed:
        print("a target was missed")


if __name__ == "__main__":
    main()
