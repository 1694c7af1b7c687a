//! Validation error lists: many field errors of one request, in one error.
//!
//! A details field of type [`Violations`] holds them; each [`Violation`] has
//! a location in the request (a JSON pointer or a field path), a machine
//! code and a message. Every built-in format renders the list the way its
//! readers expect:
//!
//! | format | where the list goes | each entry |
//! |---|---|---|
//! | standard, tagged, WebSocket, OpenAI | `details.<field>` | `{"field","pointer","code","message"}` |
//! | RFC 9457 | the `errors` member (RFC 9457 §3) | `{"pointer":"#/...","detail","code"}` |
//! | AIP-193 | a `google.rpc.BadRequest` after the `ErrorInfo` | `{"field","description","reason"}` |
//!
//! (AIP-193's `ErrorInfo.metadata` leaves the list out: metadata values are
//! strings.) Decoding reads the list back from any of them.
//!
//! ```
//! use apierror::{ApiError, Violations};
//!
//! #[derive(Debug, ApiError)]
//! enum SignupError {
//!     #[code("VALIDATION_FAILED")]
//!     #[status(422)]
//!     #[message("The request is not valid")]
//!     Invalid { violations: Violations },
//! }
//!
//! let error = SignupError::Invalid {
//!     violations: Violations::new()
//!         .with("email", "email", "must be an email address")
//!         .with("/profile/age", "range", "must be at least 18"),
//! };
//! let body = apierror::Render::new(&error).to_string()?;
//! assert_eq!(
//!     body,
//!     r#"{"error":{"code":"VALIDATION_FAILED","message":"The request is not valid","details":{"violations":[{"field":"email","pointer":"/email","code":"email","message":"must be an email address"},{"field":"profile.age","pointer":"/profile/age","code":"range","message":"must be at least 18"}]}}}"#
//! );
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! The derive recognizes a field whose type is spelled `Violations`
//! (`apierror::Violations`, `Box<Violations>`, `Option<Violations>`); mark a
//! field whose type is an alias of it `#[api_error(violations)]`. A variant
//! has at most one list.

use alloc::borrow::Cow;
use core::fmt;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeSeq, SerializeStruct, Serializer};

/// One field of a request that failed validation: where, which check, and
/// what to tell the client.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Violation {
    /// An RFC 6901 JSON pointer into the request: `/items/2/name`; empty
    /// for the request as a whole.
    pointer: String,
    code: Cow<'static, str>,
    message: Cow<'static, str>,
}

impl Violation {
    /// A violation at `location`: a JSON pointer (`/items/2/name`, also in
    /// its URI fragment form `#/items/2/name`, or `""` for the whole
    /// request), else a field path (`items[2].name`, as AIP-193 writes
    /// them); `code` names the check (`"length"`), `message` is for people.
    ///
    /// Any text is a location: a field path is split at `.` and `[n]`, a
    /// `[` that does not close an index is part of the name.
    pub fn new(
        location: &str,
        code: impl Into<Cow<'static, str>>,
        message: impl Into<Cow<'static, str>>,
    ) -> Self {
        Violation {
            pointer: pointer_of(location),
            code: code.into(),
            message: message.into(),
        }
    }

    /// The location as an RFC 6901 JSON pointer: `/items/2/name`.
    pub fn pointer(&self) -> &str {
        &self.pointer
    }

    /// The location as a field path: `items[2].name` (indexes in brackets,
    /// names joined with dots; a name holding `.` or `[` is written as it is).
    pub fn field(&self) -> FieldPath<'_> {
        FieldPath(&self.pointer)
    }

    /// The check that failed, e.g. `"length"`.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The message for people.
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// `profile.age: must be at least 18`; the whole request's violations
/// without a location.
impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.pointer.is_empty() {
            write!(f, "{}: ", self.field())?;
        }
        f.write_str(&self.message)
    }
}

/// A violation's location as a field path: see [`Violation::field`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldPath<'a>(&'a str);

impl fmt::Display for FieldPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for segment in segments(self.0) {
            let name = unescape(segment);
            let index = !name.is_empty() && name.bytes().all(|b| b.is_ascii_digit());
            if index {
                write!(f, "[{name}]")?;
            } else {
                if !first {
                    f.write_str(".")?;
                }
                // A name a path cannot hold as it is goes in backticks (as
                // AIP-161 quotes map keys), a backtick in it doubled: an
                // empty name, one with a `.` or an index (`[0]`), one that
                // starts with a backtick, and a first one that would read
                // as a pointer (`/`, `#`).
                let quoted = name.is_empty()
                    || name.contains('.')
                    || name.starts_with('`')
                    || has_index(&name)
                    || (first && name.starts_with(['/', '#']));
                if quoted {
                    write!(f, "`{}`", name.replace('`', "``"))?;
                } else {
                    f.write_str(&name)?;
                }
            }
            first = false;
        }
        Ok(())
    }
}

/// Whether a name holds `[digits]`, which a path reads as an index.
fn has_index(name: &str) -> bool {
    name.match_indices('[').any(|(at, _)| {
        let digits = name[at + 1..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        digits > 0 && name.as_bytes().get(at + 1 + digits) == Some(&b']')
    })
}

/// A pointer segment's text: `~1` is `/`, `~0` is `~` (RFC 6901 §4), in
/// that order (pointers are normalized when they enter: every `~` starts
/// one of the two).
fn unescape(segment: &str) -> Cow<'_, str> {
    if !segment.contains('~') {
        return Cow::Borrowed(segment);
    }
    Cow::Owned(segment.replace("~1", "/").replace("~0", "~"))
}

impl Serialize for FieldPath<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The segments of a JSON pointer, still escaped.
fn segments(pointer: &str) -> impl Iterator<Item = &str> {
    pointer.split('/').skip(1)
}

/// A location as a JSON pointer: see [`Violation::new`].
fn pointer_of(location: &str) -> String {
    if let Some(fragment) = location.strip_prefix('#') {
        if fragment.is_empty() || fragment.starts_with('/') {
            return normalized(&percent_decode(fragment));
        }
    }
    if location.is_empty() || location.starts_with('/') {
        return normalized(location);
    }
    let mut pointer = String::with_capacity(location.len() + 1);
    let mut name = String::new();
    let mut rest = location;
    let push = |pointer: &mut String, name: &str| {
        pointer.push('/');
        for c in name.chars() {
            match c {
                '~' => pointer.push_str("~0"),
                '/' => pointer.push_str("~1"),
                c => pointer.push(c),
            }
        }
    };
    // An unquoted empty name (`a..b`) is no segment, as people write paths.
    let flush = |pointer: &mut String, name: &mut String| {
        if !name.is_empty() {
            push(pointer, name);
            name.clear();
        }
    };
    while let Some(c) = rest.chars().next() {
        match c {
            '.' => {
                flush(&mut pointer, &mut name);
                rest = &rest[1..];
            }
            '`' if name.is_empty() => {
                // A quoted name: up to the next single backtick, `` is one.
                let mut quoted = String::new();
                let mut body = &rest[1..];
                loop {
                    match body.find('`') {
                        Some(at) if body[at + 1..].starts_with('`') => {
                            quoted.push_str(&body[..=at]);
                            body = &body[at + 2..];
                        }
                        Some(at) => {
                            quoted.push_str(&body[..at]);
                            body = &body[at + 1..];
                            break;
                        }
                        // Never closed: the rest is the name.
                        None => {
                            quoted.push_str(body);
                            body = "";
                            break;
                        }
                    }
                }
                push(&mut pointer, &quoted);
                rest = body;
            }
            '[' => {
                // `[digits]` is an index; any other `[` is part of the name.
                let digits = rest[1..].bytes().take_while(u8::is_ascii_digit).count();
                if digits > 0 && rest.as_bytes().get(1 + digits) == Some(&b']') {
                    flush(&mut pointer, &mut name);
                    pointer.push('/');
                    pointer.push_str(&rest[1..1 + digits]);
                    rest = &rest[2 + digits..];
                } else {
                    name.push('[');
                    rest = &rest[1..];
                }
            }
            c => {
                name.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    flush(&mut pointer, &mut name);
    pointer
}

/// A pointer whose every `~` starts `~0` or `~1`: a `~` that starts
/// neither (`/a~2`, not a valid RFC 6901 pointer) is the character itself,
/// written `~0`, so that the pointer reads back the same from every form.
fn normalized(pointer: &str) -> String {
    let bytes = pointer.as_bytes();
    let valid = bytes
        .iter()
        .enumerate()
        .all(|(i, &b)| b != b'~' || matches!(bytes.get(i + 1), Some(b'0' | b'1')));
    if valid {
        return pointer.to_owned();
    }
    let mut out = String::with_capacity(pointer.len() + 4);
    for (i, c) in pointer.char_indices() {
        out.push(c);
        if c == '~' && !matches!(bytes.get(i + 1), Some(b'0' | b'1')) {
            out.push('0');
        }
    }
    out
}

/// `%XX` decoded, the URI fragment form of a pointer (RFC 6901 §6); a `%`
/// that starts no escape, or bytes that are no UTF-8, are kept as they are.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push((hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0)) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

/// A pointer in its URI fragment form, `#/a/b`, percent-encoding what a
/// fragment may not hold (RFC 3986 §3.5, RFC 6901 §6).
pub(crate) struct Fragment<'a>(pub &'a str);

impl fmt::Display for Fragment<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("#")?;
        let mut plain = 0;
        let bytes = self.0.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            let allowed = b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/?".contains(&b);
            if !allowed {
                // `plain..i` is ASCII, so both ends are char boundaries;
                // an empty run between two bytes of one char is skipped.
                if plain < i {
                    f.write_str(&self.0[plain..i])?;
                }
                write!(f, "%{b:02X}")?;
                plain = i + 1;
            }
        }
        f.write_str(self.0.get(plain..).unwrap_or_default())
    }
}

#[doc(hidden)]
#[deprecated(since = "0.1.0", note = "moved to `apierror::Violations::TRUNCATED`")]
pub const TRUNCATED: &str = Violations::TRUNCATED;

/// The field errors of one request, in the order they were found: the
/// details field a validation error carries (see the [module](self)).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Violations(Vec<Violation>);

impl Violations {
    /// The code of the violation that ends a list cut short, at the whole
    /// request (`""`), its message saying how many were left out: a list
    /// converted from a validator tree nested deeper than 64 levels, and the
    /// `BadRequest` of a gRPC status, which is bounded. Every format writes it
    /// as any violation, so every client sees that the list was cut.
    pub const TRUNCATED: &'static str = "truncated";

    /// No violations yet.
    pub const fn new() -> Self {
        Violations(Vec::new())
    }

    /// Adds a violation: see [`Violation::new`].
    pub fn push(
        &mut self,
        location: &str,
        code: impl Into<Cow<'static, str>>,
        message: impl Into<Cow<'static, str>>,
    ) -> &mut Self {
        self.0.push(Violation::new(location, code, message));
        self
    }

    /// [`push`](Self::push), by value.
    pub fn with(
        mut self,
        location: &str,
        code: impl Into<Cow<'static, str>>,
        message: impl Into<Cow<'static, str>>,
    ) -> Self {
        self.push(location, code, message);
        self
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none: a request that passed.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The violations, in order.
    pub fn iter(&self) -> core::slice::Iter<'_, Violation> {
        self.0.iter()
    }

    /// The violations as a slice.
    pub fn as_slice(&self) -> &[Violation] {
        &self.0
    }
}

/// The validation list a details field holds: what the derive calls for
/// a field spelled `Violations` or marked `violations`.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a validation list",
    label = "not `apierror::Violations`",
    note = "a details field whose type is spelled `Violations`, or that is marked `#[api_error(violations)]`, is the variant's validation list and must be an `apierror::Violations`",
    note = "for a type of your own named `Violations`, mark the field `#[api_error(violations = false)]`"
)]
pub trait AsViolations {
    #[doc(hidden)]
    fn __as_violations(&self) -> &Violations;
}

impl AsViolations for Violations {
    fn __as_violations(&self) -> &Violations {
        self
    }
}

impl<T: AsViolations + ?Sized> AsViolations for &T {
    fn __as_violations(&self) -> &Violations {
        (**self).__as_violations()
    }
}

impl<T: AsViolations + ?Sized> AsViolations for alloc::boxed::Box<T> {
    fn __as_violations(&self) -> &Violations {
        (**self).__as_violations()
    }
}

impl<T: AsViolations + ?Sized> AsViolations for alloc::rc::Rc<T> {
    fn __as_violations(&self) -> &Violations {
        (**self).__as_violations()
    }
}

impl<T: AsViolations + ?Sized> AsViolations for alloc::sync::Arc<T> {
    fn __as_violations(&self) -> &Violations {
        (**self).__as_violations()
    }
}

impl<T: AsViolations + Clone> AsViolations for Cow<'_, T> {
    fn __as_violations(&self) -> &Violations {
        (**self).__as_violations()
    }
}

/// The violations, `; `-separated: `email: must be an email address;
/// profile.age: must be at least 18`, for a message's `{violations}`.
impl fmt::Display for Violations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, violation) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            fmt::Display::fmt(violation, f)?;
        }
        Ok(())
    }
}

impl AsRef<Violations> for Violations {
    fn as_ref(&self) -> &Violations {
        self
    }
}

impl From<Vec<Violation>> for Violations {
    fn from(list: Vec<Violation>) -> Self {
        Violations(list)
    }
}

impl From<Violations> for Vec<Violation> {
    fn from(list: Violations) -> Self {
        list.0
    }
}

impl FromIterator<Violation> for Violations {
    fn from_iter<I: IntoIterator<Item = Violation>>(iter: I) -> Self {
        Violations(iter.into_iter().collect())
    }
}

impl Extend<Violation> for Violations {
    fn extend<I: IntoIterator<Item = Violation>>(&mut self, iter: I) {
        self.0.extend(iter);
    }
}

impl IntoIterator for Violations {
    type Item = Violation;
    type IntoIter = alloc::vec::IntoIter<Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Violations {
    type Item = &'a Violation;
    type IntoIter = core::slice::Iter<'a, Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// How a format writes each entry of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// `{"field","pointer","code","message"}`.
    Standard,
    /// RFC 9457 §3: `{"pointer":"#/...","detail","code"}`.
    Problem,
    /// `google.rpc.BadRequest.FieldViolation`: `{"field","description","reason"}`.
    Google,
}

/// The list in a format's style.
pub(crate) struct Styled<'a>(pub &'a Violations, pub Style);

impl Serialize for Styled<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut list = serializer.serialize_seq(Some(self.0.len()))?;
        for violation in self.0 {
            list.serialize_element(&Entry(violation, self.1))?;
        }
        list.end()
    }
}

struct Entry<'a>(&'a Violation, Style);

impl Serialize for Entry<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let v = self.0;
        match self.1 {
            Style::Standard => {
                let mut entry = serializer.serialize_struct("Violation", 4)?;
                entry.serialize_field("field", &v.field())?;
                entry.serialize_field("pointer", v.pointer())?;
                entry.serialize_field("code", v.code())?;
                entry.serialize_field("message", v.message())?;
                entry.end()
            }
            Style::Problem => {
                let mut entry = serializer.serialize_struct("Violation", 3)?;
                entry.serialize_field("pointer", &format_args!("{}", Fragment(v.pointer())))?;
                entry.serialize_field("detail", v.message())?;
                entry.serialize_field("code", v.code())?;
                entry.end()
            }
            Style::Google => {
                let mut entry = serializer.serialize_struct("FieldViolation", 3)?;
                entry.serialize_field("field", &v.field())?;
                entry.serialize_field("description", v.message())?;
                entry.serialize_field("reason", v.code())?;
                entry.end()
            }
        }
    }
}

/// The standard entries: `[{"field","pointer","code","message"}, ...]`.
impl Serialize for Violations {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Styled(self, Style::Standard).serialize(serializer)
    }
}

impl Serialize for Violation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Entry(self, Style::Standard).serialize(serializer)
    }
}

/// Reads the entries of every style: the location from `pointer` (plain or
/// `#/...`) else `field`, the code from `code` or `reason`, the message
/// from `message`, `detail` or `description`. Unknown keys are ignored; an
/// entry without a message is an error.
impl<'de> Deserialize<'de> for Violation {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntryVisitor;
        impl<'de> Visitor<'de> for EntryVisitor {
            type Value = Violation;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field violation object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Violation, A::Error> {
                let (mut pointer, mut field, mut code, mut message) = (
                    None::<String>,
                    None::<String>,
                    None::<String>,
                    None::<String>,
                );
                while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                    let slot = match &*key {
                        "pointer" => &mut pointer,
                        "field" => &mut field,
                        "code" | "reason" => &mut code,
                        "message" | "detail" | "description" => &mut message,
                        _ => {
                            map.next_value::<de::IgnoredAny>()?;
                            continue;
                        }
                    };
                    if slot.is_some() {
                        return Err(de::Error::custom(format_args!(
                            "a field violation names its `{key}` twice"
                        )));
                    }
                    *slot = Some(map.next_value()?);
                }
                let message = message.ok_or_else(|| de::Error::missing_field("message"))?;
                let location = pointer.or(field).unwrap_or_default();
                Ok(Violation::new(&location, code.unwrap_or_default(), message))
            }
        }
        deserializer.deserialize_map(EntryVisitor)
    }
}

impl<'de> Deserialize<'de> for Violations {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ListVisitor;
        impl<'de> Visitor<'de> for ListVisitor {
            type Value = Violations;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of field violations")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Violations, A::Error> {
                let mut list = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
                while let Some(entry) = seq.next_element()? {
                    list.push(entry);
                }
                Ok(Violations(list))
            }
        }
        deserializer.deserialize_seq(ListVisitor)
    }
}

#[cfg(feature = "validator")]
mod validator_errors {
    use super::{Violation, Violations};
    use alloc::borrow::Cow;
    use validator::{ValidationErrors, ValidationErrorsKind};

    /// Every field error, nested structs and list items included, each at
    /// its JSON pointer (`/items/2/name`), sorted by pointer (validator
    /// keeps them in a hash map); a check without a message gets
    /// `"invalid value"`.
    impl From<&ValidationErrors> for Violations {
        fn from(errors: &ValidationErrors) -> Self {
            let mut list = Vec::new();
            let mut left_out = 0;
            collect(errors, &mut String::new(), &mut list, 0, &mut left_out);
            // Stable: one field's errors keep validator's order.
            list.sort_by(|a: &Violation, b: &Violation| a.pointer.cmp(&b.pointer));
            if left_out > 0 {
                list.push(Violation {
                    pointer: String::new(),
                    code: Cow::Borrowed(Violations::TRUNCATED),
                    message: Cow::Owned(format!(
                        "{left_out} more violations, nested deeper than {MAX_DEPTH} levels, were left out"
                    )),
                });
            }
            Violations(list)
        }
    }

    impl From<ValidationErrors> for Violations {
        fn from(errors: ValidationErrors) -> Self {
            Violations::from(&errors)
        }
    }

    /// Nesting deeper than this is cut off: validator builds the tree from
    /// the request type, so it is bounded, but a hand-built one may not be.
    const MAX_DEPTH: usize = 64;

    fn collect(
        errors: &ValidationErrors,
        at: &mut String,
        list: &mut Vec<Violation>,
        depth: usize,
        left_out: &mut usize,
    ) {
        if depth > MAX_DEPTH {
            *left_out += count(errors);
            return;
        }
        for (name, kind) in errors.errors() {
            let len = at.len();
            // `__all__` holds a struct's schema-level errors: they are the
            // struct's own.
            if name != "__all__" {
                at.push('/');
                for c in name.chars() {
                    match c {
                        '~' => at.push_str("~0"),
                        '/' => at.push_str("~1"),
                        c => at.push(c),
                    }
                }
            }
            match kind {
                ValidationErrorsKind::Field(field) => list.extend(field.iter().map(|error| {
                    Violation {
                        pointer: at.clone(),
                        code: error.code.clone(),
                        message: error
                            .message
                            .clone()
                            .unwrap_or(Cow::Borrowed("invalid value")),
                    }
                })),
                ValidationErrorsKind::Struct(inner) => {
                    collect(inner, at, list, depth + 1, left_out)
                }
                ValidationErrorsKind::List(items) => {
                    for (index, inner) in items {
                        let len = at.len();
                        at.push('/');
                        at.push_str(&index.to_string());
                        collect(inner, at, list, depth + 1, left_out);
                        at.truncate(len);
                    }
                }
            }
            at.truncate(len);
        }
    }

    /// How many field errors a tree holds, however deep: counted with a
    /// stack of its own, not by recursion.
    fn count(errors: &ValidationErrors) -> usize {
        let mut total = 0;
        let mut stack = vec![errors];
        while let Some(errors) = stack.pop() {
            for kind in errors.errors().values() {
                match kind {
                    ValidationErrorsKind::Field(field) => total += field.len(),
                    ValidationErrorsKind::Struct(inner) => stack.push(inner),
                    ValidationErrorsKind::List(items) => stack.extend(items.values().map(|b| &**b)),
                }
            }
        }
        total
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_paths_and_pointers_are_the_same_locations() {
        for (location, pointer, field) in [
            ("email", "/email", "email"),
            ("items[2].name", "/items/2/name", "items[2].name"),
            ("[0].name", "/0/name", "[0].name"),
            ("a.b.c", "/a/b/c", "a.b.c"),
            ("/items/2/name", "/items/2/name", "items[2].name"),
            ("#/items/2/name", "/items/2/name", "items[2].name"),
            ("#/a%20b", "/a b", "a b"),
            ("", "", ""),
            ("#", "", ""),
            ("a/b", "/a~1b", "a/b"),
            ("t~x", "/t~0x", "t~x"),
            ("/a~1b/~0", "/a~1b/~0", "a/b.~"),
            ("/bad~x", "/bad~0x", "bad~x"),
            ("/a~2", "/a~02", "a~2"),
            ("/a.b", "/a.b", "`a.b`"),
            ("/a[0]", "/a[0]", "`a[0]`"),
            ("//", "//", "``.``"),
            ("/a/", "/a/", "a.``"),
            ("/`x`", "/`x`", "```x```"),
            ("/~1root", "/~1root", "`/root`"),
            ("/#top", "/#top", "`#top`"),
            ("a.`b.c`[1]", "/a/b.c/1", "a.`b.c`[1]"),
            ("`unclosed", "/unclosed", "unclosed"),
            ("a[", "/a[", "a["),
            ("a[x]", "/a[x]", "a[x]"),
            ("a[1", "/a[1", "a[1"),
            ("a..b", "/a/b", "a.b"),
            ("é[3]", "/é/3", "é[3]"),
        ] {
            let v = Violation::new(location, "c", "m");
            assert_eq!(v.pointer(), pointer, "{location}");
            assert_eq!(v.field().to_string(), field, "{location}");
        }
    }

    #[test]
    fn fragments_encode_what_a_fragment_cannot_hold() {
        assert_eq!(Fragment("/age").to_string(), "#/age");
        assert_eq!(Fragment("/a b/%/é").to_string(), "#/a%20b/%25/%C3%A9");
        assert_eq!(Fragment("/a\"b").to_string(), "#/a%22b");
        // And back.
        for pointer in ["/a b/%/é", "/x\"y#z", "/~0/~1"] {
            let back = Violation::new(&Fragment(pointer).to_string(), "c", "m");
            assert_eq!(back.pointer(), pointer);
        }
    }

    #[test]
    fn every_style_reads_back() {
        let list = Violations::new()
            .with("items[2].name", "length", "too long")
            .with("", "schema", "no body");
        for style in [Style::Standard, Style::Problem, Style::Google] {
            let json = serde_json::to_string(&Styled(&list, style)).unwrap();
            let back: Violations = serde_json::from_str(&json).unwrap();
            assert_eq!(back, list, "{json}");
        }
    }

    #[test]
    fn bad_entries_are_errors_not_panics() {
        for json in [
            r#"[{"pointer":"/a"}]"#,
            r#"[{"message":"m","message":"n"}]"#,
            r#"[{"message":1}]"#,
            r#"{"message":"m"}"#,
            r#"[1]"#,
        ] {
            assert!(serde_json::from_str::<Violations>(json).is_err(), "{json}");
        }
        let lenient: Violations = serde_json::from_str(r#"[{"message":"m","x":[1]}]"#).unwrap();
        assert_eq!(lenient.as_slice()[0].pointer(), "");
    }

    /// A pointer made of any segments: the hard characters of both forms.
    fn any_pointer() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let segment = "[a-z0-9\\[\\]./~#%`é 01]{0,6}";
        proptest::collection::vec(segment, 0..5).prop_map(|segments| {
            segments
                .iter()
                .map(|s| format!("/{}", s.replace('~', "~0").replace('/', "~1")))
                .collect()
        })
    }

    proptest::proptest! {
        #[test]
        fn every_pointer_reads_back_from_every_form(pointer in any_pointer()) {
            let v = Violation::new(&pointer, "c", "m");
            proptest::prop_assert_eq!(v.pointer(), pointer.as_str());
            // The field path (AIP-193, gRPC), the fragment (RFC 9457).
            let field = v.field().to_string();
            let from_field = Violation::new(&field, "c", "m");
            proptest::prop_assert_eq!(from_field.pointer(), pointer.as_str(), "field {}", field);
            let from_fragment = Violation::new(&Fragment(&pointer).to_string(), "c", "m");
            proptest::prop_assert_eq!(from_fragment.pointer(), pointer.as_str());
        }

        #[test]
        fn any_location_is_read_without_panicking(location in "[a-z0-9\\[\\]./~#%é ]{0,24}") {
            let v = Violation::new(&location, "c", "m");
            let field = v.field().to_string();
            let pointer = v.pointer().to_owned();
            // The pointer form is a pointer; its other forms read back.
            proptest::prop_assert!(pointer.is_empty() || pointer.starts_with('/'));
            let back = Violation::new(&Fragment(&pointer).to_string(), "c", "m");
            proptest::prop_assert_eq!(back.pointer(), pointer.as_str());
            let back = Violation::new(&field, "c", "m");
            proptest::prop_assert_eq!(back.pointer(), pointer.as_str());
        }
    }
}
