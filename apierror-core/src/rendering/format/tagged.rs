//! The tagged format: a discriminated union on `success`.

#[allow(unused_imports)]
use super::*;

impl Format for Tagged {
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
        let prefix = br#"{"success":false,"error":{"code":""#;
        let translation = crate::locale::translation(error, context);
        Some(match context.request_id {
            None => match translation {
                None => wrap_object::<E, W, false>(error, None, writer, prefix, b"}"),
                Some(_) => wrap_object::<E, W, true>(error, translation, writer, prefix, b"}"),
            },
            Some(request_id) => (|| {
                let io = |r: std::io::Result<()>| r.map_err(serde_json::Error::io);
                let suffix = br#","requestId":"#;
                match translation {
                    None => wrap_object::<E, W, false>(error, None, writer, prefix, suffix)?,
                    Some(_) => {
                        wrap_object::<E, W, true>(error, translation, writer, prefix, suffix)?
                    }
                }
                write_checked_str(writer, request_id, context.request_id_plain)?;
                io(writer.write_all(b"}"))
            })(),
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
        let len = 2 + usize::from(context.request_id.is_some());
        let mut outer = serializer.serialize_struct("Body", len)?;
        outer.serialize_field("success", &false)?;
        outer.serialize_field("error", &ErrorObject::in_context(error, context))?;
        if let Some(request_id) = context.request_id {
            outer.serialize_field("requestId", request_id)?;
        }
        outer.end()
    }
}
