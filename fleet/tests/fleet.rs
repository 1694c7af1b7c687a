//! The fleet tool through its real parts: three small services, derived
//! here and exported by the library (`Export::assert_catalog_file`), composed into a
//! fleet; the built `apierror-fleet` binary checks, compares, documents them
//! and generates their SDKs; the TypeScript SDK is type-checked by `tsc
//! --strict` and run by Node.js on real bodies, the Python SDK checked by
//! `mypy --strict` and used by an `httpx` client against a real axum server
//! answering the services' errors.
//!
//! `tsc` is the one CI installs into `target/tmp/node_modules`, else one on
//! `PATH` (and `node` on `PATH`); Python is `$APIERROR_PYTHON`, else `python3`, with `mypy` and
//! `httpx` installed. A missing tool skips its part unless
//! `APIERROR_REQUIRE_TSC=1` / `APIERROR_REQUIRE_MYPY=1` (CI sets both).

use apierror::ApiError;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The first release of the fleet.
mod v1 {
    use apierror::ApiError;

    /// Errors of the billing service.
    #[allow(dead_code)]
    #[derive(Debug, ApiError)]
    #[api_error(pattern = "BILL-####", range = 1000..=1999, retired("BILL-1009"))]
    pub enum BillingError {
        /// The card was declined by the payment provider.
        #[code("BILL-1001")]
        #[status(402)]
        #[message("Payment of {amount} cents failed")]
        PaymentFailed { amount: u64, reason: Option<String> },
        #[code("BILL-1002")]
        #[status(404)]
        #[message("Invoice {invoice_id} not found")]
        InvoiceNotFound { invoice_id: String },
        #[code("BILL-1003")]
        #[status(409)]
        #[message("The invoice is already paid")]
        AlreadyPaid,
        #[code("BILL-1004")]
        #[status(400)]
        #[message("Coupons are no longer accepted")]
        CouponRejected,
    }

    /// Errors of the shipping service, as RFC 9457 problem details.
    #[allow(dead_code)]
    #[derive(Debug, ApiError)]
    #[api_error(format = "problem", pattern = "SHIP-####", range = 2000..=2999)]
    pub enum ShippingError {
        #[code("SHIP-2001")]
        #[status(404)]
        #[message("Parcel {parcel_id} not found")]
        ParcelNotFound { parcel_id: String },
        #[code("SHIP-2002")]
        #[status(422)]
        #[message("The address was rejected")]
        AddressRejected { line: u32, hint: String },
    }

    /// Errors of the accounts service.
    #[allow(dead_code)]
    #[derive(Debug, ApiError)]
    #[api_error(format = "tagged", pattern = "ACCT-####", range = 3000..=3999)]
    pub enum AccountsError {
        #[code("ACCT-3001")]
        #[status(403)]
        #[message("Account {account_id} is suspended")]
        AccountSuspended {
            account_id: String,
            until: Option<String>,
        },
        #[code("ACCT-3002")]
        #[status(401)]
        #[message("Sign in first")]
        NotSignedIn,
    }
}

/// The next release: one unintended break (BILL-1003 removed without being
/// retired), one intended break (SHIP-2002's `line` renamed `line_number`,
/// on the allow-list), and compatible changes.
mod v2 {
    use apierror::ApiError;

    /// Errors of the billing service.
    #[allow(dead_code)]
    #[derive(Debug, ApiError)]
    #[api_error(pattern = "BILL-####", range = 1000..=1999, retired("BILL-1009", "BILL-1004"))]
    pub enum BillingError {
        /// The card was declined by the payment provider.
        #[code("BILL-1001")]
        #[status(402)]
        #[message("The payment of {amount} cents failed")]
        PaymentFailed { amount: u64, reason: Option<String> },
        #[code("BILL-1002")]
        #[status(404)]
        #[message("Invoice {invoice_id} not found")]
        InvoiceNotFound { invoice_id: String },
    }

    /// Errors of the shipping service, as RFC 9457 problem details.
    #[allow(dead_code)]
    #[derive(Debug, ApiError)]
    #[api_error(format = "problem", pattern = "SHIP-####", range = 2000..=2999)]
    pub enum ShippingError {
        #[code("SHIP-2001")]
        #[status(404)]
        #[message("Parcel {parcel_id} not found")]
        ParcelNotFound { parcel_id: String },
        #[code("SHIP-2002")]
        #[status(422)]
        #[message("The address was rejected")]
        AddressRejected { line_number: u32, hint: String },
    }

    /// Errors of the accounts service.
    #[allow(dead_code)]
    #[derive(Debug, ApiError)]
    #[api_error(format = "tagged", pattern = "ACCT-####", range = 3000..=3999)]
    pub enum AccountsError {
        #[code("ACCT-3001")]
        #[status(403)]
        #[message("Account {account_id} is suspended")]
        AccountSuspended {
            account_id: String,
            until: Option<String>,
        },
        #[code("ACCT-3002")]
        #[status(401)]
        #[message("Sign in first")]
        NotSignedIn,
        #[code("ACCT-3003")]
        #[status(429)]
        #[message("Too many sign-in attempts")]
        TooManyAttempts { attempts: u32 },
    }
}

/// A service in AIP-193's format, whose details travel as strings.
mod google {
    use apierror::ApiError;

    #[allow(dead_code)]
    #[derive(Debug, ApiError)]
    #[api_error(format = "google", domain = "inventory.example.com", pattern = "INV-####", range = 4000..=4999)]
    pub enum InventoryError {
        #[code("INV-4001")]
        #[status(409)]
        #[message("Only {available} left of {sku}")]
        OutOfStock { sku: String, available: u32 },
    }
}

/// Two services that both include one shared error type.
mod shared {
    use apierror::ApiError;

    #[allow(dead_code)]
    #[derive(Debug, ApiError)]
    pub enum CommonError {
        #[code("COMMON-UNAVAILABLE")]
        #[status(503)]
        #[message("Try again later")]
        Unavailable,
    }

    #[allow(dead_code)]
    #[derive(Debug, ApiError)]
    pub enum OrdersError {
        #[code("ORD-NOT-FOUND")]
        #[status(404)]
        #[message("No such order")]
        NotFound,
        #[api_error(transparent)]
        Common(CommonError),
    }

    #[allow(dead_code)]
    #[derive(Debug, ApiError)]
    pub enum PaymentsError {
        #[code("PAY-DECLINED")]
        #[status(402)]
        #[message("Declined")]
        Declined,
        #[api_error(transparent)]
        Common(CommonError),
    }

    /// Declares the shared code itself: a real reuse.
    #[allow(dead_code)]
    #[derive(Debug, ApiError)]
    pub enum RogueError {
        #[code("COMMON-UNAVAILABLE")]
        #[status(503)]
        #[message("Down")]
        Down,
    }
}

/// A fourth service that breaks every rule of the fleet.
mod legacy {
    use apierror::ApiError;

    #[allow(dead_code)]
    #[derive(Debug, ApiError)]
    #[api_error(pattern = "BILL-####", range = 1000..=2500)]
    pub enum LegacyError {
        /// Billing's code, with another status.
        #[code("BILL-1001")]
        #[status(400)]
        #[message("Payment failed")]
        PaymentFailed,
        /// A code billing retired.
        #[code("BILL-1009")]
        #[status(410)]
        #[message("Gone")]
        Gone,
    }
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("apierror-fleet")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The three services of a release, written as each service's test writes
/// its committed catalog file.
fn release_1(dir: &Path) {
    apierror::export::Export::assert_catalog_file(
        v1::BillingError::CATALOG,
        dir.join("billing.json"),
    );
    apierror::export::Export::assert_catalog_file(
        v1::ShippingError::CATALOG,
        dir.join("shipping.json"),
    );
    apierror::export::Export::assert_catalog_file(
        v1::AccountsError::CATALOG,
        dir.join("accounts.json"),
    );
}

fn release_2(dir: &Path) {
    apierror::export::Export::assert_catalog_file(
        v2::BillingError::CATALOG,
        dir.join("billing.json"),
    );
    apierror::export::Export::assert_catalog_file(
        v2::ShippingError::CATALOG,
        dir.join("shipping.json"),
    );
    apierror::export::Export::assert_catalog_file(
        v2::AccountsError::CATALOG,
        dir.join("accounts.json"),
    );
}

fn fleet(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_apierror-fleet"));
    for arg in args {
        command.arg(arg);
    }
    command.output().expect("runs apierror-fleet")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn json_of(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", stdout(output), stderr(output)))
}

/// The worked example of the guide and the README, committed under
/// `fleet/example/` so that its commands run on a fresh clone: the two
/// releases' catalogs as each service's own test keeps them (this test
/// fails when one is stale; `APIERROR_UPDATE=1` rewrites them), and the
/// allow-list of the intended break.
#[test]
fn the_committed_example_fleet_is_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("example");
    release_1(&root.join("release-1"));
    release_2(&root.join("release-2"));
    let output = fleet(&[&"check", &root.join("release-2")]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let output = fleet(&[
        &"diff",
        &"--allow",
        &root.join("allowed-breaks.txt"),
        &root.join("release-1"),
        &root.join("release-2"),
    ]);
    let text = stdout(&output);
    // The rename is allowed; the removal without retiring is caught.
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("BREAKING code-removed"), "{text}");
    assert!(text.contains("\nallowed  field-renamed "), "{text}");
}

#[test]
fn a_clean_fleet_passes_check() {
    let dir = scratch("clean");
    release_1(&dir);
    let output = fleet(&[&"check", &dir]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}{}",
        stdout(&output),
        stderr(&output)
    );
    assert_eq!(
        stdout(&output),
        "3 services, 8 codes (codes unique per service): no findings\n"
    );
}

#[test]
fn check_finds_each_kind_of_finding() {
    let dir = scratch("check");
    release_1(&dir);
    apierror::export::Export::assert_catalog_file(
        legacy::LegacyError::CATALOG,
        dir.join("legacy.json"),
    );

    let output = fleet(&[&"check", &dir]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let text = stdout(&output);
    for line in [
        "error[code-reused]: BILL-1001 is used by 2 services: billing and legacy\n",
        "error[status-conflict]: BILL-1001 has 2 statuses: 402 in billing, 400 in legacy\n",
        "error[retired-reused]: BILL-1009 was retired by billing and is used again by legacy\n",
        "error[range-overlap]: declared ranges overlap: billing 1000-1999 and legacy 1000-2500\n",
        "4 services, 10 codes (codes unique per service): 4 findings\n",
    ] {
        assert!(text.contains(line), "missing {line:?} in:\n{text}");
    }
    // legacy's 1000-2500 reaches into shipping's 2000-2999, but `SHIP-####`
    // numbers other codes than `BILL-####`: no finding.
    assert!(!text.contains("shipping 2000-2999"), "{text}");

    let output = fleet(&[&"check", &"--json", &dir]);
    assert_eq!(output.status.code(), Some(1));
    let report = json_of(&output);
    let kinds: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "code-reused",
            "status-conflict",
            "retired-reused",
            "range-overlap",
        ]
    );
    assert_eq!(
        report["findings"][0]["services"],
        serde_json::json!(["billing", "legacy"])
    );
    assert_eq!(report["codes"], 10);

    // Codes per domain: billing and legacy are one domain, which may share
    // a code; its two statuses and the other rules still hold.
    std::fs::write(
        dir.join("apierror-fleet.json"),
        r#"{"codes": "per-domain", "services": {"billing": {"domain": "payments"}, "legacy": {"domain": "payments"}}}"#,
    )
    .unwrap();
    let report = json_of(&fleet(&[&"check", &"--json", &dir]));
    let kinds: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["status-conflict", "retired-reused"]);
    assert_eq!(report["codes_unique_per"], "domain");
    // --per-domain without a fleet file: each service is its own domain.
    std::fs::remove_file(dir.join("apierror-fleet.json")).unwrap();
    let report = json_of(&fleet(&[&"check", &"--json", &"--per-domain", &dir]));
    assert_eq!(report["findings"][0]["kind"], "code-reused");
    assert!(report["findings"][0]["message"]
        .as_str()
        .unwrap()
        .contains("2 domains"));
}

#[test]
fn a_code_included_from_one_shared_type_is_no_reuse() {
    let dir = scratch("shared");
    apierror::export::Export::assert_catalog_file(
        shared::OrdersError::CATALOG,
        dir.join("orders.json"),
    );
    apierror::export::Export::assert_catalog_file(
        shared::PaymentsError::CATALOG,
        dir.join("payments.json"),
    );
    let output = fleet(&[&"check", &dir]);
    assert_eq!(
        (output.status.code(), stdout(&output).as_str()),
        (
            Some(0),
            "2 services, 4 codes (codes unique per service): no findings\n"
        )
    );
    // A service declaring the same code itself is a reuse.
    apierror::export::Export::assert_catalog_file(
        shared::RogueError::CATALOG,
        dir.join("rogue.json"),
    );
    let output = fleet(&[&"check", &dir]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains(
            "error[code-reused]: COMMON-UNAVAILABLE is used by 3 services: orders, payments and rogue\n"
        ),
        "{}",
        stdout(&output)
    );
}

#[test]
fn diff_catches_the_break_and_allows_the_intended_one() {
    let old = scratch("diff-old");
    let new = scratch("diff-new");
    release_1(&old);
    release_2(&new);

    // Without an allow-list: both breaks fail the build.
    let output = fleet(&[&"diff", &old, &new]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains("BREAKING code-removed"), "{text}");
    assert!(text.contains("BREAKING field-renamed"), "{text}");
    assert!(
        text.ends_with("5 changes: 2 breaking, 0 breaking but allowed, 3 compatible\n"),
        "{text}"
    );

    // The intended rename is allowed; the removal is still caught.
    let allow = old.join("allowed-breaks.txt");
    std::fs::write(
        &allow,
        "# SHIP-2002: the field says what it holds (clients updated in release 2)\n\
         field-renamed shipping/SHIP-2002/line\n",
    )
    .unwrap();
    let output = fleet(&[&"diff", &"--json", &"--allow", &allow, &old, &new]);
    assert_eq!(output.status.code(), Some(1));
    let report = json_of(&output);
    let changes: Vec<(String, String, bool, bool)> = report["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["kind"].as_str().unwrap().to_owned(),
                c["subject"].as_str().unwrap().to_owned(),
                c["breaking"].as_bool().unwrap(),
                c["allowed"].as_bool().unwrap(),
            )
        })
        .collect();
    let expected = [
        ("code-added", "accounts/ACCT-3003", false, false),
        ("message-changed", "billing/BILL-1001", false, false),
        ("code-removed", "billing/BILL-1003", true, false),
        ("code-retired", "billing/BILL-1004", false, false),
        ("field-renamed", "shipping/SHIP-2002/line", true, true),
    ];
    let expected: Vec<(String, String, bool, bool)> = expected
        .iter()
        .map(|(k, s, b, a)| ((*k).to_owned(), (*s).to_owned(), *b, *a))
        .collect();
    assert_eq!(changes.len(), expected.len(), "{changes:#?}");
    for change in &expected {
        assert!(
            changes.contains(change),
            "missing {change:?} in {changes:#?}"
        );
    }
    assert_eq!(
        (report["breaking"].clone(), report["allowed"].clone()),
        (1.into(), 1.into())
    );

    // With the removal allowed too (say, its clients are gone), the release passes.
    std::fs::write(&allow, "field-renamed shipping/SHIP-2002/line\ncode-removed billing/BILL-1003 # retired next release\n").unwrap();
    let output = fleet(&[&"diff", &"--allow", &allow, &old, &new]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(
        stdout(&output).contains("\nallowed  code-removed "),
        "{}",
        stdout(&output)
    );
}

/// A copy of a catalog with one edit.
fn edited(from: &Path, to: &Path, edit: impl FnOnce(&mut Value)) {
    let mut value: Value = serde_json::from_str(&std::fs::read_to_string(from).unwrap()).unwrap();
    edit(&mut value);
    std::fs::write(to, serde_json::to_string_pretty(&value).unwrap()).unwrap();
}

#[test]
fn diff_classifies_each_kind_of_change() {
    let dir = scratch("kinds");
    let old = dir.join("billing.json");
    apierror::export::Export::assert_catalog_file(v1::BillingError::CATALOG, &old);
    type Edit = Box<dyn FnOnce(&mut Value)>;
    let cases: Vec<(&str, bool, Edit)> = vec![
        (
            "status-changed",
            true,
            Box::new(|v| v["errors"][1]["status"] = 410.into()),
        ),
        (
            "grpc-changed",
            true,
            Box::new(|v| v["errors"][1]["grpc"] = "FAILED_PRECONDITION".into()),
        ),
        (
            "format-changed",
            true,
            Box::new(|v| v["format"] = "problem".into()),
        ),
        (
            "code-removed",
            true,
            Box::new(|v| {
                v["errors"].as_array_mut().unwrap().remove(2);
            }),
        ),
        (
            "code-retired",
            false,
            Box::new(|v| {
                v["errors"].as_array_mut().unwrap().remove(2);
                v["retired"]
                    .as_array_mut()
                    .unwrap()
                    .push("BILL-1003".into());
            }),
        ),
        (
            "details-removed",
            true,
            Box::new(|v| v["errors"][1]["details"] = false.into()),
        ),
        (
            "field-removed",
            true,
            Box::new(|v| {
                v["errors"][0]["fields"].as_array_mut().unwrap().remove(1);
            }),
        ),
        (
            "field-renamed",
            true,
            Box::new(|v| v["errors"][1]["fields"][0]["name"] = "id".into()),
        ),
        (
            "field-retyped",
            true,
            Box::new(|v| {
                v["errors"][0]["fields"][0]["type"] = "String".into();
                v["errors"][0]["fields"][0]["json"] = "string".into();
            }),
        ),
        (
            "field-rust-type-changed",
            false,
            Box::new(|v| v["errors"][0]["fields"][0]["type"] = "u32".into()),
        ),
        (
            "field-required",
            true,
            Box::new(|v| v["errors"][0]["fields"][1]["required"] = true.into()),
        ),
        (
            "field-optional",
            true,
            Box::new(|v| v["errors"][1]["fields"][0]["required"] = false.into()),
        ),
        (
            "field-nullable",
            true,
            Box::new(|v| v["errors"][1]["fields"][0]["nullable"] = true.into()),
        ),
        (
            "field-added",
            false,
            Box::new(|v| {
                v["errors"][1]["fields"]
                .as_array_mut()
                .unwrap()
                .push(serde_json::json!({"name": "due", "type": "u64", "json": "integer", "nullable": false, "required": true}));
            }),
        ),
        (
            "message-changed",
            false,
            Box::new(|v| v["errors"][1]["message"] = "No invoice {invoice_id}".into()),
        ),
        (
            "code-added",
            false,
            Box::new(|v| {
                let mut code = v["errors"][2].clone();
                code["code"] = "BILL-1005".into();
                v["errors"].as_array_mut().unwrap().push(code);
            }),
        ),
        (
            "details-added",
            false,
            Box::new(|v| v["errors"][2]["details"] = true.into()),
        ),
    ];
    for (kind, breaking, edit) in cases {
        let new_dir = dir.join(kind);
        std::fs::create_dir_all(&new_dir).unwrap();
        // Two files are one service's two releases, whatever their names.
        let new = new_dir.join("billing-next.json");
        edited(&old, &new, edit);
        let output = fleet(&[&"diff", &"--json", &old, &new]);
        let report = json_of(&output);
        let kinds: Vec<&str> = report["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["kind"].as_str().unwrap())
            .collect();
        assert_eq!(kinds, [kind], "{kind}");
        assert_eq!(report["changes"][0]["breaking"], breaking, "{kind}");
        assert_eq!(output.status.code(), Some(i32::from(breaking)), "{kind}");
    }
    // A catalog written before `format`, `grpc` and the fields' `json`,
    // `nullable` and `required` existed reads as the same contract.
    let older = dir.join("older").join("billing.json");
    std::fs::create_dir_all(older.parent().unwrap()).unwrap();
    edited(&old, &older, |v| {
        v.as_object_mut().unwrap().remove("format");
        for error in v["errors"].as_array_mut().unwrap() {
            error.as_object_mut().unwrap().remove("grpc");
            for field in error["fields"].as_array_mut().unwrap() {
                for member in ["json", "nullable", "required"] {
                    field.as_object_mut().unwrap().remove(member);
                }
            }
        }
    });
    let output = fleet(&[&"diff", &older, &old]);
    assert_eq!(
        (output.status.code(), stdout(&output).as_str()),
        (
            Some(0),
            "0 changes: 0 breaking, 0 breaking but allowed, 0 compatible\n"
        )
    );

    // Documentation is not the contract: no change at all.
    let new = dir.join("docs").join("billing.json");
    std::fs::create_dir_all(new.parent().unwrap()).unwrap();
    edited(&old, &new, |v| {
        v["errors"][0]["description"] = "Declined.".into();
        v["errors"][0]["fields"][0]["description"] = "In cents.".into();
    });
    let output = fleet(&[&"diff", &old, &new]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output),
        "0 changes: 0 breaking, 0 breaking but allowed, 0 compatible\n"
    );
}

#[test]
fn diff_of_folders_matches_services_by_name() {
    let old = scratch("services-old");
    let new = scratch("services-new");
    apierror::export::Export::assert_catalog_file(
        v1::BillingError::CATALOG,
        old.join("billing.json"),
    );
    apierror::export::Export::assert_catalog_file(
        v1::ShippingError::CATALOG,
        old.join("shipping.json"),
    );
    apierror::export::Export::assert_catalog_file(
        v1::BillingError::CATALOG,
        new.join("billing.json"),
    );
    apierror::export::Export::assert_catalog_file(
        v1::AccountsError::CATALOG,
        new.join("accounts.json"),
    );
    let allow = scratch("services-allow").join("allow.txt");
    std::fs::write(
        &allow,
        "service-removed shipping  # merged into billing\nstatus-changed billing/*\n",
    )
    .unwrap();
    let output = fleet(&[&"diff", &"--allow", &allow, &old, &new]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(
        stdout(&output),
        "allowed  service-removed          shipping                         the service shipping and its 2 codes are gone\n\
         \x20        service-added            accounts                         new service accounts with 2 codes\n\
         2 changes: 0 breaking, 1 breaking but allowed, 1 compatible\n"
    );
    // The entry that allowed nothing is a warning, not a failure.
    assert!(
        stderr(&output)
            .contains("warning: allow-list line 2: `status-changed billing/*` allows no change"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn bad_input_is_a_clear_error_with_status_2() {
    let dir = scratch("bad");
    let broken = dir.join("broken.json");
    std::fs::write(&broken, "{\"errors\": [").unwrap();
    let not_a_catalog = dir.join("other.json");
    std::fs::write(&not_a_catalog, "{\"name\": \"x\"}").unwrap();
    let bad_status = dir.join("status.json");
    std::fs::write(
        &bad_status,
        r#"{"errors": [{"code": "A-1", "status": "teapot"}]}"#,
    )
    .unwrap();
    let allow = dir.join("allow.txt");
    std::fs::write(&allow, "status-changd billing/BILL-1\n").unwrap();
    let missing = dir.join("missing.json");
    let no_dir = dir.join("no-such-folder");
    let cases: Vec<(Vec<&dyn AsRef<std::ffi::OsStr>>, &str)> = vec![
        (
            vec![&"check", &broken],
            "broken.json: not valid JSON: EOF while parsing",
        ),
        (
            vec![&"check", &not_a_catalog],
            "other.json: `errors` is missing: not an apierror JSON catalog",
        ),
        (
            vec![&"check", &bad_status],
            "status.json: errors[0] (A-1): `status` is missing or not an HTTP status",
        ),
        (
            vec![&"check", &missing],
            "missing.json: No such file or directory",
        ),
        (
            vec![&"diff", &not_a_catalog],
            "diff takes two arguments: OLD NEW",
        ),
        (
            vec![&"diff", &"--allow", &allow, &bad_status, &bad_status],
            "status.json",
        ),
        (vec![&"frobnicate"], "unknown command `frobnicate`"),
        (
            vec![&"check", &"--colour", &broken],
            "unknown option `--colour`",
        ),
        (vec![&"sdk", &"cobol", &broken], "no SDK for `cobol`"),
        (
            vec![&"docs", &"--allow", &allow, &broken],
            "docs takes no `--allow`",
        ),
        (vec![&"check", &"--out"], "--out needs a value"),
        (vec![&"check", &no_dir], "No such file or directory"),
        (
            vec![&"diff", &dir, &bad_status],
            "diff compares two folders or two files, not a folder",
        ),
    ];
    for (args, message) in cases {
        let output = fleet(&args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{message}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains(message),
            "expected {message:?} in {}",
            stderr(&output)
        );
        assert!(!stderr(&output).contains("panicked"), "{}", stderr(&output));
    }
    // Help after a command is the usage, not a file name.
    for args in [
        vec![&"check" as &dyn AsRef<std::ffi::OsStr>, &"--help"],
        vec![&"diff", &"-h"],
    ] {
        let output = fleet(&args);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        assert!(stdout(&output).contains("usage:"), "{}", stdout(&output));
    }
    // The allow-list's own mistakes.
    let good = scratch("bad-allow");
    release_1(&good);
    let output = fleet(&[&"diff", &"--allow", &allow, &good, &good]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("allow.txt:1: unknown kind of change `status-changd`"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn docs_index_the_fleet_by_service_and_by_code() {
    let dir = scratch("docs");
    release_2(&dir);
    let out = dir.join("reference.md");
    let output = fleet(&[&"docs", &"--title", &"Shop errors", &"--out", &out, &dir]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = std::fs::read_to_string(&out).unwrap();
    for part in [
        "# Shop errors\n\n3 services, 7 codes; codes are unique per service.\n",
        "| [billing](#service-billing) | `BillingError` | billing | standard | 2 |\n",
        "| [shipping](#service-shipping) | `ShippingError` | shipping | problem | 2 |\n",
        // The code index is sorted by code, each row linking to its section.
        "| [`ACCT-3001`](#accounts-acct-3001) | [accounts](#service-accounts) | 403 | Account {account_id} is suspended |\n",
        "<a id=\"billing-bill-1001\"></a>\n\n### BILL-1001\n\n- **HTTP status**: 402\n- **gRPC code**: `FAILED_PRECONDITION`\n",
        "The card was declined by the payment provider.\n",
        "| `reason` | string | no |  |\n",
        "Retired codes, never reused: `BILL-1009`, `BILL-1004`.\n",
    ] {
        assert!(text.contains(part), "missing {part:?} in:\n{text}");
    }
    let index = text.find("## Codes").unwrap();
    let acct = text[index..].find("ACCT-3001").unwrap();
    let bill = text[index..].find("BILL-1001").unwrap();
    let ship = text[index..].find("SHIP-2001").unwrap();
    assert!(acct < bill && bill < ship);
}

fn required(variable: &str) -> bool {
    std::env::var(variable).is_ok_and(|v| v == "1")
}

fn tsc() -> Option<PathBuf> {
    let local = Path::new(env!("CARGO_TARGET_TMPDIR")).join("node_modules/.bin/tsc");
    if local.exists() {
        return Some(local);
    }
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join("tsc"))
        .find(|path| path.exists())
}

#[test]
fn typescript_sdk_type_checks_with_tsc_strict() {
    let dir = scratch("typescript");
    release_2(&dir.join("catalogs"));
    std::fs::create_dir_all(dir.join("catalogs")).unwrap();
    let sdk = dir.join("fleet-errors.ts");
    let output = fleet(&[&"sdk", &"typescript", &"--out", &sdk, &dir.join("catalogs")]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = std::fs::read_to_string(&sdk).unwrap();
    assert!(text.contains(
        "export interface BillingPaymentFailed {\n  readonly service: \"billing\";\n  readonly code: \"BILL-1001\";\n  readonly status: 402;\n  readonly message: string;\n  readonly details: { readonly \"amount\": number; readonly \"reason\"?: string; };\n}\n"
    ), "{text}");
    assert!(
        text.contains(
            "export type FleetError =\n  | AccountsAccountSuspended\n  | AccountsNotSignedIn\n"
        ),
        "{text}"
    );
    std::fs::write(dir.join("use.ts"), USE_TS).unwrap();
    std::fs::write(
        dir.join("tsconfig.json"),
        r#"{"compilerOptions": {"strict": true, "noEmit": true, "target": "es2020", "module": "es2020", "moduleResolution": "node", "skipLibCheck": true}, "files": ["fleet-errors.ts", "use.ts"]}"#,
    )
    .unwrap();
    let Some(tsc) = tsc() else {
        assert!(
            !required("APIERROR_REQUIRE_TSC"),
            "APIERROR_REQUIRE_TSC=1 but no tsc"
        );
        println!("skipped: tsc not found (npm install --prefix target/tmp typescript@5)");
        return;
    };
    let output = Command::new(&tsc)
        .arg("-p")
        .arg(dir.join("tsconfig.json"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "tsc rejected the SDK:\n{}{}",
        stdout(&output),
        stderr(&output)
    );

    // fleetError reads real bodies of the three formats, compiled and run
    // by Node.js.
    let bodies = [
        apierror::Render::new(&v2::BillingError::PaymentFailed {
            amount: 1200,
            reason: None,
        })
        .to_string(),
        apierror::Render::new(&v2::ShippingError::AddressRejected {
            line_number: 2,
            hint: "add a number".into(),
        })
        .to_string(),
        apierror::Render::new(&v2::AccountsError::AccountSuspended {
            account_id: "acc_7".into(),
            until: None,
        })
        .to_string(),
    ];
    let bodies: Vec<String> = bodies.into_iter().map(Result::unwrap).collect();
    std::fs::write(
        dir.join("run.ts"),
        RUN_TS.replace("BODIES", &format!("[{}]", bodies.join(", "))),
    )
    .unwrap();
    let output = Command::new(&tsc)
        .args([
            "--strict", "--target", "es2020", "--module", "commonjs", "--outDir",
        ])
        .arg(dir.join("out"))
        .arg(&sdk)
        .arg(dir.join("run.ts"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "tsc:\n{}{}",
        stdout(&output),
        stderr(&output)
    );
    let Ok(output) = Command::new("node").arg(dir.join("out/run.js")).output() else {
        assert!(
            !required("APIERROR_REQUIRE_TSC"),
            "APIERROR_REQUIRE_TSC=1 but no node"
        );
        println!("skipped: node not found");
        return;
    };
    assert!(
        output.status.success(),
        "node:\n{}{}",
        stdout(&output),
        stderr(&output)
    );
    assert_eq!(stdout(&output), "3 bodies read\n");
}

/// Reads the bodies a real server writes (BODIES: the standard, problem and
/// tagged bodies of BILL-1001, SHIP-2002 and ACCT-3001).
const RUN_TS: &str = r#"import { fleetError } from "./fleet-errors";

const bodies: unknown[] = BODIES;
const [billing, shipping, accounts] = bodies.map((body) => fleetError(body));
function check(ok: boolean, what: string): void {
  if (!ok) {
    throw new Error(what);
  }
}
check(billing?.code === "BILL-1001" && billing.details.amount === 1200 && billing.status === 402, "billing");
check(billing?.service === "billing" && billing.message === "The payment of 1200 cents failed", "billing message");
check(shipping?.code === "SHIP-2002" && shipping.details.line_number === 2 && shipping.details.hint === "add a number", "shipping");
check(accounts?.code === "ACCT-3001" && accounts.details.account_id === "acc_7" && accounts.status === 403, "accounts");
check(fleetError({ error: { code: "NOPE-1", message: "x" } }) === undefined, "unknown code");
check(fleetError("not an object") === undefined, "not an object");
console.log(`${bodies.length} bodies read`);
"#;

/// What a client writes with the TypeScript SDK; the `@ts-expect-error`
/// lines fail the check if the types let them through.
const USE_TS: &str = r#"import { FleetError, FLEET_CODES, fleetError, isFleetCode } from "./fleet-errors";

export function describe(error: FleetError): string {
  switch (error.code) {
    case "BILL-1001":
      return `${error.details.amount} cents: ${error.details.reason ?? "no reason"}`;
    case "SHIP-2002":
      return `line ${error.details.line_number}: ${error.details.hint}`;
    case "ACCT-3002":
      // @ts-expect-error: NotSignedIn sends no details
      return String(error.details);
    default:
      return error.message;
  }
}

const body: unknown = JSON.parse('{"error":{"code":"ACCT-3003","message":"x","details":{"attempts":3}}}');
const error = fleetError(body);
if (error !== undefined && error.code === "ACCT-3003") {
  const attempts: number = error.details.attempts;
  // @ts-expect-error: attempts is a number
  const wrong: string = error.details.attempts;
  console.log(attempts, wrong, describe(error));
}
const status: number = FLEET_CODES["SHIP-2001"].status;
// @ts-expect-error: not a code of the fleet
const missing = FLEET_CODES["BILL-1003"];
console.log(status, missing, isFleetCode("BILL-1001"));
"#;

/// The Python that runs the SDK's checks: `$APIERROR_PYTHON`, else
/// `python3`, if it has mypy and httpx.
fn python() -> Option<String> {
    let python = std::env::var("APIERROR_PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let found = Command::new(&python)
        .args(["-c", "import mypy, httpx"])
        .output()
        .is_ok_and(|output| output.status.success());
    if found {
        return Some(python);
    }
    assert!(
        !required("APIERROR_REQUIRE_MYPY"),
        "APIERROR_REQUIRE_MYPY=1 but {python} cannot import mypy and httpx (pip install mypy httpx)"
    );
    println!("skipped: {python} has no mypy or httpx (pip install mypy httpx)");
    None
}

async fn pay() -> Result<&'static str, v2::BillingError> {
    Err(v2::BillingError::PaymentFailed {
        amount: 1200,
        reason: Some("card declined".into()),
    })
}

async fn invoice() -> Result<&'static str, v2::BillingError> {
    Err(v2::BillingError::InvoiceNotFound {
        invoice_id: "inv_42".into(),
    })
}

async fn address() -> Result<&'static str, v2::ShippingError> {
    Err(v2::ShippingError::AddressRejected {
        line_number: 2,
        hint: "add a house number".into(),
    })
}

async fn me() -> Result<&'static str, v2::AccountsError> {
    Err(v2::AccountsError::AccountSuspended {
        account_id: "acc_7".into(),
        until: None,
    })
}

async fn login() -> Result<&'static str, v2::AccountsError> {
    Err(v2::AccountsError::NotSignedIn)
}

async fn stock() -> Result<&'static str, google::InventoryError> {
    Err(google::InventoryError::OutOfStock {
        sku: "mug-blue".into(),
        available: 3,
    })
}

async fn ok() -> &'static str {
    "fine"
}

#[test]
fn python_sdk_passes_mypy_strict_and_reads_a_real_server() {
    let dir = scratch("python");
    release_2(&dir.join("catalogs"));
    apierror::export::Export::assert_catalog_file(
        google::InventoryError::CATALOG,
        dir.join("catalogs/inventory.json"),
    );
    let inventory: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("catalogs/inventory.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        (
            &inventory["format"],
            &inventory["domain"],
            &inventory["errors"][0]["grpc"]
        ),
        (
            &"google".into(),
            &"inventory.example.com".into(),
            &"ABORTED".into()
        )
    );
    let output = fleet(&[
        &"sdk",
        &"python",
        &"--out",
        &dir.join("fleet_errors.py"),
        &dir.join("catalogs"),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let sdk = std::fs::read_to_string(dir.join("fleet_errors.py")).unwrap();
    for part in [
        "class BillingError(FleetError):\n",
        "class BillingPaymentFailed(BillingError):\n    \"\"\"BILL-1001, HTTP 402: The payment of {amount} cents failed\"\"\"\n",
        "BillingPaymentFailedDetails = TypedDict(\n    \"BillingPaymentFailedDetails\",\n    {\n        \"amount\": int,\n        \"reason\": NotRequired[str],\n    },\n)\n",
        "class ShippingAddressRejected(ShippingError):\n",
        "    \"ACCT-3002\": (AccountsNotSignedIn,),\n",
        "    \"BillingPaymentFailed\",\n    \"BillingPaymentFailedDetails\",\n",
    ] {
        assert!(sdk.contains(part), "missing {part:?} in:\n{sdk}");
    }
    std::fs::write(dir.join("client.py"), CLIENT_PY).unwrap();
    std::fs::write(dir.join("wrong.py"), WRONG_PY).unwrap();
    let Some(python) = python() else { return };

    // mypy --strict accepts the SDK and the client, and rejects a client
    // that mistypes a detail.
    let mypy = |file: &str| {
        Command::new(&python)
            .args(["-m", "mypy", "--strict", "--no-incremental", file])
            .current_dir(&dir)
            .output()
            .unwrap()
    };
    let checked = mypy("client.py");
    assert!(
        checked.status.success(),
        "mypy --strict:\n{}{}",
        stdout(&checked),
        stderr(&checked)
    );
    let wrong = mypy("wrong.py");
    assert!(
        !wrong.status.success(),
        "mypy let a mistyped detail through"
    );
    assert!(
        stdout(&wrong).contains("Incompatible types in assignment (expression has type \"int\", variable has type \"str\")"),
        "{}",
        stdout(&wrong)
    );

    // A real server answering the three services' errors on an ephemeral port.
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let address_ = listener.local_addr().unwrap();
    let app = axum::Router::new()
        .route("/billing/pay", axum::routing::post(pay))
        .route("/billing/invoices/inv_42", axum::routing::get(invoice))
        .route("/shipping/address", axum::routing::post(address))
        .route("/accounts/me", axum::routing::get(me))
        .route("/accounts/login", axum::routing::post(login))
        .route("/inventory/mug-blue", axum::routing::get(stock))
        .route("/health", axum::routing::get(ok));
    runtime.spawn(async move { axum::serve(listener, app).await.unwrap() });

    let output = Command::new(&python)
        .arg("client.py")
        .arg(format!("http://{address_}"))
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "client.py:\n{}{}",
        stdout(&output),
        stderr(&output)
    );
    assert_eq!(stdout(&output), "7 calls, each the right exception\n");
}

/// A client of the fleet: httpx against the real server, the SDK's
/// exceptions caught by code, by service and as any error of the fleet.
const CLIENT_PY: &str = r#"import sys
from typing import Optional

import httpx

import fleet_errors as fleet


def expect_error(response: httpx.Response) -> fleet.FleetError:
    try:
        fleet.raise_for_error(response)
    except fleet.FleetError as error:
        return error
    raise AssertionError(f"{response.request.url}: no error raised")


with httpx.Client(base_url=sys.argv[1], timeout=5) as client:
    assert client.get("/health").text == "fine"
    fleet.raise_for_error(client.get("/health"))

    try:
        fleet.raise_for_error(client.post("/billing/pay"))
        raise AssertionError("no exception")
    except fleet.BillingPaymentFailed as failed:
        amount: int = failed.details["amount"]
        reason: Optional[str] = failed.details.get("reason")
        assert (amount, reason) == (1200, "card declined"), failed.details
        assert (failed.status, failed.code, failed.SERVICE) == (402, "BILL-1001", "billing")
        assert failed.message == "The payment of 1200 cents failed", failed.message

    try:
        fleet.raise_for_error(client.get("/billing/invoices/inv_42"))
        raise AssertionError("no exception")
    except fleet.BillingError as billing:
        # Caught as any error of the billing service.
        assert isinstance(billing, fleet.BillingInvoiceNotFound), type(billing)
        assert billing.details["invoice_id"] == "inv_42"

    error = expect_error(client.post("/shipping/address"))
    assert isinstance(error, fleet.ShippingAddressRejected), type(error)
    line: int = error.details["line_number"]
    assert (line, error.details["hint"]) == (2, "add a house number"), error.details
    assert isinstance(error, fleet.ShippingError) and not isinstance(error, fleet.BillingError)

    error = expect_error(client.get("/accounts/me"))
    assert isinstance(error, fleet.AccountsAccountSuspended), type(error)
    assert error.details == {"account_id": "acc_7"}, error.details
    assert error.status == 403

    error = expect_error(client.post("/accounts/login"))
    assert type(error) is fleet.AccountsNotSignedIn, type(error)
    assert error.code == "ACCT-3002" and error.status == 401

    # AIP-193: the code is the ErrorInfo's reason, the details its metadata,
    # every value a string.
    error = expect_error(client.get("/inventory/mug-blue"))
    assert isinstance(error, fleet.InventoryOutOfStock), type(error)
    available: str = error.details["available"]
    assert (available, error.details["sku"], error.status) == ("3", "mug-blue", 409), error.details

    # A body no service of the fleet writes (the router's empty 404).
    error = expect_error(client.get("/nowhere"))
    assert type(error) is fleet.UnknownFleetError, type(error)
    assert (error.status, error.code, error.message) == (404, "", "HTTP 404"), (error.status, error.code)

    # Details that do not match the catalog are not trusted.
    odd = fleet.error_from_response(402, {"error": {"code": "BILL-1001", "message": "x", "details": {"amount": "12"}}})
    assert type(odd) is fleet.UnknownFleetError, type(odd)

print("7 calls, each the right exception")
"#;

/// A client that reads a detail as the wrong type: mypy must reject it.
const WRONG_PY: &str = r#"import fleet_errors as fleet


def amount_text(error: fleet.BillingPaymentFailed) -> str:
    text: str = error.details["amount"]
    return text
"#;
