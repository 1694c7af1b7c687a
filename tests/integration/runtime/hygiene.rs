//! Generated code compiles warning-free under strict lints, and reaches the
//! runtime through a renamed crate path when told to.
#![deny(warnings, missing_docs, unused_qualifications, unused_results)]
#![deny(clippy::all, clippy::pedantic)]

//! Crate docs for `missing_docs`.

// `renamed_apierror` is `apierror` under another name, declared at the
// crate root (runtime/main.rs) so that it is in the extern prelude.

mod service {
    //! A module whose `Result`, `Option` and `Error` shadow the prelude's.

    #![allow(dead_code)]
    pub type Result<T> = std::result::Result<T, ()>;
    pub struct Option;
    pub struct Error;
    pub trait Serializer {}
    pub struct Formatter;

    use renamed_apierror::ApiError;

    /// Documented.
    #[derive(Debug, ApiError)]
    #[api_error(crate = "renamed_apierror", pattern = "E-###", status = 400)]
    pub enum Hygienic {
        /// Documented.
        #[code("E-001")]
        #[message("value {value} is bad")]
        Bad {
            /// Documented.
            value: u8,
            /// Documented.
            #[api_error(retry_after)]
            wait: core::option::Option<u64>,
        },
        /// Documented.
        #[code("E-002")]
        #[status(503)]
        Down(#[from] std::io::Error),
    }

    /// Only transparent variants.
    #[derive(Debug, ApiError)]
    #[api_error(crate = "renamed_apierror", decode)]
    pub enum Composed {
        /// Documented.
        #[api_error(transparent)]
        Inner(Only),
    }

    /// Documented.
    #[derive(Debug, ApiError)]
    #[api_error(
        crate = "renamed_apierror",
        code = "SCREAMING_SNAKE_CASE",
        status = 404,
        decode
    )]
    pub enum Only {
        /// Documented.
        Missing,
    }
}

#[test]
fn strict_lints_and_crate_path() {
    use renamed_apierror::ApiError;
    let err = service::Hygienic::Bad {
        value: 1,
        wait: Some(5),
    };
    assert_eq!(err.code(), "E-001");
    assert_eq!(err.message(), "value 1 is bad");
    assert_eq!(err.retry_after(), Some(5));
    assert_eq!(
        service::Hygienic::from(std::io::Error::other("x")).status(),
        503
    );
}
