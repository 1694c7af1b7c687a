//! One variant's constant description: code, status, template, docs,
//! details fields; built by the derive in constant context.

use super::field_list::FieldList;
use super::owner::Owner;
use crate::doc::Docs;
use crate::shape::Shape;
use crate::template::{Piece, Pieces};
use core::fmt;
use http::StatusCode;

/// Everything constant about one error variant: its code, status, public
/// message template, documentation and the keys of its details object.
///
/// What every variant has is held inline; what most variants leave empty
/// (fields, docs, title, ...) is behind one reference that variants with
/// the same such parts share. Generated code writes descriptors as tuple-struct
/// literals of constants: no constant-evaluated call per variant, which is
/// what keeps a catalog of thousands of codes cheap to compile. The fields
/// are not public API.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Descriptor(
    /// The type that declares the variant.
    #[doc(hidden)]
    pub &'static Owner,
    /// The code.
    #[doc(hidden)]
    pub &'static str,
    /// The status, checked by the derive to lie in 400..=599 (a number:
    /// a literal in a generated row, no constant per status).
    #[doc(hidden)]
    pub u16,
    /// The message template.
    #[doc(hidden)]
    pub &'static str,
    /// The variant's name.
    #[doc(hidden)]
    pub &'static str,
    /// The `flags` bits (details, retry-after, static and plain texts, log level).
    #[doc(hidden)]
    pub u16,
    /// The rarely set parts.
    #[doc(hidden)]
    pub &'static Extra,
);

/// The parts of a [`Descriptor`] most variants leave empty. Not public API.
#[doc(hidden)]
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Extra {
    pub(crate) docs: &'static Docs,
    pub(crate) category: Option<&'static str>,
    pub(crate) fields: &'static FieldList,
    pub(crate) pieces: &'static [Piece],
    pub(crate) title: Option<&'static str>,
    pub(crate) kind: Option<&'static str>,
    /// `grpc = "..."`: the gRPC code name in place of the status's.
    pub(crate) grpc: Option<&'static str>,
    /// The message, when it has no placeholder and differs from the
    /// template (a template with `{{`); `STATIC` says the template is it.
    pub(crate) unescaped: Option<&'static str>,
    pub(crate) headers: &'static [&'static str],
    /// `(language, template)` of each translation of the message.
    pub(crate) translations: &'static [(&'static str, &'static str)],
}

impl Extra {
    /// Nothing: what most variants have.
    pub const EMPTY: Extra = Extra {
        docs: &Docs::EMPTY,
        category: None,
        fields: FieldList::NONE,
        pieces: &[],
        title: None,
        kind: None,
        grpc: None,
        translations: &[],
        unescaped: None,
        headers: &[],
    };

    /// A reference to [`EMPTY`](Self::EMPTY), for generated code (a path,
    /// not a borrow to promote).
    pub const NONE: &'static Extra = &Extra::EMPTY;

    pub const fn __fields(mut self, fields: &'static FieldList) -> Self {
        self.fields = fields;
        self
    }

    /// The template's pieces, when it has a placeholder.
    pub const fn __pieces(mut self, pieces: &'static [Piece]) -> Self {
        self.pieces = pieces;
        self
    }

    pub const fn __doc(mut self, docs: &'static Docs) -> Self {
        self.docs = docs;
        self
    }

    pub const fn __category(mut self, category: &'static str) -> Self {
        self.category = Some(category);
        self
    }

    pub const fn __title(mut self, title: &'static str) -> Self {
        self.title = Some(title);
        self
    }

    pub const fn __translations(
        mut self,
        translations: &'static [(&'static str, &'static str)],
    ) -> Self {
        self.translations = translations;
        self
    }

    pub const fn __grpc(mut self, code: &'static str) -> Self {
        self.grpc = Some(code);
        self
    }

    pub const fn __kind(mut self, kind: &'static str) -> Self {
        self.kind = Some(kind);
        self
    }

    pub const fn __headers(mut self, headers: &'static [&'static str]) -> Self {
        self.headers = headers;
        self
    }

    pub const fn __unescaped(mut self, message: &'static str) -> Self {
        self.unescaped = Some(message);
        self
    }
}

impl Descriptor {
    /// A descriptor with what every variant has, its other parts empty;
    /// the plain-text flags computed here. (Generated code writes struct
    /// literals instead; this is for tests and hand-written catalogs.)
    #[doc(hidden)]
    pub const fn __new(
        owner: &'static Owner,
        code: &'static str,
        status_code: u16,
        message: &'static str,
        variant: &'static str,
        flags: u16,
    ) -> Self {
        let mut flags = flags | flags::PLAIN_TITLE;
        if json_plain(code) {
            flags |= flags::PLAIN_CODE;
        }
        Descriptor(
            owner,
            code,
            status_code,
            message,
            variant,
            flags,
            Extra::NONE,
        )
    }

    const fn flag(&self, flag: u16) -> bool {
        self.5 & flag != 0
    }

    /// The code needs no JSON escaping.
    pub(crate) const fn plain_code(&self) -> bool {
        self.flag(flags::PLAIN_CODE)
    }

    /// The title (or reason phrase) needs no JSON escaping.
    pub(crate) const fn plain_title(&self) -> bool {
        self.flag(flags::PLAIN_TITLE)
    }

    /// The interpolated message is the error's `Display` text (thiserror's
    /// `#[error(..)]`, the same template).
    pub(crate) const fn message_is_display(&self) -> bool {
        self.flag(flags::DISPLAYED)
    }

    /// The static message needs no JSON escaping.
    pub(crate) const fn plain_message(&self) -> bool {
        self.flag(flags::PLAIN)
    }

    /// The stable machine code, e.g. `"ERR-02-003"`.
    pub const fn code(&self) -> &'static str {
        self.1
    }

    /// The HTTP status the variant is answered with.
    pub const fn status(&self) -> StatusCode {
        match StatusCode::from_u16(self.2) {
            Ok(status) => status,
            // Not reached: the derive checks the range, and so does `__new`'s
            // caller; a safe answer all the same.
            Err(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The public message template as written in `#[message(...)]`,
    /// placeholders included (`"Instance type '{instance_type}' does not
    /// exist"`), or the status's reason phrase when the variant has no
    /// message. [`ApiError::message`](crate::ApiError::message) is the
    /// message of one error value, placeholders filled.
    pub const fn template(&self) -> &'static str {
        self.3
    }

    /// The public message template.
    #[doc(hidden)]
    #[deprecated(since = "0.1.0", note = "renamed to `Descriptor::template`")]
    pub const fn message(&self) -> &'static str {
        self.template()
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
        match self.__static_message() {
            None if self.6.pieces.is_empty() => Pieces::split(self.3, self.6.fields),
            message => Pieces::new(self.6.pieces, message.unwrap_or(self.3)),
        }
    }

    /// The translations of the message, `(language, template)`, read at
    /// compile time from the type's translation files (see
    /// [`locale`](crate::locale)); empty for an untranslated type.
    pub const fn translations(&self) -> &'static [(&'static str, &'static str)] {
        self.6.translations
    }

    /// The language of the message ([`template`](Self::template)), when the
    /// type declares translations: `#[api_error(language = "en")]`.
    pub const fn language(&self) -> Option<&'static str> {
        self.0.language
    }

    /// The pieces the derive wrote out, empty when splitting the template
    /// at its braces gives them (see [`pieces`](Self::pieces)).
    pub(crate) const fn written_pieces(&self) -> &'static [Piece] {
        self.6.pieces
    }

    /// The details fields as the runtime's template split reads them.
    pub(crate) const fn field_list(&self) -> &'static FieldList {
        self.6.fields
    }

    /// The first paragraph of the variant's doc comment, lines joined with
    /// `\n`; empty when undocumented. The rest is in [`docs`](Self::docs).
    pub const fn description(&self) -> &'static str {
        self.6.docs.description
    }

    /// Everything the variant's doc comment says, read at compile time:
    /// causes, example, resolution steps and commands, other sections, and
    /// the field descriptions.
    pub const fn docs(&self) -> &'static Docs {
        self.6.docs
    }

    /// The category the code belongs to, when the type declares categories.
    pub const fn category(&self) -> Option<&'static str> {
        self.6.category
    }

    /// The Rust name of the variant (the type's name for a struct).
    pub const fn variant(&self) -> &'static str {
        self.4
    }

    /// The Rust name of the type that declares the variant.
    pub const fn type_name(&self) -> &'static str {
        self.0.name
    }

    /// The full path of the type that declares the variant, e.g.
    /// `"my_service::users::Error"`: what tells apart two types of one name.
    pub const fn type_path(&self) -> &'static str {
        self.0.path
    }

    /// The type that declares the variant.
    #[doc(hidden)]
    pub const fn __owner(&self) -> &'static Owner {
        self.0
    }

    /// The keys of the `details` object, in declaration order.
    pub const fn fields(&self) -> &'static [&'static str] {
        self.6.fields.names
    }

    /// The Rust types of the details fields, as written, parallel to
    /// [`fields`](Self::fields): `"u32"`, `"Option<String>"`, `"Vec<String>"`.
    /// For reading; [`field_shapes`](Self::field_shapes) says what JSON
    /// they are.
    pub const fn field_types(&self) -> &'static [&'static str] {
        self.6.fields.types
    }

    /// The JSON shapes of the details fields, read from their types by the
    /// derive, parallel to [`fields`](Self::fields).
    pub const fn field_shapes(&self) -> &'static [Shape] {
        self.6.fields.shapes
    }

    /// Whether rendered bodies carry a `details` key for this variant.
    pub const fn has_details(&self) -> bool {
        self.flag(flags::HAS_DETAILS)
    }

    /// Whether a details field of the variant is a validation list
    /// ([`Violations`](crate::Violations)).
    pub const fn has_violations(&self) -> bool {
        self.flag(flags::VIOLATIONS)
    }

    /// The headers fields of the variant feed, from
    /// `#[api_error(header = "...")]`, lowercase, in declaration order.
    pub const fn headers(&self) -> &'static [&'static str] {
        self.6.headers
    }

    /// Whether a field of the variant feeds the `Retry-After` header.
    pub const fn has_retry_after(&self) -> bool {
        self.flag(flags::RETRY_AFTER)
    }

    /// A short human title, from `#[api_error(title = "...")]` (RFC 9457 `title`).
    pub const fn title(&self) -> Option<&'static str> {
        self.6.title
    }

    /// The public message when it has no placeholder.
    #[doc(hidden)]
    pub const fn __static_message(&self) -> Option<&'static str> {
        if self.flag(flags::STATIC) {
            Some(self.3)
        } else {
            self.6.unescaped
        }
    }

    /// The error's kind, from `#[api_error(kind = "...")]`, e.g.
    /// `"rate_limit_error"` (the `type` of the OpenAI-style format).
    pub const fn kind(&self) -> Option<&'static str> {
        self.6.kind
    }
}

impl fmt::Debug for Descriptor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Descriptor")
            .field("code", &self.1)
            .field("status", &self.2)
            .field("variant", &format_args!("{}::{}", self.0.path, self.4))
            .field("message", &self.3)
            .field("category", &self.6.category)
            .field("fields", &self.6.fields.names)
            .finish()
    }
}

/// The bits of a descriptor's flags (its sixth field), computed by the
/// derive; and the test of texts written into JSON as they are.
pub(crate) use crate::facts::{flags, json_plain};
