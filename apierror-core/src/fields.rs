//! The details fields of an error, visited one by one.
//!
//! The derive generates one function per type that hands each field of the
//! value's variant, with its key, to a visitor; everything that reads the
//! details (serde's `serialize_details`, the JSON writers, RFC 9457
//! extension members, AIP-193 metadata) is a visitor.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

/// Receives the details fields of an error, in declaration order, `None`
/// options left out. `json_key` is the key as JSON, `"key":`, escaped by the
/// derive (empty where the caller has none ready).
#[doc(hidden)]
pub trait FieldVisitor {
    type Error;

    fn field<T: Serialize + ?Sized>(
        &mut self,
        key: &str,
        json_key: &str,
        value: &T,
    ) -> Result<(), Self::Error>;
}

/// Counts the fields: the length of the details map.
struct Count(usize);

impl FieldVisitor for Count {
    type Error = std::convert::Infallible;

    fn field<T: Serialize + ?Sized>(&mut self, _: &str, _: &str, _: &T) -> Result<(), Self::Error> {
        self.0 += 1;
        Ok(())
    }
}

/// Writes each field as an entry of a serde map.
pub(crate) struct MapEntries<'m, M> {
    pub map: &'m mut M,
    /// Keys left out (members the enclosing document defines itself).
    pub reserved: &'static [&'static str],
}

impl<M: SerializeMap> FieldVisitor for MapEntries<'_, M> {
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

/// The details object through any serde serializer: a map of the fields.
pub(crate) fn serialize<E, S>(error: &E, serializer: S) -> Result<S::Ok, S::Error>
where
    E: crate::ApiError + ?Sized,
    S: Serializer,
{
    let mut count = Count(0);
    let Ok(()) = error.__visit_fields(&mut count);
    let mut map = serializer.serialize_map(Some(count.0))?;
    error.__visit_fields(&mut MapEntries {
        map: &mut map,
        reserved: &[],
    })?;
    map.end()
}
