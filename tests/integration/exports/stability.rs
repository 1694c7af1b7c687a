//! The stability guard: the service catalogs against their committed snapshots
//! (`snapshots/*.catalog`), and every kind of drift on small enums.
//!
//! Regenerate the snapshots with
//! `APIERROR_UPDATE_SNAPSHOTS=1 cargo test -p apierror-tests --test exports stability::`. The other tests
//! pass the update flag explicitly (`Drift::check_with`), so they never depend on
//! the environment.

use crate::services;
use services::{hexabase, k0rdent, llm_gateway, openchoreo, phala};

use std::fs;
use std::path::PathBuf;

use apierror::stability::{Change, Drift, Entry, SnapshotError};
use apierror::{ApiError, Catalog};

// ---- The service catalogs ----------------------------------------------------

#[test]
fn openchoreo_is_stable() {
    Drift::assert_stable(
        openchoreo::OpenChoreoError::CATALOG,
        "snapshots/openchoreo.catalog",
    );
}

#[test]
fn llm_gateway_is_stable() {
    Drift::assert_stable(
        llm_gateway::GatewayError::CATALOG,
        "snapshots/llm_gateway.catalog",
    );
}

#[test]
fn hexabase_is_stable() {
    Drift::assert_stable(
        hexabase::HexabaseError::CATALOG,
        "snapshots/hexabase.catalog",
    );
}

#[test]
fn k0rdent_is_stable() {
    Drift::assert_stable(k0rdent::K0rdentError::CATALOG, "snapshots/k0rdent.catalog");
}

#[test]
fn phala_is_stable() {
    Drift::assert_stable(phala::PhalaError::CATALOG, "snapshots/phala.catalog");
}

/// The committed snapshots are exactly what the current catalogs render to:
/// a compatible change cannot hide in a stale file.
#[test]
fn published_snapshots_are_canonical() {
    if updating() {
        return;
    }
    let services: [(&Catalog, &str); 5] = [
        (openchoreo::OpenChoreoError::CATALOG, "openchoreo"),
        (llm_gateway::GatewayError::CATALOG, "llm_gateway"),
        (hexabase::HexabaseError::CATALOG, "hexabase"),
        (k0rdent::K0rdentError::CATALOG, "k0rdent"),
        (phala::PhalaError::CATALOG, "phala"),
    ];
    for (catalog, name) in services {
        let path = format!("snapshots/{name}.catalog");
        let text = fs::read_to_string(&path).unwrap();
        assert_eq!(
            text,
            Drift::snapshot(catalog),
            "{path} is stale: regenerate it with APIERROR_UPDATE_SNAPSHOTS=1 cargo test -p apierror-tests --test exports stability::"
        );
        assert_eq!(
            text.lines().count(),
            1 + catalog.len() + catalog.all_retired().count()
        );
    }
    let phala = fs::read_to_string("snapshots/phala.catalog").unwrap();
    assert!(phala.starts_with("# Error catalog of PhalaError, "));
    assert!(phala.contains("APIERROR_UPDATE_SNAPSHOTS=1"));
    assert!(phala.contains(
        "\nERR-01-001 404 PreflightError::NodeNotFound \"The requested node is not available\"\n"
    ));
    assert!(phala.ends_with("\nretired ERR-03-003\nretired ERR-03-004\n"));
}

// ---- Small catalogs, one per kind of change --------------------------------

/// The snapshot every scenario starts from.
const V1: &str = "\
# Error catalog of NodeError, checked by apierror::stability.
ERR-01-001 404 NodeError::NotFound \"The requested node is not available\"
ERR-01-002 409 NodeError::Busy \"Node '{node}' is busy\"
retired ERR-01-009
";

/// `V1` as an enum.
#[allow(dead_code)]
mod v1 {
    #[derive(Debug, apierror::ApiError)]
    #[api_error(pattern = "ERR-01-###", retired("ERR-01-009"))]
    pub enum NodeError {
        #[code("ERR-01-001")]
        #[status(404)]
        #[message("The requested node is not available")]
        NotFound,
        #[code("ERR-01-002")]
        #[status(409)]
        #[message("Node '{node}' is busy")]
        Busy { node: String },
    }
}

/// ERR-01-002 deleted.
#[allow(dead_code)]
mod removed {
    #[derive(Debug, apierror::ApiError)]
    #[api_error(pattern = "ERR-01-###", retired("ERR-01-009"))]
    pub enum NodeError {
        #[code("ERR-01-001")]
        #[status(404)]
        #[message("The requested node is not available")]
        NotFound,
    }
}

/// ERR-01-002 deleted and retired, as it should be.
#[allow(dead_code)]
mod retired {
    #[derive(Debug, apierror::ApiError)]
    #[api_error(pattern = "ERR-01-###", retired("ERR-01-009", "ERR-01-002"))]
    pub enum NodeError {
        #[code("ERR-01-001")]
        #[status(404)]
        #[message("The requested node is not available")]
        NotFound,
    }
}

/// ERR-01-002 answered with 423 instead of 409.
#[allow(dead_code)]
mod status {
    #[derive(Debug, apierror::ApiError)]
    #[api_error(pattern = "ERR-01-###", retired("ERR-01-009"))]
    pub enum NodeError {
        #[code("ERR-01-001")]
        #[status(404)]
        #[message("The requested node is not available")]
        NotFound,
        #[code("ERR-01-002")]
        #[status(423)]
        #[message("Node '{node}' is busy")]
        Busy { node: String },
    }
}

/// The retired ERR-01-009 used again (and so no longer retired).
#[allow(dead_code)]
mod reused {
    #[derive(Debug, apierror::ApiError)]
    #[api_error(pattern = "ERR-01-###")]
    pub enum NodeError {
        #[code("ERR-01-001")]
        #[status(404)]
        #[message("The requested node is not available")]
        NotFound,
        #[code("ERR-01-002")]
        #[status(409)]
        #[message("Node '{node}' is busy")]
        Busy { node: String },
        #[code("ERR-01-009")]
        #[status(410)]
        #[message("The node was decommissioned")]
        Decommissioned,
    }
}

/// ERR-01-009 dropped from the retired list.
#[allow(dead_code)]
mod unretired {
    #[derive(Debug, apierror::ApiError)]
    #[api_error(pattern = "ERR-01-###")]
    pub enum NodeError {
        #[code("ERR-01-001")]
        #[status(404)]
        #[message("The requested node is not available")]
        NotFound,
        #[code("ERR-01-002")]
        #[status(409)]
        #[message("Node '{node}' is busy")]
        Busy { node: String },
    }
}

/// A new code, ERR-01-003, between the old ones.
#[allow(dead_code)]
mod added {
    #[derive(Debug, apierror::ApiError)]
    #[api_error(pattern = "ERR-01-###", retired("ERR-01-009"))]
    pub enum NodeError {
        #[code("ERR-01-001")]
        #[status(404)]
        #[message("The requested node is not available")]
        NotFound,
        #[code("ERR-01-003")]
        #[status(503)]
        #[message("The node is draining")]
        Draining,
        #[code("ERR-01-002")]
        #[status(409)]
        #[message("Node '{node}' is busy")]
        Busy { node: String },
    }
}

/// ERR-01-010 retired without ever having been in the snapshot.
#[allow(dead_code)]
mod newly_retired {
    #[derive(Debug, apierror::ApiError)]
    #[api_error(pattern = "ERR-01-###", retired("ERR-01-009", "ERR-01-010"))]
    pub enum NodeError {
        #[code("ERR-01-001")]
        #[status(404)]
        #[message("The requested node is not available")]
        NotFound,
        #[code("ERR-01-002")]
        #[status(409)]
        #[message("Node '{node}' is busy")]
        Busy { node: String },
    }
}

/// ERR-01-002 says something else.
#[allow(dead_code)]
mod message {
    #[derive(Debug, apierror::ApiError)]
    #[api_error(pattern = "ERR-01-###", retired("ERR-01-009"))]
    pub enum NodeError {
        #[code("ERR-01-001")]
        #[status(404)]
        #[message("The requested node is not available")]
        NotFound,
        #[code("ERR-01-002")]
        #[status(409)]
        #[message("Node '{node}' is busy, try again later")]
        Busy { node: String },
    }
}

/// ERR-01-002's variant renamed.
#[allow(dead_code)]
mod renamed {
    #[derive(Debug, apierror::ApiError)]
    #[api_error(pattern = "ERR-01-###", retired("ERR-01-009"))]
    pub enum NodeError {
        #[code("ERR-01-001")]
        #[status(404)]
        #[message("The requested node is not available")]
        NotFound,
        #[code("ERR-01-002")]
        #[status(409)]
        #[message("Node '{node}' is busy")]
        NodeBusy { node: String },
    }
}

/// Everything at once: ERR-01-001 deleted (breaking), ERR-01-002's status
/// (breaking) and message (compatible) changed, a new code (compatible).
#[allow(dead_code)]
mod mixed {
    #[derive(Debug, apierror::ApiError)]
    #[api_error(pattern = "ERR-01-###", retired("ERR-01-009"))]
    pub enum NodeError {
        #[code("ERR-01-004")]
        #[status(400)]
        #[message("Invalid node name")]
        InvalidName,
        #[code("ERR-01-002")]
        #[status(423)]
        #[message("Node '{node}' is locked")]
        Busy { node: String },
    }
}

/// A service error including a module error with a retired code.
#[allow(dead_code)]
mod composed {
    #[derive(Debug, apierror::ApiError)]
    #[api_error(pattern = "ERR-01-###", retired("ERR-01-009"))]
    pub enum NodeError {
        #[code("ERR-01-001")]
        #[status(404)]
        #[message("The requested node is not available")]
        NotFound,
    }

    #[derive(Debug, apierror::ApiError)]
    #[api_error(pattern = "ERR-02-###", retired("ERR-02-007"))]
    pub enum BillingError {
        #[code("ERR-02-001")]
        #[status(402)]
        #[message("Payment required")]
        PaymentRequired,
    }

    #[derive(Debug, apierror::ApiError)]
    pub enum ServiceError {
        #[api_error(transparent)]
        Node(NodeError),
        #[api_error(transparent)]
        Billing(BillingError),
    }
}

/// Messages that need escaping in the snapshot.
#[allow(dead_code)]
mod escaped {
    #[derive(Debug, apierror::ApiError)]
    #[api_error(code = "snake_case", status = 400)]
    pub enum TextError {
        #[message("Value \"{value}\" is not a path: C:\\tmp\tis\u{7} bad")]
        Quoted { value: String },
        #[message("Line one\nline two — ünïcödé {{literal}}")]
        Multiline,
        /// The code `retired`, which a snapshot line may start with.
        #[message("retired")]
        Retired,
    }
}

// ---- Helpers ----------------------------------------------------------------

/// Whether the tests run with the update variable set (read, never set, here).
fn updating() -> bool {
    std::env::var_os(Drift::UPDATE_ENV).is_some_and(|v| !v.is_empty() && v != "0")
}

/// A snapshot path of this test process in the temp directory.
fn temp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!(
        "apierror-stability-{}-{name}.catalog",
        std::process::id()
    ))
}

/// The check of `catalog` against a snapshot holding `text`.
fn check_text(catalog: &Catalog, name: &str, text: &str) -> Result<(), Drift> {
    let path = temp(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, text).unwrap();
    let result = Drift::check_with(catalog, &path, false);
    fs::remove_file(&path).unwrap();
    result
}

/// The drift of `catalog` from the `V1` snapshot, with its report.
fn drift_from_v1(catalog: &Catalog, name: &str) -> (Vec<Change>, String) {
    let drift = check_text(catalog, name, V1).expect_err("the catalog should drift");
    assert!(drift.snapshot_error().is_none());
    assert_eq!(drift.type_name(), "NodeError");
    (drift.changes().to_vec(), drift.to_string())
}

fn entry(code: &str, status: u16, variant: &str, message: &str) -> Entry {
    Entry::new(code, status, format!("NodeError::{variant}"), message)
}

fn not_found() -> Entry {
    entry(
        "ERR-01-001",
        404,
        "NotFound",
        "The requested node is not available",
    )
}

fn busy() -> Entry {
    entry("ERR-01-002", 409, "Busy", "Node '{node}' is busy")
}

// ---- Each kind of change ----------------------------------------------------

#[test]
fn unchanged_catalog_passes() {
    check_text(v1::NodeError::CATALOG, "unchanged", V1).unwrap();
    check_text(
        v1::NodeError::CATALOG,
        "canonical",
        &Drift::snapshot(v1::NodeError::CATALOG),
    )
    .unwrap();
}

#[test]
fn order_comments_and_blank_lines_are_no_change() {
    let shuffled = "\
retired ERR-01-009

# reordered by hand
   ERR-01-002   409  NodeError::Busy   \"Node '{node}' is busy\"   \r
ERR-01-001 404 NodeError::NotFound \"The requested node is not available\"
";
    check_text(v1::NodeError::CATALOG, "shuffled", shuffled).unwrap();
}

#[test]
fn removed_code_is_breaking() {
    let (changes, report) = drift_from_v1(removed::NodeError::CATALOG, "removed");
    assert_eq!(changes, [Change::Removed(busy())]);
    assert!(changes[0].is_breaking());
    assert_eq!(changes[0].code(), "ERR-01-002");
    assert!(
        report.contains("1 breaking change, 0 compatible changes"),
        "{report}"
    );
    assert!(
        report.contains("[breaking] ERR-01-002: removed without being retired"),
        "{report}"
    );
    assert!(
        report.contains("- ERR-01-002 409 NodeError::Busy \"Node '{node}' is busy\""),
        "{report}"
    );
    assert!(report.contains("retired(...)"), "{report}");
    assert!(!report.contains("[compatible]"), "{report}");
}

#[test]
fn removed_and_retired_code_is_compatible() {
    let (changes, report) = drift_from_v1(retired::NodeError::CATALOG, "retired");
    assert_eq!(
        changes,
        [Change::Retired {
            code: "ERR-01-002".into(),
            before: Some(busy()),
        }]
    );
    assert!(!changes[0].is_breaking());
    assert!(
        report.contains("0 breaking changes, 1 compatible change"),
        "{report}"
    );
    assert!(
        report.contains("[compatible] ERR-01-002: removed and retired"),
        "{report}"
    );
    assert!(
        report.contains("- ERR-01-002 409 NodeError::Busy"),
        "{report}"
    );
    assert!(report.contains("+ retired ERR-01-002"), "{report}");
    assert!(report.contains("safe to accept"), "{report}");
    assert!(!report.contains("BREAKING"), "{report}");
}

#[test]
fn status_change_is_breaking() {
    let (changes, report) = drift_from_v1(status::NodeError::CATALOG, "status");
    let [Change::StatusChanged { before, after }] = changes.as_slice() else {
        panic!("{changes:?}");
    };
    assert_eq!(*before, busy());
    assert_eq!((after.code.as_str(), after.status), ("ERR-01-002", 423));
    assert!(changes[0].is_breaking());
    assert!(
        report.contains("[breaking] ERR-01-002: status changed from 409 to 423"),
        "{report}"
    );
    assert!(
        report.contains("- ERR-01-002 409 NodeError::Busy"),
        "{report}"
    );
    assert!(
        report.contains("+ ERR-01-002 423 NodeError::Busy"),
        "{report}"
    );
}

#[test]
fn reused_retired_code_is_breaking() {
    let (changes, report) = drift_from_v1(reused::NodeError::CATALOG, "reused");
    let [Change::RetiredReused(entry)] = changes.as_slice() else {
        panic!("{changes:?}");
    };
    assert_eq!(entry.code, "ERR-01-009");
    assert_eq!(entry.variant, "NodeError::Decommissioned");
    assert!(changes[0].is_breaking());
    assert!(
        report.contains("[breaking] ERR-01-009: retired code used again"),
        "{report}"
    );
    assert!(report.contains("- retired ERR-01-009"), "{report}");
    assert!(
        report.contains("+ ERR-01-009 410 NodeError::Decommissioned"),
        "{report}"
    );
}

#[test]
fn unretired_code_is_breaking() {
    let (changes, report) = drift_from_v1(unretired::NodeError::CATALOG, "unretired");
    assert_eq!(changes, [Change::Unretired("ERR-01-009".into())]);
    assert!(changes[0].is_breaking());
    assert!(
        report.contains("[breaking] ERR-01-009: no longer listed as retired"),
        "{report}"
    );
    assert!(report.contains("- retired ERR-01-009"), "{report}");
}

#[test]
fn new_code_is_compatible() {
    let (changes, report) = drift_from_v1(added::NodeError::CATALOG, "added");
    let [Change::Added(entry)] = changes.as_slice() else {
        panic!("{changes:?}");
    };
    assert_eq!(
        (entry.code.as_str(), entry.status, entry.variant.as_str()),
        ("ERR-01-003", 503, "NodeError::Draining")
    );
    assert!(!changes[0].is_breaking());
    assert!(
        report.contains("[compatible] ERR-01-003: new code"),
        "{report}"
    );
    assert!(
        report.contains("+ ERR-01-003 503 NodeError::Draining \"The node is draining\""),
        "{report}"
    );
    assert!(report.contains("APIERROR_UPDATE_SNAPSHOTS=1"), "{report}");
}

#[test]
fn newly_retired_code_is_compatible() {
    let (changes, report) = drift_from_v1(newly_retired::NodeError::CATALOG, "newly-retired");
    assert_eq!(
        changes,
        [Change::Retired {
            code: "ERR-01-010".into(),
            before: None,
        }]
    );
    assert!(!changes[0].is_breaking());
    assert!(
        report.contains("[compatible] ERR-01-010: newly retired"),
        "{report}"
    );
    assert!(report.contains("+ retired ERR-01-010"), "{report}");
}

#[test]
fn changed_message_is_compatible() {
    let (changes, report) = drift_from_v1(message::NodeError::CATALOG, "message");
    let [Change::MessageChanged { before, after }] = changes.as_slice() else {
        panic!("{changes:?}");
    };
    assert_eq!(*before, busy());
    assert_eq!(after.message, "Node '{node}' is busy, try again later");
    assert!(!changes[0].is_breaking());
    assert!(
        report.contains("[compatible] ERR-01-002: message changed"),
        "{report}"
    );
    assert!(
        report.contains("- ERR-01-002 409 NodeError::Busy \"Node '{node}' is busy\""),
        "{report}"
    );
    assert!(
        report.contains(
            "+ ERR-01-002 409 NodeError::Busy \"Node '{node}' is busy, try again later\""
        ),
        "{report}"
    );
}

#[test]
fn renamed_variant_is_compatible() {
    let (changes, report) = drift_from_v1(renamed::NodeError::CATALOG, "renamed");
    let [Change::VariantChanged { before, after }] = changes.as_slice() else {
        panic!("{changes:?}");
    };
    assert_eq!(before.variant, "NodeError::Busy");
    assert_eq!(after.variant, "NodeError::NodeBusy");
    assert!(!changes[0].is_breaking());
    assert!(
        report.contains(
            "[compatible] ERR-01-002: variant changed from NodeError::Busy to NodeError::NodeBusy"
        ),
        "{report}"
    );
}

#[test]
fn breaking_changes_are_listed_first() {
    let drift = check_text(mixed::NodeError::CATALOG, "mixed", V1).unwrap_err();
    assert!(drift.is_breaking());
    let kinds: Vec<(&str, bool)> = drift
        .changes()
        .iter()
        .map(|c| (c.code(), c.is_breaking()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("ERR-01-001", true),
            ("ERR-01-002", true),
            ("ERR-01-002", false),
            ("ERR-01-004", false),
        ]
    );
    assert!(matches!(drift.changes()[0], Change::Removed(ref e) if *e == not_found()));
    assert!(matches!(drift.changes()[1], Change::StatusChanged { .. }));
    assert!(matches!(drift.changes()[2], Change::MessageChanged { .. }));
    assert!(matches!(drift.changes()[3], Change::Added(_)));

    let report = drift.to_string();
    assert!(
        report.contains("2 breaking changes, 2 compatible changes"),
        "{report}"
    );
    let breaking = report.find("BREAKING changes").unwrap();
    let compatible = report.find("compatible changes (safe to accept)").unwrap();
    assert!(breaking < compatible, "{report}");
    let removed = report.find("[breaking] ERR-01-001: removed").unwrap();
    let status = report
        .find("[breaking] ERR-01-002: status changed")
        .unwrap();
    let message = report
        .find("[compatible] ERR-01-002: message changed")
        .unwrap();
    let added = report.find("[compatible] ERR-01-004: new code").unwrap();
    assert!(
        breaking < removed && removed < status && status < compatible,
        "{report}"
    );
    assert!(compatible < message && message < added, "{report}");
    assert!(
        report.contains("Breaking changes are usually mistakes"),
        "{report}"
    );
    // The report is the error's text.
    let error: Box<dyn std::error::Error> = Box::new(drift);
    assert_eq!(error.to_string(), report);
    assert!(error.source().is_none());
}

#[test]
fn composed_catalog_lists_retired_codes_of_included_types() {
    let catalog = composed::ServiceError::CATALOG;
    let text = Drift::snapshot(catalog);
    let lines: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(
        lines,
        [
            "ERR-01-001 404 NodeError::NotFound \"The requested node is not available\"",
            "ERR-02-001 402 BillingError::PaymentRequired \"Payment required\"",
            "retired ERR-01-009",
            "retired ERR-02-007",
        ]
    );
    check_text(catalog, "composed", &text).unwrap();
    // Dropping an included type's retired code is caught too.
    let drift = check_text(
        catalog,
        "composed-unretired",
        &format!("{text}retired ERR-02-008\n"),
    )
    .unwrap_err();
    assert_eq!(drift.changes(), [Change::Unretired("ERR-02-008".into())]);
}

#[test]
fn messages_are_escaped_and_read_back() {
    let catalog = escaped::TextError::CATALOG;
    let text = Drift::snapshot(catalog);
    let lines: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(
        lines,
        [
            r#"quoted 400 TextError::Quoted "Value \"{value}\" is not a path: C:\\tmp\tis\u{7} bad""#,
            r#"multiline 400 TextError::Multiline "Line one\nline two — ünïcödé {{literal}}""#,
            r#"retired 400 TextError::Retired "retired""#,
        ]
    );
    check_text(catalog, "escaped", &text).unwrap();
    // Other spellings of the same message are read the same.
    let respelled = text.replace("\\u{7}", "\\u{0007}").replace("ü", "\\u{fc}");
    assert_ne!(respelled, text);
    check_text(catalog, "escaped-respelled", &respelled).unwrap();
}

// ---- Malformed and missing snapshots ------------------------------------------

#[test]
fn malformed_snapshots_are_reported_with_their_line() {
    let good = "ERR-01-001 404 NodeError::NotFound \"The requested node is not available\"\n";
    // (lines after a good one, line of the error, what the error says)
    #[rustfmt::skip]
    let cases: &[(&str, usize, &str)] = &[
        ("ERR-01-001 404\n", 2, "expected `CODE STATUS Type::Variant \"message\"`"),
        ("ERR-01-001\n", 2, "expected `CODE STATUS"),
        ("ERR-01-002 40x NodeError::Busy \"m\"\n", 2, "`40x` is not an HTTP status"),
        ("ERR-01-002 4090 NodeError::Busy \"m\"\n", 2, "`4090` is not an HTTP status"),
        ("ERR-01-002 409 Busy \"m\"\n", 2, "expected `Type::Variant`, found `Busy`"),
        ("ERR-01-002 409 NodeError:: \"m\"\n", 2, "expected `Type::Variant`"),
        ("ERR 01 002 409 NodeError::Busy \"m\"\n", 2, "`01` is not an HTTP status"),
        ("ERR-01-002 409 NodeError::Busy m\n", 2, "expected a message in double quotes"),
        ("ERR-01-002 409 NodeError::Busy \"m\n", 2, "no closing `\"`"),
        ("ERR-01-002 409 NodeError::Busy \"m\\\"\n", 2, "no closing `\"`"),
        ("ERR-01-002 409 NodeError::Busy \"m\" x\n", 2, "unexpected `x` after the message"),
        ("ERR-01-002 409 NodeError::Busy \"\\q\"\n", 2, "unknown escape `\\q`"),
        ("ERR-01-002 409 NodeError::Busy \"\\u{d800}\"\n", 2, "invalid `\\u{...}` escape"),
        ("ERR-01-002 409 NodeError::Busy \"\\u{41\"\n", 2, "invalid `\\u{...}` escape"),
        ("ERR-01-002 409 NodeError::Busy \"\\u\"\n", 2, "invalid `\\u{...}` escape"),
        ("ERR-01-002 409 NodeError::Busy \"\\", 2, "no closing `\"`"),
        ("ERR-01-0é2 409 NodeError::Busy \"m\"\n", 2, "`ERR-01-0é2` is not an error code"),
        ("retired\n", 2, "expected `CODE STATUS"),
        ("retired ERR-01-009 ERR-01-010\n", 2, "expected `retired CODE`"),
        ("retired ERR\"01\n", 2, "is not an error code"),
        ("\n# ok\nERR-01-001 404 NodeError::NotFound \"x\"\n", 4, "code `ERR-01-001` is already listed on line 1"),
        ("retired ERR-01-001\n", 2, "code `ERR-01-001` is already listed on line 1"),
        ("<<<<<<< HEAD\n", 2, "expected `CODE STATUS"),
    ];
    for (i, (bad, line, reason)) in cases.iter().enumerate() {
        let text = format!("{good}{bad}");
        let drift =
            check_text(v1::NodeError::CATALOG, &format!("malformed-{i}"), &text).expect_err(bad);
        assert!(drift.changes().is_empty());
        assert!(!drift.is_breaking());
        let Some(SnapshotError::Malformed {
            line: at,
            reason: why,
        }) = drift.snapshot_error()
        else {
            panic!("{bad:?}: {drift:?}");
        };
        assert_eq!(at, line, "{bad:?}: {why}");
        assert!(why.contains(reason), "{bad:?}: {why}");
        let report = drift.to_string();
        assert!(report.contains(&format!("line {line}: {why}")), "{report}");
        assert!(report.contains("APIERROR_UPDATE_SNAPSHOTS=1"), "{report}");
    }
}

#[test]
fn invalid_utf8_is_malformed() {
    let path = temp("utf8");
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(
        &path,
        b"# ok\nERR-01-001 404 NodeError::NotFound \"\xff\"\n",
    )
    .unwrap();
    let drift = Drift::check_with(v1::NodeError::CATALOG, &path, false).unwrap_err();
    fs::remove_file(&path).unwrap();
    assert!(
        matches!(drift.snapshot_error(), Some(SnapshotError::Malformed { line: 2, reason }) if reason.contains("UTF-8")),
        "{drift:?}"
    );
}

#[test]
fn missing_snapshot_fails_with_instructions() {
    let path = temp("missing");
    let _ = fs::remove_file(&path);
    let drift = Drift::check_with(v1::NodeError::CATALOG, &path, false).unwrap_err();
    assert!(matches!(
        drift.snapshot_error(),
        Some(SnapshotError::Missing)
    ));
    assert_eq!(drift.path(), path);
    let report = drift.to_string();
    assert!(report.contains("has no stability snapshot"), "{report}");
    assert!(report.contains(&path.display().to_string()), "{report}");
    assert!(
        report.contains("APIERROR_UPDATE_SNAPSHOTS=1 cargo test"),
        "{report}"
    );
    assert!(!path.exists());

    // A relative path says where it was looked for.
    let drift = Drift::check_with(
        v1::NodeError::CATALOG,
        "snapshots/does-not-exist.catalog",
        false,
    )
    .unwrap_err();
    let cwd = std::env::current_dir().unwrap();
    assert!(drift
        .to_string()
        .contains(&format!("relative to `{}`", cwd.display())));
}

#[test]
fn update_creates_a_missing_snapshot() {
    let dir = temp("created").with_extension("d");
    let _ = fs::remove_dir_all(&dir);
    let path = dir.join("nested").join("node.catalog");
    Drift::check_with(v1::NodeError::CATALOG, &path, true).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert_eq!(text, Drift::snapshot(v1::NodeError::CATALOG));
    assert!(text.starts_with("# Error catalog of NodeError, "));
    assert_eq!(
        text.lines().skip(1).collect::<Vec<_>>(),
        V1.lines().skip(1).collect::<Vec<_>>()
    );
    Drift::check_with(v1::NodeError::CATALOG, &path, false).unwrap();
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn update_rewrites_a_drifted_or_malformed_snapshot() {
    let path = temp("rewritten");
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    for old in [V1, "ERR-01-001 not a snapshot\n"] {
        fs::write(&path, old).unwrap();
        // Breaking changes are accepted too: the update is on purpose.
        assert!(Drift::check_with(mixed::NodeError::CATALOG, &path, false).is_err());
        Drift::check_with(mixed::NodeError::CATALOG, &path, true).unwrap();
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            Drift::snapshot(mixed::NodeError::CATALOG)
        );
        Drift::check_with(mixed::NodeError::CATALOG, &path, false).unwrap();
        // Unchanged catalogs leave the file as it is.
        Drift::check_with(mixed::NodeError::CATALOG, &path, true).unwrap();
    }
    fs::remove_file(&path).unwrap();
}

#[test]
fn unwritable_snapshot_is_reported() {
    // A directory where the file should be.
    let path = temp("a-directory");
    fs::create_dir_all(&path).unwrap();
    let drift = Drift::check_with(v1::NodeError::CATALOG, &path, true).unwrap_err();
    assert!(
        matches!(drift.snapshot_error(), Some(SnapshotError::Unwritable(_))),
        "{drift:?}"
    );
    assert!(
        drift.to_string().contains("cannot write the snapshot"),
        "{drift}"
    );
    let source = std::error::Error::source(&drift).unwrap();
    assert!(std::error::Error::source(source).is_some());
    let drift = Drift::check_with(v1::NodeError::CATALOG, &path, false).unwrap_err();
    assert!(
        matches!(drift.snapshot_error(), Some(SnapshotError::Unreadable(_))),
        "{drift:?}"
    );
    fs::remove_dir(&path).unwrap();
}

#[test]
fn assert_stable_panics_with_the_report() {
    if updating() {
        return;
    }
    let path = temp("assert");
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, V1).unwrap();
    let panic = std::panic::catch_unwind(|| {
        Drift::assert_stable(removed::NodeError::CATALOG, &path);
    })
    .unwrap_err();
    fs::remove_file(&path).unwrap();
    let message = panic.downcast_ref::<String>().unwrap();
    assert!(
        message.contains("[breaking] ERR-01-002: removed without being retired"),
        "{message}"
    );
}
