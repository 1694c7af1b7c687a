//! The values the stand-in errors carry: two sets per field, each value
//! distinct from the other set's and, as far as a type allows, from the
//! other fields' values, so that where a value lands in a body tells which
//! field the format wrote there.

use crate::shape::Shape;
use crate::Violations;
use serde_json::{json, Value};

/// Which of the two sets of values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Set {
    A,
    B,
}

impl Set {
    fn pick<T>(self, a: T, b: T) -> T {
        match self {
            Set::A => a,
            Set::B => b,
        }
    }
}

/// The value of the `index`th field, `key`, of type `shape`, in `set`.
pub(crate) fn value(shape: &Shape, key: &str, index: usize, set: Set) -> Value {
    // 1..=50 and 60..=109: within every integer type, never 0, never a status.
    let n = (index % 50) as u64 + 1;
    let int = set.pick(n, n + 59);
    match shape {
        Shape::Int { .. } => json!(int),
        Shape::Float { .. } => json!(int as f64 + 0.5),
        Shape::Bool => json!(set == Set::A),
        Shape::Char => json!(set.pick("a", "b")),
        Shape::Str { .. } => json!(format!("{key}-{}", set.pick("a", "b"))),
        Shape::Seq { item, len, .. } => {
            let item = value(item, key, index, set);
            Value::Array(vec![item; len.unwrap_or(1).min(64)])
        }
        Shape::Tuple(items) => Value::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, item)| value(item, key, index + i, set))
                .collect(),
        ),
        Shape::Map(item) => json!({ set.pick("key-a", "key-b"): value(item, key, index, set) }),
        Shape::Duration => json!({"secs": int, "nanos": int}),
        Shape::Unit => Value::Null,
        Shape::Optional(inner) | Shape::Nullable(inner) => value(inner, key, index, set),
        // Its own `Serialize` decides: any JSON stands for it.
        Shape::Named(_) => json!({ "apierror": format!("{key}-{}", set.pick("a", "b")) }),
        Shape::Violations => Value::Null,
    }
}

/// A validation list in `set`: one entry, or two; none when `empty`.
pub(crate) fn violations(set: Set, empty: bool) -> Violations {
    if empty {
        return Violations::new();
    }
    match set {
        Set::A => Violations::new().with("name", "required", "must not be empty"),
        Set::B => Violations::new()
            .with("items[0].sku", "range", "must be positive")
            .with("email", "format", "is not an email address"),
    }
}
