//! One variant's constant description: code, status, template, docs,
//! details fields; built by the derive in constant context.

#[allow(unused_imports)]
use super::*;
use crate::doc::Docs;
use crate::shape::Shape;
use crate::template::{Piece, Pieces};
use core::fmt;
use http::StatusCode;

/// Everything constant about one error variant: its code, status, public
/// message template, documentation and the keys of its details object.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Descriptor {
    pub(crate) owner: &'static Owner,
    pub(crate) code: &'static str,
    /// FNV-1a of the code, computed by the derive: composed catalogs are
    /// checked for duplicates by hash at compile time.
    pub(crate) hash: u64,
    pub(crate) status: StatusCode,
    pub(crate) message: &'static str,
    pub(crate) docs: &'static Docs,
    pub(crate) category: Option<&'static str>,
    pub(crate) variant: &'static str,
    pub(crate) fields: &'static [&'static str],
    pub(crate) field_types: &'static [&'static str],
    pub(crate) field_shapes: &'static [Shape],
    pub(crate) pieces: &'static [Piece],
    pub(crate) has_details: bool,
    pub(crate) retry_after: bool,
    pub(crate) title: Option<&'static str>,
    pub(crate) kind: Option<&'static str>,
    pub(crate) static_message: Option<&'static str>,
    pub(crate) plain_message: bool,
    /// The code needs no JSON escaping (always so for derived codes, whose
    /// characters the derive checks; computed in const eval, never at run
    /// time).
    pub(crate) plain_code: bool,
    /// The title (`title = "..."`, else the reason phrase) needs no JSON
    /// escaping; computed in const eval.
    pub(crate) plain_title: bool,
    pub(crate) headers: &'static [&'static str],
    /// Bits 4..=6 of the flags: see [`DescriptorParts::LOG`].
    pub(crate) log: u8,
}

/// The fields of a [`Descriptor`] that `__new` and `__from_parts` take.
pub(crate) struct DescriptorParts {
    pub owner: &'static Owner,
    pub code: &'static str,
    pub hash: u64,
    pub status: u16,
    pub message: &'static str,
    pub docs: &'static Docs,
    pub category: Option<&'static str>,
    pub variant: &'static str,
    pub fields: &'static [&'static str],
    pub field_types: &'static [&'static str],
    pub field_shapes: &'static [Shape],
    /// `HAS_DETAILS | RETRY_AFTER | STATIC | PLAIN`, see the constants.
    pub flags: u8,
    pub title: Option<&'static str>,
    pub kind: Option<&'static str>,
    /// The message, when it has no placeholder and differs from the
    /// template (a template with `{{`); `STATIC` says the template is it.
    pub static_message: Option<&'static str>,
}

impl DescriptorParts {
    /// The variant renders a `details` object.
    pub const HAS_DETAILS: u8 = 1;
    /// A field feeds `Retry-After`.
    pub const RETRY_AFTER: u8 = 2;
    /// The message template is the message: no placeholder, no escape.
    pub const STATIC: u8 = 4;
    /// The static message needs no JSON escaping.
    pub const PLAIN: u8 = 8;
    /// Bits 4..=6: the log level, 0 the status's default (error for 5xx,
    /// none for 4xx), 1 off, 2 error, 3 warn, 4 info, 5 debug, 6 trace.
    pub const LOG: u8 = 0b0111_0000;

    /// Defaults for what generated code leaves out.
    pub const EMPTY: DescriptorParts = DescriptorParts {
        owner: &Owner::EMPTY,
        code: "",
        hash: 0,
        status: 500,
        message: "",
        docs: &Docs::EMPTY,
        category: None,
        variant: "",
        fields: &[],
        field_types: &[],
        field_shapes: &[],
        flags: 0,
        title: None,
        kind: None,
        static_message: None,
    };
}

impl Descriptor {
    /// A descriptor as generated code builds it: the fields every variant
    /// has, then `__fields`, `__doc`, ... for the others. (Short calls keep
    /// big catalogs cheap to compile.)
    #[doc(hidden)]
    pub const fn __new(
        owner: &'static Owner,
        code: &'static str,
        hash: u64,
        status: u16,
        message: &'static str,
        variant: &'static str,
        flags: u8,
    ) -> Self {
        Self::__from_parts(DescriptorParts {
            owner,
            code,
            hash,
            status,
            message,
            variant,
            flags,
            ..DescriptorParts::EMPTY
        })
    }

    #[doc(hidden)]
    pub const fn __fields(
        mut self,
        fields: &'static [&'static str],
        types: &'static [&'static str],
        shapes: &'static [Shape],
    ) -> Self {
        self.fields = fields;
        self.field_types = types;
        self.field_shapes = shapes;
        self
    }

    /// The template's pieces, when it has a placeholder.
    #[doc(hidden)]
    pub const fn __pieces(mut self, pieces: &'static [Piece]) -> Self {
        self.pieces = pieces;
        self
    }

    #[doc(hidden)]
    pub const fn __doc(mut self, docs: &'static Docs) -> Self {
        self.docs = docs;
        self
    }

    #[doc(hidden)]
    pub const fn __category(mut self, category: &'static str) -> Self {
        self.category = Some(category);
        self
    }

    #[doc(hidden)]
    pub const fn __title(mut self, title: &'static str) -> Self {
        self.title = Some(title);
        self.plain_title = json_plain(title);
        self
    }

    #[doc(hidden)]
    pub const fn __kind(mut self, kind: &'static str) -> Self {
        self.kind = Some(kind);
        self
    }

    #[doc(hidden)]
    pub const fn __headers(mut self, headers: &'static [&'static str]) -> Self {
        self.headers = headers;
        self
    }

    #[doc(hidden)]
    pub const fn __unescaped(mut self, message: &'static str) -> Self {
        self.static_message = Some(message);
        self
    }

    pub(crate) const fn __from_parts(parts: DescriptorParts) -> Self {
        // The derive only emits statuses it has checked to lie in 400..=599.
        let status = match StatusCode::from_u16(parts.status) {
            Ok(status) => status,
            Err(_) => StatusCode::INTERNAL_SERVER_ERROR,
        };
        Descriptor {
            owner: parts.owner,
            code: parts.code,
            hash: parts.hash,
            status,
            message: parts.message,
            docs: parts.docs,
            category: parts.category,
            variant: parts.variant,
            fields: parts.fields,
            field_types: parts.field_types,
            field_shapes: parts.field_shapes,
            pieces: &[],
            has_details: parts.flags & DescriptorParts::HAS_DETAILS != 0,
            retry_after: parts.flags & DescriptorParts::RETRY_AFTER != 0,
            title: parts.title,
            kind: parts.kind,
            static_message: if parts.flags & DescriptorParts::STATIC != 0 {
                Some(parts.message)
            } else {
                parts.static_message
            },
            plain_message: parts.flags & DescriptorParts::PLAIN != 0,
            plain_code: json_plain(parts.code),
            // Reason phrases need no escaping; a `title` is checked by `__title`.
            plain_title: true,
            headers: &[],
            log: (parts.flags >> 4) & 7,
        }
    }

    /// The stable machine code, e.g. `"ERR-02-003"`.
    pub const fn code(&self) -> &'static str {
        self.code
    }

    /// The HTTP status the variant is answered with.
    pub const fn status(&self) -> StatusCode {
        self.status
    }

    /// The public message template as written in `#[message(...)]`,
    /// placeholders included (`"Instance type '{instance_type}' does not
    /// exist"`), or the status's reason phrase when the variant has no
    /// message. [`ApiError::message`](crate::ApiError::message) is the
    /// message of one error value, placeholders filled.
    pub const fn template(&self) -> &'static str {
        self.message
    }

    /// The template's literal text and placeholders, as the derive parsed
    /// them: a template without placeholders is one [`Piece::Text`], its
    /// `{{` and `}}` unescaped.
    ///
    /// ```
    /// use apierror::template::Piece;
    /// use apierror::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(code = "SCREAMING_SNAKE_CASE")]
    /// pub enum CvmError {
    ///     #[status(404)]
    ///     #[message("No instance type '{instance_type}'")]
    ///     InstanceTypeNotFound { instance_type: String },
    /// }
    ///
    /// let pieces: Vec<Piece> = CvmError::CATALOG.own()[0].pieces().collect();
    /// assert_eq!(pieces[0], Piece::Text("No instance type '"));
    /// let Piece::Arg(arg) = pieces[1] else { unreachable!() };
    /// assert_eq!(arg.placeholder(), "{instance_type}");
    /// assert_eq!(arg.detail(), Some("instance_type"));
    /// assert_eq!(pieces[2], Piece::Text("'"));
    /// ```
    pub fn pieces(&self) -> Pieces {
        Pieces::new(self.pieces, self.static_message.unwrap_or(self.message))
    }

    /// The first paragraph of the variant's doc comment, lines joined with
    /// `\n`; empty when undocumented. The rest is in [`docs`](Self::docs).
    pub const fn description(&self) -> &'static str {
        self.docs.description
    }

    /// Everything the variant's doc comment says, read at compile time:
    /// causes, example, resolution steps and commands, other sections, and
    /// the field descriptions.
    pub const fn docs(&self) -> &'static Docs {
        self.docs
    }

    /// The category the code belongs to, when the type declares categories.
    pub const fn category(&self) -> Option<&'static str> {
        self.category
    }

    /// The Rust name of the variant (the type's name for a struct).
    pub const fn variant(&self) -> &'static str {
        self.variant
    }

    /// The Rust name of the type that declares the variant.
    pub const fn type_name(&self) -> &'static str {
        self.owner.name
    }

    /// The full path of the type that declares the variant, e.g.
    /// `"my_service::users::Error"`: what tells apart two types of one name.
    pub const fn type_path(&self) -> &'static str {
        self.owner.path
    }

    /// The type that declares the variant.
    #[doc(hidden)]
    pub const fn __owner(&self) -> &'static Owner {
        self.owner
    }

    /// The hash of the code the derive computed.
    #[doc(hidden)]
    pub const fn __hash(&self) -> u64 {
        self.hash
    }

    /// The keys of the `details` object, in declaration order.
    pub const fn fields(&self) -> &'static [&'static str] {
        self.fields
    }

    /// The Rust types of the details fields, as written, parallel to
    /// [`fields`](Self::fields): `"u32"`, `"Option<String>"`, `"Vec<String>"`.
    /// For reading; [`field_shapes`](Self::field_shapes) says what JSON
    /// they are.
    pub const fn field_types(&self) -> &'static [&'static str] {
        self.field_types
    }

    /// The JSON shapes of the details fields, read from their types by the
    /// derive, parallel to [`fields`](Self::fields).
    pub const fn field_shapes(&self) -> &'static [Shape] {
        self.field_shapes
    }

    /// Whether rendered envelopes carry a `details` key for this variant.
    pub const fn has_details(&self) -> bool {
        self.has_details
    }

    /// The headers fields of the variant feed, from
    /// `#[api_error(header = "...")]`, lowercase, in declaration order.
    pub const fn headers(&self) -> &'static [&'static str] {
        self.headers
    }

    /// How loudly the derived responses log this variant's internal report,
    /// from `#[api_error(log = "...")]`: every 5xx at [`Level::Error`] by
    /// default, 4xx not at all; `None` when not logged.
    ///
    /// [`Level::Error`]: crate::report::Level::Error
    pub const fn log_level(&self) -> Option<crate::report::Level> {
        crate::report::Level::from_bits(self.log, self.status.as_u16() >= 500)
    }

    /// Whether a field of the variant feeds the `Retry-After` header.
    pub const fn has_retry_after(&self) -> bool {
        self.retry_after
    }

    /// A short human title, from `#[api_error(title = "...")]` (RFC 9457 `title`).
    pub const fn title(&self) -> Option<&'static str> {
        self.title
    }

    /// The public message when it has no placeholder.
    #[doc(hidden)]
    pub const fn __static_message(&self) -> Option<&'static str> {
        self.static_message
    }

    /// The error's kind, from `#[api_error(kind = "...")]`, e.g.
    /// `"rate_limit_error"` (the `type` of the OpenAI-style envelope).
    pub const fn kind(&self) -> Option<&'static str> {
        self.kind
    }
}

impl fmt::Debug for Descriptor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Descriptor")
            .field("code", &self.code)
            .field("status", &self.status.as_u16())
            .field(
                "variant",
                &format_args!("{}::{}", self.owner.path, self.variant),
            )
            .field("message", &self.message)
            .field("category", &self.category)
            .field("fields", &self.fields)
            .finish()
    }
}

/// Whether `text` is written into a JSON string as it is: no control
/// character, no `"`, no `\`.
pub(crate) const fn json_plain(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x20 || b == b'"' || b == b'\\' {
            return false;
        }
        i += 1;
    }
    true
}
