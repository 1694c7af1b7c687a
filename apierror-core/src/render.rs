//! Rendering an error: which format, with which request context, into what.

use crate::envelope::{Context, Envelope, Format, Rendered};
use crate::error::ApiError;
use crate::response;
use http::Response;
use serde::{Serialize, Serializer};
use std::io;

/// An error about to be rendered: in its type's default envelope unless
/// [`format`](Self::format) says otherwise, with an optional request
/// [`Context`].
///
/// ```
/// use apierror::envelope::{Context, Problem};
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
pub struct Render<'a, E: ?Sized, F: ?Sized = Envelope> {
    error: &'a E,
    format: &'a F,
    context: Context<'a>,
}

impl<'a, E: ApiError + ?Sized> Render<'a, E> {
    /// Renders `error` in its type's default envelope.
    pub fn new(error: &'a E) -> Self {
        Render {
            error,
            format: E::CATALOG.envelope(),
            context: Context::new(),
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
        }
    }

    /// Adds the request's id, timestamp or instance URI.
    pub fn context(mut self, context: Context<'a>) -> Self {
        self.context = context;
        self
    }

    /// The error being rendered.
    pub fn error(&self) -> &'a E {
        self.error
    }

    /// The format it is rendered in.
    pub fn format_ref(&self) -> &'a F {
        self.format
    }

    /// The request context.
    pub fn context_ref(&self) -> &Context<'a> {
        &self.context
    }

    /// Streams the body into `writer`. Fails only when a details field's own
    /// `Serialize` fails, or the writer does.
    pub fn to_writer<W: io::Write>(&self, mut writer: W) -> Result<(), serde_json::Error> {
        match self.format.__write(self.error, &self.context, &mut writer) {
            Some(result) => result,
            None => self.serialize(&mut serde_json::Serializer::new(writer)),
        }
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

    /// The error as an HTTP response; see [`response::to_response`].
    pub fn to_response(&self) -> Response<Vec<u8>> {
        response::build(self)
    }
}

impl<E: ApiError + ?Sized, F: Format + ?Sized> Serialize for Render<'_, E, F> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Rendered {
            error: self.error,
            format: self.format,
            context: self.context,
        }
        .serialize(serializer)
    }
}

impl<E: ?Sized, F: ?Sized> Clone for Render<'_, E, F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E: ?Sized, F: ?Sized> Copy for Render<'_, E, F> {}
