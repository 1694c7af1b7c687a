//! The stand-in error the tools render: an error of a descriptor's variant
//! whose details hold values the tool chose, and whose settings are those
//! of the types that declare and include the variant.

use crate::catalog::{Catalog, Descriptor, Owner};
use crate::error::ApiError;
use crate::format::{BuiltIn, Standard};
use crate::message::Message;
use crate::Violations;
use serde_json::Value;
use std::fmt;

/// One details field of a stand-in error: `None` leaves it out, as a `None`
/// option is.
#[derive(Debug, Clone)]
pub(crate) enum Slot {
    Absent,
    Value(Value),
    Violations(Violations),
}

impl Slot {
    /// The JSON of the field, `None` when it is left out.
    pub fn value(&self) -> Option<Value> {
        match self {
            Slot::Absent => None,
            Slot::Value(value) => Some(value.clone()),
            Slot::Violations(list) => serde_json::to_value(list).ok(),
        }
    }
}

/// An error of a descriptor's variant with chosen details.
pub(crate) struct Synthetic<'a> {
    pub descriptor: &'static Descriptor,
    /// The details fields, in the descriptor's order.
    pub fields: &'a [(&'static str, Slot)],
    pub message: &'a str,
    /// The types whose settings apply, nearest first (empty: the declaring
    /// type's only).
    pub owners: &'a [&'static Owner],
    /// The value of a `retry_after` field, when the variant has one.
    pub retry_after: u64,
    /// The value of each field that feeds a header.
    pub header_value: &'a str,
}

impl fmt::Display for Synthetic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message)
    }
}

impl fmt::Debug for Synthetic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Synthetic")
            .field("descriptor", self.descriptor)
            .finish_non_exhaustive()
    }
}

impl std::error::Error for Synthetic<'_> {}

impl ApiError for Synthetic<'_> {
    const CATALOG: &'static Catalog = &Catalog {
        appendices: &[],
        statuses: &[],
        class: None,
        owner: &crate::catalog::Owner::EMPTY,
        description: "",
        descriptors: &[],
        transparent: &[],
        pattern: None,
        range: None,
        categories: &[],
        retired: &[],
        format: BuiltIn::Standard(Standard),
    };

    fn descriptor(&self) -> &'static Descriptor {
        self.descriptor
    }

    fn message(&self) -> Message<'_> {
        Message::from_display(&self.message)
    }

    fn retry_after(&self) -> Option<u64> {
        self.descriptor
            .has_retry_after()
            .then_some(self.retry_after)
    }

    fn __headers(&self, headers: &mut http::HeaderMap) {
        for name in self.descriptor.headers() {
            if let (Ok(name), Ok(value)) = (
                http::HeaderName::from_bytes(name.as_bytes()),
                http::HeaderValue::from_str(self.header_value),
            ) {
                headers.insert(name, value);
            }
        }
    }

    fn __setting(&self, pick: fn(&Owner) -> Option<&'static str>) -> Option<&'static str> {
        match self.owners {
            [] => pick(self.descriptor.__owner()),
            owners => owners.iter().find_map(|owner| pick(owner)),
        }
    }

    fn __visit_fields<V: crate::fields::FieldVisitor>(
        &self,
        visitor: &mut V,
    ) -> Result<(), V::Error> {
        for (key, slot) in self.fields {
            match slot {
                Slot::Absent => {}
                Slot::Violations(list) => visitor.violations_field(key, "", list)?,
                Slot::Value(Value::String(text)) => visitor.str_field(key, "", text)?,
                Slot::Value(value) => visitor.field(key, "", value)?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::Synthetic;
    use crate::catalog::{Descriptor, Owner};

    /// The byte writer: a code that needs escaping (a hand-written
    /// catalog's: derived codes never do) is written escaped, once, and the
    /// body parses back.
    #[test]
    fn a_code_that_needs_escaping_is_escaped_once() {
        static OWNER: Owner = Owner::EMPTY;
        let descriptor: &'static Descriptor = Box::leak(Box::new(Descriptor::__new(
            &OWNER, "A\"B\\C", 409, "Taken", "Taken", 0,
        )));
        let error = Synthetic {
            descriptor,
            fields: &[],
            message: "Taken",
            owners: &[],
            retry_after: 0,
            header_value: "",
        };
        let mut out = Vec::new();
        crate::format::write_object(&error, None, &mut out).unwrap();
        let body: serde_json::Value = serde_json::from_slice(&out)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out)));
        assert_eq!(body["code"], "A\"B\\C");
        assert_eq!(body["message"], "Taken");
    }
}
