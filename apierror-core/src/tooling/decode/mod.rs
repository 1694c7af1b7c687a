//! Typed client decoding: a response body, in any built-in format, back into
//! the typed error.
//!
//! The variant is chosen by the code (or, in the OpenAI style, which has no
//! code, by status, `type` and message), its fields come from the details.
//! A code the type does not know is an [`UnknownError`] that keeps the raw
//! code, status and message; a body that is not an error in the format is a
//! [`DecodeError`], never a panic.
//!
//! Bodies come from the network, so the decoder has [`Limits`]: a body
//! larger than the maximum size is rejected before it is parsed, nesting
//! deeper than the maximum depth is an error (not a stack overflow), and an
//! object of the body that repeats a key is an error rather than a silent
//! choice of one of the values.

use crate::catalog::Descriptor;
use crate::error::ApiError;
use crate::format::{OpenAi, Problem};
use crate::template::Piece;
use serde::de::{self, DeserializeOwned, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::cell::Cell;
use std::fmt;

#[cfg(feature = "export")]
pub use crate::body::decoder::Decoder;

/// Error types that can be rebuilt from a rendered body: derive with
/// `#[api_error(decode)]`. Detail fields must implement `Deserialize`, and
/// fields that are not details (skipped, sources, unnamed) `Default`.
///
/// [`decode`](Self::decode) and [`decode_response`](Self::decode_response)
/// read a body of any built-in format with the default [`Limits`];
/// [`Limits::decode`] with others, `Decoder` (feature `export`) a body of
/// any format, your own included.
pub trait Decode: ApiError + Sized {
    /// Rebuilds the variant of `code` from its details fields; `None` when
    /// the type (and the types it composes) have no such code.
    #[doc(hidden)]
    fn __decode(code: &str, fields: &Fields<'_>) -> Option<Result<Self, DecodeError>>;

    /// Decodes a body rendered in any built-in format into this type.
    ///
    /// ```
    /// use apierror::decode::{Decode, Decoded};
    /// use apierror::ApiError;
    ///
    /// #[derive(Debug, PartialEq, ApiError)]
    /// #[api_error(pattern = "ERR-02-###", decode)]
    /// pub enum InventoryError {
    ///     #[code("ERR-02-003")]
    ///     #[status(409)]
    ///     #[message("The selected node does not have enough CPU capacity")]
    ///     InsufficientVcpu { requested: u32, available: u32 },
    /// }
    ///
    /// let body = br#"{"error":{"code":"ERR-02-003","message":"...","details":{"requested":8,"available":2}}}"#;
    /// assert_eq!(
    ///     InventoryError::decode(body)?,
    ///     Decoded::Known(InventoryError::InsufficientVcpu { requested: 8, available: 2 })
    /// );
    ///
    /// let newer = br#"{"error":{"code":"ERR-02-099","message":"Something new"}}"#;
    /// let Decoded::Unknown(unknown) = InventoryError::decode(newer)? else { unreachable!() };
    /// assert_eq!(unknown.code.as_deref(), Some("ERR-02-099"));
    /// # Ok::<(), apierror::decode::DecodeError>(())
    /// ```
    fn decode(body: &[u8]) -> Result<Decoded<Self>, DecodeError> {
        Limits::DEFAULT.decode(body)
    }

    /// Decodes an HTTP response: its body as [`decode`](Self::decode) does,
    /// its status as the status of an unknown error when the body has none.
    fn decode_response(
        response: &http::Response<impl AsRef<[u8]>>,
    ) -> Result<Decoded<Self>, DecodeError> {
        Limits::DEFAULT.decode_response(response)
    }
}

/// A boxed error decodes as the error (a transparent variant holding its
/// inner error in a `Box`).
impl<T: Decode> Decode for Box<T> {
    fn __decode(code: &str, fields: &Fields<'_>) -> Option<Result<Self, DecodeError>> {
        T::__decode(code, fields).map(|result| result.map(Box::new))
    }
}

/// The result of decoding a body: the typed error, or an error whose code
/// the type does not know (a newer server, another service).
#[derive(Debug, Clone, PartialEq)]
pub enum Decoded<E> {
    /// A variant of the type.
    Known(E),
    /// A code the type does not know.
    Unknown(UnknownError),
}

impl<E> Decoded<E> {
    /// The typed error, if the code was known.
    pub fn known(self) -> Option<E> {
        match self {
            Decoded::Known(error) => Some(error),
            Decoded::Unknown(_) => None,
        }
    }
}

/// An error whose code the decoding type does not know, as it was sent.
#[derive(Debug, Clone, PartialEq)]
pub struct UnknownError {
    /// The machine code, when the format carries one.
    pub code: Option<String>,
    /// The HTTP status, from the body or the response.
    pub status: Option<u16>,
    /// The public message.
    pub message: Option<String>,
    /// The details object, as sent.
    pub details: Option<Value>,
}

/// Why a body could not be decoded.
#[derive(Debug)]
#[non_exhaustive]
pub enum DecodeError {
    /// The body is not JSON.
    Json(serde_json::Error),
    /// The body is JSON but none of the error bodies this crate renders.
    NotAnError,
    /// The code is known, but a details field is missing or has the wrong type.
    Field {
        /// The error code.
        code: String,
        /// The details key.
        field: &'static str,
        /// What was wrong with it.
        reason: String,
    },
    /// The body is larger than the maximum size; it was not parsed.
    TooLarge {
        /// The size of the body, in bytes.
        size: usize,
        /// The maximum size, in bytes.
        limit: usize,
    },
    /// Arrays and objects are nested deeper than the maximum depth.
    TooDeep {
        /// The maximum depth.
        limit: usize,
    },
    /// An object of the body has this key more than once.
    DuplicateKey(String),
}

/// What the decoder accepts of a body: [`Decode::decode`] uses
/// [`Limits::DEFAULT`], [`Limits::decode`] any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest body, in bytes, that is parsed at all.
    pub max_size: usize,
    /// How deeply arrays and objects may nest; the top-level object is depth
    /// 1. The JSON parser stops at its own limit of 127 whatever this says.
    pub max_depth: usize,
}

impl Limits {
    /// 1 MiB, and a depth of 128 (in effect the JSON parser's own 127).
    pub const DEFAULT: Limits = Limits {
        max_size: 1024 * 1024,
        max_depth: 128,
    };

    /// [`Decode::decode`] with these limits instead of the default ones.
    ///
    /// ```
    /// use apierror::decode::{DecodeError, Limits};
    ///
    /// let body = br#"{"error":{"code":"E1","message":"Too long for the limit"}}"#;
    /// let limits = Limits { max_size: 32, ..Limits::DEFAULT };
    /// let result = limits.decode::<UnknownCatalog>(body);
    /// assert!(matches!(result, Err(DecodeError::TooLarge { size: 58, limit: 32 })));
    /// # #[derive(Debug, apierror::ApiError)]
    /// # #[api_error(decode)]
    /// # enum UnknownCatalog { #[code("E0")] #[status(400)] #[message("x")] E0 }
    /// ```
    pub fn decode<E: Decode>(self, body: &[u8]) -> Result<Decoded<E>, DecodeError> {
        decode_parts(parts(body, self)?)
    }

    /// [`Decode::decode_response`] with these limits instead of the default
    /// ones.
    pub fn decode_response<E: Decode>(
        self,
        response: &http::Response<impl AsRef<[u8]>>,
    ) -> Result<Decoded<E>, DecodeError> {
        let mut parts = parts(response.body().as_ref(), self)?;
        parts.status = parts.status.or(Some(response.status().as_u16()));
        decode_parts(parts)
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Json(error) => write!(f, "the error body is not valid JSON: {error}"),
            DecodeError::NotAnError => f.write_str("the body is not an error in this format"),
            DecodeError::Field {
                code,
                field,
                reason,
            } => write!(f, "error `{code}`: details field `{field}`: {reason}"),
            DecodeError::TooLarge { size, limit } => write!(
                f,
                "the error body is {size} bytes, more than the limit of {limit} bytes"
            ),
            DecodeError::TooDeep { limit } => write!(
                f,
                "the error body nests arrays and objects deeper than the limit of {limit}"
            ),
            DecodeError::DuplicateKey(key) => {
                write!(f, "the error body has the key `{key}` twice in one object")
            }
        }
    }
}

impl std::error::Error for DecodeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DecodeError::Json(error) => Some(error),
            _ => None,
        }
    }
}

/// The details object of a body, as generated decoders read it.
#[doc(hidden)]
pub struct Fields<'a> {
    pub(crate) code: &'a str,
    pub(crate) map: Option<&'a Map<String, Value>>,
    /// AIP-193 metadata holds every value as a string.
    pub(crate) strings: bool,
    /// The validation list where the format puts it (RFC 9457's `errors`,
    /// AIP-193's `BadRequest.fieldViolations`).
    pub(crate) violations: Option<&'a Value>,
}

impl Fields<'_> {
    /// The value of `key` as a `T`; a missing key is `null`, which an
    /// `Option` field takes as `None`.
    pub fn field<T: DeserializeOwned>(&self, key: &'static str) -> Result<T, DecodeError> {
        let value = self.map.and_then(|map| map.get(key));
        let fail = |reason: String| DecodeError::Field {
            code: self.code.to_owned(),
            field: key,
            reason,
        };
        match value {
            None => T::deserialize(&Value::Null).map_err(|_| fail("missing".to_owned())),
            Some(Value::String(text)) if self.strings => {
                // A string field keeps the text; anything else is its JSON.
                T::deserialize(&Value::String(text.clone())).or_else(|_| {
                    let parsed: Value =
                        serde_json::from_str(text).map_err(|e| fail(e.to_string()))?;
                    T::deserialize(&parsed).map_err(|e| fail(e.to_string()))
                })
            }
            Some(value) => T::deserialize(value).map_err(|e| fail(e.to_string())),
        }
    }

    /// The values of several keys at once, as a tuple of two to eight:
    /// generated decoders read a variant's fields in one call (one `match`
    /// per variant to compile instead of one per field).
    #[doc(hidden)]
    pub fn __read<T: FieldTuple>(&self, keys: T::Keys) -> Result<T, DecodeError> {
        T::read(self, keys)
    }

    /// The validation list of `key`: under its key in the details, else
    /// where the format puts it.
    pub fn violations<T: DeserializeOwned>(&self, key: &'static str) -> Result<T, DecodeError> {
        let own = !self.strings && self.map.is_some_and(|map| map.contains_key(key));
        match self.violations {
            Some(list) if !own => T::deserialize(list).map_err(|e| DecodeError::Field {
                code: self.code.to_owned(),
                field: key,
                reason: e.to_string(),
            }),
            _ => self.field(key),
        }
    }
}

/// A tuple of details fields that [`Fields::__read`] reads in one call,
/// each with [`Fields::field`], in order (the first failure is the error).
#[doc(hidden)]
pub trait FieldTuple: Sized {
    /// One key per element.
    type Keys;
    /// Reads every element.
    fn read(fields: &Fields<'_>, keys: Self::Keys) -> Result<Self, DecodeError>;
}

macro_rules! field_tuples {
    ($($n:literal: $($t:ident $i:tt),+;)*) => {$(
        impl<$($t: DeserializeOwned),+> FieldTuple for ($($t,)+) {
            type Keys = [&'static str; $n];
            #[inline]
            fn read(fields: &Fields<'_>, keys: Self::Keys) -> Result<Self, DecodeError> {
                Ok(($(fields.field::<$t>(keys[$i])?,)+))
            }
        }
    )*};
}

field_tuples! {
    2: A 0, B 1;
    3: A 0, B 1, C 2;
    4: A 0, B 1, C 2, D 3;
    5: A 0, B 1, C 2, D 3, E 4;
    6: A 0, B 1, C 2, D 3, E 4, F 5;
    7: A 0, B 1, C 2, D 3, E 4, F 5, G 6;
    8: A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7;
}

impl Descriptor {
    /// The index among a type's own `descriptors` of the one whose code is
    /// `code`, found through `by_hash`: (hash, index) pairs sorted by hash, as
    /// the derive emits them for `#[api_error(decode)]`. A binary search, and
    /// at most a few string comparisons (codes whose hashes collide).
    #[doc(hidden)]
    pub fn __index_of(
        descriptors: &'static [Descriptor],
        by_hash: &'static [(u64, u32)],
        code: &str,
    ) -> Option<usize> {
        let hash = crate::facts::code_hash(code);
        let start = by_hash.partition_point(|&(h, _)| h < hash);
        by_hash[start..]
            .iter()
            .take_while(|&&(h, _)| h == hash)
            .map(|&(_, i)| i as usize)
            .find(|&i| descriptors.get(i).is_some_and(|d| d.code() == code))
    }
}

/// What any built-in format says about an error.
#[derive(Default)]
pub(crate) struct Parts {
    pub code: Option<String>,
    pub status: Option<u16>,
    pub message: Option<String>,
    pub details: Option<Map<String, Value>>,
    pub strings: bool,
    pub kind: Option<String>,
    /// See [`Fields`].
    pub violations: Option<Value>,
}

// The old paths, kept for one release: each moved into `Decode` or
// `Limits`.

/// Decodes a body rendered in any built-in format into `E`.
#[doc(hidden)]
#[deprecated(since = "0.1.0", note = "moved to `apierror::decode::Decode::decode`")]
pub fn decode<E: Decode>(body: &[u8]) -> Result<Decoded<E>, DecodeError> {
    E::decode(body)
}

/// Decodes an HTTP response into `E`.
#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::decode::Decode::decode_response`"
)]
pub fn decode_response<E: Decode>(
    response: &http::Response<impl AsRef<[u8]>>,
) -> Result<Decoded<E>, DecodeError> {
    E::decode_response(response)
}

/// `decode` with other [`Limits`] than the default ones.
#[doc(hidden)]
#[deprecated(since = "0.1.0", note = "moved to `apierror::decode::Limits::decode`")]
pub fn decode_with_limits<E: Decode>(
    body: &[u8],
    limits: Limits,
) -> Result<Decoded<E>, DecodeError> {
    limits.decode(body)
}

/// `decode_response` with other [`Limits`] than the default ones.
#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::decode::Limits::decode_response`"
)]
pub fn decode_response_with_limits<E: Decode>(
    response: &http::Response<impl AsRef<[u8]>>,
    limits: Limits,
) -> Result<Decoded<E>, DecodeError> {
    limits.decode_response(response)
}

pub(crate) fn decode_parts<E: Decode>(parts: Parts) -> Result<Decoded<E>, DecodeError> {
    let code = match &parts.code {
        Some(code) => Some(code.as_str()),
        None => openai_code::<E>(&parts),
    };
    if let Some(code) = code {
        let fields = Fields {
            code,
            map: parts.details.as_ref(),
            strings: parts.strings,
            violations: parts.violations.as_ref(),
        };
        if let Some(result) = E::__decode(code, &fields) {
            return result.map(Decoded::Known);
        }
    }
    Ok(Decoded::Unknown(UnknownError {
        code: parts.code,
        status: parts.status,
        message: parts.message,
        details: parts.details.map(Value::Object),
    }))
}

/// The OpenAI style has no code: the variant with that status, `type` and
/// a message its template produces, in its own language or in any of its
/// translations (a German body decodes as an English one). When several
/// templates match, the one with the most literal text wins (`"Model {m}
/// not found"` over `"{m}"`); two that match equally well leave the error
/// unknown rather than guess.
fn openai_code<E: ApiError>(parts: &Parts) -> Option<&'static str> {
    let (status, message) = (parts.status?, parts.message.as_deref()?);
    let candidates = E::CATALOG.iter().filter(|d| {
        d.status().as_u16() == status
            && parts
                .kind
                .as_deref()
                .is_none_or(|kind| kind == OpenAi::descriptor_type(d))
    });
    by_message(candidates, message)
}

/// Of `candidates`, the one whose template (in its own language or any of
/// its translations) produces `message`: when several match, the one with
/// the most literal text; `None` for none, or for two that match equally
/// well.
pub(crate) fn by_message(
    candidates: impl Iterator<Item = &'static Descriptor>,
    message: &str,
) -> Option<&'static str> {
    let mut best: Option<(&'static Descriptor, usize)> = None;
    let mut tied = false;
    for d in candidates {
        let own = template_matches(&own_literals(d), message);
        let translated = d
            .translations()
            .iter()
            .filter_map(|(_, template)| template_matches(&translation_literals(template), message));
        let Some(literal) = own.into_iter().chain(translated).max() else {
            continue;
        };
        match best {
            Some((_, known)) if known > literal => {}
            Some((_, known)) if known == literal => tied = true,
            _ => {
                best = Some((d, literal));
                tied = false;
            }
        }
    }
    best.filter(|_| !tied).map(|(d, _)| d.code())
}

/// The literal runs between the placeholders of a descriptor's message
/// template: `["No type '", "'"]`.
fn own_literals(descriptor: &Descriptor) -> Vec<String> {
    let mut runs: Vec<String> = vec![String::new()];
    for piece in descriptor.pieces() {
        match piece {
            Piece::Text(text) => runs.last_mut().into_iter().for_each(|p| p.push_str(text)),
            Piece::Arg(_) => runs.push(String::new()),
        }
    }
    runs
}

/// The same of a translation, whose placeholders are `{name}` and which
/// has no `{{` (the derive checks both).
fn translation_literals(template: &str) -> Vec<String> {
    let mut runs = vec![String::new()];
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        runs.last_mut()
            .into_iter()
            .for_each(|p| p.push_str(&rest[..open]));
        runs.push(String::new());
        rest = rest[open..]
            .find('}')
            .map_or("", |close| &rest[open + close + 1..]);
    }
    runs.last_mut().into_iter().for_each(|p| p.push_str(rest));
    runs
}

/// Whether `message` is what a template with these literal runs produces:
/// the runs, in order, with anything in the placeholders between them.
/// When it is, how many bytes of literal text it matched.
fn template_matches(pieces: &[String], message: &str) -> Option<usize> {
    let matched = pieces.iter().map(String::len).sum();
    let [first, middle @ .., last] = pieces else {
        return (message == pieces.first()?.as_str()).then_some(matched);
    };
    let mut rest = message.strip_prefix(first.as_str())?;
    for piece in middle {
        let at = rest.find(piece.as_str())?;
        rest = &rest[at + piece.len()..];
    }
    (rest.len() >= last.len() && rest.ends_with(last.as_str())).then_some(matched)
}

/// Parses a body within the limits into a JSON value. A UTF-8 byte order
/// mark before it is skipped, as RFC 8259 §8.1 allows parsers to.
pub(crate) fn parse(body: &[u8], limits: Limits) -> Result<Value, DecodeError> {
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    if body.len() > limits.max_size {
        return Err(DecodeError::TooLarge {
            size: body.len(),
            limit: limits.max_size,
        });
    }
    let failure = Cell::new(None);
    let seed = Node {
        depth: 0,
        max_depth: limits.max_depth,
        failure: &failure,
    };
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let result = seed
        .deserialize(&mut deserializer)
        .and_then(|value| deserializer.end().map(|()| value));
    match (result, failure.into_inner()) {
        (Ok(value), _) => Ok(value),
        (Err(_), Some(failure)) => Err(failure),
        (Err(error), None) if error.to_string().starts_with("recursion limit exceeded") => {
            Err(DecodeError::TooDeep {
                limit: limits.max_depth,
            })
        }
        (Err(error), None) => Err(DecodeError::Json(error)),
    }
}

/// A JSON value at some depth: like `Value`'s own `Deserialize`, but a
/// repeated key or nesting past the limit is an error, recorded in `failure`
/// (serde's error type carries only a message).
#[derive(Clone, Copy)]
struct Node<'f> {
    depth: usize,
    max_depth: usize,
    failure: &'f Cell<Option<DecodeError>>,
}

impl Node<'_> {
    fn fail<T, E: de::Error>(self, failure: DecodeError) -> Result<T, E> {
        let message = failure.to_string();
        self.failure.set(Some(failure));
        Err(E::custom(message))
    }

    /// The node for the members of an array or object at this node.
    fn enter<E: de::Error>(self) -> Result<Self, E> {
        if self.depth >= self.max_depth {
            return self.fail(DecodeError::TooDeep {
                limit: self.max_depth,
            });
        }
        Ok(Node {
            depth: self.depth + 1,
            ..self
        })
    }
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        Ok(Number::from_f64(value).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let inner = self.enter()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(inner)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let inner = self.enter()?;
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                return self.fail(DecodeError::DuplicateKey(key));
            }
            let value = map.next_value_seed(inner)?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

fn parts(body: &[u8], limits: Limits) -> Result<Parts, DecodeError> {
    let value = parse(body, limits)?;
    let root = value.as_object().ok_or(DecodeError::NotAnError)?;
    let text = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_owned);
    let status = |v: Option<&Value>| {
        v.and_then(Value::as_u64)
            .and_then(|s| u16::try_from(s).ok())
    };

    if let Some(error) = root.get("error").and_then(Value::as_object) {
        match error.get("code") {
            // Standard, tagged, WebSocket.
            Some(Value::String(code)) => Ok(Parts {
                code: Some(code.clone()),
                message: text(error.get("message")),
                details: error.get("details").and_then(Value::as_object).cloned(),
                ..Parts::default()
            }),
            // Google AIP-193: the code is the ErrorInfo reason.
            Some(Value::Number(_)) if error.get("details").is_some_and(Value::is_array) => {
                let detail = |name: &str| {
                    error["details"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(Value::as_object)
                        .find(|d| {
                            d.get("@type")
                                .and_then(Value::as_str)
                                .is_some_and(|t| t.ends_with(name))
                        })
                };
                let info = detail("google.rpc.ErrorInfo");
                let violations = detail("google.rpc.BadRequest")
                    .and_then(|b| {
                        b.get("fieldViolations")
                            .or_else(|| b.get("field_violations"))
                    })
                    .cloned();
                Ok(Parts {
                    code: info.and_then(|i| text(i.get("reason"))),
                    status: status(error.get("code")),
                    message: text(error.get("message")),
                    details: info
                        .and_then(|i| i.get("metadata"))
                        .and_then(Value::as_object)
                        .cloned(),
                    strings: true,
                    violations,
                    ..Parts::default()
                })
            }
            // The OpenAI style: the status as `code`, a `type`.
            Some(Value::Number(_)) => Ok(Parts {
                status: status(error.get("code")),
                message: text(error.get("message")),
                details: error.get("details").and_then(Value::as_object).cloned(),
                kind: text(error.get("type")),
                ..Parts::default()
            }),
            _ => Err(DecodeError::NotAnError),
        }
    } else if let Some(code) = root.get("code").and_then(Value::as_str) {
        // RFC 9457: the extension members are the details.
        let details: Map<String, Value> = root
            .iter()
            .filter(|(key, _)| !Problem::RESERVED.contains(&key.as_str()))
            .map(|(key, value)| (key.clone(), value.clone()))
            .collect();
        Ok(Parts {
            code: Some(code.to_owned()),
            status: status(root.get("status")),
            message: text(root.get("detail")),
            violations: root.get("errors").cloned(),
            details: Some(details),
            ..Parts::default()
        })
    } else {
        Err(DecodeError::NotAnError)
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::{Descriptor, Owner};
    use crate::facts::code_hash;

    static OWNER: Owner = Owner::__new("E", "app::E", None, None);
    static DESCRIPTORS: [Descriptor; 4] = [
        Descriptor::__new(&OWNER, "A", 400, "m", "A", 0),
        Descriptor::__new(&OWNER, "B", 400, "m", "B", 0),
        Descriptor::__new(&OWNER, "C", 400, "m", "C", 0),
        Descriptor::__new(&OWNER, "D", 400, "m", "D", 0),
    ];

    #[test]
    fn codes_are_found_by_hash_and_then_by_text() {
        let (a, b, c, d) = (
            code_hash("A"),
            code_hash("B"),
            code_hash("C"),
            code_hash("D"),
        );
        let mut by_hash = vec![(a, 0), (b, 1), (c, 2), (d, 3)];
        by_hash.sort_unstable();
        let by_hash: &'static [(u64, u32)] = by_hash.leak();
        for (i, code) in ["A", "B", "C", "D"].into_iter().enumerate() {
            assert_eq!(Descriptor::__index_of(&DESCRIPTORS, by_hash, code), Some(i));
        }
        assert_eq!(Descriptor::__index_of(&DESCRIPTORS, by_hash, "E"), None);
        assert_eq!(Descriptor::__index_of(&DESCRIPTORS, by_hash, ""), None);
        assert_eq!(Descriptor::__index_of(&DESCRIPTORS, &[], "A"), None);
    }

    #[test]
    fn colliding_hashes_are_told_apart_by_the_code() {
        // "C"'s hash given to every code: only the text decides.
        let h = code_hash("C");
        let by_hash: &'static [(u64, u32)] = vec![(h, 0), (h, 1), (h, 2), (h, 3)].leak();
        assert_eq!(Descriptor::__index_of(&DESCRIPTORS, by_hash, "C"), Some(2));
        assert_eq!(Descriptor::__index_of(&DESCRIPTORS, by_hash, "D"), None);
        // An index past the descriptors is never returned.
        let broken: &'static [(u64, u32)] = vec![(h, 9)].leak();
        assert_eq!(Descriptor::__index_of(&DESCRIPTORS, broken, "C"), None);
    }
}
