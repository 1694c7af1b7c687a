//! The WebSocket error frame.

#[allow(unused_imports)]
use super::*;

impl Format for WebSocket {
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
        let open = br#"{"type":"error","error":{"code":""#;
        Some(match crate::locale::translation(error, context) {
            None => wrap_object::<E, W, false>(error, None, writer, open, b"}"),
            translation => wrap_object::<E, W, true>(error, translation, writer, open, b"}"),
        })
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
        let mut frame = serializer.serialize_struct("Frame", 2)?;
        frame.serialize_field("type", "error")?;
        frame.serialize_field("error", &ErrorObject::in_context(error, context))?;
        frame.end()
    }
}
