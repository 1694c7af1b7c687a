//! Structured documentation: doc comments read at compile time, the
//! attributes that feed references (`class`, `doc_url`, `status_doc`,
//! categories by membership, a type's default `kind`, naming rules), and
//! what the exports and formats make of them.

use apierror::format::{Google, Problem, Standard};
use apierror::stability::Drift;
use apierror::{ApiError, Render};
use serde_json::{json, Value};

/// Errors of the choreography service.
///
/// All codes follow the format `CHOREO-XXXX`.
///
/// # Error Troubleshooting Tools
///
/// ## CLI Debugging
///
/// ```bash
/// # Enable debug mode
/// export CHOREO_DEBUG=true
/// ```
///
/// # Getting Help
/// 1. **Check Documentation**: Review relevant documentation sections
#[derive(Debug, ApiError)]
#[api_error(
    pattern = "CHOREO-####",
    doc_url = "https://docs.example.com/errors/{code:lowercase}"
)]
#[api_error(status_doc(400, "Bad Request (validation error)", "Check the request body"))]
#[api_error(status_doc(503, "Service temporarily unavailable"))]
pub enum ChoreoError {
    /// Component specification contains invalid configuration.
    ///
    /// Seen on `create` and `update`.
    ///
    /// # Causes
    /// - Invalid component name format
    /// - Unsupported runtime specified
    ///
    /// # Example
    /// ```text
    /// Component validation failed: spec.runtime 'php' is not supported.
    /// Supported runtimes: go, nodejs, python, java, dotnet
    /// ```
    ///
    /// # Resolution
    /// 1. **Check component name**: Must be DNS-1123 compliant
    /// 2. **Verify runtime**: Use supported runtimes
    ///
    /// ```bash
    /// # Validate component configuration
    /// choreo validate component ./my-component.yaml
    /// ```
    ///
    /// # Solution
    /// Fix the component file
    ///
    /// # Notes
    /// ## Since
    /// Version 2.
    #[code("CHOREO-1001")]
    #[status(400)]
    #[message("Component validation failed")]
    #[api_error(class = "ComponentValidationError")]
    ValidationFailed {
        /// The field that failed validation.
        field: String,
        reason: String,
    },

    #[code("CHOREO-1002")]
    #[status(409)]
    Undocumented,
}

#[test]
fn doc_comments_become_structured_docs() {
    let d = ChoreoError::CATALOG.find("CHOREO-1001").unwrap();
    let docs = d.docs();
    assert_eq!(
        d.description(),
        "Component specification contains invalid configuration."
    );
    assert_eq!(
        docs.causes(),
        [
            "Invalid component name format",
            "Unsupported runtime specified"
        ]
    );
    let example = docs.example().unwrap();
    assert_eq!(example.lang(), "text");
    assert_eq!(
        example.code(),
        "Component validation failed: spec.runtime 'php' is not supported.\nSupported runtimes: go, nodejs, python, java, dotnet"
    );
    assert_eq!(
        docs.resolution(),
        [
            "**Check component name**: Must be DNS-1123 compliant",
            "**Verify runtime**: Use supported runtimes"
        ]
    );
    assert_eq!(docs.commands().len(), 1);
    assert_eq!(docs.commands()[0].lang(), "bash");
    assert_eq!(
        docs.commands()[0].code(),
        "# Validate component configuration\nchoreo validate component ./my-component.yaml"
    );
    assert_eq!(docs.solution(), Some("Fix the component file"));
    let sections: Vec<_> = docs
        .sections()
        .iter()
        .map(|s| (s.heading(), s.body()))
        .collect();
    assert_eq!(
        sections,
        [
            ("", "Seen on `create` and `update`."),
            ("Notes", "## Since\nVersion 2.")
        ]
    );
    assert_eq!(docs.class(), Some("ComponentValidationError"));
    assert_eq!(docs.fields(), ["The field that failed validation.", ""]);

    let bare = ChoreoError::CATALOG.find("CHOREO-1002").unwrap();
    assert_eq!(bare.docs(), &apierror::doc::Docs::EMPTY);
    assert!(!bare.docs().is_structured());
}

#[test]
fn the_type_doc_is_introduction_and_appendices() {
    let catalog = ChoreoError::CATALOG;
    assert_eq!(
        catalog.description(),
        "Errors of the choreography service.\n\nAll codes follow the format `CHOREO-XXXX`."
    );
    let appendices: Vec<_> = catalog.appendices().iter().map(|s| s.heading()).collect();
    assert_eq!(appendices, ["Error Troubleshooting Tools", "Getting Help"]);
    let statuses: Vec<_> = catalog
        .statuses()
        .iter()
        .map(|s| (s.status(), s.description(), s.troubleshooting()))
        .collect();
    assert_eq!(
        statuses,
        [
            (
                400,
                "Bad Request (validation error)",
                Some("Check the request body")
            ),
            (503, "Service temporarily unavailable", None)
        ]
    );
}

#[test]
fn the_markdown_reference_carries_every_part() {
    let md = apierror::export::Export::markdown(ChoreoError::CATALOG);
    for expected in [
        "# ChoreoError\n\nErrors of the choreography service.\n\nAll codes follow the format `CHOREO-XXXX`.\n",
        "- **Class**: `ComponentValidationError`\n",
        "- **Documentation**: <https://docs.example.com/errors/choreo-1001>\n",
        "  - `field`: `String` — The field that failed validation.\n  - `reason`: `String`\n",
        "\n**Description**: Component specification contains invalid configuration.\n\nSeen on `create` and `update`.\n",
        "\n**Common Causes**:\n- Invalid component name format\n- Unsupported runtime specified\n",
        "\n**Example Error**:\n\n```text\nComponent validation failed: spec.runtime 'php' is not supported.\nSupported runtimes: go, nodejs, python, java, dotnet\n```\n",
        "\n**Resolution Steps**:\n1. **Check component name**: Must be DNS-1123 compliant\n2. **Verify runtime**: Use supported runtimes\n\n```bash\n# Validate component configuration\nchoreo validate component ./my-component.yaml\n```\n",
        "\n**Solution**: Fix the component file\n",
        // A variant's own headings sit under its entry.
        "\n#### Notes\n\n##### Since\nVersion 2.\n",
        // One row per status used or documented.
        "| Status | Meaning | Description | Troubleshooting | Codes |\n",
        "| 400 | Bad Request | Bad Request (validation error) | Check the request body | [CHOREO-1001](#CHOREO-1001) |\n",
        "| 409 | Conflict |  |  | [CHOREO-1002](#CHOREO-1002) |\n",
        "| 503 | Service Unavailable | Service temporarily unavailable |  |  |\n",
        // The section lists messages with their cause and solution.
        "| [`Component validation failed`](#CHOREO-1001) | 400 | Invalid component name format; Unsupported runtime specified | Fix the component file |\n",
        // Appendices close the reference, headings moved under `##`, and a
        // `#` in a fenced block is no heading.
        "\n## Error Troubleshooting Tools\n\n### CLI Debugging\n\n```bash\n# Enable debug mode\nexport CHOREO_DEBUG=true\n```\n",
        "\n## Getting Help\n\n1. **Check Documentation**: Review relevant documentation sections\n",
    ] {
        assert!(md.contains(expected), "missing {expected:?} in:\n{md}");
    }
    assert!(md.ends_with("Review relevant documentation sections\n"));
    // The undocumented code has no docs block at all.
    let bare = &md[md.find("### CHOREO-1002").unwrap()..];
    let bare = &bare[..bare.find("\n## ").unwrap()];
    assert!(!bare.contains("**Description**"), "{bare}");
}

#[test]
fn explain_gives_one_whole_entry() {
    let text = ChoreoError::CATALOG.explain("CHOREO-1001").unwrap();
    assert!(
        text.starts_with("# CHOREO-1001: Component validation failed\n"),
        "{text}"
    );
    for part in [
        "**Common Causes**",
        "**Example Error**",
        "**Resolution Steps**",
        "choreo validate component",
        "**Solution**: Fix the component file",
        "## Notes",
    ] {
        assert!(text.contains(part), "{part} missing in {text}");
    }
    assert!(!text.contains("CHOREO-1002"));
    assert_eq!(ChoreoError::CATALOG.explain("CHOREO-9999"), None);
}

#[test]
fn the_json_catalog_carries_every_part() {
    let value: Value =
        serde_json::from_str(&apierror::export::Export::json(ChoreoError::CATALOG)).unwrap();
    let error = &value["errors"][0];
    assert_eq!(
        error["description"],
        "Component specification contains invalid configuration."
    );
    assert_eq!(error["class"], "ComponentValidationError");
    assert_eq!(
        error["doc_url"],
        "https://docs.example.com/errors/choreo-1001"
    );
    assert_eq!(
        error["causes"],
        json!([
            "Invalid component name format",
            "Unsupported runtime specified"
        ])
    );
    assert_eq!(error["example"]["lang"], "text");
    assert_eq!(
        error["resolution"][1],
        "**Verify runtime**: Use supported runtimes"
    );
    assert_eq!(error["commands"][0]["lang"], "bash");
    assert_eq!(error["solution"], "Fix the component file");
    assert_eq!(
        error["sections"][1],
        json!({"heading": "Notes", "body": "## Since\nVersion 2."})
    );
    assert_eq!(
        error["fields"][0]["description"],
        "The field that failed validation."
    );
    assert_eq!(value["errors"][1]["causes"], json!([]));
    assert_eq!(value["appendices"][1]["heading"], "Getting Help");
    assert_eq!(
        value["statuses"][0]["troubleshooting"],
        "Check the request body"
    );
    assert_eq!(
        value["doc_url"],
        "https://docs.example.com/errors/{code:lowercase}"
    );
}

#[test]
fn snapshots_ignore_documentation_and_catch_contract_changes() {
    // Four versions of one type, `Error`, as it would be before and after
    // an edit: documented, plain, and with its status or code changed. Only
    // their catalogs are read.
    #[allow(dead_code)]
    mod documented {
        /// A documented copy of the plain type: same codes, statuses, messages.
        ///
        /// # Getting Help
        /// Ask.
        #[derive(Debug, apierror::ApiError)]
        #[api_error(doc_url = "https://docs.example.com/{code}")]
        #[api_error(status_doc(404, "Not found"))]
        pub enum Error {
            /// Now documented.
            ///
            /// # Causes
            /// - Something
            #[code("A_1")]
            #[status(404)]
            #[message("Not here")]
            #[api_error(class = "NotHereError")]
            NotHere {
                /// A field doc.
                id: u32,
            },
        }
    }
    #[allow(dead_code)]
    mod plain {
        #[derive(Debug, apierror::ApiError)]
        pub enum Error {
            #[code("A_1")]
            #[status(404)]
            #[message("Not here")]
            NotHere { id: u32 },
        }
    }
    #[allow(dead_code)]
    mod status_changed {
        #[derive(Debug, apierror::ApiError)]
        pub enum Error {
            #[code("A_1")]
            #[status(410)]
            #[message("Not here")]
            NotHere { id: u32 },
        }
    }
    #[allow(dead_code)]
    mod code_changed {
        #[derive(Debug, apierror::ApiError)]
        pub enum Error {
            #[code("A_2")]
            #[status(404)]
            #[message("Not here")]
            NotHere { id: u32 },
        }
    }
    use code_changed::Error as CodeChanged;
    use documented::Error as Documented;
    use plain::Error as Plain;
    use status_changed::Error as StatusChanged;
    let strip = |s: String| s.lines().skip(1).collect::<Vec<_>>().join("\n");
    let plain = strip(Drift::snapshot(Plain::CATALOG));
    assert_eq!(strip(Drift::snapshot(Documented::CATALOG)), plain);
    assert_ne!(strip(Drift::snapshot(StatusChanged::CATALOG)), plain);
    assert_ne!(strip(Drift::snapshot(CodeChanged::CATALOG)), plain);

    // Checked against a committed snapshot: the documented type passes the
    // plain one's, the changed ones do not.
    let dir = std::env::temp_dir().join(format!("apierror-docs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("a.catalog");
    std::fs::write(&path, Drift::snapshot(Plain::CATALOG)).unwrap();
    assert!(Drift::check_with(Documented::CATALOG, &path, false).is_ok());
    assert!(Drift::check_with(StatusChanged::CATALOG, &path, false).is_err());
    assert!(Drift::check_with(CodeChanged::CATALOG, &path, false).is_err());
    std::fs::remove_dir_all(&dir).ok();
}

/// Stripe-style: codes in snake_case, one kind for the type, a variant that
/// differs, documentation URLs with the code in kebab-case.
#[derive(Debug, ApiError)]
#[api_error(
    code = "snake_case",
    kind = "card_error",
    doc_url = "https://docs.example.com/error-codes/{code:kebab-case}",
    format = "openai"
)]
pub enum PaymentError {
    #[status(402)]
    #[message("Your card was declined")]
    CardDeclined,
    #[status(400)]
    #[message("Invalid request")]
    #[api_error(kind = "invalid_request_error")]
    InvalidRequest,
}

#[test]
fn a_type_kind_is_the_default_of_its_variants() {
    assert_eq!(
        PaymentError::CardDeclined.descriptor().kind(),
        Some("card_error")
    );
    assert_eq!(
        PaymentError::InvalidRequest.descriptor().kind(),
        Some("invalid_request_error")
    );
    let body: Value =
        serde_json::from_slice(&Render::new(&PaymentError::CardDeclined).to_vec().unwrap())
            .unwrap();
    assert_eq!(body["error"]["type"], "card_error");
}

#[test]
fn doc_urls_reach_every_format_that_has_a_place_for_them() {
    let e = PaymentError::CardDeclined;
    let url = "https://docs.example.com/error-codes/card-declined";
    assert_eq!(e.doc_url().unwrap().to_string(), url);

    // RFC 9457 `type`, on both write paths (the byte writer and serde).
    let format = Problem::new();
    let problem = Render::new(&e).format(&format);
    let written: Value = serde_json::from_slice(&problem.to_vec().unwrap()).unwrap();
    let serialized = serde_json::to_value(problem).unwrap();
    assert_eq!(written["type"], url);
    assert_eq!(serialized, written);
    // A `type_url` of the format still wins.
    let typed = Problem::with_type("https://errors.example.com/{code}");
    let written: Value =
        serde_json::from_slice(&Render::new(&e).format(&typed).to_vec().unwrap()).unwrap();
    assert_eq!(written["type"], "https://errors.example.com/card_declined");

    // AIP-193: a `google.rpc.Help` link after the `ErrorInfo`.
    let format = Google::new("payments.example.com");
    let google = Render::new(&e).format(&format);
    let written: Value = serde_json::from_slice(&google.to_vec().unwrap()).unwrap();
    assert_eq!(
        written["error"]["details"][1],
        json!({
            "@type": "type.googleapis.com/google.rpc.Help",
            "links": [{"description": "Documentation of card_declined", "url": url}]
        })
    );
    assert_eq!(serde_json::to_value(google).unwrap(), written);

    // The standard format has no member for it and is unchanged.
    let standard: Value =
        serde_json::from_slice(&Render::new(&e).format(&Standard).to_vec().unwrap()).unwrap();
    assert_eq!(
        standard,
        json!({"error": {"code": "card_declined", "message": "Your card was declined"}})
    );

    // Without `doc_url`, nothing changes.
    let plain: Value = serde_json::from_slice(
        &Render::new(&composed::AuthError::TokenExpired)
            .format(&Google::new("x"))
            .to_vec()
            .unwrap(),
    )
    .unwrap();
    assert!(plain["error"]["details"].as_array().unwrap().len() == 1);
}

mod composed {
    use apierror::ApiError;

    #[derive(Debug, ApiError)]
    #[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "AUTH_")]
    pub enum AuthError {
        #[status(401)]
        TokenExpired,
    }

    #[derive(Debug, ApiError)]
    #[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "BILLING_")]
    #[api_error(doc_url = "https://billing.example.com/{code}")]
    #[api_error(status_doc(402, "Payment needed"))]
    pub enum BillingError {
        #[status(402)]
        PaymentFailed,
    }

    /// The service's errors.
    #[derive(Debug, ApiError)]
    #[api_error(doc_url = "https://docs.example.com/errors/{code:kebab-case}")]
    #[api_error(status_doc(401, "Authentication required"))]
    pub enum ServiceError {
        #[api_error(transparent)]
        Auth(AuthError),
        #[api_error(transparent)]
        Billing(BillingError),
    }
}

#[test]
fn doc_urls_and_status_docs_follow_composition() {
    use composed::*;
    // The inner type's own URL wins; without one, the composing type's.
    let auth = ServiceError::Auth(AuthError::TokenExpired);
    assert_eq!(
        auth.doc_url().unwrap().to_string(),
        "https://docs.example.com/errors/auth-token-expired"
    );
    assert!(AuthError::TokenExpired.doc_url().is_none());
    let billing = ServiceError::Billing(BillingError::PaymentFailed);
    assert_eq!(
        billing.doc_url().unwrap().to_string(),
        "https://billing.example.com/BILLING_PAYMENT_FAILED"
    );
    // The reference agrees with the values.
    let md = apierror::export::Export::markdown(ServiceError::CATALOG);
    assert!(
        md.contains("- **Documentation**: <https://docs.example.com/errors/auth-token-expired>\n")
    );
    assert!(
        md.contains("- **Documentation**: <https://billing.example.com/BILLING_PAYMENT_FAILED>\n")
    );
    assert!(md.contains("| 401 | Unauthorized | Authentication required | [AUTH_TOKEN_EXPIRED](#AUTH_TOKEN_EXPIRED) |\n"), "{md}");
    assert!(md.contains("| 402 | Payment Required | Payment needed | [BILLING_PAYMENT_FAILED](#BILLING_PAYMENT_FAILED) |\n"));
    let json: Value =
        serde_json::from_str(&apierror::export::Export::json(ServiceError::CATALOG)).unwrap();
    assert_eq!(json["statuses"].as_array().unwrap().len(), 2);
    assert_eq!(
        json["errors"][0]["doc_url"],
        "https://docs.example.com/errors/auth-token-expired"
    );
    let problem: Value = serde_json::from_slice(
        &Render::new(&auth)
            .format(&apierror::format::Problem::new())
            .to_vec()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        problem["type"],
        "https://docs.example.com/errors/auth-token-expired"
    );
}

/// Categories by explicit membership, without range or prefix.
#[derive(Debug, ApiError)]
#[api_error(code = "snake_case")]
#[api_error(category(name = "auth", title = "Authentication & Authorization"))]
#[api_error(category(name = "rate", title = "Rate Limiting"))]
pub enum GatewayError {
    /// # Causes
    /// - API key not in config
    ///
    /// # Solution
    /// Add key to `api_keys` section
    #[status(401)]
    #[message("invalid api key")]
    #[api_error(category = "auth")]
    InvalidApiKey,
    #[status(429)]
    #[message("rate limit exceeded")]
    #[api_error(category = "rate")]
    RateLimitExceeded,
}

#[test]
fn categories_by_membership() {
    let catalog = GatewayError::CATALOG;
    assert_eq!(
        catalog.find("invalid_api_key").unwrap().category(),
        Some("auth")
    );
    assert_eq!(
        catalog.find("rate_limit_exceeded").unwrap().category(),
        Some("rate")
    );
    let category = &catalog.categories()[0];
    assert_eq!((category.range(), category.prefix()), (None, None));
    let md = apierror::export::Export::markdown(catalog);
    assert!(md.contains("\n## Authentication & Authorization\n"), "{md}");
    assert!(md.contains("\n## Rate Limiting\n"));
    assert!(md.contains("| [`invalid api key`](#invalid_api_key) | 401 | API key not in config | Add key to `api_keys` section |"));
}

#[test]
fn pascal_and_camel_case_codes() {
    #[derive(Debug, ApiError)]
    #[api_error(code = "PascalCase")]
    enum Reason {
        #[status(404)]
        NotFound,
        #[status(409)]
        AlreadyExists,
    }
    #[derive(Debug, ApiError)]
    #[api_error(code = "camelCase", prefix = "k8s.")]
    enum Camel {
        #[status(404)]
        NotFound,
    }
    assert_eq!(Reason::NotFound.code(), "NotFound");
    assert_eq!(Reason::AlreadyExists.code(), "AlreadyExists");
    assert_eq!(Camel::NotFound.code(), "k8s.notFound");
}

#[test]
fn a_struct_documents_its_one_code() {
    /// The quota is exhausted.
    ///
    /// # Causes
    /// - Too many projects
    #[derive(Debug, ApiError)]
    #[code("QUOTA_EXCEEDED")]
    #[status(403)]
    #[api_error(class = "QuotaExceededError")]
    struct QuotaExceeded;

    let d = QuotaExceeded.descriptor();
    assert_eq!(d.description(), "The quota is exhausted.");
    assert_eq!(d.docs().causes(), ["Too many projects"]);
    assert_eq!(d.docs().class(), Some("QuotaExceededError"));
    assert_eq!(
        QuotaExceeded::CATALOG.description(),
        "The quota is exhausted."
    );
    assert!(QuotaExceeded::CATALOG.appendices().is_empty());
}

/// A Stripe-style format of the user's own: `doc_url` is a member.
struct Stripe;

impl apierror::format::Format for Stripe {
    fn media_type(&self) -> &'static str {
        "application/json"
    }

    fn serialize<E, S>(
        &self,
        error: &E,
        _: &apierror::format::Context<'_>,
        serializer: S,
    ) -> Result<S::Ok, S::Error>
    where
        E: ApiError + ?Sized,
        S: serde::Serializer,
    {
        use serde::ser::SerializeMap;
        struct Inner<'a, E: ?Sized>(&'a E);
        impl<E: ApiError + ?Sized> serde::Serialize for Inner<'_, E> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(None)?;
                map.serialize_entry("code", self.0.code())?;
                map.serialize_entry("message", &self.0.message())?;
                if let Some(url) = self.0.doc_url() {
                    map.serialize_entry("doc_url", &format_args!("{url}"))?;
                }
                map.end()
            }
        }
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry("error", &Inner(error))?;
        map.end()
    }
}

#[test]
fn a_custom_format_reads_the_doc_url() {
    let body: Value = serde_json::from_slice(
        &Render::new(&PaymentError::CardDeclined)
            .format(&Stripe)
            .to_vec()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        body,
        json!({"error": {
            "code": "card_declined",
            "message": "Your card was declined",
            "doc_url": "https://docs.example.com/error-codes/card-declined"
        }})
    );
}

#[test]
fn doc_urls_reach_responses_of_the_types_own_format() {
    #[derive(Debug, ApiError)]
    #[api_error(
        code = "snake_case",
        format = "problem",
        doc_url = "https://docs.example.com/errors/{code:kebab-case}"
    )]
    enum OrderError {
        #[status(404)]
        OrderNotFound,
    }
    let url = "https://docs.example.com/errors/order-not-found";
    // What the derived axum / actix-web responses send.
    let response = apierror::Render::new(&OrderError::OrderNotFound).to_response();
    let body: Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(body["type"], url);
    // With a request context too.
    let context = apierror::format::Context::new()
        .with_request_id("req_1")
        .with_instance("/orders/9");
    let body: Value = serde_json::from_slice(
        &Render::new(&OrderError::OrderNotFound)
            .context(context)
            .to_vec()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        (body["type"].as_str(), body["instance"].as_str()),
        (Some(url), Some("/orders/9"))
    );
}
