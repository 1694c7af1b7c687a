//! Localized public messages: translations read at compile time from
//! `locales/<language>.toml`, chosen by the request's
//! `Accept-Language` in every built-in format, in responses (with
//! `Content-Language`), behind the axum and actix-web request-context
//! layers on real sockets, in gRPC statuses and in the JSON catalog.

use apierror::decode::Decode;
use apierror::format::{BuiltIn, Context, Google, OpenAi, Problem, Standard, Tagged, WebSocket};
use apierror::{ApiError, Render, Violation, Violations};
use serde_json::{json, Value};

use crate::translated;

use translated::{QuotaExceeded, ResourceError};

/// An untranslated type that still says its language.
#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", language = "en-GB")]
pub enum Plain {
    #[status(404)]
    #[message("Colour not found")]
    ColourNotFound,
}

/// Two types of a service sharing one file per language, a table each.
#[derive(Debug, Clone, PartialEq, ApiError)]
#[api_error(decode)]
#[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "AUTH_", status = 401)]
#[api_error(language = "en", locales("de"), translations = "locales/service")]
pub enum AuthError {
    #[message("The token has expired")]
    TokenExpired,
    #[status(403)]
    #[message("Not allowed to {action}")]
    Forbidden { action: String },
}

#[test]
fn types_share_a_file_with_a_table_each() {
    let german = Context::new().with_accept_language("de");
    let forbidden = AuthError::Forbidden {
        action: "delete".into(),
    };
    let text = Render::new(&forbidden).context(german).to_string().unwrap();
    assert!(text.contains("\"Keine Berechtigung für delete\""), "{text}");
    let quota = QuotaExceeded {
        limit: 100,
        retry_after_secs: 30,
    };
    let response = Render::new(&quota).context(german).to_response();
    assert_eq!(response.headers()["content-language"], "de");
    assert_eq!(response.headers()["retry-after"], "30");
    let body: Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(
        body["error"]["message"],
        "Kontingent von 100 Anfragen überschritten; in 30 s erneut versuchen"
    );
    assert_eq!(
        AuthError::TokenExpired.descriptor().translations(),
        [("de", "Das Token ist abgelaufen")]
    );
}

/// The service's type: its variants answer in their own types' languages.
#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum ServiceError {
    #[api_error(transparent)]
    Resource(ResourceError),
    #[api_error(transparent)]
    Auth(AuthError),
}

#[test]
fn composed_types_and_decoding_read_translations() {
    let german = Context::new().with_accept_language("de");
    let error = ServiceError::Resource(exists());
    let response = Render::new(&error).context(german).to_response();
    assert_eq!(response.headers()["content-language"], "de");
    let body: Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(
        body["error"]["message"],
        "Die Ressource „frontend“ gibt es bereits"
    );
    // A client decodes a translated body as it decodes the English one.
    let forbidden = AuthError::Forbidden {
        action: "delete".into(),
    };
    for context in [german, Context::new()] {
        let body = Render::new(&forbidden).context(context).to_vec().unwrap();
        let decoded = AuthError::decode(&body).unwrap();
        assert_eq!(decoded.known(), Some(forbidden.clone()));
    }
}

/// Every translated body decodes, in every built-in format: the OpenAI
/// style, which has no code, by the translated template too.
#[test]
fn every_translated_body_decodes_in_every_format() {
    let errors = [
        AuthError::TokenExpired,
        AuthError::Forbidden {
            action: "delete".into(),
        },
        AuthError::Forbidden {
            action: String::new(),
        },
    ];
    let formats = crate::outputs::every_built_in("api.example.com");
    for format in &formats {
        for language in ["de", "de-CH, en;q=0.5", "en", "fr"] {
            let context = Context::new().with_accept_language(language);
            for error in &errors {
                let body = Render::new(error)
                    .format(format)
                    .context(context)
                    .to_vec()
                    .unwrap();
                let decoded = AuthError::decode(&body).unwrap();
                assert_eq!(
                    decoded.known().as_ref(),
                    Some(error),
                    "{format:?} {language}: {}",
                    String::from_utf8_lossy(&body)
                );
            }
        }
    }
}

fn exists() -> ResourceError {
    ResourceError::AlreadyExists {
        resource_type: "project".into(),
        value: "frontend".into(),
        owner: "secret-owner-7".into(),
    }
}

fn body<F: apierror::format::Format>(
    error: &ResourceError,
    format: &F,
    language: Option<&str>,
) -> Value {
    let mut context = Context::new();
    if let Some(language) = language {
        context = context.with_accept_language(language);
    }
    let bytes = Render::new(error)
        .format(format)
        .context(context)
        .to_vec()
        .unwrap();
    serde_json::from_slice(&bytes).unwrap()
}

#[test]
fn the_descriptor_has_the_translations_read_at_compile_time() {
    let error = exists();
    let descriptor = error.descriptor();
    assert_eq!(descriptor.language(), Some("en"));
    assert_eq!(
        descriptor.translations(),
        [
            ("de", "Die Ressource „{value}“ gibt es bereits"),
            ("fr", "La ressource « {value} » existe déjà"),
        ]
    );
    // Literal strings keep backslashes; basic strings unescape.
    let quoted = ResourceError::Quoted { name: "x".into() };
    assert_eq!(
        quoted.descriptor().translations(),
        [
            ("de", "Zitat: \"{name}\" \\ ok"),
            ("fr", "Citation : \"{name}\"")
        ]
    );
    assert_eq!(Plain::ColourNotFound.descriptor().language(), Some("en-GB"));
    assert!(Plain::ColourNotFound.descriptor().translations().is_empty());
}

#[test]
fn every_format_answers_in_the_language_asked_for() {
    let error = exists();
    let german = "Die Ressource „frontend“ gibt es bereits";
    let english = "Resource frontend already exists";
    for (language, message) in [(Some("de"), german), (None, english), (Some("en"), english)] {
        assert_eq!(
            body(&error, &Standard, language)["error"]["message"],
            message
        );
        assert_eq!(body(&error, &Tagged, language)["error"]["message"], message);
        assert_eq!(
            body(&error, &WebSocket, language)["error"]["message"],
            message
        );
        assert_eq!(body(&error, &OpenAi, language)["error"]["message"], message);
        assert_eq!(body(&error, &Problem::new(), language)["detail"], message);
    }
    // The details stay as they are; internal fields stay out.
    let german_body = body(&error, &Standard, Some("de"));
    assert_eq!(
        german_body,
        json!({"error": {"code": "RESOURCE_ALREADY_EXISTS", "message": german,
               "details": {"resource_type": "project", "value": "frontend"}}})
    );
    for format in all_formats() {
        let text = String::from_utf8(
            Render::new(&error)
                .format(&format)
                .context(Context::new().with_accept_language("de"))
                .to_vec()
                .unwrap(),
        )
        .unwrap();
        assert!(!text.contains("secret-owner-7"), "{text}");
    }
}

fn all_formats() -> Vec<BuiltIn> {
    crate::outputs::every_built_in("example.com")
}

#[test]
fn aip_193_keeps_its_message_and_adds_a_localized_message() {
    let error = exists();
    let google = Google::new("example.com");
    let german = body(&error, &google, Some("de-AT, en;q=0.5"));
    assert_eq!(
        german["error"]["message"],
        "Resource frontend already exists"
    );
    let details = german["error"]["details"].as_array().unwrap();
    assert_eq!(
        details[0]["@type"],
        "type.googleapis.com/google.rpc.ErrorInfo"
    );
    assert_eq!(
        details[1],
        json!({"@type": "type.googleapis.com/google.rpc.LocalizedMessage",
               "locale": "de", "message": "Die Ressource „frontend“ gibt es bereits"})
    );
    // In the type's own language, no LocalizedMessage.
    let english = body(&error, &google, Some("en-US"));
    assert_eq!(english["error"]["details"].as_array().unwrap().len(), 1);
    // With a validation list: ErrorInfo, BadRequest, LocalizedMessage.
    let invalid = ResourceError::Invalid {
        violations: Violations::from_iter([Violation::new(
            "/name",
            "required",
            "name is required",
        )]),
    };
    let french = body(&invalid, &google, Some("fr"));
    let types: Vec<&str> = french["error"]["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["@type"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        [
            "type.googleapis.com/google.rpc.ErrorInfo",
            "type.googleapis.com/google.rpc.BadRequest",
            "type.googleapis.com/google.rpc.LocalizedMessage",
        ]
    );
    assert_eq!(
        french["error"]["details"][2]["message"],
        "Requête invalide : name: name is required"
    );
}

#[test]
fn accept_language_is_negotiated_with_fallbacks() {
    let error = ResourceError::LimitExceeded {
        limit: 5,
        current: 5,
    };
    for (header, message) in [
        ("de", "Ressourcenlimit von 5 überschritten"),
        ("de-CH", "Ressourcenlimit von 5 überschritten"),
        ("FR-ca", "Limite de 5 ressources dépassée"),
        ("it, fr;q=0.2, de;q=0.1", "Limite de 5 ressources dépassée"),
        ("fr;q=0.4, de;q=0.9", "Ressourcenlimit von 5 überschritten"),
        ("it", "Resource limit of 5 exceeded"),
        ("*", "Resource limit of 5 exceeded"),
        ("de;q=0", "Resource limit of 5 exceeded"),
        ("", "Resource limit of 5 exceeded"),
        ("\u{e9};;==,", "Resource limit of 5 exceeded"),
    ] {
        assert_eq!(
            body(&error, &Standard, Some(header))["error"]["message"],
            message,
            "{header:?}"
        );
    }
}

#[test]
fn responses_say_the_language_and_vary_on_accept_language() {
    let error = exists();
    let response = Render::new(&error)
        .context(Context::new().with_accept_language("fr-FR"))
        .to_response();
    let headers = response.headers();
    assert_eq!(headers["content-language"], "fr");
    assert_eq!(headers["vary"], "accept-language");
    let body: Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(
        body["error"]["message"],
        "La ressource « frontend » existe déjà"
    );
    // Without a header: the type's language.
    let response = Render::new(&error).to_response();
    assert_eq!(response.headers()["content-language"], "en");
    // An untranslated type with a language says it, and does not vary.
    let response = Render::new(&Plain::ColourNotFound).to_response();
    assert_eq!(response.headers()["content-language"], "en-GB");
    assert!(response.headers().get("vary").is_none());
}

#[test]
fn translated_values_are_escaped_and_html_safe() {
    let error = ResourceError::Quoted {
        name: "</script>\"\\\n\u{2028}".into(),
    };
    for format in all_formats() {
        for html_safe in [false, true] {
            let mut render = Render::new(&error)
                .format(&format)
                .context(Context::new().with_accept_language("de"));
            if html_safe {
                render = render.html_safe();
            }
            let text = render.to_string().unwrap();
            let value: Value = serde_json::from_str(&text).expect("valid JSON");
            let message = match &format {
                BuiltIn::Problem(_) => value["detail"].clone(),
                BuiltIn::Google(_) => value["error"]["details"][1]["message"].clone(),
                _ => value["error"]["message"].clone(),
            };
            assert_eq!(message, "Zitat: \"</script>\"\\\n\u{2028}\" \\ ok");
            if html_safe {
                assert!(!text.contains('<') && !text.contains('>'), "{text}");
            }
        }
    }
}

#[test]
fn untranslated_renders_are_unchanged() {
    // Without Accept-Language (the fast path) and with the type's own
    // language (the serde path), the same bytes.
    let error = exists();
    for format in all_formats() {
        let plain = Render::new(&error).format(&format).to_vec().unwrap();
        let asked = Render::new(&error)
            .format(&format)
            .context(Context::new().with_accept_language("en"))
            .to_vec()
            .unwrap();
        assert_eq!(plain, asked);
    }
}

#[test]
fn the_json_catalog_lists_each_codes_translations() {
    let json: Value =
        serde_json::to_value(apierror::export::JsonCatalog(ResourceError::CATALOG)).unwrap();
    let first = &json["errors"][1];
    assert_eq!(first["code"], "RESOURCE_ALREADY_EXISTS");
    assert_eq!(first["language"], "en");
    assert_eq!(
        first["translations"],
        json!({"de": "Die Ressource „{value}“ gibt es bereits",
               "fr": "La ressource « {value} » existe déjà"})
    );
    let reference = apierror::export::Export::markdown(ResourceError::CATALOG);
    assert!(
        reference.contains("- **Translations**:\n  - `de`: `Die Ressource „{value}“ gibt es bereits`\n  - `fr`: `La ressource « {value} » existe déjà`\n"),
        "{reference}"
    );
    // An untranslated type has neither key.
    let plain: Value = serde_json::to_value(apierror::export::JsonCatalog(Plain::CATALOG)).unwrap();
    assert_eq!(plain["errors"][0]["language"], "en-GB");
    assert!(plain["errors"][0].get("translations").is_none());
}

#[test]
fn grpc_statuses_carry_a_localized_message() {
    use apierror::grpc::Grpc;
    use tonic_types::StatusExt;
    let error = exists();
    let status = Grpc::new("resources.example.com").status_in(&error, Some("de"));
    assert_eq!(status.code(), tonic::Code::AlreadyExists);
    assert_eq!(status.message(), "Resource frontend already exists");
    let details = status.check_error_details().unwrap();
    let localized = details.localized_message().unwrap();
    assert_eq!(localized.locale, "de");
    assert_eq!(
        localized.message,
        "Die Ressource „frontend“ gibt es bereits"
    );
    // The derived conversion has no request: no LocalizedMessage.
    let status: tonic::Status = exists().into();
    assert!(status
        .check_error_details()
        .unwrap()
        .localized_message()
        .is_none());
    let mut metadata = tonic::metadata::MetadataMap::new();
    metadata.insert("accept-language", "fr".parse().unwrap());
    assert_eq!(Grpc::accept_language(&metadata), Some("fr"));
}

use crate::http_client;

/// Real services: handlers that return `Err(e)` behind the request-context
/// layers answer in the language of the request.
mod services {
    use super::*;
    use apierror::request::RequestContext;
    use http_client::{get_with, Reply};

    const CASES: [(Option<&str>, &str, &str); 4] = [
        (Some("de"), "de", "Ressourcenlimit von 5 überschritten"),
        (
            Some("fr-CH;q=0.8, en;q=0.7"),
            "fr",
            "Limite de 5 ressources dépassée",
        ),
        (Some("ja"), "en", "Resource limit of 5 exceeded"),
        (None, "en", "Resource limit of 5 exceeded"),
    ];

    async fn limit() -> Result<String, ResourceError> {
        Err(ResourceError::LimitExceeded {
            limit: 5,
            current: 5,
        })
    }

    /// A batch made in the handler takes the request's language.
    async fn batch() -> apierror::http::Response<Vec<u8>> {
        let mut bulk = apierror::Bulk::new();
        bulk.error(
            "r-1",
            &ResourceError::LimitExceeded {
                limit: 5,
                current: 5,
            },
        )
        .unwrap();
        bulk.into_response()
    }

    fn fetch(base: &str) -> Vec<Reply> {
        let mut replies: Vec<Reply> = CASES
            .iter()
            .map(|(header, _, _)| {
                let headers: Vec<(&str, &str)> =
                    header.iter().map(|h| ("Accept-Language", *h)).collect();
                get_with(&format!("{base}/limit"), &headers)
            })
            .collect();
        // A header past the bound is ignored.
        let long = format!("{},de", "xx;q=0.1,".repeat(40));
        replies.push(get_with(
            &format!("{base}/limit"),
            &[("Accept-Language", &long)],
        ));
        replies.push(get_with(
            &format!("{base}/batch"),
            &[("Accept-Language", "de")],
        ));
        replies
    }

    fn check(replies: &[Reply]) {
        for (reply, (header, language, message)) in replies.iter().zip(CASES) {
            assert_eq!(reply.status, 422, "{header:?}");
            assert_eq!(
                reply.header("content-language"),
                Some(language),
                "{header:?}"
            );
            assert_eq!(reply.header("vary"), Some("accept-language"), "{header:?}");
            assert_eq!(reply.json()["error"]["message"], message, "{header:?}");
            assert_eq!(
                reply.json()["error"]["details"],
                json!({"limit": 5, "current": 5})
            );
        }
        let long = &replies[CASES.len()];
        assert_eq!(long.header("content-language"), Some("en"));
        let batch = &replies[CASES.len() + 1];
        assert_eq!(batch.status, 207);
        assert_eq!(batch.header("content-language"), Some("de"));
        assert_eq!(
            batch.json()["results"][0]["error"]["message"],
            "Ressourcenlimit von 5 überschritten"
        );
    }

    fn axum_response(response: apierror::http::Response<Vec<u8>>) -> axum::response::Response {
        response.map(axum::body::Body::from)
    }

    fn actix_response(response: apierror::http::Response<Vec<u8>>) -> actix_web::HttpResponse {
        let mut out = actix_web::HttpResponse::build(
            actix_web::http::StatusCode::from_u16(response.status().as_u16()).unwrap(),
        );
        for (name, value) in response.headers() {
            out.insert_header((name.as_str(), value.as_bytes()));
        }
        out.body(response.into_body())
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn axum_answers_in_the_requests_language() {
        use axum::routing::get;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let app = axum::Router::new()
            .route("/limit", get(limit))
            .route("/batch", get(|| async { axum_response(batch().await) }))
            .layer(apierror::axum::ContextLayer::new(RequestContext::new()));
        let server = tokio::spawn(async move { axum::serve(listener, app).await });
        let replies = tokio::task::spawn_blocking(move || fetch(&base))
            .await
            .unwrap();
        server.abort();
        check(&replies);
    }

    #[test]
    fn actix_answers_in_the_requests_language() {
        use actix_web::{web, App};
        let server = serve!(|| {
            App::new()
                .wrap(apierror::actix::ContextMiddleware::new(
                    RequestContext::new(),
                ))
                .route("/limit", web::get().to(limit))
                .route(
                    "/batch",
                    web::get().to(|| async { actix_response(batch().await) }),
                )
        });
        let replies = fetch(&server.base);
        drop(server);
        check(&replies);
    }
}

#[test]
fn openapi_documents_content_language() {
    let responses = apierror::openapi::ErrorResponses::built_in(ResourceError::CATALOG);
    let json = serde_json::to_value(&responses).unwrap();
    let header = &json["409"]["headers"]["Content-Language"];
    assert_eq!(
        header["schema"]["enum"],
        json!(["en", "de", "fr"]),
        "{json}"
    );
    // An untranslated type with a language: one value.
    let plain =
        serde_json::to_value(apierror::openapi::ErrorResponses::built_in(Plain::CATALOG)).unwrap();
    assert_eq!(
        plain["404"]["headers"]["Content-Language"]["schema"]["enum"],
        json!(["en-GB"])
    );
    // A composed type documents its variants' languages.
    let composed = serde_json::to_value(apierror::openapi::ErrorResponses::built_in(
        ServiceError::CATALOG,
    ))
    .unwrap();
    assert_eq!(
        composed["409"]["headers"]["Content-Language"]["schema"]["enum"],
        json!(["en", "de", "fr"])
    );
    // A type without a language documents no such header.
    #[derive(Debug, ApiError)]
    #[api_error(code = "SCREAMING_SNAKE_CASE")]
    enum Untranslated {
        #[status(409)]
        Busy,
    }
    assert_eq!(Untranslated::Busy.descriptor().language(), None);
    let none = serde_json::to_value(apierror::openapi::ErrorResponses::built_in(
        Untranslated::CATALOG,
    ))
    .unwrap();
    assert!(
        none["409"]["headers"].get("Content-Language").is_none(),
        "{none}"
    );
}

/// A format of the user's own that writes the message as it is.
struct Legacy;

impl apierror::format::Format for Legacy {
    fn media_type(&self) -> &'static str {
        "application/json"
    }

    fn serialize<E, S>(&self, error: &E, _: &Context<'_>, serializer: S) -> Result<S::Ok, S::Error>
    where
        E: ApiError + ?Sized,
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut body = serializer.serialize_struct("Legacy", 1)?;
        body.serialize_field("text", &error.message())?;
        body.end()
    }
}

/// One that translates, and says so.
struct Localized;

impl apierror::format::Format for Localized {
    fn media_type(&self) -> &'static str {
        "application/json"
    }

    fn localizes<E: ApiError + ?Sized>(&self, _: &E) -> bool {
        true
    }

    fn serialize<E, S>(
        &self,
        error: &E,
        context: &Context<'_>,
        serializer: S,
    ) -> Result<S::Ok, S::Error>
    where
        E: ApiError + ?Sized,
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut body = serializer.serialize_struct("Localized", 1)?;
        body.serialize_field("text", &apierror::locale::PublicText::new(error, context))?;
        body.end()
    }
}

#[test]
fn content_language_tells_what_the_format_wrote() {
    let error = exists();
    let german = Context::new().with_accept_language("de");
    // A format that writes `message()`: English, and it says so.
    let response = Render::new(&error)
        .format(&Legacy)
        .context(german)
        .to_response();
    assert_eq!(response.headers()["content-language"], "en");
    assert!(response.headers().get("vary").is_none());
    let body: Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(body["text"], "Resource frontend already exists");
    // One that writes `PublicText`: German.
    let response = Render::new(&error)
        .format(&Localized)
        .context(german)
        .to_response();
    assert_eq!(response.headers()["content-language"], "de");
    assert_eq!(response.headers()["vary"], "accept-language");
    let body: Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(body["text"], "Die Ressource „frontend“ gibt es bereits");
}

const LEGACY: Legacy = Legacy;

/// A translated type whose declared format is its own, untranslating one.
#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "LEGACY_", format = LEGACY)]
#[api_error(language = "en", locales("de"), translations = "locales/service")]
pub enum LegacyError {
    #[status(410)]
    #[message("Gone")]
    Gone,
}

#[test]
fn a_declared_format_of_ones_own_decides_too() {
    let german = Context::new().with_accept_language("de");
    let response = Render::new(&LegacyError::Gone)
        .context(german)
        .to_response();
    assert_eq!(response.headers()["content-language"], "en");
    assert_eq!(response.body().as_slice(), br#"{"text":"Gone"}"#);
}

#[test]
fn the_byte_writers_and_serde_write_the_same_translations() {
    let errors = [
        exists(),
        ResourceError::LimitExceeded {
            limit: 5,
            current: 5,
        },
        ResourceError::Quoted {
            name: "\"q\" \\ \n é".into(),
        },
        ResourceError::Invalid {
            violations: Violations::from_iter([Violation::new("/a", "x", "bad \"a\"")]),
        },
    ];
    let full = Context::new()
        .with_request_id("req-1")
        .with_timestamp("2024-01-20T10:00:00Z")
        .with_instance("/r/1");
    for error in &errors {
        for format in all_formats() {
            for header in ["de", "fr-CH", "en", "ja", "*;q=0.5, de;q=0.4"] {
                for context in [Context::new(), full] {
                    let render = Render::new(error)
                        .format(&format)
                        .context(context.with_accept_language(header));
                    let fast = render.to_vec().unwrap();
                    let serde = serde_json::to_vec(&render).unwrap();
                    assert_eq!(
                        String::from_utf8_lossy(&fast),
                        String::from_utf8_lossy(&serde),
                        "{format:?} {header}"
                    );
                }
            }
        }
    }
}

#[test]
fn batch_results_answer_in_the_language_asked_for() {
    let mut bulk = apierror::Bulk::new().accept_language("fr");
    bulk.error("r-1", &exists()).unwrap();
    bulk.error("r-2", &Plain::ColourNotFound).unwrap();
    let response = bulk.into_response();
    assert_eq!(response.headers()["content-language"], "fr, en-GB");
    assert_eq!(response.headers()["vary"], "accept-language");
    let body: Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(
        body["results"][0]["error"]["message"],
        "La ressource « frontend » existe déjà"
    );
    assert_eq!(body["results"][1]["error"]["message"], "Colour not found");
    // Without a language, no header.
    let mut bulk = apierror::Bulk::new();
    bulk.ok("r-1", apierror::http::StatusCode::OK, &1).unwrap();
    assert!(bulk
        .into_response()
        .headers()
        .get("content-language")
        .is_none());
}

/// A generic type: translations fill fields of any `Display + Serialize` type.
#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "WRAPPED_", status = 400)]
#[api_error(language = "en", locales("de"), translations = "locales/service")]
pub enum Wrapped<T> {
    #[message("Value {value} over {limit}")]
    TooLarge { value: T, limit: u32 },
}

#[test]
fn generic_types_are_translated() {
    let german = Context::new().with_accept_language("de");
    let error: Wrapped<f64> = Wrapped::TooLarge {
        value: 2.5,
        limit: 2,
    };
    let body: Value =
        serde_json::from_slice(&Render::new(&error).context(german).to_vec().unwrap()).unwrap();
    assert_eq!(body["error"]["message"], "Wert 2.5 über 2");
    let error: Wrapped<String> = Wrapped::TooLarge {
        value: "big".into(),
        limit: 2,
    };
    let body: Value =
        serde_json::from_slice(&Render::new(&error).context(german).to_vec().unwrap()).unwrap();
    assert_eq!(body["error"]["message"], "Wert big über 2");
}
