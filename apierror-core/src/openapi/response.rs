//! One response per status: the examples, the body's schema, the headers.

use super::example::{Mode, Synthetic};
use super::field::Field;
use super::infer::{merge_nodes, Infer, Node};
use super::probe::Components;
use crate::catalog::{Catalog, Descriptor};
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
    /// The body's shape, from renders with every field set.
    pub shape: Option<Node>,
}

impl Variant {
    pub fn new<F: Format + ?Sized>(
        descriptor: &'static Descriptor,
        format: &F,
        components: &mut Components,
    ) -> Self {
        let fields = fields(descriptor, components);
        let message = crate::template::example_message(descriptor.pieces());
        let error = |mode| Synthetic {
            descriptor,
            fields: &fields,
            message: &message,
            mode,
        };
        let example = render(&error(Mode::Example), format, Context::new());
        let cx = Infer {
            code: descriptor.code(),
            status: descriptor.status().as_u16(),
            fields: &fields,
        };
        // Without a context, then with each member of one and with all of
        // them: a member some renders lack is optional.
        let (request_id, timestamp, instance) = ("string", "1970-01-01T00:00:00Z", "/");
        let contexts = [
            Context::new(),
            Context::new().with_request_id(request_id),
            Context::new().with_timestamp(timestamp),
            Context::new().with_instance(instance),
            Context::new()
                .with_request_id(request_id)
                .with_timestamp(timestamp)
                .with_instance(instance),
        ];
        let mut shapes = contexts
            .into_iter()
            .map(|context| render(&error(Mode::Shape), format, context).map(|v| cx.infer(&v)));
        let shape = shapes
            .next()
            .flatten()
            .map(|plain| shapes.flatten().fold(plain, merge_nodes));
        Variant {
            descriptor,
            example,
            shape,
        }
    }
}

fn render<F: Format + ?Sized>(
    error: &Synthetic<'_>,
    format: &F,
    context: Context<'_>,
) -> Option<Value> {
    let bytes = Render::new(error)
        .format(format)
        .context(context)
        .to_vec()
        .ok()?;
    serde_json::from_slice(&bytes).ok()
}

pub(super) fn response(
    catalog: &Catalog,
    status: u16,
    variants: &[Variant],
    media_type: &str,
) -> Response {
    let description = match http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
    {
        Some(reason) => reason.to_owned(),
        None => {
            let mut messages: Vec<&str> = Vec::new();
            for variant in variants {
                if !messages.contains(&variant.descriptor.template()) {
                    messages.push(variant.descriptor.template());
                }
            }
            messages.join("; ")
        }
    };

    let examples = variants.iter().filter_map(|variant| {
        let d = variant.descriptor;
        let value = variant.example.clone()?;
        let mut example = Example::builder()
            .summary(format!("{}: {}", d.variant(), d.template()))
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
    if variants.iter().any(|v| v.descriptor.has_retry_after()) {
        let seconds = ObjectBuilder::new()
            .schema_type(Type::Integer)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
            .minimum(Some(utoipa::Number::UInt(0)));
        builder = builder.header(
            "Retry-After",
            Header::builder()
                .schema(seconds)
                .description(Some("Seconds after which the request may be retried."))
                .build(),
        );
    }
    // The languages the status answers in, for translated types.
    let mut languages: Vec<&'static str> = Vec::new();
    for d in variants.iter().map(|v| v.descriptor) {
        let own = d.language().into_iter();
        for language in own.chain(d.translations().iter().map(|(l, _)| *l)) {
            if !languages.contains(&language) {
                languages.push(language);
            }
        }
    }
    if !languages.is_empty() {
        let description = if languages.len() > 1 {
            "The language of the message: the one the request's `Accept-Language` prefers."
        } else {
            "The language of the message."
        };
        builder = builder.header(
            "Content-Language",
            Header::builder()
                .schema(
                    ObjectBuilder::new()
                        .schema_type(Type::String)
                        .enum_values(Some(languages.iter().copied())),
                )
                .description(Some(description))
                .build(),
        );
    }
    builder = builder.header(
        "X-Request-Id",
        Header::builder()
            .schema(ObjectBuilder::new().schema_type(Type::String))
            .description(Some(
                "The request's id, when the service runs the request-context layer \
                 (`ContextLayer` for axum and tower, `ContextMiddleware` for actix-web): \
                 the id the client sent, or one the service generated; the same id as the \
                 body's request id. The layer can echo it under another name.",
            ))
            .build(),
    );
    let mut named: Vec<&'static str> = Vec::new();
    for name in variants.iter().flat_map(|v| v.descriptor.headers()) {
        if !named.contains(name) {
            named.push(name);
        }
    }
    for name in named {
        builder = builder.header(
            name,
            Header::builder()
                .schema(ObjectBuilder::new().schema_type(Type::String))
                .description(Some(
                    "From a field of the error; absent when the field is `None`.",
                ))
                .build(),
        );
    }
    if status == 401 {
        // The challenge of the type that declares each variant, else the
        // catalog's own.
        let mut challenges: Vec<&'static str> = Vec::new();
        for variant in variants {
            let challenge = variant
                .descriptor
                .__owner()
                .www_authenticate()
                .or(catalog.www_authenticate())
                .unwrap_or("Bearer");
            if !challenges.contains(&challenge) {
                challenges.push(challenge);
            }
        }
        // `www_authenticate = false`: those variants send none.
        let without = challenges.contains(&"");
        challenges.retain(|c| !c.is_empty());
        let challenges: Vec<String> = challenges.iter().map(|c| format!("`{c}`")).collect();
        if challenges.is_empty() {
            return builder.build();
        }
        let absent = if without {
            " (none for the codes whose type says `www_authenticate = false`)"
        } else {
            ""
        };
        builder = builder.header(
            "WWW-Authenticate",
            Header::builder()
                .schema(ObjectBuilder::new().schema_type(Type::String))
                .description(Some(format!(
                    "The authentication challenge: {}{absent}.",
                    challenges.join(" or ")
                )))
                .build(),
        );
    }
    builder.build()
}

/// The schema of a status's bodies: one branch per distinct shape.
fn body_schema(variants: &[Variant]) -> Option<Schema> {
    let mut groups: Vec<(&Node, Vec<&'static str>)> = Vec::new();
    for variant in variants {
        let Some(shape) = &variant.shape else {
            continue;
        };
        let code = variant.descriptor.code();
        match groups.iter_mut().find(|(node, _)| *node == shape) {
            Some((_, codes)) => codes.push(code),
            None => groups.push((shape, vec![code])),
        }
    }
    let status = variants.first()?.descriptor.status().as_u16();
    match groups.as_slice() {
        [] => None,
        [(node, codes)] => Some(node.schema(codes, status)),
        _ => {
            let branches = groups.iter().map(|(node, codes)| {
                let schema = node.schema(codes, status);
                match schema {
                    Schema::Object(object) => {
                        let mut object = object;
                        object.title = Some(codes.join(", "));
                        Schema::Object(object)
                    }
                    other => other,
                }
            });
            if groups.iter().any(|(node, _)| node.has_code()) {
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
