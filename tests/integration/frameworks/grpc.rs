//! gRPC: the Hexabase catalog answers the same errors over a real tonic
//! server on 127.0.0.1 as over HTTP: the status code AIP-193 maps (or the
//! variant's `grpc = "..."`), the public message, and `ErrorInfo`,
//! `RetryInfo`, `BadRequest` and `Help` details matching the AIP-193 JSON
//! body; the client decodes each status back into the typed error.

use crate::services;
use crate::translated;

use apierror::decode::Decoded;
use apierror::format::{Google, OpenAi, Problem, Standard, Tagged, WebSocket};
use apierror::grpc::Grpc;
use apierror::{ApiError, Render, Violations};
use serde_json::{json, Value};
use services::hexabase::{
    AuthError, HexabaseError, ResourceError, ValidationError, WorkspaceError,
};
use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use tonic::{Code, Request, Response, Status};
use tonic_types::StatusExt;

// ---------------------------------------------------------------------------
// A unary gRPC service written by hand, as tonic-build would generate it.

#[derive(Clone, PartialEq, prost::Message)]
pub struct Lookup {
    /// Which error the server answers with: an index into `errors()`.
    #[prost(uint32, tag = "1")]
    pub case: u32,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct Found {
    #[prost(string, tag = "1")]
    pub name: String,
}

/// The errors the server answers with, in order.
fn errors() -> Vec<HexabaseError> {
    vec![
        HexabaseError::Resource(ResourceError::AlreadyExists {
            resource_type: "project".into(),
            field: "namespace".into(),
            value: "frontend".into(),
        }),
        HexabaseError::Workspace(WorkspaceError::NotReady {
            workspace_id: "ws-123".into(),
            status: "provisioning".into(),
            retry_after: 30,
        }),
        HexabaseError::Auth(AuthError::TokenExpired {
            expired_at: "2024-01-20T10:00:00Z".into(),
        }),
    ]
}

/// `Lookup` -> the case's error, through `?` and the derived `From`.
#[derive(Clone)]
struct Get;

impl tonic::server::UnaryService<Lookup> for Get {
    type Response = Found;
    type Future = Pin<Box<dyn Future<Output = Result<Response<Found>, Status>> + Send>>;

    fn call(&mut self, request: Request<Lookup>) -> Self::Future {
        let case = request.into_inner().case as usize;
        Box::pin(async move {
            let found: Result<Found, HexabaseError> = match errors().into_iter().nth(case) {
                Some(error) => Err(error),
                None => Ok(Found {
                    name: "fine".into(),
                }),
            };
            Ok(Response::new(found?))
        })
    }
}

/// `Validate` -> a validation error with three field violations.
#[derive(Clone)]
struct Validate;

impl tonic::server::UnaryService<Lookup> for Validate {
    type Response = Found;
    type Future = Pin<Box<dyn Future<Output = Result<Response<Found>, Status>> + Send>>;

    fn call(&mut self, _: Request<Lookup>) -> Self::Future {
        Box::pin(async move { Err(Status::from(signup_failure())) })
    }
}

/// `Localized` -> a translated error, in the language of the request's
/// `accept-language` metadata.
#[derive(Clone)]
struct Localized;

impl tonic::server::UnaryService<Lookup> for Localized {
    type Response = Found;
    type Future = Pin<Box<dyn Future<Output = Result<Response<Found>, Status>> + Send>>;

    fn call(&mut self, request: Request<Lookup>) -> Self::Future {
        let language = Grpc::accept_language(request.metadata()).map(str::to_owned);
        Box::pin(async move {
            let error = translated::ResourceError::LimitExceeded {
                limit: 5,
                current: 5,
            };
            Err(Grpc::new("resources.example.com").status_in(&error, language.as_deref()))
        })
    }
}

/// `Derived` -> a translated error through the derived `From<E> for Status`:
/// its language from the request scope of the context layer.
#[derive(Clone)]
struct Derived;

impl tonic::server::UnaryService<Lookup> for Derived {
    type Response = Found;
    type Future = Pin<Box<dyn Future<Output = Result<Response<Found>, Status>> + Send>>;

    fn call(&mut self, _: Request<Lookup>) -> Self::Future {
        Box::pin(async move {
            let found: Result<Found, translated::ResourceError> =
                Err(translated::ResourceError::LimitExceeded {
                    limit: 5,
                    current: 5,
                });
            Ok(Response::new(found?))
        })
    }
}

/// `Large` -> an error whose fields hold `case` bytes each, shown in the
/// message too, with `case / 40` field violations.
#[derive(Clone)]
struct Large;

impl tonic::server::UnaryService<Lookup> for Large {
    type Response = Found;
    type Future = Pin<Box<dyn Future<Output = Result<Response<Found>, Status>> + Send>>;

    fn call(&mut self, request: Request<Lookup>) -> Self::Future {
        let size = request.into_inner().case as usize;
        Box::pin(async move { Err(Status::from(large(size))) })
    }
}

#[derive(Debug, PartialEq, ApiError)]
#[api_error(decode, code = "SCREAMING_SNAKE_CASE", status = 400)]
enum NoteError {
    #[message("Note {note} is not valid")]
    TooLong {
        note: String,
        accented: String,
        count: u32,
        violations: Violations,
    },
}

fn large(size: usize) -> NoteError {
    let mut violations = Violations::new();
    for i in 0..size / 40 {
        violations = violations.with(
            &format!("/notes/{i}"),
            "length",
            "must be at most 40 characters",
        );
    }
    NoteError::TooLong {
        note: "n".repeat(size),
        accented: "é".repeat(size / 2),
        count: 7,
        violations,
    }
}

#[derive(Debug, PartialEq, ApiError)]
#[api_error(decode, doc_url = "https://docs.example.com/errors/{code}")]
enum SignupError {
    #[code("VALIDATION_FAILED")]
    #[status(400)]
    #[message("The request is not valid")]
    Invalid {
        form: String,
        violations: Violations,
    },
}

fn signup_failure() -> SignupError {
    SignupError::Invalid {
        form: "signup".into(),
        violations: Violations::new()
            .with("email", "email", "must be an email address")
            .with("/profile/age", "range", "must be at least 18")
            .with("items[2].name", "length", "must be at most 40 characters"),
    }
}

#[derive(Clone)]
struct Shop;

impl tonic::server::NamedService for Shop {
    const NAME: &'static str = "shop.Shop";
}

impl tower_service::Service<apierror::http::Request<tonic::body::Body>> for Shop {
    type Response = apierror::http::Response<tonic::body::Body>;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Infallible>> + Send>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: apierror::http::Request<tonic::body::Body>) -> Self::Future {
        Box::pin(async move {
            let mut grpc = tonic::server::Grpc::new(tonic_prost::ProstCodec::default());
            Ok(match request.uri().path() {
                "/shop.Shop/Get" => grpc.unary(Get, request).await,
                "/shop.Shop/Validate" => grpc.unary(Validate, request).await,
                "/shop.Shop/Localized" => grpc.unary(Localized, request).await,
                "/shop.Shop/Derived" => grpc.unary(Derived, request).await,
                "/shop.Shop/Large" => grpc.unary(Large, request).await,
                _ => Status::unimplemented("no such method").into_http(),
            })
        })
    }
}

/// Calls `method` with `case` on a client channel.
async fn call(
    channel: tonic::transport::Channel,
    method: &'static str,
    case: u32,
) -> Result<Found, Status> {
    call_in(channel, method, case, None).await
}

/// [`call`] with an `accept-language` in the request's metadata.
async fn call_in(
    channel: tonic::transport::Channel,
    method: &'static str,
    case: u32,
    language: Option<&'static str>,
) -> Result<Found, Status> {
    let mut client = tonic::client::Grpc::new(channel);
    client
        .ready()
        .await
        .map_err(|e| Status::unknown(e.to_string()))?;
    let path = apierror::http::uri::PathAndQuery::from_static(method);
    let codec = tonic_prost::ProstCodec::<Lookup, Found>::default();
    let mut request = Request::new(Lookup { case });
    if let Some(language) = language {
        request
            .metadata_mut()
            .insert("accept-language", language.parse().unwrap());
    }
    client
        .unary(request, path, codec)
        .await
        .map(Response::into_inner)
}

/// The server on a loopback port, the statuses of every case, the server stopped.
async fn statuses() -> (Vec<Status>, Status, Found) {
    let (out, invalid, fine, _) = serve().await;
    (out, invalid, fine)
}

/// The shop on a loopback port: a client channel to it, and what stops it.
struct Running {
    channel: tonic::transport::Channel,
    stop: tokio::sync::oneshot::Sender<()>,
    server: tokio::task::JoinHandle<Result<(), tonic::transport::Error>>,
}

impl Running {
    async fn start() -> Running {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let server = tokio::spawn(
            tonic::transport::Server::builder()
                .add_service(Shop)
                .serve_with_incoming_shutdown(
                    tonic::transport::server::TcpIncoming::from(listener),
                    async {
                        let _ = stopped.await;
                    },
                ),
        );
        let channel = tonic::transport::Channel::from_shared(url)
            .unwrap()
            .connect()
            .await
            .unwrap();
        Running {
            channel,
            stop,
            server,
        }
    }

    async fn stop(self) {
        let _ = self.stop.send(());
        self.server.await.unwrap().unwrap();
    }
}

/// [`statuses`], and those of `Localized` for `de`, `fr-CH`, `ja` and none.
async fn serve() -> (Vec<Status>, Status, Found, Vec<Status>) {
    let running = Running::start().await;
    let channel = running.channel.clone();
    let mut out = Vec::new();
    for case in 0..errors().len() as u32 {
        out.push(
            call(channel.clone(), "/shop.Shop/Get", case)
                .await
                .unwrap_err(),
        );
    }
    let invalid = call(channel.clone(), "/shop.Shop/Validate", 0)
        .await
        .unwrap_err();
    let mut localized = Vec::new();
    for language in [Some("de"), Some("fr-CH, en;q=0.5"), Some("ja"), None] {
        localized.push(
            call_in(channel.clone(), "/shop.Shop/Localized", 0, language)
                .await
                .unwrap_err(),
        );
    }
    let fine = call(channel, "/shop.Shop/Get", 99).await.unwrap();
    running.stop().await;
    (out, invalid, fine, localized)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn statuses_carry_the_callers_language() {
    let (_, _, _, localized) = serve().await;
    let expected = [
        Some(("de", "Ressourcenlimit von 5 überschritten")),
        Some(("fr", "Limite de 5 ressources dépassée")),
        None,
        None,
    ];
    for (status, expected) in localized.iter().zip(expected) {
        assert_eq!(status.code(), Code::FailedPrecondition);
        // The status message stays the developer-facing one.
        assert_eq!(status.message(), "Resource limit of 5 exceeded");
        let details = status.check_error_details().unwrap();
        assert_eq!(
            details.error_info().unwrap().reason,
            "RESOURCE_LIMIT_EXCEEDED"
        );
        let message = details
            .localized_message()
            .map(|m| (m.locale.as_str(), m.message.as_str()));
        assert_eq!(message, expected);
    }
}

fn google_body<E: ApiError>(error: &E, domain: &'static str) -> Value {
    serde_json::from_slice(
        &Render::new(error)
            .format(&Google::new(domain))
            .to_vec()
            .unwrap(),
    )
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_catalog_answers_over_grpc_as_over_http() {
    let (statuses, invalid, fine) = statuses().await;
    assert_eq!(fine.name, "fine");
    let errors = errors();
    let codes = [
        Code::AlreadyExists,
        Code::Unavailable,
        Code::Unauthenticated,
    ];
    for ((error, status), code) in errors.iter().zip(&statuses).zip(codes) {
        assert_eq!(status.code(), code, "{error:?}");
        assert_eq!(status.message(), error.message().to_string());

        // The same facts as the AIP-193 JSON body of the same error, in the
        // crate's domain (the type's format is not "google").
        let body = google_body(error, env!("CARGO_CRATE_NAME"));
        let json_info = &body["error"]["details"][0];
        let info = status.get_details_error_info().expect("an ErrorInfo");
        assert_eq!(info.reason, error.code());
        assert_eq!(info.reason, json_info["reason"]);
        assert_eq!(
            info.domain,
            env!("CARGO_CRATE_NAME"),
            "the test crate's name"
        );
        let metadata: serde_json::Map<String, Value> = info
            .metadata
            .iter()
            .map(|(k, v)| (k.clone(), Value::String(v.clone())))
            .collect();
        assert_eq!(
            Value::Object(metadata),
            json_info.get("metadata").cloned().unwrap_or(json!({})),
            "{error:?}"
        );
        // AIP-193's JSON `status` is the same canonical code.
        assert_eq!(
            body["error"]["status"],
            match code {
                Code::AlreadyExists => "ALREADY_EXISTS",
                Code::Unavailable => "UNAVAILABLE",
                _ => "UNAUTHENTICATED",
            }
        );

        // The client gets the typed error back.
        match Grpc::decode_status::<HexabaseError>(status) {
            Ok(Decoded::Known(back)) => assert_eq!(&back, error),
            other => panic!("{other:?}"),
        }
    }
    // RetryInfo from the retry_after field, and nowhere else.
    let retry = statuses[1].get_details_retry_info().expect("a RetryInfo");
    assert_eq!(retry.retry_delay, Some(std::time::Duration::from_secs(30)));
    assert!(statuses[0].get_details_retry_info().is_none());

    // The same error in every HTTP format: same code and message.
    let error = &errors[0];
    for body in [
        Render::new(error).format(&Standard).to_vec().unwrap(),
        Render::new(error).format(&Problem::new()).to_vec().unwrap(),
        Render::new(error).format(&Tagged).to_vec().unwrap(),
        Render::new(error).format(&WebSocket).to_vec().unwrap(),
        Render::new(error).format(&OpenAi).to_vec().unwrap(),
    ] {
        let text = String::from_utf8(body).unwrap();
        assert!(text.contains("Resource already exists"), "{text}");
    }

    // Three field errors: BadRequest, as the AIP-193 body has them; Help
    // from the documentation URL.
    assert_eq!(invalid.code(), Code::InvalidArgument);
    let bad = invalid.get_details_bad_request().expect("a BadRequest");
    let fields: Vec<(&str, &str, &str)> = bad
        .field_violations
        .iter()
        .map(|v| (v.field.as_str(), v.reason.as_str(), v.description.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            ("email", "email", "must be an email address"),
            ("profile.age", "range", "must be at least 18"),
            ("items[2].name", "length", "must be at most 40 characters"),
        ]
    );
    let body = google_body(&signup_failure(), env!("CARGO_CRATE_NAME"));
    let json_fields: Vec<(&str, &str, &str)> = body["error"]["details"][1]["fieldViolations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["field"].as_str().unwrap(),
                v["reason"].as_str().unwrap(),
                v["description"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(fields, json_fields);
    let info = invalid.get_details_error_info().unwrap();
    assert_eq!(info.metadata.len(), 1, "the list is no metadata entry");
    let help = invalid.get_details_help().expect("a Help");
    assert_eq!(
        help.links[0].url,
        "https://docs.example.com/errors/VALIDATION_FAILED"
    );
    match Grpc::decode_status::<SignupError>(&invalid) {
        Ok(Decoded::Known(back)) => assert_eq!(back, signup_failure()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_domain_is_the_google_formats_or_given() {
    #[derive(Debug, ApiError)]
    #[api_error(format = "google", domain = "shop.example.com")]
    enum ShopError {
        #[code("ORDER_EXISTS")]
        #[status(409)]
        #[message("Order exists")]
        Exists,
    }
    let status = Status::from(ShopError::Exists);
    // Without `grpc = "..."` a 409 is ABORTED, as AIP-193 maps it.
    assert_eq!(status.code(), Code::Aborted);
    assert_eq!(
        status.get_details_error_info().unwrap().domain,
        "shop.example.com"
    );
    let status = Grpc::new("other.example.com").status(&ShopError::Exists);
    assert_eq!(
        status.get_details_error_info().unwrap().domain,
        "other.example.com"
    );
    assert_eq!(
        Grpc::from(Google::new("g.example.com")).domain(),
        "g.example.com"
    );
}

#[test]
fn statuses_that_are_not_errors_of_the_type_do_not_decode_as_them() {
    // No details at all.
    assert!(Grpc::decode_status::<HexabaseError>(&Status::not_found("gone")).is_err());
    // An ErrorInfo with a reason the type does not know.
    let mut details = tonic_types::ErrorDetails::new();
    details.set_error_info("SOMETHING_ELSE", "x", std::collections::HashMap::new());
    let status = Status::with_error_details(Code::NotFound, "gone", details);
    match Grpc::decode_status::<HexabaseError>(&status) {
        Ok(Decoded::Unknown(unknown)) => {
            assert_eq!(unknown.code.as_deref(), Some("SOMETHING_ELSE"));
            assert_eq!(unknown.status, Some(404));
        }
        other => panic!("{other:?}"),
    }
    // Garbage where the details go.
    let status = Status::with_details(Code::Internal, "x", vec![1, 2, 3].into());
    assert!(Grpc::decode_status::<HexabaseError>(&status).is_err());
    // A known reason whose metadata has the wrong type for a field.
    let mut details = tonic_types::ErrorDetails::new();
    details.set_error_info(
        "WORKSPACE_NOT_READY",
        "x",
        [("retry_after".to_owned(), "soon".to_owned())]
            .into_iter()
            .collect::<std::collections::HashMap<_, _>>(),
    );
    let status = Status::with_error_details(Code::Unavailable, "x", details);
    assert!(Grpc::decode_status::<HexabaseError>(&status).is_err());
    let _ = ValidationError::CATALOG;
}

/// A tonic server behind the request-context layer: a handler's `?` on a
/// translated error answers in the caller's `accept-language`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_context_layer_gives_derived_statuses_the_callers_language() {
    use apierror::request::RequestContext;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(
        tonic::transport::Server::builder()
            .layer(apierror::axum::ContextLayer::new(RequestContext::new()))
            .add_service(Shop)
            .serve_with_incoming_shutdown(
                tonic::transport::server::TcpIncoming::from(listener),
                async {
                    let _ = stopped.await;
                },
            ),
    );
    let channel = tonic::transport::Channel::from_shared(url)
        .unwrap()
        .connect()
        .await
        .unwrap();
    let mut localized = Vec::new();
    for language in [Some("de-AT"), Some("ja"), None] {
        let status = call_in(channel.clone(), "/shop.Shop/Derived", 0, language)
            .await
            .unwrap_err();
        let details = status.check_error_details().unwrap();
        localized.push(
            details
                .localized_message()
                .map(|m| (m.locale.clone(), m.message.clone())),
        );
        assert_eq!(status.message(), "Resource limit of 5 exceeded");
        // The layer echoes the request id as metadata.
        assert!(
            status.metadata().get("x-request-id").is_some(),
            "{:?}",
            status.metadata()
        );
    }
    let _ = stop.send(());
    server.await.unwrap().unwrap();
    assert_eq!(
        localized,
        [
            Some((
                "de".to_owned(),
                "Ressourcenlimit von 5 überschritten".to_owned()
            )),
            None,
            None,
        ]
    );
}

/// However large an error's fields, its status reaches a real tonic client
/// over HTTP/2 (whose header lists are limited to 16 KiB): the message and
/// every text cut with a visible marker, the message never longer than
/// `Grpc::MAX_MESSAGE`, the details bounded, the code and reason intact.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn statuses_stay_bounded_whatever_the_fields() {
    let running = Running::start().await;
    let channel = running.channel.clone();
    for size in [1 << 10, 16 << 10, 1 << 20] {
        let status = call(channel.clone(), "/shop.Shop/Large", size)
            .await
            .unwrap_err();
        assert_eq!(status.code(), Code::InvalidArgument, "{size}: {status:?}");
        let message = status.message();
        assert!(
            message.len() <= Grpc::MAX_MESSAGE,
            "{size}: {}",
            message.len()
        );
        assert!(message.starts_with("Note nnn"), "{size}");
        assert!(message.ends_with(Grpc::TRUNCATED), "{size}");
        let trailers = message.len() * 3 + status.details().len() * 4 / 3;
        assert!(trailers < 12 << 10, "{size}: {trailers} bytes of trailers");
        let details = status.get_error_details();
        let info = details.error_info().expect("an ErrorInfo");
        assert_eq!(info.reason, "TOO_LONG");
        let metadata_size: usize = info.metadata.iter().map(|(k, v)| k.len() + v.len()).sum();
        assert!(
            metadata_size <= Grpc::MAX_METADATA_BYTES + 64,
            "{metadata_size}"
        );
        for value in info.metadata.values() {
            assert!(value.len() <= Grpc::MAX_TEXT, "{}", value.len());
        }
        assert!(info.metadata["note"].ends_with(Grpc::TRUNCATED));
        assert!(info.metadata["accented"].ends_with(Grpc::TRUNCATED));
        assert_eq!(info.metadata["count"], "7");
        let bad = details.bad_request().expect("a BadRequest");
        let last = bad.field_violations.last().unwrap();
        if size as usize / 40 * 45 < Grpc::MAX_VIOLATIONS_BYTES {
            // 25 violations fit whole.
            assert_eq!(bad.field_violations.len(), size as usize / 40);
            assert_eq!(last.reason, "length");
        } else {
            assert_eq!(last.reason, Violations::TRUNCATED, "{size}");
            assert!(last.description.ends_with(Grpc::TRUNCATED));
        }
        // The status still decodes into its variant.
        let decoded = Grpc::decode_status::<NoteError>(&status).unwrap();
        assert!(
            matches!(decoded, Decoded::Known(NoteError::TooLong { count: 7, .. })),
            "{decoded:?}"
        );
    }
    // A small error is sent whole.
    let small = Status::from(large(40));
    assert_eq!(
        small.message(),
        format!("Note {} is not valid", "n".repeat(40))
    );
    let details = small.get_error_details();
    assert_eq!(
        details.error_info().unwrap().metadata["note"],
        "n".repeat(40)
    );
    assert_eq!(details.bad_request().unwrap().field_violations.len(), 1);
    running.stop().await;
}
