//! One response per status: the examples, the body's schema, the headers.

use super::field::{example_violations, Field};
use super::infer::Print;
use super::probe::Components;
use crate::body::{CodeModel, HeaderModel, Node, Slot, Synthetic};
use crate::catalog::Descriptor;
use crate::format::{Context, Format};
use crate::render::Render;
use serde_json::Value;
use utoipa::openapi::content::ContentBuilder;
use utoipa::openapi::example::Example;
use utoipa::openapi::header::Header;
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::schema::{
    AnyOfBuilder, ObjectBuilder, OneOfBuilder, Schema, SchemaFormat, Type,
};
use utoipa::openapi::KnownFormat;

/// One code, rendered.
pub(super) struct Variant {
    pub descriptor: &'static Descriptor,
    /// The example body, `None` when the format failed to render it.
    pub example: Option<Value>,
    /// The code's bodies and headers in the format.
    pub model: CodeModel,
    /// The details fields with their OpenAPI schemas and examples.
    pub fields: Vec<Field>,
}

impl Variant {
    pub fn new<F: Format + ?Sized>(
        model: CodeModel,
        format: &F,
        components: &mut Components,
    ) -> Self {
        let descriptor = model.descriptor;
        let fields = fields(descriptor, components);
        let message = crate::template::example_message(descriptor.pieces());
        // Example values; an `Option` field left out, as a `None` is.
        let slots: Vec<(&'static str, Slot)> = fields
            .iter()
            .map(|field| {
                let slot = if field.optional {
                    Slot::Absent
                } else if field.violations {
                    Slot::Violations(example_violations())
                } else {
                    Slot::Value(field.example.clone())
                };
                (field.key, slot)
            })
            .collect();
        let error = Synthetic {
            descriptor,
            fields: &slots,
            message: &message,
            owners: &model.owners,
            retry_after: 60,
            header_value: "string",
        };
        let example = Render::new(&error)
            .format(format)
            .context(Context::new())
            .to_vec()
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok());
        Variant {
            descriptor,
            example,
            model,
            fields,
        }
    }

    /// The body's shape.
    pub fn body(&self) -> Option<&Node> {
        self.model.body.as_ref()
    }

    /// Whether two codes' bodies are one schema: the same shape, with
    /// details fields typed alike.
    fn alike(&self, other: &Variant) -> bool {
        match (self.body(), other.body()) {
            (Some(a), Some(b)) => a.similar(b) && self.fields_alike(other),
            _ => false,
        }
    }

    /// Whether the details fields are typed alike.
    pub fn fields_alike(&self, other: &Variant) -> bool {
        self.fields.len() == other.fields.len()
            && self
                .fields
                .iter()
                .zip(&other.fields)
                .all(|(a, b)| a.key == b.key && a.schema == b.schema)
    }
}

pub(super) fn response(status: u16, variants: &[Variant], media_type: &str) -> Response {
    let description = match http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
    {
        Some(reason) => reason.to_owned(),
        None => {
            let mut messages: Vec<String> = Vec::new();
            for variant in variants {
                let message = crate::template::documented(variant.descriptor.pieces());
                if !messages.contains(&message) {
                    messages.push(message);
                }
            }
            messages.join("; ")
        }
    };

    let examples = variants.iter().filter_map(|variant| {
        let d = variant.descriptor;
        let value = variant.example.clone()?;
        let mut example = Example::builder()
            .summary(format!(
                "{}: {}",
                d.variant(),
                crate::template::documented(d.pieces())
            ))
            .value(Some(value));
        let docs = crate::export::markdown::docs(d);
        if !docs.is_empty() {
            example = example.description(docs);
        }
        Some((d.code(), example.build()))
    });
    let content = ContentBuilder::new()
        .schema(body_schema(variants))
        .examples_from_iter(examples)
        .build();

    let mut builder = ResponseBuilder::new()
        .description(description)
        .content(media_type, content);
    for (name, header) in headers(variants) {
        builder = builder.header(name, header);
    }
    builder.build()
}

/// The headers the codes of one status send, as their models saw them.
fn headers(variants: &[Variant]) -> Vec<(String, Header)> {
    let mut merged: Vec<(HeaderModel, Vec<&Variant>)> = Vec::new();
    for variant in variants {
        for header in &variant.model.headers {
            match merged.iter_mut().find(|(h, _)| h.name == header.name) {
                Some((existing, codes)) => {
                    for value in &header.values {
                        if !existing.values.contains(value) {
                            existing.values.push(value.clone());
                        }
                    }
                    existing.varies |= header.varies;
                    existing.required &= header.required;
                    codes.push(variant);
                }
                None => merged.push((header.clone(), vec![variant])),
            }
        }
    }
    merged
        .into_iter()
        .map(|(header, senders)| {
            let all = senders.len() == variants.len();
            (
                display_name(&header.name, &senders),
                describe(&header, &senders, all),
            )
        })
        .collect()
}

/// The name a document shows: the library's own headers as the RFCs spell
/// them, a field's as its attribute does, a format's as `http` keeps it.
fn display_name(name: &str, senders: &[&Variant]) -> String {
    const KNOWN: [&str; 4] = [
        "Retry-After",
        "Content-Language",
        "WWW-Authenticate",
        "X-Request-Id",
    ];
    if let Some(known) = KNOWN.iter().find(|k| k.eq_ignore_ascii_case(name)) {
        return (*known).to_owned();
    }
    senders
        .iter()
        .flat_map(|v| v.descriptor.headers())
        .find(|declared| declared.eq_ignore_ascii_case(name))
        .map_or_else(|| name.to_owned(), |declared| (*declared).to_owned())
}

fn describe(header: &HeaderModel, senders: &[&Variant], all: bool) -> Header {
    let only = |text: String| {
        if all {
            text
        } else {
            let codes: Vec<&str> = senders.iter().map(|v| v.descriptor.code()).collect();
            format!("{text} Sent for {}.", codes.join(", "))
        }
    };
    let string = || ObjectBuilder::new().schema_type(Type::String);
    let listed = |values: &[String]| {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .enum_values(Some(values.iter().cloned()))
    };
    let from_field = senders.iter().any(|v| {
        v.descriptor
            .headers()
            .iter()
            .any(|h| h.eq_ignore_ascii_case(&header.name))
    });
    let (schema, text) = match header.name.as_str() {
        "retry-after" if header.varies => (
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
                .minimum(Some(utoipa::Number::UInt(0))),
            "Seconds after which the request may be retried.".to_owned(),
        ),
        "content-language" => {
            let text = if header.values.len() > 1 {
                "The language of the message: the one the request's `Accept-Language` prefers."
            } else {
                "The language of the message."
            };
            (listed(&header.values), text.to_owned())
        }
        "www-authenticate" => {
            let challenges: Vec<String> = header.values.iter().map(|c| format!("`{c}`")).collect();
            (
                listed(&header.values),
                format!("The authentication challenge: {}.", challenges.join(" or ")),
            )
        }
        crate::facts::DEFAULT_REQUEST_ID_HEADER => (
            string(),
            "The request's id, when the service runs the request-context layer \
             (`ContextLayer` for axum and tower, `ContextMiddleware` for actix-web): \
             the id the client sent, or one the service generated; the same id as the \
             body's request id. The layer can echo it under another name."
                .to_owned(),
        ),
        _ if from_field => (
            string(),
            "From a field of the error; absent when the field is `None`.".to_owned(),
        ),
        _ if header.varies => (string(), "Set by the format.".to_owned()),
        _ => (listed(&header.values), "Set by the format.".to_owned()),
    };
    Header::builder()
        .schema(schema)
        .description(Some(only(text)))
        .build()
}

/// The schema of a status's bodies: one branch per distinct shape.
fn body_schema(variants: &[Variant]) -> Option<Schema> {
    // Codes whose bodies differ only in their constants share a branch,
    // those constants widened.
    let mut groups: Vec<(&Variant, Node, Vec<&'static str>)> = Vec::new();
    for variant in variants {
        let Some(body) = variant.body() else {
            continue;
        };
        let code = variant.descriptor.code();
        match groups.iter_mut().find(|(first, _, _)| first.alike(variant)) {
            Some((_, node, codes)) => {
                *node = crate::body::merge(node.clone(), body.clone());
                codes.push(code);
            }
            None => groups.push((variant, body.clone(), vec![code])),
        }
    }
    let status = variants.first()?.descriptor.status().as_u16();
    let print = |variant: &Variant, node: &Node, codes: &[&'static str]| {
        Print {
            codes,
            status,
            fields: &variant.fields,
        }
        .schema(node)
    };
    match groups.as_slice() {
        [] => None,
        [(variant, node, codes)] => Some(print(variant, node, codes)),
        _ => {
            let branches = groups.iter().map(|(variant, node, codes)| {
                let schema = print(variant, node, codes);
                match schema {
                    Schema::Object(mut object) => {
                        object.title = Some(codes.join(", "));
                        Schema::Object(object)
                    }
                    other => other,
                }
            });
            if groups.iter().all(|(_, node, _)| node.always_has_code()) {
                let mut one_of = OneOfBuilder::new();
                for branch in branches {
                    one_of = one_of.item(branch);
                }
                Some(one_of.build().into())
            } else {
                let mut any_of = AnyOfBuilder::new();
                for branch in branches {
                    any_of = any_of.item(branch);
                }
                Some(any_of.build().into())
            }
        }
    }
}

/// The details fields of a descriptor, their schemas' components pushed
/// onto `components`.
pub(super) fn fields(descriptor: &'static Descriptor, components: &mut Components) -> Vec<Field> {
    descriptor
        .fields()
        .iter()
        .zip(descriptor.field_shapes())
        .map(|(key, shape)| Field::new(key, shape, components))
        .collect()
}
