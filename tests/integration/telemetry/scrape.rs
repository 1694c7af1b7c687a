//! The process's Prometheus recorder, the reading of its scrapes, and
//! `promtool check metrics`.
//!
//! `promtool` (Debian's `prometheus` package) is looked for in
//! `$APIERROR_PROMTOOL`, then `target/tmp/prometheus/usr/bin/promtool` (where
//! CI unpacks the package), then on `PATH`; when it is missing the check is
//! skipped, unless `APIERROR_REQUIRE_PROMTOOL=1`.

use crate::catalog::LEAK;
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Mutex, MutexGuard, OnceLock};

/// Held by every test that reads counts: one load at a time.
pub static LOCK: Mutex<()> = Mutex::new(());

pub fn lock() -> MutexGuard<'static, ()> {
    LOCK.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The process's recorder, installed once, with Prometheus's recommended
/// naming (counters end in `_total`).
pub fn handle() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        PrometheusBuilder::new()
            .with_recommended_naming(true)
            .install_recorder()
            .expect("the only recorder of this process")
    })
}

/// The label keys a series of `apierror_errors_total` may have.
pub const ALLOWED_LABELS: &[&str] = &[
    "error_type",
    "http_response_status_code",
    "error_category",
    "apierror_domain",
    "apierror_source",
];

/// One sample: the metric's name and its labels, sorted, as `name{k="v",...}`.
pub type Samples = BTreeMap<String, f64>;

/// The samples of a scrape in Prometheus's text format, keyed by name and
/// sorted labels. Panics on a line it cannot read: the format is the
/// exporter's, and a test should fail on anything else.
pub fn parse(text: &str) -> Samples {
    let mut samples = Samples::new();
    for line in text.lines() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (series, value) = line.rsplit_once(' ').expect("a sample line: series value");
        let value: f64 = value.parse().expect("a sample's value");
        let (name, labels) = match series.split_once('{') {
            Some((name, rest)) => (name, rest.strip_suffix('}').expect("labels end with }")),
            None => (series, ""),
        };
        let mut pairs = split_labels(labels);
        pairs.sort();
        let key = format!(
            "{name}{{{}}}",
            pairs
                .iter()
                .map(|(k, v)| format!("{k}=\"{v}\""))
                .collect::<Vec<_>>()
                .join(",")
        );
        assert!(
            samples.insert(key.clone(), value).is_none(),
            "one sample per series: {key}"
        );
    }
    samples
}

/// `k="v",k2="v2"` as pairs; values are kept escaped.
fn split_labels(labels: &str) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    let mut rest = labels;
    while !rest.is_empty() {
        let (key, after) = rest.split_once("=\"").expect("label=\"value\"");
        let mut end = None;
        let mut escaped = false;
        for (i, c) in after.char_indices() {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => {
                    end = Some(i);
                    break;
                }
                _ => {}
            }
        }
        let end = end.expect("a closing quote");
        pairs.push((key.to_owned(), after[..end].to_owned()));
        rest = after[end + 1..]
            .strip_prefix(',')
            .unwrap_or(&after[end + 1..]);
    }
    pairs
}

/// The key of a series of `apierror_errors_total`, labels given in any order.
pub fn errors(labels: &[(&str, &str)]) -> String {
    let mut pairs: Vec<_> = labels.to_vec();
    pairs.sort();
    format!(
        "apierror_errors_total{{{}}}",
        pairs
            .iter()
            .map(|(k, v)| format!("{k}=\"{v}\""))
            .collect::<Vec<_>>()
            .join(",")
    )
}

/// What changed between two scrapes: each series whose value moved, by how
/// much (new series count from zero).
pub fn delta(before: &Samples, after: &Samples) -> BTreeMap<String, f64> {
    after
        .iter()
        .filter_map(|(key, value)| {
            let was = before.get(key).copied().unwrap_or(0.0);
            (*value != was).then(|| (key.clone(), value - was))
        })
        .collect()
}

/// Every label of every series in the scrape is one the library writes,
/// and no value holds what came from a request.
pub fn assert_no_forbidden_labels(text: &str) {
    assert!(
        !text.contains(LEAK),
        "a request's text reached the scrape:\n{text}"
    );
    assert!(
        !text.contains("req_"),
        "a request id reached the scrape:\n{text}"
    );
    for (series, _) in parse(text) {
        let Some(labels) = series.strip_prefix("apierror_errors_total{") else {
            continue;
        };
        for (key, value) in split_labels(labels.strip_suffix('}').unwrap_or(labels)) {
            assert!(
                ALLOWED_LABELS.contains(&key.as_str()),
                "label {key} in {series}"
            );
            assert!(!value.contains('/'), "a path-like value in {series}");
        }
    }
}

fn required(variable: &str) -> bool {
    std::env::var(variable).is_ok_and(|v| v == "1")
}

fn promtool() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("APIERROR_PROMTOOL") {
        return Some(PathBuf::from(path));
    }
    let local = Path::new(env!("CARGO_TARGET_TMPDIR")).join("prometheus/usr/bin/promtool");
    if local.is_file() {
        return Some(local);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join("promtool"))
        .find(|candidate| candidate.is_file())
}

/// `promtool check metrics` on a scrape: the exposition format and
/// Prometheus's naming lints (a counter's `_total`, help texts, ...).
pub fn promtool_check(text: &str) {
    let Some(promtool) = promtool() else {
        assert!(
            !required("APIERROR_REQUIRE_PROMTOOL"),
            "APIERROR_REQUIRE_PROMTOOL=1 but promtool was found neither in $APIERROR_PROMTOOL, \
             target/tmp/prometheus/usr/bin nor on PATH"
        );
        println!("skipped: promtool not found (apt-get download prometheus; dpkg -x ... target/tmp/prometheus)");
        return;
    };
    let mut child = Command::new(&promtool)
        .args(["check", "metrics"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("runs {}: {e}", promtool.display()));
    child
        .stdin
        .take()
        .expect("promtool's stdin")
        .write_all(text.as_bytes())
        .expect("writes the scrape to promtool");
    let output = child.wait_with_output().expect("promtool ends");
    assert!(
        output.status.success(),
        "promtool check metrics rejected the scrape:\n{}{}\n{text}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    println!(
        "promtool ({}): the scrape passes check metrics",
        promtool.display()
    );
}

#[test]
fn the_reader_of_scrapes_reads_labels_with_escapes() {
    let samples = parse("# TYPE a_total counter\na_total{b=\"x\\\"y\",a=\"1\"} 3\nc 0\n");
    assert_eq!(samples["a_total{a=\"1\",b=\"x\\\"y\"}"], 3.0);
    assert_eq!(samples["c{}"], 0.0);
}
