//! Decoding a body of any format back into the typed error, from the
//! format's model: where the code, the status, the message, each details
//! field and a reshaped validation list sit.

use super::node::Node;
use super::places::{self, ListPlace, Path, Role, Step};
use crate::catalog::Descriptor;
use crate::decode::{self, Decode, DecodeError, Decoded, Fields, Limits, UnknownError};
use crate::format::{Format, FormatVisitor};
use serde_json::{Map, Value};
use std::fmt;
use std::marker::PhantomData;

/// A decoder of the bodies a [`Format`] renders, built from what the format
/// renders (the model the exporters print, see
/// [`Export::json_schema`](crate::export::Export::json_schema)): the built-in
/// formats and your own alike, with nothing to write for a format whose
/// code, message and fields sit at members of their own.
///
/// Build it once (it renders every code of the type several times) and
/// decode with it as often as needed. The variant is chosen by the code; a
/// format without the code in its bodies (the OpenAI style) is read by its
/// constants (the status, a `type`) and then by the message, as
/// [`Decode::decode`](crate::decode::Decode::decode) does. A validation list the format
/// reshapes (RFC 9457's `errors`, AIP-193's `BadRequest`, a JSON:API
/// `errors` list) is read back from where the format writes its entries'
/// pointer, code and message.
///
/// ```
/// use apierror::decode::{Decoded, Decoder};
/// use apierror::format::{Context, Format};
/// use apierror::{ApiError, Render};
/// use serde::ser::{SerializeMap, Serializer};
///
/// /// `{"reason": <code>, "text": <message>, "info": {<details>}}`
/// struct Legacy;
///
/// impl Format for Legacy {
///     fn media_type(&self) -> &'static str {
///         "application/json"
///     }
///
///     fn serialize<E, S>(&self, error: &E, _: &Context<'_>, serializer: S) -> Result<S::Ok, S::Error>
///     where
///         E: ApiError + ?Sized,
///         S: Serializer,
///     {
///         let mut map = serializer.serialize_map(Some(3))?;
///         map.serialize_entry("reason", error.code())?;
///         map.serialize_entry("text", &error.message())?;
///         map.serialize_entry("info", &error.details())?;
///         map.end()
///     }
/// }
///
/// #[derive(Debug, PartialEq, ApiError)]
/// #[api_error(code = "snake_case", format = Legacy, decode)]
/// pub enum OrderError {
///     #[status(404)]
///     #[message("No such order: {id}")]
///     OrderNotFound { id: u32 },
/// }
///
/// let decoder = Decoder::<OrderError>::of();
/// let body = Render::new(&OrderError::OrderNotFound { id: 7 }).to_vec()?;
/// assert_eq!(decoder.decode(&body)?, Decoded::Known(OrderError::OrderNotFound { id: 7 }));
/// let newer = br#"{"reason":"order_archived","text":"Archived","info":{}}"#;
/// let Decoded::Unknown(unknown) = decoder.decode(newer)? else { unreachable!() };
/// assert_eq!(unknown.code.as_deref(), Some("order_archived"));
/// assert_eq!(unknown.message.as_deref(), Some("Archived"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Decoder<E> {
    routes: Vec<Route>,
    /// Where bodies hold the code, each path once.
    code_paths: Vec<Path>,
    limits: Limits,
    _type: PhantomData<fn() -> E>,
}

/// What the decoder knows of one code's bodies.
struct Route {
    descriptor: &'static Descriptor,
    /// The members every body of the code holds with the same value (the
    /// code, the status, constants), outside of lists.
    constants: Vec<(Path, Value)>,
    /// Where the code is.
    code_paths: Vec<Path>,
    /// Each details field: its key, where it is, whether as text.
    fields: Vec<(&'static str, Path, bool)>,
    list: Option<(&'static str, ListPlace)>,
    message: Option<Path>,
    status: Option<Path>,
    details: Option<Path>,
}

impl<E> fmt::Debug for Decoder<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Decoder")
            .field("codes", &self.routes.len())
            .field("limits", &self.limits)
            .finish_non_exhaustive()
    }
}

impl<E: Decode> Decoder<E> {
    /// The decoder of `E`'s bodies as `format` renders them.
    pub fn new<F: Format + ?Sized>(format: &F) -> Self {
        let routes: Vec<Route> = super::model(E::CATALOG, format)
            .into_iter()
            .filter_map(|model| {
                let body = model.body.as_ref()?;
                Some(Route::new(&model, body))
            })
            .collect();
        let mut code_paths: Vec<Path> = Vec::new();
        for route in &routes {
            for path in &route.code_paths {
                if !code_paths.contains(path) {
                    code_paths.push(path.clone());
                }
            }
        }
        Decoder {
            routes,
            code_paths,
            limits: Limits::DEFAULT,
            _type: PhantomData,
        }
    }

    /// The decoder of `E`'s bodies in the format `E` declares
    /// (`#[api_error(format = ...)]`): a built-in one or your own.
    pub fn of() -> Self {
        struct Build<E>(PhantomData<fn() -> E>);
        impl<E: Decode> FormatVisitor for Build<E> {
            type Output = Decoder<E>;
            fn visit<F: Format + ?Sized>(self, format: &F) -> Decoder<E> {
                Decoder::new(format)
            }
        }
        E::__with_format(Build(PhantomData))
    }

    /// The decoder with other [`Limits`] than the default ones.
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Decodes a body: the typed error, or an [`UnknownError`] for a code
    /// the type does not know (or a body none of the type's codes could
    /// have).
    pub fn decode(&self, body: &[u8]) -> Result<Decoded<E>, DecodeError> {
        let value = decode::parse(body, self.limits)?;
        self.decode_value(&value, None)
    }

    /// Decodes an HTTP response: its body as [`decode`](Self::decode) does,
    /// its status as the status of an unknown error when the body has none.
    pub fn decode_response(
        &self,
        response: &http::Response<impl AsRef<[u8]>>,
    ) -> Result<Decoded<E>, DecodeError> {
        let value = decode::parse(response.body().as_ref(), self.limits)?;
        self.decode_value(&value, Some(response.status().as_u16()))
    }

    fn decode_value(&self, value: &Value, status: Option<u16>) -> Result<Decoded<E>, DecodeError> {
        if !value.is_object() {
            return Err(DecodeError::NotAnError);
        }
        match self.route(value) {
            Some(route) => route.decode(value),
            None => self.unknown(value, status),
        }
    }

    /// The code's route: by the code where bodies hold it, else by the
    /// constants and the message.
    fn route(&self, value: &Value) -> Option<&Route> {
        for path in &self.code_paths {
            for found in places::read(value, path) {
                let Some(code) = found.as_str() else { continue };
                if let Some(route) = self.routes.iter().find(|r| r.descriptor.code() == code) {
                    return Some(route);
                }
            }
        }
        if !self.code_paths.is_empty() {
            return None;
        }
        let candidates: Vec<&Route> = self.routes.iter().filter(|r| r.holds(value)).collect();
        match candidates.as_slice() {
            [] => None,
            [one] => Some(*one),
            many => {
                let message = many
                    .iter()
                    .find_map(|r| r.text_at(value, r.message.as_ref()?))?;
                let code = decode::by_message(many.iter().map(|r| r.descriptor), &message)?;
                many.iter().copied().find(|r| r.descriptor.code() == code)
            }
        }
    }

    fn unknown(&self, value: &Value, status: Option<u16>) -> Result<Decoded<E>, DecodeError> {
        let code = self
            .code_paths
            .iter()
            .flat_map(|path| places::read(value, path))
            .find_map(Value::as_str)
            .map(str::to_owned);
        let first = |pick: &dyn Fn(&Route) -> Option<&Path>| {
            self.routes
                .iter()
                .filter_map(pick)
                .flat_map(|path| places::read(value, path))
                .next()
                .cloned()
        };
        let message = first(&|r| r.message.as_ref()).and_then(|m| m.as_str().map(str::to_owned));
        let from_body = first(&|r| r.status.as_ref())
            .and_then(|s| s.as_u64())
            .and_then(|s| u16::try_from(s).ok());
        if code.is_none() && message.is_none() {
            return Err(DecodeError::NotAnError);
        }
        Ok(Decoded::Unknown(UnknownError {
            code,
            status: from_body.or(status),
            message,
            details: first(&|r| r.details.as_ref()).filter(Value::is_object),
        }))
    }
}

impl Route {
    fn new(model: &super::CodeModel, body: &Node) -> Self {
        let descriptor = model.descriptor;
        let mut constants = Vec::new();
        collect_constants(body, descriptor, &mut Vec::new(), &mut constants);
        let mut fields = Vec::new();
        for (index, key) in descriptor.fields().iter().enumerate() {
            let own = places::paths(body, &|n| *n == Node::Field(index));
            let text = places::paths(body, &|n| *n == Node::FieldText(index));
            let found = own
                .into_iter()
                .map(|path| (path, false))
                .chain(text.into_iter().map(|path| (path, true)))
                .min_by_key(|(path, _)| path.contains(&Step::Each));
            if let Some((path, text)) = found {
                fields.push((*key, path, text));
            }
        }
        let details = fields
            .iter()
            .find(|(_, path, _)| matches!(path.last(), Some(Step::Key(_))))
            .map(|(_, path, _)| path[..path.len() - 1].to_vec());
        let list = model.list.clone().and_then(|place| {
            let key = descriptor.fields().get(place.field)?;
            // A list the format writes as it is needs no reshaping.
            (!fields.iter().any(|(k, _, _)| k == key)).then_some((*key, place))
        });
        let status = places::paths(body, &|n| *n == Node::Status)
            .into_iter()
            .find(|path| !path.contains(&Step::Each));
        Route {
            descriptor,
            constants,
            code_paths: places::paths(body, &|n| *n == Node::Code),
            fields,
            list,
            message: model.message.clone(),
            status,
            details,
        }
    }

    /// Whether `value` holds every constant of the code.
    fn holds(&self, value: &Value) -> bool {
        self.constants
            .iter()
            .all(|(path, expected)| places::read(value, path).first() == Some(&expected))
    }

    fn text_at(&self, value: &Value, path: &[Step]) -> Option<String> {
        places::read(value, path)
            .first()
            .and_then(|v| v.as_str())
            .map(str::to_owned)
    }

    fn decode<E: Decode>(&self, value: &Value) -> Result<Decoded<E>, DecodeError> {
        let mut map = Map::new();
        for (key, path, _) in &self.fields {
            if let Some(found) = places::read(value, path).first() {
                map.insert((*key).to_owned(), (*found).clone());
            }
        }
        let list = self.list.as_ref().and_then(|(_, place)| {
            let entries = places::read(value, &place.path)
                .into_iter()
                .find_map(Value::as_array)?;
            Some(Value::Array(
                entries
                    .iter()
                    .map(|entry| violation(entry, &place.roles))
                    .collect(),
            ))
        });
        let code = self.descriptor.code();
        let fields = Fields {
            code,
            map: Some(&map),
            strings: self.fields.iter().any(|(_, _, text)| *text),
            violations: list.as_ref(),
        };
        match E::__decode(code, &fields) {
            Some(result) => result.map(Decoded::Known),
            None => Err(DecodeError::NotAnError),
        }
    }
}

/// An entry of a reshaped validation list as the standard one.
fn violation(entry: &Value, roles: &[(Vec<String>, Role)]) -> Value {
    let mut out = Map::new();
    for (path, role) in roles {
        let steps: Vec<Step> = path.iter().cloned().map(Step::Key).collect();
        let Some(found) = places::read(entry, &steps).first().copied() else {
            continue;
        };
        let (key, value) = match (role, found) {
            // A URI fragment is the pointer after its `#`.
            (Role::Pointer, Value::String(text)) if text.starts_with('#') => {
                ("pointer", Value::from(&text[1..]))
            }
            (Role::Pointer, _) => ("pointer", found.clone()),
            (Role::Code, _) => ("code", found.clone()),
            (Role::Message, _) => ("message", found.clone()),
        };
        out.insert(key.to_owned(), value);
    }
    Value::Object(out)
}

/// The members every body of the code holds with one value, outside of
/// lists and alternatives.
fn collect_constants(
    node: &Node,
    descriptor: &Descriptor,
    at: &mut Path,
    out: &mut Vec<(Path, Value)>,
) {
    match node {
        Node::Code => out.push((at.clone(), Value::from(descriptor.code()))),
        Node::Status => out.push((at.clone(), Value::from(descriptor.status().as_u16()))),
        Node::Const(value) => out.push((at.clone(), value.clone())),
        Node::Object(props) => {
            for prop in props.iter().filter(|p| p.required) {
                at.push(Step::Key(prop.key.clone()));
                collect_constants(&prop.node, descriptor, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}
