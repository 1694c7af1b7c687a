//! RFC 9457 problem details: the format [`Problem`], with its reserved
//! members ([`Problem::RESERVED`]) and titles ([`Problem::title`]).

pub use crate::built_in::Problem;

use super::{Context, Format};
use crate::error::ApiError;
use crate::fields::MapEntries;
use serde::ser::{SerializeMap, Serializer};
use std::fmt;

impl Problem {
    /// The members RFC 9457 defines, plus `code`: details may not replace them.
    pub const RESERVED: &'static [&'static str] = super::PROBLEM_MEMBERS;

    /// The title a problem has: see [`Problem`].
    pub fn title<E: ApiError + ?Sized>(error: &E) -> &'static str {
        descriptor_title(error.descriptor())
    }
}

#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::format::Problem::RESERVED`"
)]
pub const RESERVED: &[&str] = Problem::RESERVED;

/// The title a problem has.
#[doc(hidden)]
#[deprecated(since = "0.1.0", note = "moved to `apierror::format::Problem::title`")]
pub fn title<E: ApiError + ?Sized>(error: &E) -> &'static str {
    Problem::title(error)
}

/// The title of the problems of `descriptor`'s code.
pub(crate) fn descriptor_title(descriptor: &crate::Descriptor) -> &'static str {
    descriptor
        .title()
        .or_else(|| descriptor.status().canonical_reason())
        .unwrap_or(if descriptor.status().is_server_error() {
            "Server Error"
        } else {
            "Client Error"
        })
}

struct TypeUrl<'a> {
    template: &'a str,
    code: &'a str,
}

impl fmt::Display for TypeUrl<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = self.template.split("{code}");
        if let Some(first) = parts.next() {
            f.write_str(first)?;
        }
        for part in parts {
            f.write_str(self.code)?;
            f.write_str(part)?;
        }
        Ok(())
    }
}

impl Problem {
    /// The template for `error`'s `type`: see [`Problem`].
    fn template_for<E: ApiError + ?Sized>(&self, error: &E) -> Option<&'static str> {
        error
            .__setting(crate::catalog::Owner::type_url)
            .or(self.type_template)
    }

    fn write<E, W>(
        &self,
        error: &E,
        context: &Context<'_>,
        writer: &mut W,
    ) -> Result<(), serde_json::Error>
    where
        E: ApiError + ?Sized,
        W: std::io::Write,
    {
        let io = |r: std::io::Result<()>| r.map_err(serde_json::Error::io);
        let descriptor = error.descriptor();
        let code = descriptor.code();
        let own = error.__setting(crate::catalog::Owner::type_url);
        io(writer.write_all(br#"{"type":"#))?;
        // The format's own template, split in const eval: no search, no scan.
        let presplit = match (own, self.type_template, self.split) {
            (None, Some(template), Some(at)) if self.plain && descriptor.plain_code() => {
                Some((&template[..at], &template[at + "{code}".len()..]))
            }
            _ => None,
        };
        let template = own.or(self.type_template);
        match presplit {
            Some((before, after)) => {
                io(writer.write_all(b"\""))?;
                io(writer.write_all(before.as_bytes()))?;
                io(writer.write_all(code.as_bytes()))?;
                io(writer.write_all(after.as_bytes()))?;
                io(writer.write_all(b"\""))?;
            }
            None => self.write_type(error, template, code, writer)?,
        }
        io(writer.write_all(br#","title":"#))?;
        let title = Problem::title(error);
        if descriptor.plain_title() {
            io(writer.write_all(b"\""))?;
            io(writer.write_all(title.as_bytes()))?;
            io(writer.write_all(b"\""))?;
        } else {
            super::write_str_parts(writer, &[title])?;
        }
        io(writer.write_all(br#","status":"#))?;
        // A status is three digits: the derive admits 400..=599 only.
        let status = descriptor.status().as_u16();
        io(writer.write_all(&[
            b'0' + (status / 100 % 10) as u8,
            b'0' + (status / 10 % 10) as u8,
            b'0' + (status % 10) as u8,
        ]))?;
        io(writer.write_all(br#","detail":"#))?;
        let translation = crate::locale::translation(error, context);
        super::write_message(error, translation, writer)?;
        if let Some(instance) = context.instance() {
            io(writer.write_all(br#","instance":"#))?;
            super::write_str_parts(writer, &[instance])?;
        }
        io(writer.write_all(br#","code":"#))?;
        if descriptor.plain_code() {
            io(writer.write_all(b"\""))?;
            io(writer.write_all(code.as_bytes()))?;
            io(writer.write_all(b"\""))?;
        } else {
            super::write_str_parts(writer, &[code])?;
        }
        if error.has_details() {
            super::write_part(error, super::JsonPart::Members, writer)?;
        }
        io(writer.write_all(b"}"))
    }

    /// The `type` member's value when it is not a pre-split template.
    fn write_type<E, W>(
        &self,
        error: &E,
        template: Option<&'static str>,
        code: &str,
        writer: &mut W,
    ) -> Result<(), serde_json::Error>
    where
        E: ApiError + ?Sized,
        W: std::io::Write,
    {
        let io = |r: std::io::Result<()>| r.map_err(serde_json::Error::io);
        match template.map(|t| t.split_once("{code}")) {
            Some(Some((before, after))) if !after.contains("{code}") => {
                super::write_str_parts(writer, &[before, code, after])?
            }
            Some(_) => {
                let url = format!(
                    "{}",
                    TypeUrl {
                        template: template.unwrap_or_default(),
                        code
                    }
                );
                super::write_str_parts(writer, &[&url])?;
            }
            None => match error.doc_url() {
                // The derive admits no character in a `doc_url` that JSON
                // escapes, and codes have none either.
                Some(url) => io(write!(writer, "\"{url}\""))?,
                None => io(writer.write_all(br#""about:blank""#))?,
            },
        }
        Ok(())
    }
}

impl Format for Problem {
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
        Some(self.write(error, context, writer))
    }

    fn media_type(&self) -> &'static str {
        "application/problem+json"
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
        let mut map = serializer.serialize_map(None)?;
        match self.template_for(error) {
            Some(template) => map.serialize_entry(
                "type",
                &format_args!(
                    "{}",
                    TypeUrl {
                        template,
                        code: error.code()
                    }
                ),
            )?,
            None => match error.doc_url() {
                Some(url) => map.serialize_entry("type", &format_args!("{url}"))?,
                None => map.serialize_entry("type", "about:blank")?,
            },
        }
        map.serialize_entry("title", Problem::title(error))?;
        map.serialize_entry("status", &error.status().as_u16())?;
        map.serialize_entry("detail", &crate::locale::PublicText::new(error, context))?;
        if let Some(instance) = context.instance() {
            map.serialize_entry("instance", instance)?;
        }
        map.serialize_entry("code", error.code())?;
        if error.has_details() {
            crate::error::visit_fields(
                error,
                &mut Members(MapEntries {
                    map: &mut map,
                    reserved: Problem::RESERVED,
                }),
            )?;
        }
        map.end()
    }
}

/// The extension members: the details fields, the validation list as
/// `errors` (RFC 9457 §3).
struct Members<'m, 'r, M>(MapEntries<'m, 'r, M>);

impl<M: SerializeMap> crate::fields::FieldVisitor for Members<'_, '_, M> {
    type Error = M::Error;

    fn field<T: serde::Serialize + ?Sized>(
        &mut self,
        key: &str,
        json_key: &str,
        value: &T,
    ) -> Result<(), M::Error> {
        self.0.field(key, json_key, value)
    }

    fn violations_field(
        &mut self,
        _: &str,
        _: &str,
        value: &crate::Violations,
    ) -> Result<(), M::Error> {
        use crate::violations::{Style, Styled};
        self.0
            .map
            .serialize_entry("errors", &Styled(value, Style::Problem))
    }
}
