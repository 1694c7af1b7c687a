//! Interleaved wall-clock ratios: `cargo bench --bench ratios`.
//!
//! Every variant is timed in every round, in a rotated order, so drift of the
//! machine between phases affects all alike; the printed figures are medians
//! over rounds of nanoseconds per render, and medians of the per-round ratios.
//!
//! `ratios --repeat NAME N` renders one variant N times and exits: what
//! `benches/instructions.py` runs under valgrind to count instructions.

mod cases;

use std::hint::black_box;
use std::time::Instant;

type Render = Box<dyn Fn(&mut Vec<u8>)>;

fn variants() -> Vec<(&'static str, Render)> {
    let problem = cases::problem();
    let (e1, e2, e3, e4, e5, e6) = (
        cases::error(),
        cases::error(),
        cases::error(),
        cases::error(),
        cases::error(),
        cases::error(),
    );
    let e7 = cases::error();
    let interpolated = cases::interpolated();
    let interpolated2 = cases::interpolated();
    let mut variants: Vec<(&'static str, Render)> = vec![
        (
            "apierror standard",
            Box::new(move |o| cases::apierror_standard(o, black_box(&e1))),
        ),
        (
            "handwritten standard",
            Box::new(move |o| cases::handwritten_standard(o, black_box(&e2))),
        ),
        (
            "json! standard",
            Box::new(move |o| cases::json_macro_standard(o, black_box(&e3))),
        ),
        (
            "apierror standard interpolated",
            Box::new(move |o| cases::apierror_standard(o, black_box(&interpolated))),
        ),
        (
            "handwritten standard interpolated",
            Box::new(move |o| {
                cases::handwritten_standard_interpolated(o, black_box(&interpolated2))
            }),
        ),
        (
            "apierror problem",
            Box::new(move |o| cases::apierror_problem(o, black_box(&e4), &problem)),
        ),
        (
            "apierror problem in the call",
            Box::new(move |o| cases::apierror_problem_in_call(o, black_box(&e7))),
        ),
        (
            "handwritten problem",
            Box::new(move |o| cases::handwritten_problem(o, black_box(&e5))),
        ),
        (
            "http-api-problem",
            Box::new(move |o| cases::http_api_problem(o, black_box(&e6))),
        ),
    ];
    let others: [(&'static str, Render); 8] = {
        let (e1, e2, e3, e4) = (
            cases::error(),
            cases::error(),
            cases::error(),
            cases::error(),
        );
        let (e5, e6, e7, e8) = (
            cases::error(),
            cases::error(),
            cases::error(),
            cases::error(),
        );
        let google = apierror::format::Google::new(cases::DOMAIN);
        [
            (
                "apierror tagged",
                Box::new(move |o| cases::apierror_in(o, black_box(&e1), &apierror::format::Tagged)),
            ),
            (
                "handwritten tagged",
                Box::new(move |o| cases::handwritten_tagged(o, black_box(&e2))),
            ),
            (
                "apierror websocket",
                Box::new(move |o| {
                    cases::apierror_in(o, black_box(&e3), &apierror::format::WebSocket)
                }),
            ),
            (
                "handwritten websocket",
                Box::new(move |o| cases::handwritten_websocket(o, black_box(&e4))),
            ),
            (
                "apierror openai",
                Box::new(move |o| cases::apierror_in(o, black_box(&e5), &apierror::format::OpenAi)),
            ),
            (
                "handwritten openai",
                Box::new(move |o| cases::handwritten_openai(o, black_box(&e6))),
            ),
            (
                "apierror google",
                Box::new(move |o| cases::apierror_in(o, black_box(&e7), &google)),
            ),
            (
                "handwritten google",
                Box::new(move |o| cases::handwritten_google(o, black_box(&e8))),
            ),
        ]
    };
    variants.extend(others);
    let (c1, c2, c3, c4) = (
        cases::error(),
        cases::error(),
        cases::error(),
        cases::error(),
    );
    let context: [(&'static str, Render); 4] = [
        (
            "apierror standard context",
            Box::new(move |o| cases::apierror_standard_context(o, black_box(&c1))),
        ),
        (
            "handwritten standard context",
            Box::new(move |o| cases::handwritten_standard_context(o, black_box(&c2))),
        ),
        (
            "floor standard",
            Box::new(move |o| cases::floor_standard(o, black_box(&c3))),
        ),
        (
            "floor standard context",
            Box::new(move |o| cases::floor_standard_context(o, black_box(&c4))),
        ),
    ];
    variants.extend(context);
    let (t1, t2) = (cases::localized(), cases::localized());
    let translated: [(&'static str, Render); 2] = [
        (
            "apierror standard translated",
            Box::new(move |o| cases::apierror_standard_translated(o, black_box(&t1))),
        ),
        (
            "handwritten standard translated",
            Box::new(move |o| cases::handwritten_standard_translated(o, black_box(&t2))),
        ),
    ];
    variants.extend(translated);
    variants
}

/// (numerator, denominator) pairs whose ratios are printed.
const RATIOS: &[(&str, &str)] = &[
    ("apierror standard", "handwritten standard"),
    ("json! standard", "apierror standard"),
    ("apierror problem", "handwritten problem"),
    ("http-api-problem", "apierror problem"),
    ("apierror problem in the call", "handwritten problem"),
    ("apierror standard interpolated", "handwritten standard"),
    (
        "apierror standard interpolated",
        "handwritten standard interpolated",
    ),
    ("apierror tagged", "handwritten tagged"),
    ("apierror websocket", "handwritten websocket"),
    ("apierror openai", "handwritten openai"),
    ("apierror google", "handwritten google"),
    ("apierror standard context", "handwritten standard context"),
    ("apierror standard", "floor standard"),
    ("apierror standard context", "floor standard context"),
    (
        "apierror standard translated",
        "handwritten standard translated",
    ),
];

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(|a, b| a.total_cmp(b));
    values[values.len() / 2]
}

fn main() {
    cases::assert_same_output();
    cases::assert_same_output_in_every_format();
    cases::assert_same_output_with_context();
    cases::assert_same_output_translated();
    let args: Vec<String> = std::env::args().collect();
    let variants = variants();
    if let Some(at) = args.iter().position(|a| a == "--repeat") {
        let name = &args[at + 1];
        let count: u64 = args[at + 2].parse().expect("a repeat count");
        let (_, render) = variants
            .iter()
            .find(|(n, _)| n == name)
            .expect("a variant name");
        let mut out = Vec::with_capacity(512);
        for _ in 0..count {
            out.clear();
            render(&mut out);
        }
        black_box(&out);
        return;
    }
    let rounds = 31;
    let batch = 20_000;
    let mut samples: Vec<Vec<f64>> = vec![Vec::new(); variants.len()];
    let mut out = Vec::with_capacity(512);
    for round in 0..rounds {
        for k in 0..variants.len() {
            let index = (round + k) % variants.len();
            let render = &variants[index].1;
            let start = Instant::now();
            for _ in 0..batch {
                out.clear();
                render(&mut out);
            }
            samples[index].push(start.elapsed().as_nanos() as f64 / batch as f64);
        }
    }
    println!("{rounds} rounds x {batch} renders, variants interleaved in rotated order\n");
    println!(
        "{:<32} {:>10} {:>10} {:>10}",
        "variant", "min ns", "median ns", "max ns"
    );
    for (index, (name, _)) in variants.iter().enumerate() {
        let mut values = samples[index].clone();
        let (min, max) = (
            values.iter().cloned().fold(f64::INFINITY, f64::min),
            values.iter().cloned().fold(0.0, f64::max),
        );
        println!(
            "{name:<32} {min:>10.1} {:>10.1} {max:>10.1}",
            median(&mut values)
        );
    }
    println!(
        "\n{:<64} {:>8}",
        "ratio (median of per-round ratios)", "value"
    );
    for (a, b) in RATIOS {
        let ia = variants.iter().position(|(n, _)| n == a).unwrap();
        let ib = variants.iter().position(|(n, _)| n == b).unwrap();
        let mut per_round: Vec<f64> = samples[ia]
            .iter()
            .zip(&samples[ib])
            .map(|(x, y)| x / y)
            .collect();
        println!(
            "{:<64} {:>8.3}",
            format!("{a} / {b}"),
            median(&mut per_round)
        );
    }
}
