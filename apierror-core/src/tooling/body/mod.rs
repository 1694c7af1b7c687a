//! One model of the bodies and headers a format gives each code of a
//! catalog, read from what the format renders: the OpenAPI document, the
//! JSON Schema, the TypeScript declarations and the decoder are written
//! from it, for the built-in formats and yours alike.
//!
//! Each code is rendered as a stand-in error of its variant many times: with
//! two sets of details values and two messages, with its `Option` fields
//! left out, without a request [`Context`] and with two of them (each member
//! alone, then all), and in every language the type translates its messages
//! into. What is the same in every render is a constant of the code (the
//! code itself, the status, RFC 9457's `title`, a `doc_url`); a member some
//! renders lack is optional; a value that is `null` in some renders is
//! nullable; where a details value lands tells which field a member holds,
//! and the member is typed from the field's Rust type.

pub(crate) mod decoder;
mod field;
mod node;
mod ordered;
pub(crate) mod places;
pub(crate) mod synthetic;
mod values;

pub(crate) use field::{Field, Ty};
#[cfg(feature = "utoipa")]
pub(crate) use node::merge;
pub(crate) use node::Node;
pub(crate) use synthetic::{Slot, Synthetic};

use crate::catalog::{Catalog, Descriptor, Owner};
use crate::format::{Context, Format};
use crate::render::Render;
use crate::shape::Shape;
use node::Truth;
use serde_json::Value;
use values::Set;

/// What a format gives one code.
pub(crate) struct CodeModel {
    pub descriptor: &'static Descriptor,
    /// The details fields, typed from their Rust types.
    pub fields: Vec<Field>,
    /// The body, `None` when the format failed to render the code.
    pub body: Option<Node>,
    /// The headers the responses of the code carry besides the media type.
    #[cfg_attr(not(feature = "utoipa"), allow(dead_code))]
    pub headers: Vec<HeaderModel>,
    /// Where the message is, from a render whose message is unlike any
    /// other text.
    pub message: Option<places::Path>,
    /// Where the format puts a validation list it reshapes.
    pub list: Option<places::ListPlace>,
    /// The types whose settings apply, nearest first.
    #[cfg_attr(not(feature = "utoipa"), allow(dead_code))]
    pub owners: Vec<&'static Owner>,
}

/// A response header of a code.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct HeaderModel {
    /// In lower case, as `http` keeps names.
    pub name: String,
    /// In every response of the code.
    pub required: bool,
    /// Every value seen, each once.
    pub values: Vec<String>,
    /// Different in two renders in one language (other details values,
    /// another context): the error's, not a constant of the code.
    pub varies: bool,
}

/// The message of the renders of the second set: no format writes it but
/// as the message.
const ANOTHER_MESSAGE: &str = "apierror: another message";

/// Headers every response has, that say nothing of the error.
const COMMON: [&str; 4] = [
    "content-type",
    "cache-control",
    "x-content-type-options",
    "vary",
];

/// The model of every code of `catalog`, composed ones included, in
/// declaration order, as `format` renders them.
pub(crate) fn model<F: Format + ?Sized>(catalog: &Catalog, format: &F) -> Vec<CodeModel> {
    let settings = crate::export::Settings::new(catalog);
    catalog
        .iter()
        .map(|descriptor| code(descriptor, settings.owners(descriptor.code()), format))
        .collect()
}

/// One render of the plan.
struct Take {
    set: Set,
    /// Leave the `Option` fields out, and the validation lists empty.
    sparse: bool,
    context: Option<Members>,
    language: Option<&'static str>,
}

/// Which members of a context a render has.
#[derive(Clone, Copy)]
enum Members {
    All,
    RequestId,
    TimestampAndInstance,
}

/// The renders of a code: both sets of values, with and without the
/// `Option` fields, without a context and with each member of one, and
/// in each language.
fn plan(languages: &[&'static str]) -> Vec<Take> {
    let take = |set, sparse, context, language| Take {
        set,
        sparse,
        context,
        language,
    };
    let mut plan = vec![
        take(Set::A, false, None, None),
        take(Set::B, false, Some(Members::All), None),
        take(Set::A, true, Some(Members::All), None),
        take(Set::A, true, None, None),
        take(Set::B, false, Some(Members::RequestId), None),
        take(Set::A, false, Some(Members::TimestampAndInstance), None),
    ];
    for language in languages {
        plan.push(take(Set::A, false, None, Some(*language)));
        plan.push(take(Set::B, true, Some(Members::All), Some(*language)));
    }
    plan
}

impl Take {
    /// The details fields of the stand-in error.
    fn slots(&self, descriptor: &Descriptor) -> Vec<(&'static str, Slot)> {
        descriptor
            .fields()
            .iter()
            .zip(descriptor.field_shapes())
            .enumerate()
            .map(|(index, (key, shape))| {
                let slot = match shape {
                    Shape::Optional(_) if self.sparse => Slot::Absent,
                    _ if shape.strip_optional().0 == &Shape::Violations => {
                        Slot::Violations(values::violations(self.set, self.sparse))
                    }
                    _ => Slot::Value(values::value(shape, key, index, self.set)),
                };
                (*key, slot)
            })
            .collect()
    }

    fn context(&self) -> Context<'static> {
        let (id, timestamp, instance) = match self.set {
            Set::A => ("req-a", "1970-01-01T00:00:00Z", "/a"),
            Set::B => ("req-b", "2000-01-01T00:00:00Z", "/b"),
        };
        let context = match self.context {
            None => Context::new(),
            Some(Members::All) => Context::new()
                .with_request_id(id)
                .with_timestamp(timestamp)
                .with_instance(instance),
            Some(Members::RequestId) => Context::new().with_request_id(id),
            Some(Members::TimestampAndInstance) => Context::new()
                .with_timestamp(timestamp)
                .with_instance(instance),
        };
        match self.language {
            Some(language) => context.with_accept_language(language),
            None => context,
        }
    }
}

/// Each render's headers but the common ones: `(name, value)`.
type Seen = Vec<(String, String)>;

fn code<F: Format + ?Sized>(
    descriptor: &'static Descriptor,
    owners: &[&'static Owner],
    format: &F,
) -> CodeModel {
    let mut languages: Vec<&'static str> = Vec::new();
    if !descriptor.translations().is_empty() {
        languages.extend(descriptor.language());
        languages.extend(descriptor.translations().iter().map(|(l, _)| *l));
    }
    let example = crate::template::example_message(descriptor.pieces());
    let mut body: Option<Node> = None;
    let mut seen: Vec<(Option<&'static str>, Seen)> = Vec::new();
    let (mut message, mut list) = (None, None);
    for take in plan(&languages) {
        let slots = take.slots(descriptor);
        let error = Synthetic {
            descriptor,
            fields: &slots,
            message: match take.set {
                Set::A => example.as_str(),
                Set::B => ANOTHER_MESSAGE,
            },
            owners,
            retry_after: match take.set {
                Set::A => 30,
                Set::B => 120,
            },
            header_value: match take.set {
                Set::A => "value-a",
                Set::B => "value-b",
            },
        };
        let render = Render::new(&error).format(format).context(take.context());
        let Some(value) = render
            .to_vec()
            .ok()
            .and_then(|bytes| serde_json::from_slice::<ordered::Json>(&bytes).ok())
        else {
            continue;
        };
        let fields: Vec<(&'static str, Option<Value>)> = slots
            .iter()
            .map(|(key, slot)| (*key, slot.value()))
            .collect();
        let truth = Truth {
            code: descriptor.code(),
            status: descriptor.status().as_u16(),
            fields: &fields,
        };
        let node = truth.infer(None, &value);
        if take.set == Set::B && !take.sparse && take.language.is_none() && message.is_none() {
            message = places::find_text(&value, ANOTHER_MESSAGE);
            list = slots
                .iter()
                .enumerate()
                .find_map(|(index, (_, slot))| match slot {
                    Slot::Violations(violations) => places::find_list(&value, index, violations),
                    _ => None,
                });
        }
        body = Some(match body {
            None => node,
            Some(body) => node::merge(body, node),
        });
        // The headers of the response the same render makes.
        let headers = render
            .to_response()
            .headers()
            .iter()
            .filter(|(name, _)| !COMMON.contains(&name.as_str()))
            .map(|(name, value)| {
                let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
                (name.as_str().to_owned(), value)
            })
            .collect();
        seen.push((take.language, headers));
    }
    CodeModel {
        descriptor,
        fields: descriptor
            .fields()
            .iter()
            .zip(descriptor.field_shapes())
            .map(|(key, shape)| Field::new(key, shape))
            .collect(),
        body,
        headers: headers(&seen),
        message,
        list,
        owners: owners.to_vec(),
    }
}

/// The headers of a code from those of its renders: one present in some
/// renders only is not required; one whose value differs between two
/// renders in one language (other details values, another context)
/// follows the error, not the code (`Content-Language` follows the
/// language only).
fn headers(seen: &[(Option<&'static str>, Seen)]) -> Vec<HeaderModel> {
    let mut headers: Vec<HeaderModel> = Vec::new();
    for (_, render) in seen {
        for (name, value) in render {
            match headers.iter_mut().find(|h| h.name == *name) {
                Some(header) if !header.values.contains(value) => {
                    header.values.push(value.clone());
                }
                Some(_) => {}
                None => headers.push(HeaderModel {
                    name: name.clone(),
                    required: true,
                    values: vec![value.clone()],
                    varies: false,
                }),
            }
        }
    }
    for header in &mut headers {
        let mut values: Vec<(Option<&str>, &str)> = Vec::new();
        for (language, render) in seen {
            match render.iter().find(|(name, _)| *name == header.name) {
                None => header.required = false,
                Some((_, value)) => {
                    if values.iter().any(|(l, v)| l == language && v != value) {
                        header.varies = true;
                    }
                    values.push((*language, value));
                }
            }
        }
    }
    headers
}
