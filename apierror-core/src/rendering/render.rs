//! Rendering an error: which format, with which request context, into what.

use crate::error::ApiError;
use crate::format::{Context, Declared, Format};
use crate::html;
use crate::json_check::Checked;
use serde::{Serialize, Serializer};
use std::io;

/// An error about to be rendered: in its type's default format
/// ([`Declared`]: a built-in format, or your own) unless
/// [`format`](Self::format) says otherwise, with an optional request
/// [`Context`].
///
/// ```
/// use apierror::format::{Context, Problem};
/// use apierror::{ApiError, Render};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(code = "SCREAMING_SNAKE_CASE")]
/// enum E { #[status(404)] #[message("Resource not found")] ResourceNotFound { id: String } }
///
/// let err = E::ResourceNotFound { id: "ws-1".into() };
/// let problem = Problem::with_type("https://docs.example.com/errors/{code}");
/// let body = Render::new(&err)
///     .format(&problem)
///     .context(Context::new().with_instance("/workspaces/ws-1"))
///     .to_string()?;
/// assert_eq!(
///     body,
///     r#"{"type":"https://docs.example.com/errors/RESOURCE_NOT_FOUND","title":"Not Found","status":404,"detail":"Resource not found","instance":"/workspaces/ws-1","code":"RESOURCE_NOT_FOUND","id":"ws-1"}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
pub struct Render<'a, E: ?Sized, F: ?Sized = Declared> {
    error: &'a E,
    format: &'a F,
    context: Context<'a>,
    html_safe: bool,
}

impl<'a, E: ApiError + ?Sized> Render<'a, E> {
    /// Renders `error` in its type's default format.
    pub fn new(error: &'a E) -> Self {
        Render {
            error,
            format: &Declared,
            context: Context::new(),
            html_safe: false,
        }
    }
}

impl<'a, E: ApiError + ?Sized, F: Format + ?Sized> Render<'a, E, F> {
    /// Renders in another format: a built-in one or your own.
    pub fn format<G: Format + ?Sized>(self, format: &'a G) -> Render<'a, E, G> {
        Render {
            error: self.error,
            format,
            context: self.context,
            html_safe: self.html_safe,
        }
    }

    /// Adds the request's id, timestamp or instance URI.
    pub fn context(mut self, context: Context<'a>) -> Self {
        self.context = context;
        self
    }

    /// Escapes, inside JSON strings, the characters that are unsafe in HTML:
    /// `<`, `>` and `&` as `\u003c`, `\u003e`, `\u0026`, and the line
    /// terminators U+2028 and U+2029 as `\u2028`, `\u2029`. The body is the
    /// same JSON value, and can be embedded in a `<script>` element (or any
    /// HTML) without a `</script>` in a message or a details field ending it.
    ///
    /// [`to_writer`](Self::to_writer), [`to_vec`](Self::to_vec),
    /// [`to_string`](Self::to_string) and [`to_response`](Self::to_response)
    /// honour it; rendering is then always through serde, a little slower than
    /// the default. (`Render` used as a [`Serialize`] value writes with the
    /// serializer it is given, which decides escaping.)
    ///
    /// ```
    /// use apierror::{ApiError, Render};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(code = "SCREAMING_SNAKE_CASE")]
    /// enum E {
    ///     #[status(422)]
    ///     #[message("Invalid name <{name}> & more")]
    ///     InvalidName { name: String },
    /// }
    ///
    /// let err = E::InvalidName { name: "</script><script>alert(1)".into() };
    /// let body = Render::new(&err).html_safe().to_string()?;
    /// assert_eq!(
    ///     body,
    ///     r#"{"error":{"code":"INVALID_NAME","message":"Invalid name \u003c\u003c/script\u003e\u003cscript\u003ealert(1)\u003e \u0026 more","details":{"name":"\u003c/script\u003e\u003cscript\u003ealert(1)"}}}"#
    /// );
    /// assert!(!body.contains('<') && !body.contains('>') && !body.contains('&'));
    ///
    /// // The same JSON value as without escaping.
    /// let plain = Render::new(&err).to_string()?;
    /// assert_eq!(
    ///     serde_json::from_str::<serde_json::Value>(&body)?,
    ///     serde_json::from_str::<serde_json::Value>(&plain)?,
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn html_safe(mut self) -> Self {
        self.html_safe = true;
        self
    }

    /// The error being rendered.
    pub(crate) fn error(&self) -> &'a E {
        self.error
    }

    /// The format it is rendered in.
    pub(crate) fn format_ref(&self) -> &'a F {
        self.format
    }

    /// The request context.
    /// The same render with another, shorter-lived context.
    #[cfg(any(feature = "axum", feature = "actix-web"))]
    pub(crate) fn with_context<'c>(&self, context: Context<'c>) -> Render<'c, E, F>
    where
        'a: 'c,
    {
        Render {
            error: self.error,
            format: self.format,
            context,
            html_safe: self.html_safe,
        }
    }

    pub(crate) fn context_ref(&self) -> &Context<'a> {
        &self.context
    }

    /// Whether the body escapes what HTML would read: see
    /// [`html_safe`](Self::html_safe).
    pub(crate) fn is_html_safe(&self) -> bool {
        self.html_safe
    }

    /// The `Content-Type` of the body: the format's, or, for the type's
    /// default format, the one that type declares.
    pub fn media_type(&self) -> &'static str {
        self.format.__media_type_for(self.error)
    }

    /// Streams the body into `writer`. Fails when a details field's own
    /// `Serialize` fails, when a field's `Display` in the message fails, when
    /// the writer does, or when a custom [`Format`] drives serde into
    /// invalid JSON (a key without its value, say): what serde writes is
    /// checked byte by byte on its way to `writer`, and nothing past the
    /// first invalid byte is written.
    pub fn to_writer<W: io::Write>(&self, mut writer: W) -> Result<(), serde_json::Error> {
        if !self.html_safe {
            // The built-in formats' own writers: constant bytes and the
            // fields, valid by construction.
            if let Some(result) = self.format.__write(self.error, &self.context, &mut writer) {
                return result;
            }
        }
        let mut checked = Checked::new(writer);
        if self.html_safe {
            self.serialize(&mut html::serializer(&mut checked))?;
        } else {
            self.serialize(&mut serde_json::Serializer::new(&mut checked))?;
        }
        checked.finish().map(drop).map_err(serde_json::Error::io)
    }

    /// The body as bytes.
    pub fn to_vec(&self) -> Result<Vec<u8>, serde_json::Error> {
        let mut out = Vec::with_capacity(128);
        self.to_writer(&mut out)?;
        Ok(out)
    }

    /// The body as a string.
    pub fn to_string(&self) -> Result<String, serde_json::Error> {
        let bytes = self.to_vec()?;
        // serde_json only ever writes UTF-8.
        String::from_utf8(bytes).map_err(<serde_json::Error as serde::ser::Error>::custom)
    }
}

impl<E: ApiError + ?Sized, F: Format + ?Sized> Serialize for Render<'_, E, F> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.format.serialize(self.error, &self.context, serializer)
    }
}

impl<E: ?Sized, F: ?Sized> Clone for Render<'_, E, F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E: ?Sized, F: ?Sized> Copy for Render<'_, E, F> {}
