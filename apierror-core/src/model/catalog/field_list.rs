//! The details fields of a variant, as data: what the descriptor holds
//! and what the template's placeholders are looked up in. A leaf that both
//! `descriptor.rs` and `template.rs` read, so that neither reads the other
//! for it.

use crate::shape::Shape;

/// The details fields of a variant: keys, Rust types as written, JSON
/// shapes, in declaration order. Variants with the same fields share one.
/// Not public API.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FieldList {
    pub(crate) names: &'static [&'static str],
    pub(crate) types: &'static [&'static str],
    pub(crate) shapes: &'static [Shape],
    /// The fields as a placeholder names them: `instance_type`, `0`.
    pub(crate) idents: &'static [&'static str],
    /// An example of each field's value, when its type has one: what a
    /// placeholder without a spec shows in an example message.
    pub(crate) examples: &'static [Option<&'static str>],
}

impl FieldList {
    /// No field.
    pub const NONE: &'static FieldList = &FieldList {
        names: &[],
        types: &[],
        shapes: &[],
        idents: &[],
        examples: &[],
    };

    pub const fn __new(
        names: &'static [&'static str],
        types: &'static [&'static str],
        shapes: &'static [Shape],
        idents: &'static [&'static str],
        examples: &'static [Option<&'static str>],
    ) -> Self {
        FieldList {
            names,
            types,
            shapes,
            idents,
            examples,
        }
    }
}
