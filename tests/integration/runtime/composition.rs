//! What a variant decides survives transparent delegation: its code, status,
//! message, details, kind and title, its `Retry-After`, and the settings of
//! the type that declares it (`www_authenticate`, `type_url`), through any
//! depth of composition, before the settings of the types that include it.
//! Types are told apart by their full path, never by their short name.

use crate::outputs;

use apierror::format::{BuiltIn, Problem};
use apierror::{ApiError, Render};

mod admin {
    use apierror::ApiError;

    /// Declares its own challenge and documentation URL.
    #[derive(Debug, ApiError)]
    #[api_error(
        code = "SCREAMING_SNAKE_CASE",
        prefix = "ADMIN_",
        format = "problem",
        type_url = "https://admin.example.com/errors/{code}",
        www_authenticate = "Basic realm=\"admin\""
    )]
    pub enum Error {
        #[status(401)]
        #[message("Admin sign-in required")]
        #[api_error(title = "Admin authentication", kind = "admin_auth_error")]
        SignIn,
        #[status(429)]
        #[message("Slow down")]
        Throttled {
            #[api_error(retry_after)]
            wait: u32,
        },
    }
}

mod users {
    use apierror::ApiError;

    /// Declares nothing: the including types' settings apply.
    #[derive(Debug, ApiError)]
    #[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "USERS_")]
    pub enum Error {
        #[status(401)]
        #[message("Sign in")]
        SignIn,
        #[status(404)]
        #[message("No such user")]
        NotFound,
    }
}

/// The middle level: declares a challenge and a URL for what it includes.
#[derive(Debug, ApiError)]
#[api_error(
    format = "problem",
    type_url = "https://api.example.com/errors/{code}",
    www_authenticate = "Bearer realm=\"api\""
)]
pub enum Api {
    #[api_error(transparent)]
    Admin(admin::Error),
    #[api_error(transparent)]
    Users(users::Error),
}

/// The service: declares nothing of its own but a local variant.
#[derive(Debug, ApiError)]
pub enum Service {
    #[api_error(transparent)]
    Api(Api),
    #[code("SERVICE_DOWN")]
    #[status(401)]
    #[message("Service sign-in")]
    Down,
}

fn header(response: &apierror::http::Response<Vec<u8>>, name: &str) -> Option<String> {
    response
        .headers()
        .get(name)
        .map(|v| v.to_str().unwrap().to_owned())
}

#[test]
fn challenges_come_from_the_declaring_type_first() {
    let cases: [(Service, &str); 3] = [
        (
            Service::Api(Api::Admin(admin::Error::SignIn)),
            "Basic realm=\"admin\"",
        ),
        (
            Service::Api(Api::Users(users::Error::SignIn)),
            "Bearer realm=\"api\"",
        ),
        (Service::Down, "Bearer"),
    ];
    for (error, expected) in cases {
        for format in outputs::FORMATS.iter() {
            let response = Render::new(&error).format(format).to_response();
            assert_eq!(
                header(&response, "www-authenticate").as_deref(),
                Some(expected)
            );
        }
        let response = apierror::Render::new(&error).to_response();
        assert_eq!(
            header(&response, "www-authenticate").as_deref(),
            Some(expected)
        );
    }
    // The same through the middle type alone, and through the handlers.
    let api = || Api::Admin(admin::Error::SignIn);
    for output in outputs::every_output(api) {
        if output.path.ends_with("to_vec") {
            continue;
        }
        let challenge = output.headers.iter().find(|(n, _)| n == "www-authenticate");
        assert_eq!(
            challenge.map(|(_, v)| v.as_str()),
            Some("Basic realm=\"admin\""),
            "{}",
            output.path
        );
    }
    let service = || Service::Api(Api::Users(users::Error::SignIn));
    for output in outputs::derived(service) {
        let challenge = output.headers.iter().find(|(n, _)| n == "www-authenticate");
        assert_eq!(
            challenge.map(|(_, v)| v.as_str()),
            Some("Bearer realm=\"api\""),
            "{}",
            output.path
        );
    }
}

#[test]
fn type_urls_come_from_the_declaring_type_first() {
    let problem = BuiltIn::Problem(Problem::with_type("https://format.example/{code}"));
    let bare = BuiltIn::Problem(Problem::new());
    let cases: [(Service, &str, &str); 3] = [
        (
            Service::Api(Api::Admin(admin::Error::SignIn)),
            "https://admin.example.com/errors/ADMIN_SIGN_IN",
            "https://admin.example.com/errors/ADMIN_SIGN_IN",
        ),
        (
            Service::Api(Api::Users(users::Error::NotFound)),
            "https://api.example.com/errors/USERS_NOT_FOUND",
            "https://api.example.com/errors/USERS_NOT_FOUND",
        ),
        // The service declares none: the format's own template, or none.
        (
            Service::Down,
            "https://format.example/SERVICE_DOWN",
            "about:blank",
        ),
    ];
    for (error, with_template, without) in cases {
        let body: serde_json::Value =
            serde_json::from_str(&Render::new(&error).format(&problem).to_string().unwrap())
                .unwrap();
        assert_eq!(body["type"], with_template);
        let body: serde_json::Value =
            serde_json::from_str(&Render::new(&error).format(&bare).to_string().unwrap()).unwrap();
        assert_eq!(body["type"], without);
        // The serde path (HTML-safe) agrees with the fast path.
        let html: serde_json::Value = serde_json::from_str(
            &Render::new(&error)
                .format(&bare)
                .html_safe()
                .to_string()
                .unwrap(),
        )
        .unwrap();
        assert_eq!(html, body);
    }
}

#[test]
fn variant_facts_survive_delegation() {
    let error = Service::Api(Api::Admin(admin::Error::Throttled { wait: 30 }));
    assert_eq!(error.code(), "ADMIN_THROTTLED");
    assert_eq!(error.retry_after(), Some(30));
    let response = apierror::Render::new(&error).to_response();
    assert_eq!(header(&response, "retry-after").as_deref(), Some("30"));
    let signin = Service::Api(Api::Admin(admin::Error::SignIn));
    let d = signin.descriptor();
    assert_eq!(d.title(), Some("Admin authentication"));
    assert_eq!(d.kind(), Some("admin_auth_error"));
    let openai = Render::new(&signin)
        .format(&apierror::format::OpenAi)
        .to_string()
        .unwrap();
    assert!(openai.contains(r#""type":"admin_auth_error""#), "{openai}");
    let problem = Render::new(&signin)
        .format(&Problem::new())
        .to_string()
        .unwrap();
    assert!(
        problem.contains(r#""title":"Admin authentication""#),
        "{problem}"
    );
}

#[test]
fn types_are_told_apart_by_their_path() {
    let admin = admin::Error::SignIn.descriptor();
    let users = users::Error::SignIn.descriptor();
    assert_eq!(admin.type_name(), "Error");
    assert_eq!(users.type_name(), "Error");
    // The path from the crate root: `runtime::composition::admin::Error`.
    assert_eq!(admin.type_path(), concat!(module_path!(), "::admin::Error"));
    assert_eq!(users.type_path(), concat!(module_path!(), "::users::Error"));
    assert_eq!(
        Service::CATALOG.type_path(),
        concat!(module_path!(), "::Service")
    );
    assert_ne!(admin, users);
}

#[test]
fn the_derive_and_the_runtime_hash_codes_alike() {
    use apierror::catalog::code_hash;
    // The derive lists each code's hash in the type's `__CODES`; agreeing
    // with the catalog means each is `code_hash` of its code.
    assert!(Service::__CODES.__agrees_with(Service::CATALOG));
    assert_eq!(Service::CATALOG.iter().count(), 5);
    // Codes of every shape: the hash of the bytes, nothing else.
    assert_ne!(code_hash("ERR-01-001"), code_hash("ERR-01-002"));
    assert_eq!(code_hash(""), 0xcbf2_9ce4_8422_2325);
}

/// Generic types can be named with their parameters in the assertion macro.
#[derive(Debug, ApiError)]
pub enum Wrapper<T: ApiError> {
    #[api_error(transparent)]
    Inner(T),
    #[code("WRAPPER_OWN")]
    #[status(400)]
    Own,
}

apierror::assert_unique_codes!(Wrapper<users::Error>, admin::Error);

#[test]
fn generic_composition_is_checked_when_named() {
    assert_eq!(Wrapper::<users::Error>::CATALOG.len(), 3);
}

use crate::services;

/// A type with categories and ranges, to compare its numbering too.
#[derive(Debug, ApiError)]
#[api_error(
    pattern = "NUM-###",
    range = 1..=500,
    category(name = "auth", range = 1..=99),
    category(name = "billing", range = 100..=199)
)]
pub enum Numbered {
    #[code("NUM-001")]
    #[status(401)]
    #[api_error(category = "auth")]
    SignIn,
    #[code("NUM-101")]
    #[status(402)]
    #[api_error(category = "billing")]
    Unpaid,
}

#[derive(Debug, ApiError)]
pub enum Solo {
    #[code("SOLO")]
    #[status(400)]
    Solo,
}

#[derive(Debug, ApiError)]
pub enum Everything {
    #[api_error(transparent)]
    Numbered(Numbered),
    #[api_error(transparent)]
    Service(Service),
    #[api_error(transparent)]
    Wrapped(Wrapper<Solo>),
}

/// The composition check reads `__CODES`, the docs and responses read
/// `CATALOG`: the derive emits both, and they must say the same of every
/// type (codes, hashes, variants, order, numbering, included types).
#[test]
fn the_codes_the_check_reads_agree_with_the_catalog() {
    fn agree<E: ApiError>() -> bool {
        E::__CODES.__agrees_with(E::CATALOG)
    }
    assert!(agree::<Numbered>());
    assert!(agree::<Service>());
    assert!(agree::<Wrapper<users::Error>>());
    assert!(agree::<Everything>());
    assert!(agree::<services::hexabase::HexabaseError>());
    assert!(agree::<services::k0rdent::K0rdentError>());
    assert!(agree::<services::llm_gateway::GatewayError>());
    assert!(agree::<services::openchoreo::OpenChoreoError>());
    assert!(agree::<services::phala::PhalaError>());
    // And a disagreement is seen: another type's codes.
    assert!(!Numbered::__CODES.__agrees_with(Service::CATALOG));
    assert!(!Service::__CODES.__agrees_with(Everything::CATALOG));
}

/// A transparent variant may hold its inner error in a `Box`: the same
/// codes, bodies, responses, catalog and decoding as the unboxed inner type.
mod boxed {
    use apierror::decode::{Decode, Decoded};
    use apierror::{ApiError, Render};

    #[derive(Debug, PartialEq, ApiError)]
    #[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "DISK_", decode)]
    pub enum DiskError {
        #[status(507)]
        #[message("Disk {disk} is full")]
        Full { disk: String, free: u64 },
    }

    #[derive(Debug, PartialEq, ApiError)]
    #[api_error(decode, www_authenticate = "Bearer realm=\"boxes\"")]
    pub enum ServiceError {
        #[api_error(transparent)]
        Disk(#[from] Box<DiskError>),
        #[code("DENIED")]
        #[status(401)]
        Denied,
    }

    #[test]
    fn a_boxed_inner_error_is_the_inner_error() {
        let inner = DiskError::Full {
            disk: "d1".into(),
            free: 0,
        };
        let outer = ServiceError::from(Box::new(DiskError::Full {
            disk: "d1".into(),
            free: 0,
        }));
        assert_eq!(outer.code(), "DISK_FULL");
        assert_eq!(outer.status(), 507);
        assert_eq!(outer.message().to_string(), "Disk d1 is full");
        assert_eq!(
            Render::new(&outer).to_string().unwrap(),
            Render::new(&inner).to_string().unwrap()
        );
        let codes: Vec<&str> = ServiceError::CATALOG.iter().map(|d| d.code()).collect();
        assert_eq!(codes, ["DISK_FULL", "DENIED"]);
        let body = Render::new(&outer).to_vec().unwrap();
        assert_eq!(ServiceError::decode(&body).unwrap(), Decoded::Known(outer));
        let response = axum::response::IntoResponse::into_response(ServiceError::Denied);
        assert_eq!(
            response.headers()["www-authenticate"],
            "Bearer realm=\"boxes\""
        );
    }
}
