//! The standard format and the error object it shares with the tagged
//! and WebSocket formats and bulk results.

#[allow(unused_imports)]
use super::*;

/// `{"code","message","details"}`: the error object shared by the standard,
/// tagged and WebSocket formats and by bulk results.
pub(crate) struct ErrorObject<'a, E: ?Sized> {
    pub error: &'a E,
    pub request_id: Option<&'a str>,
    /// The translation of the message the request's language chose.
    pub translation: Option<&'static str>,
}

impl<'a, E: ApiError + ?Sized> ErrorObject<'a, E> {
    pub(crate) fn new(error: &'a E) -> Self {
        ErrorObject {
            error,
            request_id: None,
            translation: None,
        }
    }

    /// The object in the language `context` asks for.
    pub(crate) fn in_context(error: &'a E, context: &Context<'_>) -> Self {
        ErrorObject {
            translation: crate::locale::translation(error, context),
            ..ErrorObject::new(error)
        }
    }
}

impl<E: ApiError + ?Sized> Serialize for ErrorObject<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let error = self.error;
        let details = error.has_details();
        let len = 2 + usize::from(details) + usize::from(self.request_id.is_some());
        let mut body = serializer.serialize_struct("Error", len)?;
        body.serialize_field("code", error.code())?;
        match self.translation {
            Some(template) => {
                body.serialize_field("message", &crate::locale::Translated::new(error, template))?
            }
            None => body.serialize_field("message", &error.message())?,
        }
        if details {
            body.serialize_field("details", &error.details())?;
        }
        if let Some(request_id) = self.request_id {
            body.serialize_field("request_id", request_id)?;
        }
        body.end()
    }
}

impl Format for Standard {
    fn localizes<E: ApiError + ?Sized>(&self, _: &E) -> bool {
        true
    }

    fn __write<E, W>(
        &self,
        error: &E,
        context: &Context<'_>,
        writer: &mut W,
    ) -> Option<Result<(), serde_json::Error>>
    where
        E: ApiError + ?Sized,
        W: std::io::Write,
    {
        let (request_id, timestamp) = (context.request_id, context.timestamp);
        let translation = crate::locale::translation(error, context);
        if request_id.is_none() && timestamp.is_none() {
            let open = br#"{"error":{"code":""#;
            return Some(match translation {
                None => wrap_object::<E, W, false>(error, None, writer, open, b"}"),
                Some(_) => wrap_object::<E, W, true>(error, translation, writer, open, b"}"),
            });
        }
        // With a context: the request id in the error object and, with the
        // timestamp, in `meta`; the same bytes as `serialize`.
        let io = |r: std::io::Result<()>| r.map_err(serde_json::Error::io);
        Some((|| {
            let id = request_id.map(|id| (id, context.request_id_plain));
            let open = br#"{"error":{"code":""#;
            match translation {
                None => write_object_after::<E, W, false>(error, id, None, writer, open, b"}")?,
                Some(_) => {
                    write_object_after::<E, W, true>(error, id, translation, writer, open, b"}")?
                }
            }
            // Each constant run of bytes in one write: quotes included when
            // both texts need no escaping (the usual case).
            if let (Some(request_id), Some(timestamp), true, true) = (
                request_id,
                timestamp,
                context.request_id_plain,
                context.timestamp_plain,
            ) {
                io(writer.write_all(br#","meta":{"request_id":""#))?;
                io(writer.write_all(request_id.as_bytes()))?;
                io(writer.write_all(br#"","timestamp":""#))?;
                io(writer.write_all(timestamp.as_bytes()))?;
                return io(writer.write_all(br#""}}"#));
            }
            let timestamp_key: &[u8] = match request_id {
                Some(request_id) => {
                    io(writer.write_all(br#","meta":{"request_id":"#))?;
                    write_checked_str(writer, request_id, context.request_id_plain)?;
                    br#","timestamp":"#
                }
                None => br#","meta":{"timestamp":"#,
            };
            if let Some(timestamp) = timestamp {
                io(writer.write_all(timestamp_key))?;
                write_checked_str(writer, timestamp, context.timestamp_plain)?;
            }
            io(writer.write_all(b"}}"))
        })())
    }

    fn media_type(&self) -> &'static str {
        Standard::MEDIA_TYPE
    }

    fn serialize<E, S>(
        &self,
        error: &E,
        context: &Context<'_>,
        serializer: S,
    ) -> Result<S::Ok, S::Error>
    where
        E: ApiError + ?Sized,
        S: Serializer,
    {
        let meta = context.request_id.is_some() || context.timestamp.is_some();
        let mut outer = serializer.serialize_struct("Standard", 1 + usize::from(meta))?;
        let mut object = ErrorObject::in_context(error, context);
        object.request_id = context.request_id;
        outer.serialize_field("error", &object)?;
        if meta {
            outer.serialize_field("meta", &Meta(context))?;
        }
        outer.end()
    }
}

struct Meta<'c, 'a>(&'c Context<'a>);

impl Serialize for Meta<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Context {
            request_id,
            timestamp,
            ..
        } = *self.0;
        let len = usize::from(request_id.is_some()) + usize::from(timestamp.is_some());
        let mut meta = serializer.serialize_struct("Meta", len)?;
        if let Some(request_id) = request_id {
            meta.serialize_field("request_id", request_id)?;
        }
        if let Some(timestamp) = timestamp {
            meta.serialize_field("timestamp", timestamp)?;
        }
        meta.end()
    }
}
