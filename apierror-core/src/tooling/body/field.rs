//! The JSON type of a details field, read from the shape the derive
//! wrote for it: what every printer of the body model (JSON Schema,
//! TypeScript) types the field's members with.

use crate::shape::Shape;
use crate::violations::Style;

/// A details field: its key, its JSON type, and whether it may be absent.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Field {
    pub key: &'static str,
    pub ty: Ty,
    /// The field is an `Option`, whose `None` the details leave out.
    pub optional: bool,
}

impl Field {
    pub(crate) fn new(key: &'static str, shape: &'static Shape) -> Self {
        let (shape, optional) = shape.strip_optional();
        Field {
            key,
            ty: Ty::from_shape(shape),
            optional,
        }
    }
}

/// The JSON a Rust type serializes to, as far as its written name tells.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Ty {
    /// An integer within the type's bounds (none for 128 bits);
    /// `nonzero`: never 0.
    Int {
        min: Option<i64>,
        max: Option<u64>,
        nonzero: bool,
    },
    /// A number, or `null` for NaN and the infinities.
    Float,
    Bool,
    /// A string of one character.
    Char,
    /// A string, with a JSON Schema `format` when the type has a known one.
    Str {
        format: Option<&'static str>,
    },
    Seq {
        item: Box<Ty>,
        unique: bool,
        len: Option<usize>,
    },
    Tuple(Vec<Ty>),
    /// An object of string keys.
    Map(Box<Ty>),
    /// `std::time::Duration`: `{"secs","nanos"}`.
    Duration,
    /// `()`: `null`.
    Unit,
    /// The value or `null`: an `Option` that the details do not leave out.
    Nullable(Box<Ty>),
    /// Anything: the type's own `Serialize` decides.
    Unknown,
    /// A validation list, its entries as the style writes them.
    Violations(Style),
}

impl Ty {
    /// The JSON type of a shape the derive read.
    pub fn from_shape(shape: &Shape) -> Ty {
        match shape {
            Shape::Int {
                bits,
                signed,
                nonzero,
            } => {
                let (min, max) = Shape::int_bounds(*bits, *signed, *nonzero);
                // An unsigned non-zero integer's minimum is 1 already.
                Ty::Int {
                    min,
                    max,
                    nonzero: *nonzero && *signed,
                }
            }
            Shape::Float { .. } => Ty::Float,
            Shape::Bool => Ty::Bool,
            Shape::Char => Ty::Char,
            Shape::Str { format, .. } => Ty::Str { format: *format },
            Shape::Seq { item, unique, len } => Ty::Seq {
                item: Box::new(Ty::from_shape(item)),
                unique: *unique,
                len: *len,
            },
            Shape::Tuple(items) => Ty::Tuple(items.iter().map(Ty::from_shape).collect()),
            Shape::Map(value) => Ty::Map(Box::new(Ty::from_shape(value))),
            Shape::Duration => Ty::Duration,
            Shape::Unit => Ty::Unit,
            Shape::Optional(inner) | Shape::Nullable(inner) => {
                Ty::Nullable(Box::new(Ty::from_shape(inner)))
            }
            Shape::Named(_) => Ty::Unknown,
            Shape::Violations => Ty::Violations(Style::Standard),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_level_options_are_optional_and_inner_ones_nullable() {
        static STRING: Shape = Shape::Str {
            format: None,
            example: "string",
            display: true,
        };
        static NULLABLE: Shape = Shape::Nullable(&STRING);
        static OPTIONAL: Shape = Shape::Optional(&STRING);
        static BOTH: Shape = Shape::Optional(&NULLABLE);
        let string = Ty::Str { format: None };
        let field = |shape: &'static Shape| {
            let field = Field::new("f", shape);
            (field.ty, field.optional)
        };
        assert_eq!(field(&OPTIONAL), (string.clone(), true));
        assert_eq!(
            field(&NULLABLE),
            (Ty::Nullable(Box::new(string.clone())), false)
        );
        assert_eq!(field(&BOTH), (Ty::Nullable(Box::new(string)), true));
    }

    #[test]
    fn integers_keep_their_bounds() {
        let int = |bits, signed, nonzero| {
            Ty::from_shape(&Shape::Int {
                bits,
                signed,
                nonzero,
            })
        };
        assert_eq!(
            int(16, false, true),
            Ty::Int {
                min: Some(1),
                max: Some(65_535),
                nonzero: false
            }
        );
        assert_eq!(
            int(32, true, true),
            Ty::Int {
                min: Some(i32::MIN.into()),
                max: Some(i32::MAX as u64),
                nonzero: true
            }
        );
    }
}
