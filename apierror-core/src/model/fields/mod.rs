//! The details fields of an error, visited one by one, for formats that
//! place them themselves.
//!
//! The derive generates one function per type that hands each field of the
//! value's variant, with its key, to a visitor; everything that reads the
//! details (serde's `serialize_details`, the JSON writers, RFC 9457
//! extension members, AIP-193 metadata) is a visitor. A [`Format`] of your
//! own reads them the same way, streaming, with nothing built in between:
//!
//! - [`ApiError::visit_details`] hands each field to a [`DetailVisitor`];
//! - [`Details::lift`] (`error.details().lift(map, keys)`) writes the
//!   fields it names as entries of the map you are serializing, in the
//!   order it names them (Stripe's `param` and `decline_code` at the top of
//!   the error object);
//! - [`Without`] serializes the details object without them, [`Only`] with
//!   only them, and [`Details::lift_others`] writes the others at the level
//!   of the lifted ones;
//! - [`Details::has`] says whether the value has a field (a member only
//!   some errors have), and [`Details::with_violations`] hands over the
//!   validation list as typed data.
//!
//! ```
//! use apierror::format::{Context, Format};
//! use apierror::fields::Without;
//! use apierror::serde::ser::{SerializeMap, Serializer};
//! use apierror::serde::Serialize;
//! use apierror::ApiError;
//!
//! /// `{"error":{"type","code","message","param","decline_code","details"}}`:
//! /// two fields lifted to the top of the error object, the others nested.
//! struct Stripe;
//!
//! const LIFTED: &[&str] = &["param", "decline_code"];
//!
//! struct Object<'a, E: ?Sized>(&'a E);
//!
//! impl<E: ApiError + ?Sized> Serialize for Object<'_, E> {
//!     fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
//!         let error = self.0;
//!         let mut map = serializer.serialize_map(None)?;
//!         map.serialize_entry("type", error.descriptor().kind().unwrap_or("api_error"))?;
//!         map.serialize_entry("code", error.code())?;
//!         map.serialize_entry("message", &error.message())?;
//!         error.details().lift(&mut map, LIFTED)?;
//!         let rest = Without::new(error, LIFTED);
//!         if !rest.is_empty() {
//!             map.serialize_entry("details", &rest)?;
//!         }
//!         map.end()
//!     }
//! }
//!
//! impl Format for Stripe {
//!     fn media_type(&self) -> &'static str {
//!         "application/json"
//!     }
//!
//!     fn serialize<E, S>(&self, error: &E, _: &Context<'_>, serializer: S) -> Result<S::Ok, S::Error>
//!     where
//!         E: ApiError + ?Sized,
//!         S: Serializer,
//!     {
//!         let mut map = serializer.serialize_map(Some(1))?;
//!         map.serialize_entry("error", &Object(error))?;
//!         map.end()
//!     }
//! }
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(code = "snake_case", kind = "card_error")]
//! enum PaymentError {
//!     #[status(402)]
//!     #[message("Your card was declined")]
//!     CardDeclined { param: String, decline_code: String, attempt: u32 },
//! }
//!
//! let error = PaymentError::CardDeclined {
//!     param: "card_number".into(),
//!     decline_code: "insufficient_funds".into(),
//!     attempt: 2,
//! };
//! let body = apierror::Render::new(&error).format(&Stripe).to_string()?;
//! assert_eq!(
//!     body,
//!     r#"{"error":{"type":"card_error","code":"card_declined","message":"Your card was declined","param":"card_number","decline_code":"insufficient_funds","details":{"attempt":2}}}"#
//! );
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! [`Format`]: crate::format::Format
//! [`ApiError::visit_details`]: crate::ApiError::visit_details
//! [`Details::lift`]: crate::Details::lift
//! [`Details::lift_others`]: crate::Details::lift_others
//! [`Details::has`]: crate::Details::has
//! [`Details::with_violations`]: crate::Details::with_violations

mod reading;

#[allow(deprecated)]
#[doc(hidden)]
pub use reading::{has, lift, lift_others, with_violations};
pub(crate) use reading::{has_list, with_list};
pub use reading::{Only, Without};

pub use crate::shape::{Named, Shape};
use serde::ser::SerializeMap;
use serde::Serialize;

/// Receives the details fields of an error, one by one, in declaration
/// order, `None` options left out: see [`ApiError::visit_details`](crate::ApiError::visit_details).
/// After [`field`](Self::field) returns an error, the visitor is handed no
/// other field, and the visit returns that error.
pub trait DetailVisitor {
    /// What the visitor fails with: usually the serializer's error.
    type Error;

    /// One field: its key in the details object, and its value.
    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Self::Error>;
}

/// A [`DetailVisitor`] as the derive's visitor: after the user's visitor
/// fails, it sees no other field (the derive goes on calling this one).
pub(crate) struct Public<'v, V: ?Sized> {
    visitor: &'v mut V,
    failed: bool,
}

impl<'v, V: ?Sized> Public<'v, V> {
    #[inline]
    pub(crate) fn new(visitor: &'v mut V) -> Self {
        Public {
            visitor,
            failed: false,
        }
    }
}

impl<V: DetailVisitor + ?Sized> FieldVisitor for Public<'_, V> {
    type Error = V::Error;

    fn field<T: Serialize + ?Sized>(
        &mut self,
        key: &str,
        _: &str,
        value: &T,
    ) -> Result<(), V::Error> {
        if self.failed {
            // The visit's result is already this visitor's first error.
            return Ok(());
        }
        let result = self.visitor.field(key, value);
        self.failed = result.is_err();
        result
    }
}

/// Receives the details fields of an error, in declaration order, `None`
/// options left out. `json_key` is the key as JSON, `"key":`, escaped by the
/// derive (empty where the caller has none ready).
///
/// Every field of the value is handed over even after a method returned an
/// error: generated code calls the methods of one variant's fields as
/// statements, with no branch per field, and returns the last one's result.
/// The runtime therefore visits through [`visit`], which keeps the first
/// error. A visitor ignores what comes after its own failure, or stops
/// looking.
#[doc(hidden)]
pub trait FieldVisitor {
    type Error;

    /// Whether the visitor reads the arguments of an interpolated message
    /// ([`__args`](Self::__args)): only the message writer does, so no other
    /// visit evaluates them.
    const ARGS: bool = false;

    /// The arguments of the variant's interpolated message, one per
    /// placeholder of its template, in order; called instead of the fields
    /// when [`ARGS`](Self::ARGS) is set.
    fn __args(&mut self, args: &[&dyn core::fmt::Display]) -> Result<(), Self::Error> {
        let _ = args;
        Ok(())
    }

    fn field<T: Serialize + ?Sized>(
        &mut self,
        key: &str,
        json_key: &str,
        value: &T,
    ) -> Result<(), Self::Error>;

    /// A field the derive knows to be a string (`String`, `&str`,
    /// `Cow<str>`, ...), as a `&str`: what the byte writer copies without
    /// serde when it needs no escaping. The same JSON as [`field`](Self::field).
    fn str_field(&mut self, key: &str, json_key: &str, value: &str) -> Result<(), Self::Error> {
        self.field(key, json_key, value)
    }

    /// A field the derive knows to be a JSON scalar (an integer, a float,
    /// `bool`, `char`): no object, so no key to check. The same JSON as
    /// [`field`](Self::field).
    fn scalar_field<T: Serialize + ?Sized>(
        &mut self,
        key: &str,
        json_key: &str,
        value: &T,
    ) -> Result<(), Self::Error> {
        self.field(key, json_key, value)
    }

    /// The validation list of the variant (a [`Violations`] field), which
    /// formats place where their readers look for it. The same JSON as
    /// [`field`](Self::field) elsewhere.
    ///
    /// [`Violations`]: crate::Violations
    fn violations_field(
        &mut self,
        key: &str,
        json_key: &str,
        value: &crate::Violations,
    ) -> Result<(), Self::Error> {
        self.field(key, json_key, value)
    }
}

/// A visitor that keeps the first error of the one it wraps and answers
/// `Ok` itself, so that the error of an earlier field outlives the calls
/// after it (generated code calls the methods of a variant's fields as
/// statements: cheaper to compile than a chain of their results, see
/// [`FieldVisitor`]). What `ApiError::visit_fields` visits through.
pub(crate) struct FirstError<'v, V: FieldVisitor> {
    visitor: &'v mut V,
    error: Option<V::Error>,
}

impl<'v, V: FieldVisitor> FirstError<'v, V> {
    #[inline]
    pub(crate) fn new(visitor: &'v mut V) -> Self {
        FirstError {
            visitor,
            error: None,
        }
    }

    /// The visit's result: the first error kept, else what the visit
    /// answered (a hand-written `__visit_fields` may answer its own).
    #[inline]
    pub(crate) fn finish(self, last: Result<(), V::Error>) -> Result<(), V::Error> {
        match self.error {
            Some(error) => Err(error),
            None => last,
        }
    }

    #[inline]
    fn keep(&mut self, result: Result<(), V::Error>) -> Result<(), V::Error> {
        if let Err(error) = result {
            if self.error.is_none() {
                self.error = Some(error);
            }
        }
        Ok(())
    }
}

impl<V: FieldVisitor> FieldVisitor for FirstError<'_, V> {
    type Error = V::Error;
    const ARGS: bool = V::ARGS;

    #[inline]
    fn __args(&mut self, args: &[&dyn core::fmt::Display]) -> Result<(), Self::Error> {
        let result = self.visitor.__args(args);
        self.keep(result)
    }

    #[inline]
    fn field<T: Serialize + ?Sized>(
        &mut self,
        key: &str,
        json_key: &str,
        value: &T,
    ) -> Result<(), Self::Error> {
        let result = self.visitor.field(key, json_key, value);
        self.keep(result)
    }

    #[inline]
    fn str_field(&mut self, key: &str, json_key: &str, value: &str) -> Result<(), Self::Error> {
        let result = self.visitor.str_field(key, json_key, value);
        self.keep(result)
    }

    #[inline]
    fn scalar_field<T: Serialize + ?Sized>(
        &mut self,
        key: &str,
        json_key: &str,
        value: &T,
    ) -> Result<(), Self::Error> {
        let result = self.visitor.scalar_field(key, json_key, value);
        self.keep(result)
    }

    #[inline]
    fn violations_field(
        &mut self,
        key: &str,
        json_key: &str,
        value: &crate::Violations,
    ) -> Result<(), Self::Error> {
        let result = self.visitor.violations_field(key, json_key, value);
        self.keep(result)
    }
}

/// Counts the fields: the length of the details map.
pub(crate) struct Count(pub usize);

impl FieldVisitor for Count {
    type Error = std::convert::Infallible;

    fn field<T: Serialize + ?Sized>(&mut self, _: &str, _: &str, _: &T) -> Result<(), Self::Error> {
        self.0 += 1;
        Ok(())
    }
}

/// Writes each field as an entry of a serde map.
pub(crate) struct MapEntries<'m, 'r, M> {
    pub map: &'m mut M,
    /// Keys left out (members the enclosing document defines itself).
    pub reserved: &'r [&'r str],
}

impl<M: SerializeMap> FieldVisitor for MapEntries<'_, '_, M> {
    type Error = M::Error;

    fn field<T: Serialize + ?Sized>(
        &mut self,
        key: &str,
        _: &str,
        value: &T,
    ) -> Result<(), M::Error> {
        if self.reserved.contains(&key) {
            return Ok(());
        }
        self.map.serialize_entry(key, value)
    }
}
