//! The shape of a body a format renders, read from renders of the stand-in
//! error: which members hold the code and the status, which the details
//! fields, which are optional (absent from some renders).

use super::example::SENTINEL;
use super::field::{any_value, Field};
use serde_json::Value;
use utoipa::openapi::schema::{AllOfBuilder, Array, Object, ObjectBuilder, Schema, Type};
use utoipa::openapi::RefOr;

/// The shape of a rendered JSON value.
#[derive(Clone, PartialEq)]
pub(super) enum Node {
    /// A string equal to the error's code.
    Code,
    /// An integer equal to the HTTP status.
    Status,
    Text,
    Integer,
    Number,
    /// A boolean: `Some` when every render wrote the same value (the
    /// tagged envelope's `"success": false`), pinned as an `enum`.
    Boolean(Option<bool>),
    Null,
    /// A details field, typed from its Rust type.
    Typed(Box<RefOr<Schema>>),
    Array(Box<Node>),
    Object(Vec<Prop>),
    Any,
}

#[derive(Clone, PartialEq)]
pub(super) struct Prop {
    key: String,
    node: Node,
    required: bool,
}

/// What inference knows about the rendered variant.
pub(super) struct Infer<'a> {
    pub code: &'a str,
    pub status: u16,
    pub fields: &'a [Field],
}

impl Infer<'_> {
    pub fn infer(&self, value: &Value) -> Node {
        match value {
            Value::String(s) if s == self.code => Node::Code,
            Value::String(_) => Node::Text,
            Value::Number(n) if n.as_u64() == Some(u64::from(self.status)) => Node::Status,
            Value::Number(n) if n.is_i64() || n.is_u64() => Node::Integer,
            Value::Number(_) => Node::Number,
            Value::Bool(b) => Node::Boolean(Some(*b)),
            Value::Null => Node::Null,
            Value::Array(items) => Node::Array(Box::new(
                items
                    .iter()
                    .map(|item| self.infer(item))
                    .reduce(merge_nodes)
                    .unwrap_or(Node::Any),
            )),
            Value::Object(map) => {
                // The object the details were written into, alone or with
                // envelope members (RFC 9457 extension members).
                let details = map.contains_key(SENTINEL);
                let props = map
                    .iter()
                    .filter(|(key, _)| key.as_str() != SENTINEL)
                    .map(|(key, value)| {
                        let field = details
                            .then(|| self.fields.iter().find(|f| f.key == key))
                            .flatten();
                        let (node, required) = match field {
                            Some(field) if *value == field.example => {
                                (Node::Typed(Box::new(field.schema.clone())), !field.optional)
                            }
                            // A format that writes details as text (AIP-193 metadata).
                            Some(field) if value.is_string() => (Node::Text, !field.optional),
                            _ => (self.infer(value), true),
                        };
                        Prop {
                            key: key.clone(),
                            node,
                            required,
                        }
                    })
                    .collect();
                Node::Object(props)
            }
        }
    }
}

/// One shape for two renders: members of only one are optional.
pub(super) fn merge_nodes(a: Node, b: Node) -> Node {
    match (a, b) {
        (Node::Object(a), Node::Object(mut b)) => {
            let mut props = Vec::with_capacity(a.len().max(b.len()));
            for prop in a {
                match b.iter().position(|q| q.key == prop.key) {
                    Some(at) => {
                        let other = b.remove(at);
                        props.push(Prop {
                            key: prop.key,
                            node: merge_nodes(prop.node, other.node),
                            required: prop.required && other.required,
                        });
                    }
                    None => props.push(Prop {
                        required: false,
                        ..prop
                    }),
                }
            }
            props.extend(b.into_iter().map(|prop| Prop {
                required: false,
                ..prop
            }));
            Node::Object(props)
        }
        (Node::Array(a), Node::Array(b)) => Node::Array(Box::new(merge_nodes(*a, *b))),
        (Node::Boolean(a), Node::Boolean(b)) => Node::Boolean(a.filter(|_| a == b)),
        (Node::Any, other) => other,
        (a, _) => a,
    }
}

impl Node {
    pub fn has_code(&self) -> bool {
        match self {
            Node::Code => true,
            Node::Array(item) => item.has_code(),
            Node::Object(props) => props.iter().any(|p| p.node.has_code()),
            _ => false,
        }
    }

    /// The schema of a member: a details field's may be a `$ref`.
    fn member(&self, codes: &[&str], status: u16) -> RefOr<Schema> {
        match self {
            Node::Typed(schema) => (**schema).clone(),
            other => RefOr::T(other.schema(codes, status)),
        }
    }

    pub fn schema(&self, codes: &[&str], status: u16) -> Schema {
        match self {
            Node::Code => ObjectBuilder::new()
                .schema_type(Type::String)
                .enum_values(Some(codes.iter().copied()))
                .into(),
            Node::Status => ObjectBuilder::new()
                .schema_type(Type::Integer)
                .enum_values(Some([status]))
                .into(),
            Node::Text => Object::with_type(Type::String).into(),
            Node::Integer => Object::with_type(Type::Integer).into(),
            Node::Number => Object::with_type(Type::Number).into(),
            Node::Boolean(None) => Object::with_type(Type::Boolean).into(),
            Node::Boolean(Some(value)) => ObjectBuilder::new()
                .schema_type(Type::Boolean)
                .enum_values(Some([*value]))
                .into(),
            Node::Null => Object::with_type(Type::Null).into(),
            Node::Typed(typed) => match &**typed {
                RefOr::T(schema) => schema.clone(),
                reference => AllOfBuilder::new().item(reference.clone()).into(),
            },
            Node::Array(item) => Array::new(item.member(codes, status)).into(),
            Node::Object(props) => {
                let mut object = ObjectBuilder::new().schema_type(Type::Object);
                for prop in props {
                    object = object.property(&prop.key, prop.node.member(codes, status));
                    if prop.required {
                        object = object.required(&prop.key);
                    }
                }
                object.into()
            }
            Node::Any => any_value(),
        }
    }
}

impl Node {
    /// The member `key` of an object.
    pub fn member_named(&self, key: &str) -> Option<&Node> {
        match self {
            Node::Object(props) => props.iter().find(|p| p.key == key).map(|p| &p.node),
            _ => None,
        }
    }
}
