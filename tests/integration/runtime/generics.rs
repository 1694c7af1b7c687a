//! Generic error types of every kind derive and work: type, lifetime and
//! const parameters, where clauses, defaults, with transparent variants (whose
//! codes the compiler checks as far as a `const` item can name them), with
//! `decode`, and with the framework integrations on.

use apierror::decode::Decode;
use apierror::ApiError;
use std::fmt::{Debug, Display};

#[derive(Debug, PartialEq, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "INNER_", status = 404, decode)]
pub enum Inner {
    Missing,
}

/// A const parameter and a transparent variant: the case that once failed
/// with "missing generics".
#[derive(Debug, ApiError)]
pub enum Sized<const N: usize> {
    #[code("SIZED_TOO_LARGE")]
    #[status(413)]
    #[message("Larger than {limit}")]
    TooLarge { limit: usize },
    #[api_error(transparent)]
    Inner(Inner),
}

/// A lifetime, borrowed details and a transparent variant.
#[derive(Debug, ApiError)]
pub enum Borrowed<'a> {
    #[code("BORROWED_BAD")]
    #[status(400)]
    #[message("Bad name {name}")]
    Bad { name: &'a str },
    #[api_error(transparent)]
    Inner(Inner),
}

/// A type parameter in details, in the message and in a transparent
/// variant, with a where clause and a default.
#[derive(Debug, ApiError)]
pub enum Everything<'a, T, E = Inner, const N: usize = 3>
where
    T: Debug + Display + serde::Serialize,
    E: ApiError,
{
    #[code("EVERYTHING_CONFLICT")]
    #[status(409)]
    #[message("Conflict on {value} ({label})")]
    Conflict { value: T, label: &'a str },
    #[api_error(transparent)]
    Nested(E),
    #[api_error(transparent)]
    Fixed(Inner),
}

/// Decoding a generic type.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(decode)]
pub enum Decodable<T>
where
    T: Debug + Display + serde::Serialize + serde::de::DeserializeOwned + Default,
{
    #[code("DECODABLE_VALUE")]
    #[status(422)]
    #[message("Bad value {value}")]
    Value { value: T },
    #[api_error(transparent)]
    Inner(Inner),
}

fn respond<E: ApiError + axum::response::IntoResponse + actix_web::ResponseError>(error: E) -> u16 {
    let actix = actix_web::ResponseError::status_code(&error).as_u16();
    let axum = axum::response::IntoResponse::into_response(error)
        .status()
        .as_u16();
    assert_eq!(actix, axum);
    axum
}

#[test]
fn generic_types_of_every_kind_work() {
    let sized = Sized::<8>::TooLarge { limit: 8 };
    assert_eq!(sized.message().to_string(), "Larger than 8");
    assert_eq!(respond(sized), 413);
    assert_eq!(respond(Sized::<8>::Inner(Inner::Missing)), 404);
    assert_eq!(Sized::<1>::CATALOG.len(), 2);

    let name = String::from("x y");
    let borrowed = Borrowed::Bad { name: &name };
    assert_eq!(
        apierror::Render::new(&borrowed).to_string().unwrap(),
        r#"{"error":{"code":"BORROWED_BAD","message":"Bad name x y","details":{"name":"x y"}}}"#
    );
    assert_eq!(Borrowed::Inner(Inner::Missing).code(), "INNER_MISSING");

    let everything: Everything<'_, u8> = Everything::Conflict {
        value: 7,
        label: "l",
    };
    assert_eq!(everything.message().to_string(), "Conflict on 7 (l)");
    assert_eq!(Everything::<u8>::CATALOG.len(), 3);
    let nested: Everything<'_, u8, Sized<2>, 1> = Everything::Nested(Sized::TooLarge { limit: 2 });
    assert_eq!(nested.code(), "SIZED_TOO_LARGE");
    assert_eq!(respond(nested), 413);

    let body = br#"{"error":{"code":"DECODABLE_VALUE","message":"x","details":{"value":5}}}"#;
    let decoded = Decodable::<u32>::decode(body).unwrap();
    assert_eq!(decoded.known(), Some(Decodable::Value { value: 5 }));
    let body = br#"{"error":{"code":"INNER_MISSING","message":"x"}}"#;
    let decoded = Decodable::<u32>::decode(body).unwrap();
    assert_eq!(decoded.known(), Some(Decodable::Inner(Inner::Missing)));
}
