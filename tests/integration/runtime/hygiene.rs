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

/// What a user's tokens meet inside the derive's generated block: a type
/// alias named `String`, strings in boxes and cows (read as `&str` by deref
/// coercion), types and a function named like short names a derive could
/// use, a deprecated variant and field under
/// `deny(deprecated)`. All compile, render as written and decode back.
mod user_names {
    #![deny(deprecated)]
    #![allow(non_camel_case_types, non_snake_case, dead_code, missing_docs)]
    #![allow(clippy::box_collection)] // a box of a string, on purpose

    /// A `String` that is not std's.
    pub type String = Box<str>;

    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    pub struct __Err(pub u8);
    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    pub struct __Some(pub u8);
    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    pub struct __AsRef(pub u8);
    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    pub struct __P(pub u8);
    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    pub struct __O(pub u8);

    /// Doubles: a message argument calling a function of the user's.
    pub fn __Ok(x: u8) -> u8 {
        x * 2
    }

    #[derive(Debug, Clone, PartialEq, apierror::ApiError)]
    #[api_error(code = "SCREAMING_SNAKE_CASE", status = 400, decode)]
    pub enum Names {
        #[message("alias {s}")]
        Alias {
            s: String,
            o: Option<String>,
            b: Box<std::string::String>,
            c: std::borrow::Cow<'static, str>,
        },
        #[message("twice {n}", n = __Ok(*.count))]
        Shadowed {
            count: u8,
            e: __Err,
            s: __Some,
            r: __AsRef,
            p: __P,
            o: __O,
        },
        #[deprecated(note = "kept for old clients")]
        #[message("gone {what}")]
        Gone {
            #[deprecated(note = "old")]
            what: u32,
        },
    }
}

#[test]
fn user_names_in_the_generated_block_mean_what_the_user_wrote() {
    use apierror::decode::{Decode, Decoded};
    use apierror::Render;
    use user_names::{__AsRef, __Err, __Some, Names, __O, __P};

    let alias = Names::Alias {
        s: "text".into(),
        o: Some("more".into()),
        b: Box::new("boxed".to_owned()),
        c: "cow".into(),
    };
    let shadowed = Names::Shadowed {
        count: 21,
        e: __Err(1),
        s: __Some(2),
        r: __AsRef(3),
        p: __P(4),
        o: __O(5),
    };
    #[allow(deprecated)]
    let gone = Names::Gone { what: 7 };
    let bodies = [
        (
            &alias,
            r#"{"error":{"code":"ALIAS","message":"alias text","details":{"s":"text","o":"more","b":"boxed","c":"cow"}}}"#,
        ),
        (
            &shadowed,
            r#"{"error":{"code":"SHADOWED","message":"twice 42","details":{"count":21,"e":1,"s":2,"r":3,"p":4,"o":5}}}"#,
        ),
        (
            &gone,
            r#"{"error":{"code":"GONE","message":"gone 7","details":{"what":7}}}"#,
        ),
    ];
    for (error, expected) in bodies {
        let body = Render::new(error).to_string().unwrap();
        assert_eq!(body, expected);
        let decoded = Names::decode(body.as_bytes()).unwrap();
        assert_eq!(decoded, Decoded::Known(error.clone()), "{body}");
    }
}
