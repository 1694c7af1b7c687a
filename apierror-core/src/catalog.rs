//! Static descriptions of error variants and of whole error types.
//!
//! Everything here is built by `#[derive(ApiError)]` in constant context: a
//! catalog costs no work at run time and can be read without an error value.

use crate::doc::{Docs, Section, StatusDoc};
use crate::envelope::Envelope;
use crate::shape::Shape;
use crate::template::{Piece, Pieces};
use core::fmt;
use http::StatusCode;

/// The type that declares a set of variants: what its descriptors share.
///
/// Settings written on a type (`www_authenticate`, `type_url`) apply to the
/// variants it declares wherever they are rendered: through a composed type
/// too, before that type's own settings.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Owner {
    pub(crate) name: &'static str,
    pub(crate) path: &'static str,
    pub(crate) www_authenticate: Option<&'static str>,
    pub(crate) type_url: Option<&'static str>,
    pub(crate) doc_url: Option<&'static str>,
}

impl Owner {
    /// What generated code writes: the type's name, its full path
    /// (`module_path!()` and the name), and its header and URL settings.
    pub const fn __new(
        name: &'static str,
        path: &'static str,
        www_authenticate: Option<&'static str>,
        type_url: Option<&'static str>,
    ) -> Self {
        Owner {
            name,
            path,
            www_authenticate,
            type_url,
            doc_url: None,
        }
    }

    /// The owner with a documentation URL template (`doc_url = "..."`).
    pub const fn __with_doc_url(mut self, doc_url: &'static str) -> Self {
        self.doc_url = Some(doc_url);
        self
    }

    /// An owner with nothing set.
    pub const EMPTY: Owner = Owner::__new("", "", None, None);

    /// The `WWW-Authenticate` challenge the type declares.
    pub const fn www_authenticate(&self) -> Option<&'static str> {
        self.www_authenticate
    }

    /// The RFC 9457 `type` URL template the type declares.
    pub const fn type_url(&self) -> Option<&'static str> {
        self.type_url
    }

    /// The documentation URL template the type declares.
    pub const fn doc_url(&self) -> Option<&'static str> {
        self.doc_url
    }
}

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

/// A named group of codes: by numeric range (`1000..=1999`) or by prefix (`AUTH_`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Category {
    pub(crate) name: &'static str,
    pub(crate) title: Option<&'static str>,
    pub(crate) range: Option<(u64, u64)>,
    pub(crate) prefix: Option<&'static str>,
}

impl Category {
    #[doc(hidden)]
    pub const fn __new(
        name: &'static str,
        title: Option<&'static str>,
        range: Option<(u64, u64)>,
        prefix: Option<&'static str>,
    ) -> Self {
        Category {
            name,
            title,
            range,
            prefix,
        }
    }

    /// The category's name, as variants refer to it.
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// A human title for documentation, e.g. `"Component errors"`.
    pub const fn title(&self) -> Option<&'static str> {
        self.title
    }

    /// The inclusive range of code numbers the category holds.
    pub const fn range(&self) -> Option<(u64, u64)> {
        self.range
    }

    /// The code prefix the category holds.
    pub const fn prefix(&self) -> Option<&'static str> {
        self.prefix
    }
}

/// A variant that delegates to another error type, and so includes its catalog.
#[derive(Debug, Clone, Copy)]
pub struct Transparent {
    pub(crate) variant: &'static str,
    pub(crate) catalog: &'static Catalog,
    pub(crate) position: usize,
}

impl Transparent {
    #[doc(hidden)]
    pub const fn __new(variant: &'static str, catalog: &'static Catalog, position: usize) -> Self {
        Transparent {
            variant,
            catalog,
            position,
        }
    }

    /// The Rust name of the delegating variant.
    pub const fn variant(&self) -> &'static str {
        self.variant
    }

    /// The catalog of the inner error type.
    pub const fn catalog(&self) -> &'static Catalog {
        self.catalog
    }
}

/// Every code of an error type, as static data in declaration order.
///
/// Reach it through [`ApiError::CATALOG`](crate::ApiError::CATALOG).
#[derive(Debug, Clone, Copy)]
pub struct Catalog {
    pub(crate) owner: &'static Owner,
    pub(crate) description: &'static str,
    pub(crate) appendices: &'static [Section],
    pub(crate) statuses: &'static [StatusDoc],
    pub(crate) class: Option<&'static str>,
    pub(crate) descriptors: &'static [Descriptor],
    pub(crate) transparent: &'static [Transparent],
    pub(crate) pattern: Option<&'static str>,
    pub(crate) range: Option<(u64, u64)>,
    pub(crate) categories: &'static [Category],
    pub(crate) retired: &'static [&'static str],
    pub(crate) envelope: Envelope,
}

/// The fields of a [`Catalog`], as generated code spells them.
#[doc(hidden)]
pub struct CatalogParts {
    pub owner: &'static Owner,
    pub description: &'static str,
    pub appendices: &'static [Section],
    pub statuses: &'static [StatusDoc],
    pub class: Option<&'static str>,
    pub descriptors: &'static [Descriptor],
    pub transparent: &'static [Transparent],
    pub pattern: Option<&'static str>,
    pub range: Option<(u64, u64)>,
    pub categories: &'static [Category],
    pub retired: &'static [&'static str],
    pub envelope: Envelope,
}

impl Catalog {
    #[doc(hidden)]
    pub const fn __from_parts(parts: CatalogParts) -> Self {
        Catalog {
            owner: parts.owner,
            description: parts.description,
            appendices: parts.appendices,
            statuses: parts.statuses,
            class: parts.class,
            descriptors: parts.descriptors,
            transparent: parts.transparent,
            pattern: parts.pattern,
            range: parts.range,
            categories: parts.categories,
            retired: parts.retired,
            envelope: parts.envelope,
        }
    }

    /// The Rust name of the type.
    pub const fn type_name(&self) -> &'static str {
        self.owner.name
    }

    /// The full path of the type, e.g. `"my_service::users::Error"`.
    pub const fn type_path(&self) -> &'static str {
        self.owner.path
    }

    #[doc(hidden)]
    pub const fn __owner(&self) -> &'static Owner {
        self.owner
    }

    /// The type's doc comment up to its first heading: the introduction of
    /// its reference.
    pub const fn description(&self) -> &'static str {
        self.description
    }

    /// The sections of the type's doc comment, each under its heading
    /// (`# Getting Help`): the appendices of its reference, in order.
    pub const fn appendices(&self) -> &'static [Section] {
        self.appendices
    }

    /// Text the type attaches to HTTP statuses, from
    /// `#[api_error(status_doc(...))]`, in declaration order.
    pub const fn statuses(&self) -> &'static [StatusDoc] {
        self.statuses
    }

    /// The base class of the classes of the type's errors, from
    /// `#[api_error(class = "AppError")]` on the enum (each variant's own is
    /// in [`Docs::class`](crate::doc::Docs::class)).
    pub const fn class(&self) -> Option<&'static str> {
        self.class
    }

    /// The documentation URL template, from `#[api_error(doc_url = "...")]`.
    pub const fn doc_url(&self) -> Option<&'static str> {
        self.owner.doc_url
    }

    /// The variants the type declares itself, without those of transparent variants.
    pub const fn own(&self) -> &'static [Descriptor] {
        self.descriptors
    }

    /// The transparent variants, each with the catalog it includes.
    pub const fn transparent(&self) -> &'static [Transparent] {
        self.transparent
    }

    /// The code pattern, e.g. `"ERR-02-###"`.
    pub const fn pattern(&self) -> Option<&'static str> {
        self.pattern
    }

    /// The inclusive range of code numbers.
    pub const fn range(&self) -> Option<(u64, u64)> {
        self.range
    }

    /// The declared categories.
    pub const fn categories(&self) -> &'static [Category] {
        self.categories
    }

    /// Codes that were used once and may never be used again.
    pub const fn retired(&self) -> &'static [&'static str] {
        self.retired
    }

    /// The built-in format the type renders in by default, from
    /// `#[api_error(envelope = "...")]`; the standard envelope when the type
    /// declares a format of its own (`envelope = my::FORMAT`), which
    /// [`Render::new`](crate::Render::new) and every response then use
    /// instead (see [`Declared`](crate::envelope::Declared)).
    pub const fn envelope(&self) -> &Envelope {
        &self.envelope
    }

    /// The `WWW-Authenticate` challenge sent with 401 responses, from
    /// `#[api_error(www_authenticate = "...")]`; `Bearer` when unset.
    pub const fn www_authenticate(&self) -> Option<&'static str> {
        self.owner.www_authenticate
    }

    /// The retired codes of this type and of every type it includes through
    /// transparent variants: none of them may be used anywhere in the service.
    pub fn all_retired(&self) -> impl Iterator<Item = &'static str> {
        let mut out: Vec<&'static str> = self.retired.to_vec();
        for transparent in self.transparent {
            out.extend(transparent.catalog.all_retired());
        }
        out.into_iter()
    }

    /// Every code of the type, transparent variants expanded in place, in
    /// declaration order.
    pub fn iter(&self) -> Iter<'_> {
        Iter {
            stack: vec![(self, 0, 0)],
        }
    }

    /// How many codes [`iter`](Self::iter) yields.
    pub fn len(&self) -> usize {
        self.descriptors.len()
            + self
                .transparent
                .iter()
                .map(|t| t.catalog.len())
                .sum::<usize>()
    }

    /// Whether the type has no code at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Everything the reference says about `code`, as Markdown, like
    /// `rustc --explain`: its status, variant, class, message, kind,
    /// category, documentation URL and details, then its description,
    /// causes, example, resolution steps and commands, solution and other
    /// sections. `None` for a code the type does not have.
    ///
    /// ```
    /// use apierror::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// enum ChoreoError {
    ///     /// Component specification contains invalid configuration.
    ///     ///
    ///     /// # Causes
    ///     /// - Unsupported runtime specified
    ///     ///
    ///     /// # Resolution
    ///     /// 1. **Verify runtime**: Use supported runtimes
    ///     ///
    ///     /// ```bash
    ///     /// choreo runtime list
    ///     /// ```
    ///     #[code("CHOREO-1001")]
    ///     #[status(400)]
    ///     #[message("Component validation failed")]
    ///     ValidationFailed,
    /// }
    ///
    /// let text = ChoreoError::CATALOG.explain("CHOREO-1001").unwrap();
    /// assert!(text.contains("# CHOREO-1001: Component validation failed\n"));
    /// assert!(text.contains("**Common Causes**:\n- Unsupported runtime specified\n"));
    /// assert!(text.contains("1. **Verify runtime**: Use supported runtimes\n"));
    /// assert!(text.contains("```bash\nchoreo runtime list\n```"));
    /// assert!(ChoreoError::CATALOG.explain("CHOREO-9999").is_none());
    /// ```
    pub fn explain(&self, code: &str) -> Option<String> {
        crate::export::markdown::explain(self, code)
    }

    /// The descriptor of `code`, searching included catalogs too.
    pub fn find(&self, code: &str) -> Option<&'static Descriptor> {
        self.iter().find(|d| d.code == code)
    }
}

/// An aligned text table of every code: code, status, variant, message.
///
/// ```text
/// CODE        STATUS  VARIANT       MESSAGE
/// ERR-01-001  404     NodeNotFound  The requested node is not available
/// ```
impl fmt::Display for Catalog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rows = || self.iter();
        let code = rows().map(|d| d.code.len()).max().unwrap_or(0).max(4);
        let variant = rows().map(|d| d.variant.len()).max().unwrap_or(0).max(7);
        writeln!(
            f,
            "{:<code$}  STATUS  {:<variant$}  MESSAGE",
            "CODE", "VARIANT"
        )?;
        for d in rows() {
            let line = format!(
                "{:<code$}  {:<6}  {:<variant$}  {}",
                d.code,
                d.status.as_u16(),
                d.variant,
                d.message
            );
            writeln!(f, "{}", line.trim_end())?;
        }
        Ok(())
    }
}

impl<'a> IntoIterator for &'a Catalog {
    type Item = &'static Descriptor;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

/// Iterator over every descriptor of a [`Catalog`], in declaration order.
#[derive(Debug, Clone)]
pub struct Iter<'a> {
    // (catalog, next own descriptor, next transparent variant)
    stack: Vec<(&'a Catalog, usize, usize)>,
}

impl Iterator for Iter<'_> {
    type Item = &'static Descriptor;

    fn next(&mut self) -> Option<&'static Descriptor> {
        loop {
            let (catalog, own, nested) = self.stack.last_mut()?;
            let catalog: &Catalog = catalog;
            match catalog.transparent.get(*nested) {
                // A transparent variant declared before the next own one comes first.
                Some(t) if t.position <= *own => {
                    *nested += 1;
                    self.stack.push((t.catalog, 0, 0));
                }
                _ => match catalog.descriptors.get(*own) {
                    Some(descriptor) => {
                        *own += 1;
                        return Some(descriptor);
                    }
                    None => {
                        self.stack.pop();
                    }
                },
            }
        }
    }
}

// Catalogs are `&'static` and built in const context, but `Catalog` must
// still be usable in `static` items of user code.
const _: () = {
    const fn assert_sync<T: Sync>() {}
    assert_sync::<Catalog>();
};
