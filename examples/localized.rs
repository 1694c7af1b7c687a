//! One catalog in three languages: Hexabase's resource errors with German
//! and French messages read at compile time from `examples/translations`,
//! answered in the language a request's `Accept-Language` prefers, with
//! `Content-Language` on the response, in the standard format, RFC 9457
//! and AIP-193 (whose `LocalizedMessage` carries the translation).
//!
//! ```sh
//! cargo run --example localized
//! ```
//!
//! A code without a line in `de.toml` or `fr.toml`, or a translation whose
//! `{placeholder}` names no details field, does not compile.

use apierror::format::{Context, Google, Problem};
use apierror::{ApiError, Render};

/// Resource-related errors (`RESOURCE_*`).
#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "RESOURCE_")]
#[api_error(
    language = "en",
    locales("de", "fr"),
    translations = "examples/translations"
)]
pub enum ResourceError {
    /// Requested resource does not exist
    #[status(404)]
    #[message("Resource {resource_id} not found")]
    NotFound {
        resource_type: String,
        resource_id: String,
    },
    /// Resource with same identifier already exists
    #[status(409)]
    #[message("A resource with {field} \"{value}\" already exists")]
    #[api_error(grpc = "ALREADY_EXISTS")]
    AlreadyExists {
        resource_type: String,
        field: String,
        value: String,
    },
    /// Resource limit for the account has been exceeded
    #[status(422)]
    #[message("Resource limit reached: {current} of {limit} on the {plan} plan")]
    LimitExceeded {
        resource_type: String,
        limit: u32,
        current: u32,
        plan: String,
    },
}

fn main() {
    let error = ResourceError::AlreadyExists {
        resource_type: "project".into(),
        field: "namespace".into(),
        value: "frontend".into(),
    };
    // What the axum and actix-web request-context layers read from each
    // request; here written by hand.
    for accept_language in ["de-DE, de;q=0.9", "fr-CH, fr;q=0.9, en;q=0.5", "ja", ""] {
        let context = Context::new().with_accept_language(accept_language);
        let response = Render::new(&error).context(context).to_response();
        let language = response.headers()["content-language"].to_str().unwrap();
        println!("Accept-Language: {accept_language:?} -> Content-Language: {language}");
        println!("  {}", String::from_utf8_lossy(response.body()));
        let problem = Render::new(&error)
            .format(&Problem::new())
            .context(context)
            .to_string()
            .unwrap();
        println!("  {problem}");
    }
    // AIP-193 keeps its developer-facing English `message` and adds the
    // translation as a `google.rpc.LocalizedMessage`.
    let limit = ResourceError::LimitExceeded {
        resource_type: "workspace".into(),
        limit: 5,
        current: 5,
        plan: "standard".into(),
    };
    let google = Render::new(&limit)
        .format(&Google::new("api.hexabase.ai"))
        .context(Context::new().with_accept_language("de"))
        .to_string()
        .unwrap();
    println!("\nAIP-193, Accept-Language: de\n  {google}");
    assert!(google.contains("\"locale\":\"de\""));
    assert!(google.contains("Ressourcenlimit erreicht: 5 von 5 im Tarif standard"));
    let missing = ResourceError::NotFound {
        resource_type: "workspace".into(),
        resource_id: "ws-123".into(),
    };
    for (language, text) in missing.descriptor().translations() {
        println!("{} in {language}: {text}", missing.code());
    }
}
