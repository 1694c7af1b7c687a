//! The OpenAPI schema of a body, printed from the [model](crate::body) of
//! its code: the same model the JSON Schema and the TypeScript declarations
//! are written from.

use super::field::{any_value, Field};
use crate::body::Node;
use utoipa::openapi::schema::{
    AllOfBuilder, AnyOfBuilder, Array, Object, ObjectBuilder, Schema, Type,
};
use utoipa::openapi::RefOr;

/// What a schema is printed for: the codes of one branch (an `enum` where
/// the body holds the code), their status, and the details fields of the
/// codes (alike in every code of the branch).
pub(super) struct Print<'a> {
    pub codes: &'a [&'static str],
    pub status: u16,
    pub fields: &'a [Field],
}

impl Print<'_> {
    /// The schema of a member: a details field's may be a `$ref`.
    fn member(&self, node: &Node) -> RefOr<Schema> {
        match node {
            Node::Field(index) => self.fields[*index].schema.clone(),
            other => RefOr::T(self.schema(other)),
        }
    }

    pub fn schema(&self, node: &Node) -> Schema {
        match node {
            Node::Code => ObjectBuilder::new()
                .schema_type(Type::String)
                .enum_values(Some(self.codes.iter().copied()))
                .into(),
            Node::Status => ObjectBuilder::new()
                .schema_type(Type::Integer)
                .enum_values(Some([self.status]))
                .into(),
            Node::Const(value) => {
                let ty = match value {
                    serde_json::Value::String(_) => Type::String,
                    serde_json::Value::Bool(_) => Type::Boolean,
                    serde_json::Value::Number(n) if n.is_f64() => Type::Number,
                    _ => Type::Integer,
                };
                ObjectBuilder::new()
                    .schema_type(ty)
                    .enum_values(Some([value.clone()]))
                    .into()
            }
            Node::Text | Node::FieldText(_) => Object::with_type(Type::String).into(),
            Node::Integer => Object::with_type(Type::Integer).into(),
            Node::Number => Object::with_type(Type::Number).into(),
            Node::Boolean => Object::with_type(Type::Boolean).into(),
            Node::Null => Object::with_type(Type::Null).into(),
            Node::Field(index) => match &self.fields[*index].schema {
                RefOr::T(schema) => schema.clone(),
                reference => AllOfBuilder::new().item(reference.clone()).into(),
            },
            Node::Array(items, _) => match items.as_slice() {
                [] => Array::new(any_value()).into(),
                [one] => Array::new(self.member(one)).into(),
                many => Array::new(self.any_of(many)).into(),
            },
            Node::Object(props) => {
                let mut object = ObjectBuilder::new().schema_type(Type::Object);
                for prop in props {
                    object = object.property(&prop.key, self.member(&prop.node));
                    if prop.required {
                        object = object.required(&prop.key);
                    }
                }
                object.into()
            }
            Node::Union(alternatives) => self.any_of(alternatives),
        }
    }

    /// A value of any of `alternatives`: one type, or a list of types when
    /// each is a plain one, else an `anyOf`.
    fn any_of(&self, alternatives: &[Node]) -> Schema {
        let plain = |node: &Node| match node {
            Node::Text => Some(Type::String),
            Node::Integer => Some(Type::Integer),
            Node::Number => Some(Type::Number),
            Node::Boolean => Some(Type::Boolean),
            Node::Null => Some(Type::Null),
            _ => None,
        };
        if let Some(types) = alternatives.iter().map(plain).collect::<Option<Vec<_>>>() {
            return Object::with_type(utoipa::openapi::schema::SchemaType::from_iter(types)).into();
        }
        let mut any_of = AnyOfBuilder::new();
        for node in alternatives {
            any_of = any_of.item(self.member(node));
        }
        any_of.build().into()
    }
}
