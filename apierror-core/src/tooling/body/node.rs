//! The shape of a JSON value a format renders, read from renders and merged
//! across them.

use super::ordered::Json;
use serde_json::Value;

/// The shape of a rendered JSON value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    /// A string equal to the error's code.
    Code,
    /// A number equal to the HTTP status.
    Status,
    /// The same scalar in every render: a constant of the code.
    Const(Value),
    Text,
    Integer,
    Number,
    Boolean,
    Null,
    /// A details field's value, as the field's type serializes it.
    Field(usize),
    /// A details field's value as a string.
    FieldText(usize),
    /// An array whose items are any of these (no items seen: any item);
    /// `true` when some render had it empty.
    Array(Vec<Node>, bool),
    /// An object with these members and no other.
    Object(Vec<Prop>),
    /// Any of these.
    Union(Vec<Node>),
}

/// A member of an object.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Prop {
    pub key: String,
    pub node: Node,
    /// Present in every render.
    pub required: bool,
}

/// What one render was made of: what a value equal to it stands for.
pub(crate) struct Truth<'a> {
    pub code: &'a str,
    pub status: u16,
    /// Each field's key and JSON value, `None` when the render left it out.
    pub fields: &'a [(&'static str, Option<Value>)],
}

/// A value a field's value could equal by chance.
fn weak(value: &Value) -> bool {
    match value {
        Value::Null | Value::Bool(_) => true,
        Value::Array(items) => items.is_empty(),
        Value::Object(map) => map.is_empty(),
        _ => false,
    }
}

impl Truth<'_> {
    /// The shape of `json`, found under the member `key`.
    pub fn infer(&self, key: Option<&str>, json: &Json) -> Node {
        let value = json.to_value();
        // A field's value where it is: under its own key, else anywhere
        // when it cannot equal another value by chance.
        let own = key.and_then(|key| {
            self.fields
                .iter()
                .position(|(k, v)| *k == key && v.is_some())
        });
        if let Some(index) = own {
            let field = self.fields[index].1.as_ref();
            if field == Some(&value) {
                return Node::Field(index);
            }
            if value.is_string() && !field.is_some_and(Value::is_string) {
                return Node::FieldText(index);
            }
        }
        if !weak(&value) {
            if let Some(index) = self
                .fields
                .iter()
                .position(|(_, v)| v.as_ref() == Some(&value))
            {
                return Node::Field(index);
            }
        }
        match json {
            Json::Scalar(Value::String(s)) if s == self.code => Node::Code,
            Json::Scalar(Value::Number(n)) if n.as_u64() == Some(u64::from(self.status)) => {
                Node::Status
            }
            Json::Scalar(Value::Null) => Node::Null,
            Json::Scalar(value) => Node::Const(value.clone()),
            Json::Array(items) => Node::Array(
                items
                    .iter()
                    .map(|item| self.infer(None, item))
                    .fold(Vec::new(), add),
                items.is_empty(),
            ),
            Json::Object(members) => Node::Object(
                members
                    .iter()
                    .map(|(key, value)| Prop {
                        key: key.clone(),
                        node: self.infer(Some(key), value),
                        required: true,
                    })
                    .collect(),
            ),
        }
    }
}

/// The JSON type of a scalar shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Str,
    Int,
    Num,
    Bool,
}

fn kind(node: &Node) -> Option<Kind> {
    match node {
        Node::Code | Node::Text => Some(Kind::Str),
        Node::Status | Node::Integer => Some(Kind::Int),
        Node::Number => Some(Kind::Num),
        Node::Boolean => Some(Kind::Bool),
        Node::Const(Value::String(_)) => Some(Kind::Str),
        Node::Const(Value::Bool(_)) => Some(Kind::Bool),
        Node::Const(Value::Number(n)) if n.is_f64() => Some(Kind::Num),
        Node::Const(Value::Number(_)) => Some(Kind::Int),
        _ => None,
    }
}

fn widen(kind: Kind) -> Node {
    match kind {
        Kind::Str => Node::Text,
        Kind::Int => Node::Integer,
        Kind::Num => Node::Number,
        Kind::Bool => Node::Boolean,
    }
}

/// Whether two shapes are one shape seen twice, to be merged, rather than
/// two alternatives.
fn alike(a: &Node, b: &Node) -> bool {
    match (a, b) {
        (Node::Object(a), Node::Object(b)) => {
            let same_keys =
                a.len() == b.len() && a.iter().all(|p| b.iter().any(|q| q.key == p.key));
            // A member both hold the same constant in (`"@type"`, `"status"`).
            let tagged = a.iter().any(|p| {
                matches!(p.node, Node::Const(_))
                    && b.iter().any(|q| q.key == p.key && q.node == p.node)
            });
            same_keys || tagged
        }
        (Node::Array(..), Node::Array(..)) => true,
        (Node::Union(_), _) | (_, Node::Union(_)) => false,
        (a, b) if a == b => true,
        (a, b) => match (kind(a), kind(b)) {
            (Some(x), Some(y)) => {
                x == y || matches!((x, y), (Kind::Int, Kind::Num) | (Kind::Num, Kind::Int))
            }
            _ => false,
        },
    }
}

/// `alternatives` with `node` merged into the one it is alike, or added.
pub(crate) fn add(mut alternatives: Vec<Node>, node: Node) -> Vec<Node> {
    match node {
        Node::Union(nodes) => nodes.into_iter().fold(alternatives, add),
        node => {
            match alternatives.iter().position(|a| alike(a, &node)) {
                Some(at) => {
                    let existing = alternatives.remove(at);
                    alternatives.insert(at, merge(existing, node));
                }
                None => alternatives.push(node),
            }
            alternatives
        }
    }
}

/// One shape for two renders: members of only one are optional, constants
/// that differ are widened to their type, other differences become unions.
pub(crate) fn merge(a: Node, b: Node) -> Node {
    if a == b {
        return a;
    }
    match (a, b) {
        (Node::Object(a), Node::Object(b)) => Node::Object(merge_props(a, b)),
        (Node::Array(a, x), Node::Array(b, y)) => Node::Array(b.into_iter().fold(a, add), x || y),
        (Node::Union(a), b) => union(add(a, b)),
        (a, Node::Union(b)) => union(add(vec![a], Node::Union(b))),
        (a, b) => match (kind(&a), kind(&b)) {
            (Some(x), Some(y)) if x == y => widen(x),
            (Some(Kind::Int | Kind::Num), Some(Kind::Int | Kind::Num)) => Node::Number,
            _ => union(add(vec![a], b)),
        },
    }
}

fn union(mut alternatives: Vec<Node>) -> Node {
    if alternatives.len() == 1 {
        alternatives.remove(0)
    } else {
        Node::Union(alternatives)
    }
}

fn merge_props(a: Vec<Prop>, mut b: Vec<Prop>) -> Vec<Prop> {
    let mut props = Vec::with_capacity(a.len().max(b.len()));
    for prop in a {
        match b.iter().position(|q| q.key == prop.key) {
            Some(at) => {
                let other = b.remove(at);
                props.push(Prop {
                    key: prop.key,
                    node: merge(prop.node, other.node),
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
    props
}

impl Node {
    #[cfg(feature = "utoipa")]
    /// Whether two shapes are alike but for the values of their constants:
    /// two codes' bodies that one schema describes, with those constants
    /// widened ([`merge`]).
    pub fn similar(&self, other: &Node) -> bool {
        match (self, other) {
            (Node::Const(_), Node::Const(_)) => kind(self) == kind(other),
            (Node::Object(a), Node::Object(b)) => {
                a.len() == b.len()
                    && a.iter().zip(b).all(|(p, q)| {
                        p.key == q.key && p.required == q.required && p.node.similar(&q.node)
                    })
            }
            (Node::Array(a, x), Node::Array(b, y)) => {
                x == y && a.len() == b.len() && a.iter().zip(b).all(|(p, q)| p.similar(q))
            }
            (Node::Union(a), Node::Union(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.similar(y))
            }
            (a, b) => a == b,
        }
    }

    /// Whether every body holds the error's code, at a member that is
    /// always there (not in a list, which may be empty): what tells two
    /// codes' bodies apart, so that a `oneOf` of them is sound.
    pub fn always_has_code(&self) -> bool {
        match self {
            Node::Code => true,
            Node::Object(props) => props.iter().any(|p| p.required && p.node.always_has_code()),
            _ => false,
        }
    }

    /// The member `key` of an object.
    #[cfg(any(test, feature = "utoipa"))]
    pub fn member(&self, key: &str) -> Option<&Node> {
        match self {
            Node::Object(props) => props.iter().find(|p| p.key == key).map(|p| &p.node),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    macro_rules! jj {
        ($($json:tt)+) => {
            serde_json::from_value::<Json>(json!($($json)+)).unwrap()
        };
    }

    #[test]
    fn a_request_id_null_without_a_context_is_a_nullable_string() {
        let t = Truth {
            code: "X",
            status: 404,
            fields: &[],
        };
        let without = t.infer(None, &jj!({"code": "X", "request_id": null}));
        let with_a = t.infer(None, &jj!({"code": "X", "request_id": "req-a"}));
        let with_b = t.infer(None, &jj!({"code": "X", "request_id": "req-b"}));
        let merged = merge(merge(without, with_a), with_b);
        assert_eq!(
            merged.member("request_id"),
            Some(&Node::Union(vec![Node::Null, Node::Text]))
        );
        assert_eq!(merged.member("code"), Some(&Node::Code));
    }

    #[test]
    fn members_of_some_renders_are_optional_and_constants_stay() {
        let t = Truth {
            code: "X",
            status: 404,
            fields: &[],
        };
        let a = t.infer(None, &jj!({"type": "card_error", "meta": {"n": 1}}));
        let b = t.infer(None, &jj!({"type": "card_error"}));
        let Node::Object(props) = merge(a, b) else {
            panic!("an object")
        };
        let prop = |key: &str| props.iter().find(|p| p.key == key).unwrap();
        assert_eq!(prop("type").node, Node::Const(json!("card_error")));
        assert!(prop("type").required);
        assert!(!prop("meta").required);
    }

    #[test]
    fn fields_are_found_under_their_key_or_by_a_distinct_value() {
        let fields = [
            ("decline_code", Some(json!("decline_code-a"))),
            ("flag", Some(json!(true))),
            ("limit", Some(json!(3))),
        ];
        let t = Truth {
            code: "X",
            status: 402,
            fields: &fields,
        };
        let body = t.infer(None, &jj!({"decline_code": "decline_code-a", "flag": true, "other": true, "n": 3, "metadata": {"limit": "3"}}),
        );
        assert_eq!(body.member("decline_code"), Some(&Node::Field(0)));
        assert_eq!(body.member("flag"), Some(&Node::Field(1)));
        // `true` elsewhere could be anything's.
        assert_eq!(body.member("other"), Some(&Node::Const(json!(true))));
        assert_eq!(body.member("n"), Some(&Node::Field(2)));
        assert_eq!(
            body.member("metadata").and_then(|m| m.member("limit")),
            Some(&Node::FieldText(2))
        );
    }

    #[test]
    fn list_items_of_two_kinds_stay_apart() {
        let t = Truth {
            code: "X",
            status: 400,
            fields: &[],
        };
        let a = t.infer(
            None,
            &jj!([{"@type": "info", "reason": "X"}, {"@type": "bad", "violations": []}]),
        );
        let Node::Array(items, _) = a else {
            panic!("an array")
        };
        assert_eq!(items.len(), 2);
    }
}
