//! Per-variant medians with criterion: `cargo bench --bench render`.
//!
//! Criterion runs the variants one after another, and these machines drift
//! between phases: take ratios from `cargo bench --bench ratios` (interleaved)
//! or from instruction counts (`benches/instructions.py`), not from here.

// The interleaved runner uses all of it; this bench a part.
#[allow(dead_code)]
mod cases;

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn standard(c: &mut Criterion) {
    cases::assert_same_output();
    let error = cases::error();
    let mut out = Vec::with_capacity(256);
    let mut group = c.benchmark_group("standard");
    group.bench_function("apierror", |b| {
        b.iter(|| {
            out.clear();
            cases::apierror_standard(&mut out, black_box(&error));
        })
    });
    group.bench_function("handwritten serde", |b| {
        b.iter(|| {
            out.clear();
            cases::handwritten_standard(&mut out, black_box(&error));
        })
    });
    group.bench_function("json! value", |b| {
        b.iter(|| {
            out.clear();
            cases::json_macro_standard(&mut out, black_box(&error));
        })
    });
    group.finish();
}

fn problem(c: &mut Criterion) {
    let error = cases::error();
    let problem = cases::problem();
    let mut out = Vec::with_capacity(256);
    let mut group = c.benchmark_group("rfc9457");
    group.bench_function("apierror", |b| {
        b.iter(|| {
            out.clear();
            cases::apierror_problem(&mut out, black_box(&error), &problem);
        })
    });
    group.bench_function("handwritten serde", |b| {
        b.iter(|| {
            out.clear();
            cases::handwritten_problem(&mut out, black_box(&error));
        })
    });
    group.bench_function("http-api-problem", |b| {
        b.iter(|| {
            out.clear();
            cases::http_api_problem(&mut out, black_box(&error));
        })
    });
    group.finish();
}

criterion_group!(benches, standard, problem);
criterion_main!(benches);
