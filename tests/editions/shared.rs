// The same error types in every edition: each crate of tests/editions
// includes this file, so generated code is compiled under its edition's
// path rules (in 2015, `::core` is a crate at the root only if declared).

use apierror::ApiError;
use std::error::Error as StdError;
use std::fmt;

/// A module error: codes by pattern, a source, a `From`, a retry field.
#[derive(Debug, ApiError)]
#[api_error(pattern = "E-###", status = 400, decode)]
pub enum ModuleError {
    /// A detail and a placeholder.
    #[code("E-001")]
    #[status(404)]
    #[message("no item {id}")]
    Missing { id: String, r#type: Option<u8> },
    /// A source error, not a detail (decoded as its `Default`).
    #[code("E-002")]
    #[status(503)]
    Down {
        #[source]
        cause: Cause,
        #[api_error(retry_after)]
        wait: u64,
    },
    /// `#[from]` on a tuple variant.
    #[code("E-003")]
    #[status(502)]
    Upstream(#[from] Cause),
    /// A unit variant with the status's reason phrase.
    #[code("E-004")]
    Invalid,
}

/// A source error type with a `Default`, so that decoding can rebuild it.
#[derive(Debug, Default)]
pub struct Cause;

impl fmt::Display for Cause {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("the secret cause")
    }
}

impl StdError for Cause {}

/// A composed service error.
#[derive(Debug, ApiError)]
#[api_error(decode, www_authenticate = "Basic realm=\"x\"")]
pub enum ServiceError {
    /// Everything from the module.
    #[api_error(transparent)]
    Module(#[from] ModuleError),
}

/// A boxed source (no `decode`: a trait object has no `Default`).
#[derive(Debug, ApiError)]
pub enum BoxedError {
    /// A boxed source.
    #[code("S-001")]
    #[status(500)]
    Boxed(#[source] Box<dyn StdError + Send + Sync>),
}

/// A struct error.
#[derive(Debug, ApiError)]
#[code("S-002")]
#[status(429)]
#[message("slow down, {name}")]
pub struct Throttled {
    pub name: String,
    #[api_error(retry_after)]
    pub wait: Option<u32>,
}

/// A generic error with a lifetime, a type and a const parameter.
///
/// # Getting Help
/// Ask.
#[derive(Debug, ApiError)]
#[api_error(doc_url = "https://docs.example.com/{code:lowercase}", status_doc(409, "Conflict"))]
pub enum Generic<'a, T: fmt::Debug + fmt::Display + serde::Serialize, const N: usize> {
    /// A detail of the parameter's type.
    ///
    /// # Causes
    /// - Two writers
    ///
    /// # Example
    /// ```text
    /// conflict on 7
    /// ```
    ///
    /// # Resolution
    /// 1. Retry
    ///
    /// ```sh
    /// retry --now
    /// ```
    #[code("G-001")]
    #[status(409)]
    #[message("conflict on {value}")]
    #[api_error(class = "ConflictError")]
    Conflict {
        /// The value in conflict.
        value: T,
        name: &'a str,
    },
    /// A module error inside a generic type.
    #[api_error(transparent)]
    Module(ModuleError),
}

#[cfg(test)]
fn render<E: ApiError>(error: &E) -> String {
    apierror::Render::new(error).to_string().unwrap()
}

#[test]
fn generated_code_works() {
    use apierror::decode::Decode;

    let missing = ModuleError::Missing {
        id: "a".to_owned(),
        r#type: Some(1),
    };
    assert_eq!(
        render(&missing),
        r#"{"error":{"code":"E-001","message":"no item a","details":{"id":"a","type":1}}}"#
    );
    let down = ServiceError::from(ModuleError::Down { cause: Cause, wait: 5 });
    assert_eq!(down.code(), "E-002");
    assert_eq!(down.retry_after(), Some(5));
    assert!(!render(&down).contains("secret"));
    assert_eq!(ModuleError::from(Cause).code(), "E-003");
    assert_eq!(ModuleError::Invalid.message(), "Bad Request");
    let boxed = BoxedError::Boxed(Box::new(Cause));
    assert!(boxed.source().is_some());
    let throttled = Throttled { name: "x".to_owned(), wait: Some(3) };
    assert_eq!(apierror::Render::new(&throttled).to_response().headers()["retry-after"], "3");
    let generic: Generic<u8, 3> = Generic::Conflict { value: 7, name: "n" };
    assert_eq!(generic.message(), "conflict on 7");
    // Structured docs, in every edition and on a generic type.
    let docs = generic.descriptor().docs();
    assert_eq!(docs.causes(), ["Two writers"]);
    assert_eq!(docs.example().map(|b| b.code()), Some("conflict on 7"));
    assert_eq!(docs.commands()[0].code(), "retry --now");
    assert_eq!(docs.class(), Some("ConflictError"));
    assert_eq!(docs.fields(), ["The value in conflict.", ""]);
    assert_eq!(
        generic.doc_url().map(|url| url.to_string()),
        Some("https://docs.example.com/g-001".to_owned())
    );
    let catalog = <Generic<u8, 3> as ApiError>::CATALOG;
    assert_eq!(catalog.appendices()[0].heading(), "Getting Help");
    assert_eq!(catalog.statuses()[0].status(), 409);
    let decoded = ServiceError::decode(render(&down).as_bytes()).unwrap();
    match decoded.known() {
        Some(ServiceError::Module(ModuleError::Down { wait: 5, .. })) => {}
        other => panic!("{:?}", other),
    }
}
