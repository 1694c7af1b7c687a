//! Where a format puts what a decoder reads back: paths into a body, found
//! in the model and in one render whose values are all distinct.

use super::node::Node;
use super::ordered::Json;
use crate::Violations;

/// One step of a path into a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Step {
    Key(String),
    /// Any item of an array.
    Each,
}

/// A path into a body.
pub(crate) type Path = Vec<Step>;

/// The member of a validation list's entry that holds one of its parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Pointer,
    Code,
    Message,
}

/// Where a format writes a validation list it reshaped: the list, and in
/// each entry where the pointer, the code and the message are.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ListPlace {
    /// The validation-list field.
    pub field: usize,
    pub path: Path,
    pub roles: Vec<(Vec<String>, Role)>,
}

/// Paths of the nodes `wanted` picks, in document order.
pub(crate) fn paths(node: &Node, wanted: &dyn Fn(&Node) -> bool) -> Vec<Path> {
    fn walk(node: &Node, at: &mut Path, wanted: &dyn Fn(&Node) -> bool, out: &mut Vec<Path>) {
        if wanted(node) {
            out.push(at.clone());
            return;
        }
        match node {
            Node::Object(props) => {
                for prop in props {
                    at.push(Step::Key(prop.key.clone()));
                    walk(&prop.node, at, wanted, out);
                    at.pop();
                }
            }
            Node::Array(items, _) => {
                at.push(Step::Each);
                for item in items {
                    walk(item, at, wanted, out);
                }
                at.pop();
            }
            Node::Union(alternatives) => {
                for node in alternatives {
                    walk(node, at, wanted, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(node, &mut Vec::new(), wanted, &mut out);
    out.dedup();
    out
}

/// The path of the first string equal to `text`.
pub(crate) fn find_text(json: &Json, text: &str) -> Option<Path> {
    match json {
        Json::Scalar(serde_json::Value::String(s)) if s == text => Some(Vec::new()),
        Json::Scalar(_) => None,
        Json::Array(items) => items.iter().find_map(|item| {
            let mut path = find_text(item, text)?;
            path.insert(0, Step::Each);
            Some(path)
        }),
        Json::Object(members) => members.iter().find_map(|(key, value)| {
            let mut path = find_text(value, text)?;
            path.insert(0, Step::Key(key.clone()));
            Some(path)
        }),
    }
}

/// Where `list` (of the field `field`, at least one entry) sits in `json`:
/// an array of as many entries as the list, each holding its violation's
/// message.
pub(crate) fn find_list(json: &Json, field: usize, list: &Violations) -> Option<ListPlace> {
    fn walk(json: &Json, at: &mut Path, field: usize, list: &Violations) -> Option<ListPlace> {
        match json {
            Json::Array(items) if holds(items, list) => Some(ListPlace {
                field,
                path: at.clone(),
                roles: roles(&items[0], &list.as_slice()[0]),
            }),
            Json::Array(items) => {
                at.push(Step::Each);
                let found = items.iter().find_map(|item| walk(item, at, field, list));
                at.pop();
                found
            }
            Json::Object(members) => members.iter().find_map(|(key, value)| {
                at.push(Step::Key(key.clone()));
                let found = walk(value, at, field, list);
                at.pop();
                found
            }),
            Json::Scalar(_) => None,
        }
    }
    walk(json, &mut Vec::new(), field, list)
}

/// Where an entry holds its violation's parts: the message, the code, and
/// the location as a pointer (`/name`), a URI fragment (`#/name`, RFC 6901
/// §6) or a field path (`items[0].sku`).
fn roles(entry: &Json, violation: &crate::Violation) -> Vec<(Vec<String>, Role)> {
    let keys = |path: Path| -> Vec<String> {
        path.into_iter()
            .filter_map(|step| match step {
                Step::Key(key) => Some(key),
                Step::Each => None,
            })
            .collect()
    };
    let fragment = format!("#{}", violation.pointer());
    let field_path = violation.field().to_string();
    let location = [violation.pointer(), fragment.as_str(), field_path.as_str()]
        .into_iter()
        .find_map(|text| find_text(entry, text));
    [
        (find_text(entry, violation.message()), Role::Message),
        (find_text(entry, violation.code()), Role::Code),
        (location, Role::Pointer),
    ]
    .into_iter()
    .filter_map(|(path, role)| Some((keys(path?), role)))
    .collect()
}

/// Whether `items` are the entries of `list`: as many, each holding its
/// violation's message.
fn holds(items: &[Json], list: &Violations) -> bool {
    items.len() == list.len()
        && !items.is_empty()
        && items
            .iter()
            .zip(list.iter())
            .all(|(item, v)| find_text(item, v.message()).is_some())
}

/// The values at `path` in `value`: every match where the path goes
/// through arrays.
pub(crate) fn read<'v>(value: &'v serde_json::Value, path: &[Step]) -> Vec<&'v serde_json::Value> {
    match path.split_first() {
        None => vec![value],
        Some((Step::Key(key), rest)) => value.get(key).map_or_else(Vec::new, |v| read(v, rest)),
        Some((Step::Each, rest)) => value
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|item| read(item, rest))
            .collect(),
    }
}
