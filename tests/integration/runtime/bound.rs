//! `#[api_error(bound = "...")]`: the where-clause predicates of every
//! generated impl, in place of those the derive infers from field types.
//!
//! The derive infers `T: Display` for a `{field}` of type `T`, `T: Serialize`
//! for a detail, and so on. It cannot infer what a computed message argument
//! does with a field, and it states its bounds in terms of field types even
//! when the type's own bounds already imply them: `bound` says what the impls
//! need in the user's words, and `bound = ""` that they need nothing more than
//! the type's own where clause.

use apierror::decode::Decode;
use apierror::{ApiError, Render};
use serde::Serialize;
use std::fmt::{Debug, Display};
use std::ops::Sub;

/// A quota over any counter type. The message computes how far over the
/// limit a client went: inference sees only the fields the message and the
/// details show (`N: Display + Serialize`), not the subtraction.
#[derive(Debug, ApiError)]
#[api_error(bound = "N: Copy + Sub<Output = N> + Display + Serialize")]
pub enum QuotaError<N> {
    #[code("QUOTA_EXCEEDED")]
    #[status(429)]
    #[message("{} over the limit of {limit}", *.used - *.limit)]
    Exceeded { limit: N, used: N },
    #[code("QUOTA_UNKNOWN")]
    #[status(404)]
    #[message("No quota named {name}")]
    Unknown { name: String },
}

/// What a store holds: a kind for messages and an id type whose bounds say
/// all that an error about it needs.
pub trait Resource {
    const KIND: &'static str;
    type Id: Debug + Display + Serialize + serde::de::DeserializeOwned;
}

#[derive(Debug)]
pub struct User;

impl Resource for User {
    const KIND: &'static str = "user";
    type Id = u64;
}

#[derive(Debug)]
pub struct Invoice;

impl Resource for Invoice {
    const KIND: &'static str = "invoice";
    type Id = String;
}

/// A parameter used through its associated type. `R: Resource` already
/// implies that `R::Id` can be shown and serialized; without `bound = ""`
/// the impls would also carry `R::Id: Display` and `R::Id: Serialize` (and
/// `Decode` `R::Id: DeserializeOwned`).
#[derive(Debug, ApiError)]
#[api_error(bound = "", decode)]
pub enum StoreError<R: Resource> {
    #[code("STORE_NOT_FOUND")]
    #[status(404)]
    #[message("No {} with id {id}", R::KIND)]
    NotFound { id: R::Id },
    #[code("STORE_READ_ONLY")]
    #[status(409)]
    #[message("The store is read-only")]
    ReadOnly,
}

#[test]
fn a_bound_inference_cannot_express() {
    let error = QuotaError::Exceeded {
        limit: 100u32,
        used: 120,
    };
    assert_eq!(error.code(), "QUOTA_EXCEEDED");
    assert_eq!(error.status(), 429);
    assert_eq!(error.message().to_string(), "20 over the limit of 100");
    assert_eq!(error.to_string(), "20 over the limit of 100");
    assert_eq!(
        Render::new(&error).to_string().unwrap(),
        r#"{"error":{"code":"QUOTA_EXCEEDED","message":"20 over the limit of 100","details":{"limit":100,"used":120}}}"#
    );

    // Any counter that meets the bound.
    let error = QuotaError::Exceeded {
        limit: 2.0f64,
        used: 2.5,
    };
    assert_eq!(error.message().to_string(), "0.5 over the limit of 2");
    assert_eq!(
        Render::new(&error).to_string().unwrap(),
        r#"{"error":{"code":"QUOTA_EXCEEDED","message":"0.5 over the limit of 2","details":{"limit":2.0,"used":2.5}}}"#
    );
    let unknown = QuotaError::<u64>::Unknown {
        name: "uploads".to_owned(),
    };
    assert_eq!(unknown.code(), "QUOTA_UNKNOWN");
    assert_eq!(unknown.to_string(), "No quota named uploads");
    assert_eq!(QuotaError::<u8>::CATALOG.len(), 2);
}

/// Generic code over the store's errors needs the type's own bound only.
fn describe<R: Resource + Debug>(error: &StoreError<R>) -> (&'static str, String) {
    (error.code(), Render::new(error).to_string().unwrap())
}

#[test]
fn an_empty_bound_keeps_the_types_own_where_clause() {
    let error = StoreError::<User>::NotFound { id: 42 };
    assert_eq!(error.message().to_string(), "No user with id 42");
    assert_eq!(
        describe(&error),
        (
            "STORE_NOT_FOUND",
            r#"{"error":{"code":"STORE_NOT_FOUND","message":"No user with id 42","details":{"id":42}}}"#.to_owned()
        )
    );

    let error = StoreError::<Invoice>::NotFound {
        id: "INV-7".to_owned(),
    };
    assert_eq!(error.to_string(), "No invoice with id INV-7");
    let (code, body) = describe(&error);
    assert_eq!(code, "STORE_NOT_FOUND");
    assert_eq!(
        body,
        r#"{"error":{"code":"STORE_NOT_FOUND","message":"No invoice with id INV-7","details":{"id":"INV-7"}}}"#
    );
    assert_eq!(StoreError::<Invoice>::ReadOnly.code(), "STORE_READ_ONLY");
    assert_eq!(StoreError::<Invoice>::ReadOnly.status(), 409);

    // `Decode` has the same where clause as the other impls.
    let decoded = StoreError::<Invoice>::decode(body.as_bytes()).unwrap();
    match decoded.known() {
        Some(StoreError::NotFound { id }) => assert_eq!(id, "INV-7"),
        other => panic!("decoded {other:?}"),
    }
}

#[test]
fn the_framework_impls_take_the_bound_too() {
    fn respond<E: ApiError + axum::response::IntoResponse + actix_web::ResponseError>(
        error: E,
    ) -> u16 {
        let actix = actix_web::ResponseError::status_code(&error).as_u16();
        let axum = axum::response::IntoResponse::into_response(error)
            .status()
            .as_u16();
        assert_eq!(actix, axum);
        axum
    }
    let quota = QuotaError::Exceeded {
        limit: 1i64,
        used: 3,
    };
    assert_eq!(respond(quota), 429);
    assert_eq!(respond(StoreError::<User>::ReadOnly), 409);
}
