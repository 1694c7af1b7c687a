//! Catalog export: the Markdown reference against golden files, the JSON
//! catalog parsed back field by field, and both exports of the five services'
//! catalogs.
//!
//! The golden files are `snapshots/export/*.md`. After an intended
//! change to the Markdown output, rewrite them with
//! `APIERROR_BLESS=1 cargo test -p apierror-tests --test exports export::` and review the diff.

use std::collections::BTreeMap;
use std::path::Path;

use apierror::export::{Export, JsonCatalog};
use apierror::{ApiError, Catalog};
use serde_json::{json, Value};

use crate::services;
use services::{hexabase, k0rdent, llm_gateway, openchoreo, phala};

// ---------------------------------------------------------------------------
// Hand-written catalogs for the golden files
// ---------------------------------------------------------------------------

/// Errors of the object storage.
///
/// Every code is `STO-` and four digits.
#[allow(dead_code)]
#[derive(Debug, ApiError)]
#[api_error(pattern = "STO-####", range = 1000..=2999, retired("STO-1003", "STO-2002"))]
#[api_error(category(name = "bucket", range = 1000..=1999, title = "Bucket errors"))]
#[api_error(category(name = "object", range = 2000..=2999))]
pub enum StorageError {
    /// The bucket does not exist, or the caller may not see it.
    #[code("STO-1001")]
    #[status(404)]
    #[message("Bucket '{bucket}' not found")]
    BucketNotFound { bucket: String },

    /// Bucket names are DNS labels.
    ///
    /// Lowercase letters, digits and `-` only:
    ///
    /// ```text
    /// my-bucket-01
    /// ```
    #[code("STO-1002")]
    #[status(422)]
    #[message("Invalid bucket name: use a-z | 0-9 | - *only*")]
    #[api_error(title = "Invalid Bucket Name")]
    InvalidBucketName {
        name: String,
        max_length: Option<u32>,
    },

    #[code("STO-2001")]
    #[status(413)]
    #[message("Object too large")]
    ObjectTooLarge { size: u64, limit: u64 },

    /// Too many uploads; retry later.
    #[code("STO-2003")]
    #[status(429)]
    #[message("Slow down")]
    #[api_error(kind = "rate_limit_error")]
    SlowDown {
        #[api_error(retry_after)]
        retry_after: u64,
        keys: Vec<String>,
    },

    /// The object is locked by a retention policy.
    #[code("STO-2004")]
    #[status(423)]
    #[message("Object is locked")]
    #[api_error(empty_details)]
    ObjectLocked,
}

/// Errors of user accounts.
#[allow(dead_code)]
#[derive(Debug, ApiError)]
#[api_error(
    code = "SCREAMING_SNAKE_CASE",
    prefix = "ACCOUNT_",
    retired("ACCOUNT_BANNED")
)]
#[api_error(category(name = "account", prefix = "ACCOUNT_", title = "Account errors"))]
pub enum AccountError {
    /// The account has been suspended by an administrator.
    #[status(403)]
    #[message("Account {account_id} is suspended")]
    Suspended { account_id: String },
}

/// Every error of the example service.
#[allow(dead_code)]
#[derive(Debug, ApiError)]
pub enum ServiceError {
    #[api_error(transparent)]
    Accounts(AccountError),

    /// The service is shutting down.
    #[code("SERVICE_UNAVAILABLE")]
    #[status(503)]
    #[message("Service unavailable")]
    Unavailable,

    #[api_error(transparent)]
    Storage(StorageError),
}

/// A flat catalog: no pattern, no category, nothing included.
#[allow(dead_code)]
#[derive(Debug, ApiError)]
#[api_error(code = "snake_case")]
pub enum FlatError {
    #[status(400)]
    #[message("Use <b>only</b> [links](x) & $math$ | done")]
    Odd,

    #[status(400)]
    #[message("Send {{\"items\": [...]}} with {count:>4} items, not {other}")]
    Braces { count: u32, other: String },
}

/// Compares `actual` with the golden file `snapshots/export/{name}`, or
/// rewrites the file when `APIERROR_BLESS` is set.
fn assert_golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("snapshots/export")
        .join(name);
    if std::env::var_os("APIERROR_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    if actual != expected {
        let line = actual
            .lines()
            .zip(expected.lines())
            .position(|(a, e)| a != e)
            .unwrap_or_else(|| actual.lines().count().min(expected.lines().count()));
        panic!(
            "{name} differs from the golden file, first at line {}:\n  actual:   {:?}\n  expected: {:?}\n\
             (APIERROR_BLESS=1 cargo test -p apierror-tests --test exports export:: rewrites it)\n\nactual output:\n{actual}",
            line + 1,
            actual.lines().nth(line),
            expected.lines().nth(line),
        );
    }
}

#[test]
fn markdown_of_a_categorized_catalog_matches_golden_file() {
    assert_golden("storage.md", &Export::markdown(StorageError::CATALOG));
}

#[test]
fn markdown_of_a_composed_catalog_matches_golden_file() {
    assert_golden("service.md", &Export::markdown(ServiceError::CATALOG));
}

// ---------------------------------------------------------------------------
// Markdown: structure and escaping
// ---------------------------------------------------------------------------

/// The `## ` headings of a document, in order.
fn sections(markdown: &str) -> Vec<&str> {
    markdown
        .lines()
        .filter_map(|line| line.strip_prefix("## "))
        .collect()
}

#[test]
fn categorized_catalog_has_one_section_per_category_with_codes() {
    let markdown = Export::markdown(StorageError::CATALOG);
    assert_eq!(
        sections(&markdown),
        [
            "Code format",
            "Categories",
            "Index",
            "HTTP Status Codes",
            "Bucket errors (1000-1999)",
            "object (2000-2999)",
            "Retired codes",
        ]
    );
    // The codes sit under their category, in declaration order.
    let bucket = markdown.find("## Bucket errors").unwrap();
    let object = markdown.find("## object (2000-2999)").unwrap();
    let position = |code: &str| markdown.find(&format!("### {code}: ")).unwrap();
    assert!(bucket < position("STO-1001") && position("STO-1001") < position("STO-1002"));
    assert!(position("STO-1002") < object && object < position("STO-2001"));
    assert!(position("STO-2001") < position("STO-2003"));
}

#[test]
fn composed_catalog_has_one_section_per_module_in_declaration_order() {
    let markdown = Export::markdown(ServiceError::CATALOG);
    assert_eq!(
        sections(&markdown),
        [
            "Modules",
            "Index",
            "HTTP Status Codes",
            "AccountError (`ACCOUNT_*`)",
            "ServiceError",
            "StorageError (`STO-####`)",
            "Retired codes",
        ]
    );
    // The included type's doc comment introduces its section.
    assert!(markdown.contains(
        "## AccountError (`ACCOUNT_*`)\n\nErrors of user accounts.\n\nCategory: `account` (`ACCOUNT_*`).\n"
    ));
    // Retired codes of every included type, each with the type retiring it.
    assert!(markdown.ends_with(
        "- `ACCOUNT_BANNED` (retired by `AccountError`)\n\
         - `STO-1003` (retired by `StorageError`)\n\
         - `STO-2002` (retired by `StorageError`)\n"
    ));
}

#[test]
fn flat_catalog_has_a_single_errors_section() {
    let markdown = Export::markdown(FlatError::CATALOG);
    assert_eq!(
        sections(&markdown),
        ["Index", "HTTP Status Codes", "Errors", "Retired codes"]
    );
    assert!(markdown.ends_with("## Retired codes\n\nNo code has been retired.\n"));
    assert!(!markdown.contains("## Code format"));
}

#[test]
fn free_text_is_escaped_and_templates_are_verbatim() {
    let markdown = Export::markdown(FlatError::CATALOG);
    // Heading: HTML, links, math and pipes escaped; a `&` that starts no
    // entity is left as it is.
    assert!(markdown
        .contains("### odd: Use \\<b\\>only\\</b\\> \\[links\\](x) & \\$math\\$ \\| done\n"));
    // The message template is shown exactly, in a code span.
    assert!(markdown.contains("- **Message**: `Use <b>only</b> [links](x) & $math$ | done`\n"));
    // Nowhere else unescaped: not in the index either.
    assert_eq!(
        markdown.matches("<b>").count(),
        1,
        "raw HTML outside a code span"
    );
    assert!(markdown.contains("| `FlatError::Odd` | Use \\<b\\>only"));

    // Placeholders are code in prose; doubled braces are the braces they stand for.
    assert!(markdown.contains(
        "### braces: Send {\"items\": \\[...\\]} with `{count:>4}` items, not `{other}`\n"
    ));
    assert!(markdown.contains(
        "- **Message**: `Send {{\"items\": [...]}} with {count:>4} items, not {other}`\n"
    ));
}

/// The cells of a Markdown table row, split on unescaped pipes.
fn cells(row: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut chars = row.trim().chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                cells.last_mut().unwrap().push(c);
                if let Some(next) = chars.next() {
                    cells.last_mut().unwrap().push(next);
                }
            }
            '|' => cells.push(String::new()),
            _ => cells.last_mut().unwrap().push(c),
        }
    }
    // Drop the empty cells outside the leading and trailing pipes.
    cells.remove(0);
    cells.pop();
    cells.into_iter().map(|c| c.trim().to_owned()).collect()
}

#[test]
fn index_rows_keep_four_cells_whatever_the_message() {
    for catalog in [FlatError::CATALOG, StorageError::CATALOG] {
        let markdown = Export::markdown(catalog);
        let rows: Vec<&str> = markdown
            .lines()
            .skip_while(|line| *line != "## Index")
            .skip(4)
            .take_while(|line| line.starts_with('|'))
            .collect();
        assert_eq!(rows.len(), catalog.len());
        for (row, d) in rows.iter().zip(catalog.iter()) {
            let cells = cells(row);
            assert_eq!(cells.len(), 4, "{row}");
            assert_eq!(cells[0], format!("[{0}](#{0})", d.code()));
            assert_eq!(cells[1], d.status().as_u16().to_string());
        }
    }
    let markdown = Export::markdown(StorageError::CATALOG);
    assert!(markdown.contains(
        "| [STO-1002](#STO-1002) | 422 | `StorageError::InvalidBucketName` | Invalid bucket name: use a-z \\| 0-9 \\| - \\*only\\* |\n"
    ));
}

#[test]
fn markdown_is_deterministic() {
    for catalog in services() {
        assert_eq!(Export::markdown(catalog), Export::markdown(catalog));
        assert_eq!(Export::json(catalog), Export::json(catalog));
    }
}

// ---------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------

fn parse(catalog: &Catalog) -> Value {
    serde_json::from_str(&Export::json(catalog)).expect("Export::json is valid JSON")
}

#[test]
fn json_is_pretty_and_matches_the_serialize_wrapper() {
    let text = Export::json(StorageError::CATALOG);
    assert!(text.starts_with("{\n  \"type\": \"StorageError\",\n"));
    let wrapper = serde_json::to_value(JsonCatalog(StorageError::CATALOG)).unwrap();
    assert_eq!(parse(StorageError::CATALOG), wrapper);
    // Keys in the documented order.
    let keys: Vec<&String> = wrapper.as_object().unwrap().keys().collect();
    assert_eq!(
        keys.len(),
        13,
        "type, description, pattern, range, categories, retired, errors, doc_url, class, format, domain, appendices, statuses"
    );
    let order = [
        "\"type\"",
        "\"description\"",
        "\"pattern\"",
        "\"range\"",
        "\"categories\"",
        "\"retired\"",
        "\"errors\"",
        "\n  \"doc_url\"",
        "\n  \"class\"",
        "\n  \"format\"",
        "\n  \"domain\"",
        "\n  \"appendices\"",
        "\n  \"statuses\"",
    ];
    let offsets: Vec<usize> = order.iter().map(|k| text.find(k).unwrap()).collect();
    assert!(offsets.windows(2).all(|w| w[0] < w[1]), "{offsets:?}");
}

#[test]
fn json_of_a_hand_written_catalog_field_by_field() {
    let value = parse(StorageError::CATALOG);
    assert_eq!(value["type"], "StorageError");
    assert_eq!(
        value["description"],
        "Errors of the object storage.\n\nEvery code is `STO-` and four digits."
    );
    assert_eq!(value["pattern"], "STO-####");
    assert_eq!(value["range"], json!([1000, 2999]));
    assert_eq!(
        value["categories"],
        json!([
            {"name": "bucket", "title": "Bucket errors", "range": [1000, 1999], "prefix": null},
            {"name": "object", "title": null, "range": [2000, 2999], "prefix": null},
        ])
    );
    assert_eq!(value["retired"], json!(["STO-1003", "STO-2002"]));
    let errors = value["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 5);
    assert_eq!(
        errors[1],
        json!({
            "code": "STO-1002",
            "status": 422,
            "variant": "InvalidBucketName",
            "type": "StorageError",
            "message": "Invalid bucket name: use a-z | 0-9 | - *only*",
            "description": "Bucket names are DNS labels.",
            "category": "bucket",
            "title": "Invalid Bucket Name",
            "kind": null,
            "fields": [
                {"name": "name", "type": "String", "description": "", "json": "string", "nullable": false, "required": true},
                {"name": "max_length", "type": "Option<u32>", "description": "", "json": "integer", "nullable": false, "required": false},
            ],
            "details": true,
            "retry_after": false,
            "grpc": "FAILED_PRECONDITION",
            "class": null,
            "doc_url": null,
            "causes": [],
            "example": null,
            "resolution": [],
            "commands": [],
            "solution": null,
            // The paragraphs after the first, before any heading.
            "sections": [{
                "heading": "",
                "body": "Lowercase letters, digits and `-` only:\n\n```text\nmy-bucket-01\n```",
            }],
        })
    );
    assert_eq!(errors[3]["kind"], "rate_limit_error");
    assert_eq!(errors[3]["retry_after"], true);
    assert_eq!(
        errors[3]["fields"],
        json!([
            {"name": "retry_after", "type": "u64", "description": "", "json": "integer", "nullable": false, "required": true},
            {"name": "keys", "type": "Vec<String>", "description": "", "json": "array", "nullable": false, "required": true}
        ])
    );
    // `empty_details`: a details object without fields.
    assert_eq!(errors[4]["fields"], json!([]));
    assert_eq!(errors[4]["details"], true);
    assert_eq!(errors[2]["description"], "");
}

#[test]
fn json_of_a_composed_catalog_flattens_and_collects() {
    let value = parse(ServiceError::CATALOG);
    assert_eq!(value["pattern"], Value::Null);
    assert_eq!(value["range"], Value::Null);
    let codes: Vec<&str> = value["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [
            "ACCOUNT_SUSPENDED",
            "SERVICE_UNAVAILABLE",
            "STO-1001",
            "STO-1002",
            "STO-2001",
            "STO-2003",
            "STO-2004"
        ]
    );
    let types: Vec<&str> = value["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["type"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        [
            "AccountError",
            "ServiceError",
            "StorageError",
            "StorageError",
            "StorageError",
            "StorageError",
            "StorageError"
        ]
    );
    assert_eq!(
        value["retired"],
        json!(["ACCOUNT_BANNED", "STO-1003", "STO-2002"])
    );
    // Categories of the included types, so that every error's category resolves.
    let names: Vec<&str> = value["categories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["account", "bucket", "object"]);
    assert_eq!(value["categories"][0]["prefix"], "ACCOUNT_");
}

/// Phala's 29 codes: (code, status, declaring type, variant).
#[rustfmt::skip]
const PHALA: [(&str, u16, &str, &str); 29] = [
    ("ERR-01-001", 404, "PreflightError", "NodeNotFound"),
    ("ERR-01-002", 400, "PreflightError", "ComposeFileRequired"),
    ("ERR-01-003", 422, "PreflightError", "InvalidComposeFile"),
    ("ERR-01-004", 409, "PreflightError", "DuplicateCvmName"),
    ("ERR-01-005", 465, "PreflightError", "HashRegistrationRequired"),
    ("ERR-01-006", 466, "PreflightError", "HashInvalidOrExpired"),
    ("ERR-01-007", 467, "PreflightError", "TxVerificationFailed"),
    ("ERR-01-008", 468, "PreflightError", "HashNotAllowed"),
    ("ERR-02-001", 404, "InventoryError", "InstanceTypeNotFound"),
    ("ERR-02-002", 409, "InventoryError", "ResourceNotAvailable"),
    ("ERR-02-003", 409, "InventoryError", "InsufficientVcpu"),
    ("ERR-02-004", 409, "InventoryError", "InsufficientMemory"),
    ("ERR-02-005", 409, "InventoryError", "InsufficientSlots"),
    ("ERR-02-006", 409, "InventoryError", "GpuAllocation"),
    ("ERR-02-007", 409, "InventoryError", "InsufficientGpu"),
    ("ERR-02-008", 400, "InventoryError", "InvalidRequest"),
    ("ERR-02-009", 422, "InventoryError", "IncompatibleConfiguration"),
    ("ERR-02-010", 404, "InventoryError", "ImageNotFound"),
    ("ERR-02-011", 404, "InventoryError", "KmsNotFound"),
    ("ERR-02-012", 404, "InventoryError", "TeepodNotAccessible"),
    ("ERR-02-013", 404, "InventoryError", "OsImageNotCompatible"),
    ("ERR-02-014", 404, "InventoryError", "NodeCapacityNotConfigured"),
    ("ERR-02-015", 403, "InventoryError", "QuotaExceeded"),
    ("ERR-03-001", 404, "CvmOperationError", "CvmNotFound"),
    ("ERR-03-002", 409, "CvmOperationError", "MultipleCvmsWithSameName"),
    ("ERR-03-005", 404, "CvmOperationError", "CvmAccessDenied"),
    ("ERR-04-001", 402, "WorkspaceError", "InsufficientBalance"),
    ("ERR-04-002", 403, "WorkspaceError", "MaxCvmLimit"),
    ("ERR-04-003", 403, "WorkspaceError", "ResourceLimitExceeded"),
];

#[test]
fn phala_json_catalog_field_by_field() {
    let value = parse(phala::PhalaError::CATALOG);
    assert_eq!(value["type"], "PhalaError");
    assert!(value["description"].as_str().unwrap().starts_with(
        "Every error the Phala Cloud API returns; each module keeps its own enum.\n\n"
    ));
    assert_eq!(value["pattern"], Value::Null);
    assert_eq!(value["range"], Value::Null);
    assert_eq!(value["categories"], json!([]));
    assert_eq!(value["retired"], json!(["ERR-03-003", "ERR-03-004"]));

    // Detail fields: (code) -> [(name, type)]; every other code has none.
    let fields: BTreeMap<&str, Value> = BTreeMap::from([
        (
            "ERR-01-004",
            json!([{"name": "name", "type": "String", "description": "", "json": "string", "nullable": false, "required": true}]),
        ),
        (
            "ERR-02-001",
            json!([{"name": "instance_type", "type": "String", "description": "", "json": "string", "nullable": false, "required": true}]),
        ),
        (
            "ERR-02-003",
            json!([{"name": "requested", "type": "u32", "description": "", "json": "integer", "nullable": false, "required": true}, {"name": "available", "type": "u32", "description": "", "json": "integer", "nullable": false, "required": true}]),
        ),
        (
            "ERR-03-001",
            json!([{"name": "cvm_id", "type": "String", "description": "", "json": "string", "nullable": false, "required": true}]),
        ),
        (
            "ERR-03-005",
            json!([{"name": "cvm_id", "type": "String", "description": "", "json": "string", "nullable": false, "required": true}]),
        ),
    ]);

    let errors = value["errors"].as_array().unwrap();
    assert_eq!(errors.len(), PHALA.len());
    for (error, (code, status, ty, variant)) in errors.iter().zip(PHALA) {
        assert_eq!(error["code"], code);
        assert_eq!(error["status"], status, "{code}");
        assert_eq!(error["type"], ty, "{code}");
        assert_eq!(error["variant"], variant, "{code}");
        let descriptor = phala::PhalaError::CATALOG.find(code).unwrap();
        assert_eq!(error["message"], descriptor.template(), "{code}");
        assert_eq!(error["description"], descriptor.description(), "{code}");
        assert!(
            error["description"]
                .as_str()
                .unwrap()
                .starts_with("Raised when"),
            "{code}"
        );
        assert_eq!(error["category"], Value::Null, "{code}");
        assert_eq!(error["title"], Value::Null, "{code}");
        assert_eq!(error["kind"], Value::Null, "{code}");
        assert_eq!(error["retry_after"], false, "{code}");
        let expected = fields.get(code).cloned().unwrap_or_else(|| json!([]));
        assert_eq!(error["details"], fields.contains_key(code), "{code}");
        assert_eq!(error["fields"], expected, "{code}");
        assert_eq!(error.as_object().unwrap().len(), 21, "{code}");
    }
    assert_eq!(
        errors[3]["message"],
        "A CVM with name '{name}' already exists in this workspace"
    );
}

#[test]
fn published_json_catalogs_resolve_categories_kinds_and_retry_after() {
    let choreo = parse(openchoreo::OpenChoreoError::CATALOG);
    assert_eq!(choreo["pattern"], "CHOREO-####");
    assert_eq!(choreo["range"], json!([1000, 9999]));
    assert_eq!(choreo["categories"].as_array().unwrap().len(), 9);
    assert_eq!(
        choreo["categories"][0],
        json!({"name": "component", "title": "Component-related errors", "range": [1000, 1999], "prefix": null})
    );
    assert_eq!(choreo["errors"][0]["title"], "Component Validation Failed");

    let gateway = parse(llm_gateway::GatewayError::CATALOG);
    let limited = gateway["errors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["code"] == "RATE_LIMIT_EXCEEDED")
        .unwrap();
    assert_eq!(limited["kind"], "rate_limit_error");
    assert_eq!(limited["retry_after"], true);
    assert_eq!(limited["status"], 429);

    // Hexabase declares its categories in the module types only; each error's
    // category is still one of the catalog's.
    for catalog in services() {
        let value = parse(catalog);
        let names: Vec<&Value> = value["categories"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| &c["name"])
            .collect();
        for error in value["errors"].as_array().unwrap() {
            if !error["category"].is_null() {
                assert!(names.contains(&&error["category"]), "{error}");
            }
        }
    }
    assert_eq!(
        parse(hexabase::HexabaseError::CATALOG)["categories"]
            .as_array()
            .unwrap()
            .len(),
        10
    );
}

// ---------------------------------------------------------------------------
// The five service catalogs
// ---------------------------------------------------------------------------

fn services() -> [&'static Catalog; 5] {
    [
        openchoreo::OpenChoreoError::CATALOG,
        llm_gateway::GatewayError::CATALOG,
        hexabase::HexabaseError::CATALOG,
        k0rdent::K0rdentError::CATALOG,
        phala::PhalaError::CATALOG,
    ]
}

#[test]
fn every_published_code_appears_in_both_exports() {
    for catalog in services() {
        let markdown = Export::markdown(catalog);
        let json = parse(catalog);
        let errors = json["errors"].as_array().unwrap();
        assert_eq!(errors.len(), catalog.len(), "{}", catalog.type_name());
        assert!(catalog.len() >= 10);
        assert!(markdown.starts_with(&format!("# {}\n", catalog.type_name())));
        for (d, error) in catalog.iter().zip(errors) {
            let code = d.code();
            assert_eq!(error["code"], code);
            assert_eq!(error["status"], d.status().as_u16());
            assert_eq!(error["type"], d.type_name());
            assert_eq!(
                markdown.matches(&format!("\n### {code}: ")).count(),
                1,
                "{code}"
            );
            assert!(
                markdown.contains(&format!("<a id=\"{code}\"></a>")),
                "{code}"
            );
            assert!(
                markdown.contains(&format!("| [{code}](#{code}) | {} |", d.status().as_u16())),
                "{code}"
            );
            assert!(
                markdown.contains(&format!(
                    "- **Variant**: `{}::{}`",
                    d.type_name(),
                    d.variant()
                )),
                "{code}"
            );
        }
        // One entry per code (appendices may have `###` headings of their own).
        assert_eq!(markdown.matches("\n<a id=\"").count(), catalog.len());
        let retired: Vec<&str> = catalog.all_retired().collect();
        assert_eq!(json["retired"], json!(retired));
        let tail = &markdown[markdown.find("\n## Retired codes\n").unwrap()..];
        for code in retired {
            assert!(
                tail.contains(&format!("- `{code}` (retired by `")),
                "{code}"
            );
        }
    }
}

#[test]
fn published_markdown_shows_statuses_details_and_sections() {
    let phala = Export::markdown(phala::PhalaError::CATALOG);
    assert!(phala.contains(
        "### ERR-02-003: The selected node does not have enough CPU capacity\n\n\
         - **HTTP Status**: 409 Conflict\n\
         - **Variant**: `InventoryError::InsufficientVcpu`\n\
         - **Class**: `InsufficientVcpuError`\n\
         - **Message**: `The selected node does not have enough CPU capacity`\n\
         - **Details**:\n  - `requested`: `u32`\n  - `available`: `u32`\n\
         \n**Description**: Raised when teepod has insufficient vCPU resources.\n"
    ));
    assert!(phala.contains("- **HTTP Status**: 465 (non-standard)\n"));
    assert!(
        phala.contains("| `CvmOperationError` | `ERR-03-###` | 3 | Module 03 - CVM Operations |\n")
    );
    assert!(
        phala.contains("\n## PreflightError (`ERR-01-###`)\n\nModule 01 - CVM API / Preflight\n")
    );

    let choreo = Export::markdown(openchoreo::OpenChoreoError::CATALOG);
    assert!(choreo
        .contains("\n## Categories\n\n- **1000-1999**: Component-related errors (`component`)\n"));
    assert!(choreo.contains("\n## System/Internal errors (9000-9999)\n"));
    assert!(choreo.contains("### CHOREO-1001: Component Validation Failed\n"));
    assert!(choreo.contains(
        "Codes follow the pattern `CHOREO-####`, where each `#` is a digit; the number they form lies between 1000 and 9999.\n"
    ));

    let hexabase = Export::markdown(hexabase::HexabaseError::CATALOG);
    assert!(hexabase.contains("### AUTH_INVALID_CREDENTIALS: Invalid email or password\n"));
    assert!(hexabase.contains("- **Details**: always sent, empty (`{}`)\n"));
    assert!(hexabase
        .contains("- **Retry-After**: the response carries a `Retry-After` header, in seconds\n"));
    assert!(hexabase.contains("  - `fields`: `BTreeMap<String, String>`"));

    let gateway = Export::markdown(llm_gateway::GatewayError::CATALOG);
    assert!(gateway.contains("\n## Authentication & Authorization\n"));
    assert!(gateway.contains("- **Kind**: `rate_limit_error`\n"));
    assert!(gateway.contains("\nNo code has been retired.\n\n## Common Issues & Solutions\n"));
}

/// No `Serialize` that a name could tell: documented by `schema = ...`.
#[derive(Debug, serde::Serialize)]
#[serde(transparent)]
pub struct Sku(String);

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum SkuError {
    #[status(404)]
    #[message("No such SKU")]
    SkuNotFound {
        #[api_error(schema = String)]
        sku: Sku,
        #[api_error(schema = Vec<u32>)]
        bins: Option<Sku>,
        raw: Sku,
    },
}

#[test]
fn schema_attribute_documents_a_field_as_another_type_in_every_export() {
    let schema: serde_json::Value = serde_json::from_str(&Export::json_schema(
        SkuError::CATALOG,
        &apierror::format::BuiltIn::default(),
    ))
    .unwrap();
    let details = &schema["oneOf"][0]["properties"]["error"]["properties"]["details"];
    assert_eq!(
        details["properties"]["sku"],
        serde_json::json!({"type": "string"})
    );
    assert_eq!(details["properties"]["bins"]["type"], "array");
    assert_eq!(
        details["properties"]["raw"],
        serde_json::json!(true),
        "unknown: unconstrained"
    );
    assert_eq!(details["required"], serde_json::json!(["sku", "raw"]));
    let ts = Export::typescript(SkuError::CATALOG);
    assert!(
        ts.contains(r#""SKU_NOT_FOUND": { sku: string; bins?: number[]; raw: unknown };"#),
        "{ts}"
    );
}
