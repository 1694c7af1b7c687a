//! The stand-in error the formats render for examples and shapes: an error
//! of a descriptor's variant whose details hold example values.

use super::field::Field;
use crate::catalog::{Catalog, CatalogParts, Descriptor};
use crate::error::ApiError;
use crate::format::{BuiltIn, Standard};
use crate::message::{Message, PublicMessage};
use std::fmt;

/// A details key no real field has: it marks where the format puts details.
pub(super) const SENTINEL: &str = "\u{0}apierror:details";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// Example values; `Option` fields left out.
    Example,
    /// Every field set, plus the sentinel key.
    Shape,
}

/// An error of a descriptor's variant with example details.
pub(super) struct Synthetic<'a> {
    pub descriptor: &'static Descriptor,
    pub fields: &'a [Field],
    pub message: &'a str,
    pub mode: Mode,
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

impl PublicMessage for Synthetic<'_> {
    fn fmt_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message)
    }
}

impl ApiError for Synthetic<'_> {
    const CATALOG: &'static Catalog = &Catalog::__from_parts(CatalogParts {
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
        envelope: BuiltIn::Standard(Standard),
    });

    fn descriptor(&self) -> &'static Descriptor {
        self.descriptor
    }

    fn message(&self) -> Message<'_> {
        Message::__formatted(self)
    }

    fn __visit_fields<V: crate::fields::FieldVisitor>(
        &self,
        visitor: &mut V,
    ) -> Result<(), V::Error> {
        for field in self.fields {
            if field.optional && self.mode == Mode::Example {
                continue;
            }
            if field.violations {
                visitor.violations_field(field.key, "", &super::field::example_violations())?;
            } else {
                visitor.field(field.key, "", &field.example)?;
            }
        }
        if self.mode == Mode::Shape {
            visitor.field(SENTINEL, "", &true)?;
        }
        Ok(())
    }
}
