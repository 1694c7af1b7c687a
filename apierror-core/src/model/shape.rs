//! The JSON shape of a details field, as the derive reads the field's type.
//!
//! The derive reads each details field's type once, at expansion, and emits
//! it as a constant [`Shape`]: what the OpenAPI document, the JSON Schema
//! and the TypeScript declarations type the field from. Nothing reads a type
//! name at run time.

use core::fmt;
use core::hash::{Hash, Hasher};
#[cfg(feature = "utoipa")]
use utoipa::openapi::{schema::Schema, RefOr};

/// The JSON a details field's Rust type serializes to, as far as the type's
/// spelling tells: integers, floats, strings (with a well-known `format` for
/// `Uuid`, `Url`, IP addresses and chrono's dates), sequences, maps,
/// tuples, `Option`s, `std::time::Duration`, and [`Named`] for any other
/// type (your own structs and enums, type aliases), whose own `Serialize`
/// decides its JSON.
///
/// `#[api_error(schema = T)]` on a field documents it as `T` instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Shape {
    /// An integer of `bits` bits (`usize`/`isize` count as 64), signed or
    /// not; `nonzero` for `NonZero*`.
    Int {
        /// 8, 16, 32, 64 or 128.
        bits: u8,
        /// `i*` rather than `u*`.
        signed: bool,
        /// Never 0.
        nonzero: bool,
    },
    /// `f32` (`bits: 32`) or `f64`; serde_json writes NaN and the
    /// infinities as `null`.
    Float {
        /// 32 or 64.
        bits: u8,
    },
    /// `bool`.
    Bool,
    /// `char`: a string of one character.
    Char,
    /// A string: `String`, `&str`, `Cow<str>`, paths, and the types with a
    /// well-known string form.
    Str {
        /// The JSON Schema `format`: `uuid`, `uri`, `ipv4`, `ipv6`,
        /// `date-time`, `date`.
        format: Option<&'static str>,
        /// A value of the type as its JSON string.
        example: &'static str,
        /// Whether `Display` writes the example as it is (chrono's
        /// `DateTime` displays differently from its JSON).
        display: bool,
    },
    /// A sequence: `Vec<T>`, slices, `[T; N]` (`len: Some(N)`), sets
    /// (`unique`).
    Seq {
        /// The items.
        item: &'static Shape,
        /// A set: no two items alike.
        unique: bool,
        /// The length of an array type.
        len: Option<usize>,
    },
    /// A tuple: a JSON array of its items.
    Tuple(&'static [Shape]),
    /// A map with string keys: `HashMap<K, V>`, `BTreeMap<K, V>`.
    Map(&'static Shape),
    /// `std::time::Duration`: serde's `{"secs","nanos"}`.
    Duration,
    /// `()`: `null`.
    Unit,
    /// A details field spelled `Option<T>`: the details leave a `None` out.
    Optional(&'static Shape),
    /// An `Option` anywhere else: the value or `null`.
    Nullable(&'static Shape),
    /// Any other type.
    Named(&'static Named),
    /// A validation list, [`Violations`](crate::Violations): each format
    /// places it itself (see [`violations`](crate::violations)); in the
    /// details, `[{"field","pointer","code","message"}]`.
    Violations,
}

/// A type the derive cannot see into: its name as written and, with the
/// `utoipa` feature, its OpenAPI schema from `utoipa::ToSchema`.
#[derive(Clone, Copy)]
pub struct Named {
    name: &'static str,
    schema: Option<SchemaFn>,
}

/// The OpenAPI schema of a [`Named`] type: its schema or a reference to it,
/// the components it needs pushed onto the list.
/// `None` when the type has no `ToSchema`.
#[cfg(feature = "utoipa")]
#[doc(hidden)]
pub type SchemaFn = fn(&mut Components) -> SchemaOf;

/// The named schemas a document needs: `(name, schema)`, as utoipa's
/// `ToSchema::schemas` lists them.
///
/// Plain utoipa types, named here with [`SchemaFn`] so that the shape of a
/// field knows nothing of the OpenAPI export that calls it (which
/// re-exports them as `openapi::probe::{Components, SchemaOf}`).
#[cfg(feature = "utoipa")]
pub type Components = Vec<(String, RefOr<Schema>)>;

/// A field type's schema (or a `$ref` to it), `None` when the type has no
/// `ToSchema`.
#[cfg(feature = "utoipa")]
pub type SchemaOf = Option<RefOr<Schema>>;

/// Without the `utoipa` feature there are no schemas: nothing can call it.
#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
pub type SchemaFn = fn(core::convert::Infallible);

impl Named {
    #[doc(hidden)]
    pub const fn __new(name: &'static str, schema: Option<SchemaFn>) -> Self {
        Named { name, schema }
    }

    /// The type as written: `"UserRef"`, `"serde_json::Value"`.
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The type's schema from `utoipa::ToSchema`: `None` for a type
    /// without one, one that uses a type parameter, or without the
    /// feature.
    #[cfg(feature = "utoipa")]
    pub(crate) fn schema(&self) -> Option<SchemaFn> {
        self.schema
    }
}

impl fmt::Debug for Named {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Named")
            .field("name", &self.name)
            .field("schema", &self.schema.is_some())
            .finish()
    }
}

/// Two named shapes are alike when their names are: a schema function is
/// the same type's.
impl PartialEq for Named {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name && self.schema.is_some() == other.schema.is_some()
    }
}

impl Eq for Named {}

impl Hash for Named {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.name.hash(state);
    }
}

impl Shape {
    /// `u64`: what `Duration`'s `secs` is.
    #[cfg(feature = "export")]
    pub(crate) const U64: Shape = Shape::Int {
        bits: 64,
        signed: false,
        nonzero: false,
    };

    /// The bounds of an integer shape: `(minimum, maximum)`, `None` where
    /// the type's bound does not fit JSON Schema's usual `i64`/`u64`.
    #[cfg(feature = "export")]
    pub(crate) fn int_bounds(bits: u8, signed: bool, nonzero: bool) -> (Option<i64>, Option<u64>) {
        let (min, max) = match (bits, signed) {
            (128, true) => (None, None),
            (128, false) => (Some(0), None),
            (bits, true) => (Some(i64::MIN >> (64 - bits)), Some(u64::MAX >> (65 - bits))),
            (bits, false) => (Some(0), Some(u64::MAX >> (64 - bits))),
        };
        // An unsigned non-zero integer starts at 1; a signed one only
        // excludes 0.
        let min = match (nonzero, signed) {
            (true, false) => Some(1),
            _ => min,
        };
        (min, max)
    }

    /// The shape without a top-level [`Optional`](Shape::Optional), and
    /// whether it had one.
    #[cfg(feature = "export")]
    pub(crate) fn strip_optional(&'static self) -> (&'static Shape, bool) {
        match self {
            Shape::Optional(inner) => (inner, true),
            other => (other, false),
        }
    }
}

#[cfg(all(test, feature = "export"))]
mod tests {
    use super::*;

    #[test]
    fn integer_bounds() {
        assert_eq!(Shape::int_bounds(8, false, false), (Some(0), Some(255)));
        assert_eq!(Shape::int_bounds(8, true, false), (Some(-128), Some(127)));
        assert_eq!(
            Shape::int_bounds(32, true, false),
            (Some(i32::MIN.into()), Some(i32::MAX as u64))
        );
        assert_eq!(
            Shape::int_bounds(64, true, false),
            (Some(i64::MIN), Some(i64::MAX as u64))
        );
        assert_eq!(
            Shape::int_bounds(64, false, false),
            (Some(0), Some(u64::MAX))
        );
        assert_eq!(
            Shape::int_bounds(64, false, true),
            (Some(1), Some(u64::MAX))
        );
        assert_eq!(
            Shape::int_bounds(16, true, true),
            (Some(-32768), Some(32767))
        );
        assert_eq!(Shape::int_bounds(128, false, false), (Some(0), None));
        assert_eq!(Shape::int_bounds(128, true, false), (None, None));
    }
}
