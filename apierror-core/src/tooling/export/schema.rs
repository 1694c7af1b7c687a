//! JSON Schema of the bodies a catalog's errors render to, printed from the
//! [model](crate::body) of each code's bodies in a format (which the
//! TypeScript declarations and the OpenAPI responses print too), and the
//! JSON types of details fields ([`Field`], [`Ty`]) the printers share.

use super::Export;
use crate::body::{self, CodeModel, Node, Ty};
use crate::catalog::Catalog;
use crate::error::ApiError;
use crate::format::{Format, FormatVisitor};
use crate::shape::Shape;
use crate::violations::Style;
use serde_json::{json, Map, Value};

impl Export {
    /// The JSON Schema (draft 2020-12) of every body the errors of `catalog`,
    /// composed catalogs included, render to in `format` (a built-in one or
    /// your own), as pretty JSON.
    ///
    /// The schema is read from what the format renders (see
    /// [one model of a body](crate::export#one-model-of-a-body-for-every-format)):
    /// one branch per code, in declaration order, each titled with its code.
    /// What every body of a code holds alike is a `const` (the code, the status,
    /// RFC 9457 `title` and `type`, the OpenAI-style `type`, AIP-193's `status`,
    /// `domain` and `Help` link, a format's own constants); a member only some
    /// bodies have (with a request [`Context`](crate::format::Context), with an
    /// `Option` field set) is optional; one that is `null` in some is
    /// nullable. Every object is closed (`additionalProperties: false`): the
    /// format writes no other member. A list the format never writes empty has
    /// `minItems: 1`.
    ///
    /// The branches are a `oneOf` when every body holds its code at a member
    /// that is always there, else an `anyOf` (the OpenAI style has no code; a
    /// JSON:API list may be empty): two codes' bodies may then be alike.
    ///
    /// Details fields are typed from their Rust types as written
    /// ([`Descriptor::field_types`](crate::Descriptor::field_types)): integers to `integer` with the type's
    /// bounds, `f32`/`f64` to `number` or `null` (serde_json writes NaN and the
    /// infinities as `null`), `bool` to `boolean`, `String`, `&str`, `char`,
    /// `Cow<str>`, `Box<str>` and paths to `string` (`Uuid`, `Url`, IP addresses,
    /// chrono's dates with a `format`), `Option<T>` to `T` and not required (the
    /// details leave a `None` out; an `Option` inside another type is `T` or
    /// `null`), `Vec<T>`, slices, arrays and sets to arrays of `T`,
    /// `HashMap`/`BTreeMap` to objects of `V`, tuples to arrays of their items,
    /// `Duration` to serde's `{"secs","nanos"}`. Any other type (a struct or
    /// enum of yours, a type alias, a type parameter, `serde_json::Value`) is
    /// unconstrained (`true`): its own `Serialize` decides its JSON, and a name
    /// says nothing of it. A field a format writes as text (AIP-193's metadata)
    /// is a string.
    ///
    /// The output is deterministic: the same catalog and format always give the
    /// same text, object keys in sorted order.
    ///
    /// ```
    /// use apierror::export::Export;
    /// use apierror::format::{BuiltIn, Problem};
    /// use apierror::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(pattern = "BILL-###")]
    /// pub enum BillingError {
    ///     #[code("BILL-001")]
    ///     #[status(402)]
    ///     #[message("Payment of {amount} cents failed")]
    ///     PaymentFailed { amount: u64, reason: Option<String> },
    ///     #[code("BILL-002")]
    ///     #[status(404)]
    ///     #[message("No such invoice")]
    ///     InvoiceNotFound,
    /// }
    ///
    /// let schema = Export::json_schema(BillingError::CATALOG, &BuiltIn::default());
    /// let schema: serde_json::Value = serde_json::from_str(&schema)?;
    /// assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    /// let failed = &schema["oneOf"][0]["properties"]["error"];
    /// assert_eq!(failed["properties"]["code"]["const"], "BILL-001");
    /// assert_eq!(failed["required"], serde_json::json!(["code", "message", "details"]));
    /// let details = &failed["properties"]["details"];
    /// assert_eq!(details["properties"]["amount"]["type"], "integer");
    /// assert_eq!(details["required"], serde_json::json!(["amount"]));
    /// // No `details` member at all for a variant without fields.
    /// let missing = &schema["oneOf"][1]["properties"]["error"];
    /// assert_eq!(missing["required"], serde_json::json!(["code", "message"]));
    ///
    /// // RFC 9457: the details fields are extension members.
    /// let problem = Export::json_schema(BillingError::CATALOG, &BuiltIn::Problem(Problem::new()));
    /// let problem: serde_json::Value = serde_json::from_str(&problem)?;
    /// assert_eq!(problem["oneOf"][0]["properties"]["status"]["const"], 402);
    /// assert_eq!(problem["oneOf"][0]["properties"]["amount"]["minimum"], 0);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn json_schema<F: Format + ?Sized>(catalog: &Catalog, format: &F) -> String {
        let models = body::model(catalog, format);
        let branches: Vec<Value> = models.iter().filter_map(branch).collect();
        // Without the code in the body, two codes may give the same body.
        let combinator = if models
            .iter()
            .all(|m| m.body.as_ref().is_none_or(Node::always_has_code))
        {
            "oneOf"
        } else {
            "anyOf"
        };
        let mut schema = json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": format!("{} error bodies", catalog.type_name()),
            "description": format!(
                "The `{}` bodies of the errors of `{}`, one branch per code. \
                 Generated by apierror::export::json_schema: do not edit.",
                format.media_type(),
                catalog.type_path()
            ),
        });
        schema[combinator] = Value::Array(branches);
        let mut text =
            serde_json::to_string_pretty(&sorted(schema)).expect("a JSON value always serializes");
        text.push('\n');
        text
    }

    /// [`json_schema`](Self::json_schema) of `E`'s catalog in the format `E` declares
    /// (`#[api_error(format = ...)]`): a built-in one or your own.
    ///
    /// ```
    /// use apierror::export::Export;
    /// use apierror::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(code = "SCREAMING_SNAKE_CASE", format = "problem")]
    /// pub enum CvmError {
    ///     #[status(404)]
    ///     #[message("No such CVM")]
    ///     CvmNotFound { id: String },
    /// }
    ///
    /// let schema: serde_json::Value = serde_json::from_str(&Export::json_schema_of::<CvmError>())?;
    /// assert_eq!(schema["oneOf"][0]["properties"]["status"]["const"], 404);
    /// assert_eq!(schema["oneOf"][0]["properties"]["id"]["type"], "string");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn json_schema_of<E: ApiError + ?Sized>() -> String {
        struct Print(&'static Catalog);
        impl FormatVisitor for Print {
            type Output = String;
            fn visit<F: Format + ?Sized>(self, format: &F) -> String {
                Export::json_schema(self.0, format)
            }
        }
        E::__with_format(Print(E::CATALOG))
    }
}

/// The schema of one code's bodies.
fn branch(model: &CodeModel) -> Option<Value> {
    let body = model.body.as_ref()?;
    let d = model.descriptor;
    let mut schema = node_schema(body, model);
    schema["title"] = json!(d.code());
    schema["description"] = json!(format!(
        "{}: {}",
        d.variant(),
        crate::template::documented(d.pieces())
    ));
    Some(schema)
}

/// The JSON Schema of a value of shape `node` in a body of `model`'s code.
fn node_schema(node: &Node, model: &CodeModel) -> Value {
    let d = model.descriptor;
    match node {
        Node::Code => constant(d.code()),
        Node::Status => constant(d.status().as_u16()),
        Node::Const(value) => constant(value.clone()),
        Node::Text => string(),
        Node::Integer => json!({"type": "integer"}),
        Node::Number => json!({"type": "number"}),
        Node::Boolean => json!({"type": "boolean"}),
        Node::Null => json!({"type": "null"}),
        Node::Field(index) => model.fields[*index].ty.schema(),
        Node::FieldText(_) => string(),
        Node::Array(items, may_be_empty) => {
            let mut schema = json!({"type": "array", "items": any_of(items, model)});
            if !may_be_empty && !items.is_empty() {
                schema["minItems"] = json!(1);
            }
            schema
        }
        Node::Object(props) => {
            let members: Vec<(&str, Value, bool)> = props
                .iter()
                .map(|p| (p.key.as_str(), node_schema(&p.node, model), p.required))
                .collect();
            closed(&members)
        }
        Node::Union(alternatives) => any_of(alternatives, model),
    }
}

/// A value of any of `alternatives` (any value at all for none); a list of
/// types where each is a plain type.
fn any_of(alternatives: &[Node], model: &CodeModel) -> Value {
    let plain = |node: &Node| match node {
        Node::Text => Some("string"),
        Node::Integer => Some("integer"),
        Node::Number => Some("number"),
        Node::Boolean => Some("boolean"),
        Node::Null => Some("null"),
        _ => None,
    };
    match alternatives {
        [] => Value::Bool(true),
        [one] => node_schema(one, model),
        many => match many.iter().map(plain).collect::<Option<Vec<_>>>() {
            Some(types) => json!({ "type": types }),
            None => json!({
                "anyOf": many.iter().map(|node| node_schema(node, model)).collect::<Vec<_>>()
            }),
        },
    }
}

impl Ty {
    /// The JSON Schema of the type.
    fn schema(&self) -> Value {
        match self {
            Ty::Int { min, max, nonzero } => {
                let mut schema = json!({"type": "integer"});
                if let Some(min) = min {
                    schema["minimum"] = json!(min);
                }
                if let Some(max) = max {
                    schema["maximum"] = json!(max);
                }
                if *nonzero {
                    schema["not"] = json!({"const": 0});
                }
                schema
            }
            Ty::Float => json!({"type": ["number", "null"]}),
            Ty::Bool => json!({"type": "boolean"}),
            Ty::Char => json!({"type": "string", "minLength": 1, "maxLength": 1}),
            Ty::Str { format: None } => json!({"type": "string"}),
            Ty::Str {
                format: Some(format),
            } => json!({"type": "string", "format": format}),
            Ty::Seq { item, unique, len } => {
                let mut schema = json!({"type": "array", "items": item.schema()});
                // Distinct values of a type whose JSON is unknown may serialize alike.
                if *unique && **item != Ty::Unknown {
                    schema["uniqueItems"] = json!(true);
                }
                if let Some(len) = len {
                    schema["minItems"] = json!(len);
                    schema["maxItems"] = json!(len);
                }
                schema
            }
            Ty::Tuple(items) => json!({
                "type": "array",
                "prefixItems": items.iter().map(Ty::schema).collect::<Vec<_>>(),
                "items": false,
                "minItems": items.len(),
            }),
            Ty::Map(value) => json!({"type": "object", "additionalProperties": value.schema()}),
            Ty::Duration => closed(&[
                ("secs", Ty::from_shape(&Shape::U64).schema(), true),
                (
                    "nanos",
                    json!({"type": "integer", "minimum": 0, "maximum": 999_999_999}),
                    true,
                ),
            ]),
            Ty::Unit => json!({"type": "null"}),
            Ty::Nullable(inner) => nullable(inner.schema()),
            Ty::Unknown => Value::Bool(true),
            Ty::Violations(style) => json!({
                "type": "array",
                "items": closed(
                    &violation_members(*style)
                        .iter()
                        .map(|name| (*name, string(), true))
                        .collect::<Vec<_>>()
                ),
            }),
        }
    }
}

/// `schema` or `null`.
fn nullable(mut schema: Value) -> Value {
    if schema == Value::Bool(true) {
        return schema;
    }
    match schema.get_mut("type") {
        Some(Value::String(ty)) => {
            let ty = std::mem::take(ty);
            schema["type"] = json!([ty, "null"]);
            schema
        }
        Some(Value::Array(types)) => {
            if !types.contains(&json!("null")) {
                types.push(json!("null"));
            }
            schema
        }
        _ => json!({"anyOf": [schema, {"type": "null"}]}),
    }
}

// ---------------------------------------------------------------------------
// The schema of one code's bodies in a format

/// A closed object of `(name, schema, required)` members.
fn closed(members: &[(&str, Value, bool)]) -> Value {
    let properties: Map<String, Value> = members
        .iter()
        .map(|(name, schema, _)| ((*name).to_owned(), schema.clone()))
        .collect();
    let required: Vec<&str> = members
        .iter()
        .filter(|(_, _, required)| *required)
        .map(|(name, _, _)| *name)
        .collect();
    let mut object = json!({
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
    });
    if !required.is_empty() {
        object["required"] = json!(required);
    }
    object
}

fn constant(value: impl Into<Value>) -> Value {
    json!({"const": value.into()})
}

fn string() -> Value {
    json!({"type": "string"})
}

/// The members of one entry of a validation list, in a style.
pub(crate) fn violation_members(style: Style) -> &'static [&'static str] {
    match style {
        Style::Standard => &["field", "pointer", "code", "message"],
        Style::Problem => &["pointer", "detail", "code"],
        Style::Google => &["field", "description", "reason"],
    }
}

/// `value` with the keys of every object in sorted order, whatever the
/// `preserve_order` feature of serde_json (another crate may enable it).
fn sorted(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(entries.into_iter().map(|(k, v)| (k, sorted(v))).collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nullable_schemas_admit_null() {
        assert_eq!(
            nullable(json!({"type": "string"})),
            json!({"type": ["string", "null"]})
        );
        assert_eq!(
            nullable(Ty::Float.schema()),
            json!({"type": ["number", "null"]})
        );
        assert_eq!(nullable(Value::Bool(true)), Value::Bool(true));
    }
}
