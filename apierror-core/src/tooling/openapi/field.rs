//! Details fields in the document: each field's schema and example value,
//! from the [`Shape`] the derive read from its type, and for any other type
//! from its `utoipa::ToSchema` impl.

use super::probe::Components;
use crate::shape::{Named, Shape};
use serde_json::Value;
use utoipa::openapi::schema::{
    AdditionalProperties, ArrayBuilder, ArrayItems, Object, ObjectBuilder, Schema, SchemaFormat,
    SchemaType, Type,
};
use utoipa::openapi::{KnownFormat, RefOr};

/// A details field: its key, schema and example, and whether the details
/// leave it out when it is `None`.
#[derive(Clone)]
pub(super) struct Field {
    pub key: &'static str,
    pub schema: RefOr<Schema>,
    pub example: Value,
    pub optional: bool,
    /// A validation list: the formats place it themselves.
    pub violations: bool,
}

/// The validation list of examples: one violation.
pub(super) fn example_violations() -> crate::Violations {
    crate::Violations::new().with("name", "required", "must not be empty")
}

/// Deeper component schemas are not walked for an example.
const MAX_EXAMPLE_DEPTH: usize = 8;

impl Field {
    pub fn new(key: &'static str, shape: &'static Shape, components: &mut Components) -> Self {
        let (shape, optional) = shape.strip_optional();
        let (schema, example) = match shape {
            // The type's schema once: its example is built from it.
            Shape::Named(named) => match named.schema().and_then(|of| of(components)) {
                Some(schema) => {
                    let example = schema_example(&schema, components, 0);
                    (schema, example)
                }
                None => (RefOr::T(unconstrained(named)), Value::Null),
            },
            _ => (schema(shape, components), example(shape, components)),
        };
        Field {
            key,
            schema,
            example,
            optional,
            violations: matches!(shape, Shape::Violations),
        }
    }
}

/// A schema every JSON value matches. Spelled as the list of JSON types
/// rather than `{}`, which utoipa cannot read back.
pub(super) fn any_value() -> Schema {
    Object::with_type(SchemaType::from_iter([
        Type::Object,
        Type::Array,
        Type::String,
        Type::Number,
        Type::Boolean,
        Type::Null,
    ]))
    .into()
}

fn schema(shape: &Shape, components: &mut Components) -> RefOr<Schema> {
    let schema: Schema = match shape {
        Shape::Int {
            bits,
            signed,
            nonzero,
        } => {
            let format = match bits {
                0..=32 => Some(SchemaFormat::KnownFormat(KnownFormat::Int32)),
                64 => Some(SchemaFormat::KnownFormat(KnownFormat::Int64)),
                _ => None,
            };
            let minimum = (!signed).then(|| utoipa::Number::UInt(usize::from(*nonzero)));
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .format(format)
                .minimum(minimum)
                .into()
        }
        // serde_json writes NaN and the infinities as `null`.
        Shape::Float { bits } => ObjectBuilder::new()
            .schema_type(SchemaType::from_iter([Type::Number, Type::Null]))
            .format(Some(SchemaFormat::KnownFormat(if *bits == 32 {
                KnownFormat::Float
            } else {
                KnownFormat::Double
            })))
            .into(),
        Shape::Bool => Object::with_type(Type::Boolean).into(),
        Shape::Char => ObjectBuilder::new()
            .schema_type(Type::String)
            .min_length(Some(1))
            .max_length(Some(1))
            .into(),
        Shape::Str { format, .. } => ObjectBuilder::new()
            .schema_type(Type::String)
            .format(format.map(|f| SchemaFormat::Custom(f.to_owned())))
            .into(),
        Shape::Seq { item, unique, len } => ArrayBuilder::new()
            .items(ArrayItems::RefOrSchema(Box::new(schema(item, components))))
            .unique_items(*unique)
            .min_items(*len)
            .max_items(*len)
            .into(),
        Shape::Tuple(items) => ArrayBuilder::new()
            .prefix_items(items.iter().map(|item| match schema(item, components) {
                RefOr::T(schema) => schema,
                // A `$ref` among prefix items: utoipa's `prefixItems` takes
                // schemas only.
                RefOr::Ref(_) => any_value(),
            }))
            .items(ArrayItems::False)
            .min_items(Some(items.len()))
            .into(),
        Shape::Map(value) => ObjectBuilder::new()
            .schema_type(Type::Object)
            .additional_properties(Some(AdditionalProperties::RefOr(schema(value, components))))
            .into(),
        Shape::Duration => {
            let int = |bits| Shape::Int {
                bits,
                signed: false,
                nonzero: false,
            };
            ObjectBuilder::new()
                .schema_type(Type::Object)
                .property("secs", schema(&int(64), components))
                .property("nanos", schema(&int(32), components))
                .required("secs")
                .required("nanos")
                .into()
        }
        Shape::Unit => Object::with_type(Type::Null).into(),
        Shape::Optional(inner) | Shape::Nullable(inner) => {
            return nullable(schema(inner, components));
        }
        Shape::Named(named) => return named_schema(named, components),
        Shape::Violations => {
            let text = || RefOr::T(Schema::from(Object::with_type(Type::String)));
            let entry = ObjectBuilder::new()
                .schema_type(Type::Object)
                .description(Some("A field of the request that failed validation"))
                .property("field", text())
                .property("pointer", text())
                .property("code", text())
                .property("message", text())
                .required("field")
                .required("pointer")
                .required("code")
                .required("message");
            ArrayBuilder::new()
                .items(ArrayItems::RefOrSchema(Box::new(RefOr::T(entry.into()))))
                .into()
        }
    };
    RefOr::T(schema)
}

/// The schema or `null`.
fn nullable(schema: RefOr<Schema>) -> RefOr<Schema> {
    match schema {
        RefOr::T(Schema::Object(mut object)) => {
            object.schema_type = match object.schema_type {
                SchemaType::Type(ty) => SchemaType::from_iter([ty, Type::Null]),
                other => other,
            };
            RefOr::T(Schema::Object(object))
        }
        RefOr::T(Schema::Array(mut array)) => {
            array.schema_type = SchemaType::from_iter([Type::Array, Type::Null]);
            RefOr::T(Schema::Array(array))
        }
        // A reference or a composition: one of it or `null`.
        other => RefOr::T(
            utoipa::openapi::schema::OneOfBuilder::new()
                .item(other)
                .item(Object::with_type(Type::Null))
                .into(),
        ),
    }
}

fn named_schema(named: &Named, components: &mut Components) -> RefOr<Schema> {
    match named.schema().and_then(|of| of(components)) {
        Some(schema) => schema,
        None => RefOr::T(unconstrained(named)),
    }
}

/// The schema of a type without `ToSchema`: any value, saying why.
fn unconstrained(named: &Named) -> Schema {
    let mut unconstrained = any_value();
    if let Schema::Object(object) = &mut unconstrained {
        object.description = Some(format!(
            "`{}`: its JSON is whatever its `Serialize` writes (the type has no `utoipa::ToSchema`; \
             derive it, or document the field with #[api_error(schema = T)])",
            named.name()
        ));
    }
    unconstrained
}

/// The example value of a field: `0`, `0.0`, `false`, `"string"`, `[]`,
/// `{}`, a well-known format's example; a named type's from its schema.
fn example(shape: &Shape, components: &mut Components) -> Value {
    match shape {
        Shape::Int { nonzero, .. } => Value::from(u8::from(*nonzero)),
        Shape::Float { .. } => Value::from(0.0),
        Shape::Bool => Value::Bool(false),
        Shape::Char => Value::from("a"),
        Shape::Str { example, .. } => Value::from(*example),
        Shape::Seq { item, len, .. } => {
            Value::Array(vec![example(item, components); len.unwrap_or(0).min(64)])
        }
        Shape::Tuple(items) => Value::Array(items.iter().map(|i| example(i, components)).collect()),
        Shape::Map(_) => Value::Object(serde_json::Map::new()),
        Shape::Duration => serde_json::json!({"secs": 0, "nanos": 0}),
        Shape::Optional(inner) | Shape::Nullable(inner) => example(inner, components),
        Shape::Unit => Value::Null,
        Shape::Violations => serde_json::to_value(example_violations()).unwrap_or_default(),
        // Registers nothing new: the field's schema registered it already.
        Shape::Named(named) => match named.schema().and_then(|of| of(components)) {
            Some(schema) => schema_example(&schema, components, 0),
            None => Value::Null,
        },
    }
}

/// An example of a schema: its own `example`/`examples` when it has one,
/// else one built from its type, properties and items.
fn schema_example(schema: &RefOr<Schema>, components: &Components, depth: usize) -> Value {
    if depth > MAX_EXAMPLE_DEPTH {
        return Value::Null;
    }
    let schema = match schema {
        RefOr::Ref(reference) => {
            let name = reference
                .ref_location
                .rsplit('/')
                .next()
                .unwrap_or_default();
            match components.iter().find(|(n, _)| n == name) {
                Some((_, schema)) => return schema_example(schema, components, depth + 1),
                None => return Value::Null,
            }
        }
        RefOr::T(schema) => schema,
    };
    match schema {
        Schema::Object(object) => {
            #[allow(deprecated)]
            if let Some(example) = object.examples.first().or(object.example.as_ref()) {
                return example.clone();
            }
            if let Some(first) = object.enum_values.as_ref().and_then(|v| v.first()) {
                return first.clone();
            }
            let is = |ty: Type| match &object.schema_type {
                SchemaType::Type(t) => *t == ty,
                SchemaType::Array(types) => types.first() == Some(&ty),
                SchemaType::AnyValue => false,
            };
            if !object.properties.is_empty() || is(Type::Object) {
                let map = object
                    .properties
                    .iter()
                    .filter(|(key, _)| object.required.contains(key))
                    .map(|(key, value)| (key.clone(), schema_example(value, components, depth + 1)))
                    .collect();
                Value::Object(map)
            } else if is(Type::String) {
                Value::from("string")
            } else if is(Type::Integer) {
                Value::from(0)
            } else if is(Type::Number) {
                Value::from(0.0)
            } else if is(Type::Boolean) {
                Value::Bool(false)
            } else {
                Value::Null
            }
        }
        Schema::Array(_) => Value::Array(Vec::new()),
        Schema::OneOf(one_of) => one_of.items.first().map_or(Value::Null, |item| {
            schema_example(item, components, depth + 1)
        }),
        Schema::AnyOf(any_of) => any_of.items.first().map_or(Value::Null, |item| {
            schema_example(item, components, depth + 1)
        }),
        Schema::AllOf(all_of) => {
            let mut map = serde_json::Map::new();
            for item in &all_of.items {
                if let Value::Object(part) = schema_example(item, components, depth + 1) {
                    map.extend(part);
                }
            }
            Value::Object(map)
        }
        _ => Value::Null,
    }
}
