//! Localized public messages: translations read at compile time, chosen by
//! `Accept-Language`.
//!
//! A type says the language its messages are written in and the languages
//! it is translated to, and keeps one file per language next to its crate's
//! `Cargo.toml` (`locales/<language>.toml`, or the directory
//! `translations = "..."` names), a line per code:
//!
//! ```toml
//! # locales/de.toml
//! NODE_NOT_FOUND = "Knoten {node} nicht gefunden"
//! QUOTA_EXCEEDED = 'Kontingent von {limit} überschritten'
//! ```
//!
//! ```ignore
//! #[derive(Debug, ApiError)]
//! #[api_error(code = "SCREAMING_SNAKE_CASE", language = "en", locales("de", "fr"))]
//! enum ClusterError { /* ... */ }
//! ```
//!
//! The files are TOML restricted to what a catalog needs: `CODE = "text"`
//! lines (bare or quoted keys; basic strings with TOML's escapes, or literal
//! strings), blank lines and `#` comments. Several types can share one
//! directory with a table each, named after the type (`[ClusterError]`);
//! a type reads its own table and ignores the others'.
//!
//! The derive reads the files when it expands (and the build reruns when
//! they change): a code without a translation in a declared language, a
//! line for a code the type does not have, or a placeholder that names no
//! details field of the variant is a compile error. A translation's
//! placeholders are `{field}`, as the message names the field (no format
//! specs), filled with the field's value as AIP-193 metadata writes it (a
//! string as itself, anything else as compact JSON); internal and skipped
//! fields never reach a translation.
//!
//! At run time [`Context::with_accept_language`] (set by the axum and
//! actix-web request-context layers from the request) picks the language
//! ([`Context::negotiate`], [`Descriptor::language_for`]): the
//! `Accept-Language` ranges by weight, each matched exactly, then by its
//! primary tag (`de-CH` takes `de`), else the type's own `language`.
//! Responses say which in `Content-Language`. The standard,
//! tagged, WebSocket and OpenAI formats put the translation in their
//! message, RFC 9457 in `detail`; AIP-193 keeps its developer-facing
//! `message` and adds a `google.rpc.LocalizedMessage`. A format of your own
//! writes [`PublicText::new(error, context)`](PublicText::new) where it
//! writes the message.

use crate::catalog::Descriptor;
use crate::error::ApiError;
use crate::format::Context;
use serde::{Serialize, Serializer};
use std::fmt;

#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::format::Context::MAX_ACCEPT_LANGUAGE`"
)]
pub const MAX_ACCEPT_LANGUAGE: usize = Context::MAX_ACCEPT_LANGUAGE;

impl Context<'_> {
    /// The language the context's [`accept_language`](Self::accept_language)
    /// (an `Accept-Language` header value) prefers among `available`, else
    /// `default` (also when the context has none): ranges by `q` weight (a
    /// malformed weight counts as 1, `q=0` excludes), ties in the order
    /// written; a range matches a language exactly (ignoring case) or by its
    /// primary subtag; `*` is the default.
    ///
    /// ```
    /// use apierror::format::Context;
    ///
    /// let context = Context::new().with_accept_language("fr;q=0.4, de-CH");
    /// assert_eq!(context.negotiate(["de", "fr"].into_iter(), "en"), "de");
    /// assert_eq!(Context::new().negotiate(["de", "fr"].into_iter(), "en"), "en");
    /// ```
    pub fn negotiate<'l>(
        &self,
        available: impl Iterator<Item = &'l str> + Clone,
        default: &'l str,
    ) -> &'l str {
        match self.accept_language() {
            Some(header) => preferred(header, available, default),
            None => default,
        }
    }
}

impl Descriptor {
    /// The language an error of this descriptor answers in for `context`,
    /// and its translation (`None` for the type's own language); `None` when
    /// the type declares no languages.
    pub fn language_for(
        &self,
        context: &Context<'_>,
    ) -> Option<(&'static str, Option<&'static str>)> {
        let default = self.language()?;
        let translations = self.translations();
        let chosen = context.negotiate(translations.iter().map(|(l, _)| *l), default);
        let text = translations
            .iter()
            .find(|(lang, _)| *lang == chosen)
            .map(|(_, text)| *text);
        Some((chosen, text))
    }
}

// The old paths, kept for one release: moved into `Context` and `Descriptor`.

/// The language `accept_language` (an `Accept-Language` header value)
/// prefers among `available`, else `default`.
#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::format::Context::negotiate`"
)]
pub fn negotiate<'l>(
    accept_language: &str,
    available: impl Iterator<Item = &'l str> + Clone,
    default: &'l str,
) -> &'l str {
    Context::new()
        .with_accept_language(accept_language)
        .negotiate(available, default)
}

/// The language `error` answers in for `context`, and its translation.
#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::Descriptor::language_for`"
)]
pub fn choose<E: ApiError + ?Sized>(
    error: &E,
    context: &Context<'_>,
) -> Option<(&'static str, Option<&'static str>)> {
    error.descriptor().language_for(context)
}

/// What [`Context::negotiate`] answers for the header `accept_language`.
fn preferred<'l>(
    accept_language: &str,
    available: impl Iterator<Item = &'l str> + Clone,
    default: &'l str,
) -> &'l str {
    // One pass, no allocation: the match of the heaviest range, the first
    // written among equal weights (what a stable sort by weight would try
    // first).
    let mut best: Option<(&'l str, u16)> = None;
    let mut rest = accept_language;
    for _ in 0..32 {
        if rest.is_empty() {
            break;
        }
        let (part, after) = cut(rest, b',');
        rest = after;
        let (range, mut params) = cut(part, b';');
        let range = range.trim_matches([' ', '\t']);
        if range.is_empty() {
            continue;
        }
        let mut weight_of = 1000;
        while !params.is_empty() {
            let (param, more) = cut(params, b';');
            params = more;
            if let Some(q) = param.trim_start_matches([' ', '\t']).strip_prefix("q=") {
                weight_of = weight(q);
                break;
            }
        }
        let weight = weight_of;
        if weight == 0 || best.is_some_and(|(_, w)| w >= weight) {
            continue;
        }
        if let Some(lang) = matching(range, available.clone(), default) {
            if weight == 1000 {
                // Nothing written later can weigh more.
                return lang;
            }
            best = Some((lang, weight));
        }
    }
    best.map_or(default, |(lang, _)| lang)
}

/// `text` up to the first `at`, and what follows it (empty when there is
/// no `at`).
#[inline]
fn cut(text: &str, at: u8) -> (&str, &str) {
    match text.bytes().position(|b| b == at) {
        Some(i) => (&text[..i], &text[i + 1..]),
        None => (text, ""),
    }
}

/// The primary subtag of a language tag: `de` of `de-CH`.
#[inline]
fn primary(tag: &str) -> &str {
    cut(tag, b'-').0
}

/// The language `range` takes: `default` for `*`, else the first of
/// `default` and `available` equal to it (ignoring case), else the first
/// whose primary subtag is its primary subtag.
fn matching<'l>(
    range: &str,
    available: impl Iterator<Item = &'l str> + Clone,
    default: &'l str,
) -> Option<&'l str> {
    if range == "*" {
        return Some(default);
    }
    let all = std::iter::once(default).chain(available);
    if let Some(lang) = all.clone().find(|lang| lang.eq_ignore_ascii_case(range)) {
        return Some(lang);
    }
    let wanted = primary(range);
    all.into_iter()
        .find(|lang| primary(lang).eq_ignore_ascii_case(wanted))
}

/// A `q` value in thousandths (`0.5` is 500; digits past the third are
/// ignored); malformed ones count as 1.
fn weight(text: &str) -> u16 {
    let text = text.trim();
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if whole != "0" {
        return 1000;
    }
    if !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return 1000;
    }
    let mut value = 0u16;
    for i in 0..3 {
        let digit = fraction
            .as_bytes()
            .get(i)
            .map_or(0, |b| u16::from(b - b'0'));
        value = value * 10 + digit;
    }
    value
}

/// The translation `error`'s message takes for `context`: `None` when the
/// context has no `Accept-Language` (at once), the type no translations, or
/// the request prefers the type's own language.
#[inline]
pub(crate) fn translation<E: ApiError + ?Sized>(
    error: &E,
    context: &Context<'_>,
) -> Option<&'static str> {
    context.accept_language()?;
    error
        .descriptor()
        .language_for(context)
        .and_then(|(_, text)| text)
}

/// `error`'s message in its translation `template`: the placeholders
/// filled with the details fields they name.
pub struct Translated<'a, E: ?Sized> {
    error: &'a E,
    template: &'static str,
}

impl<'a, E: ApiError + ?Sized> Translated<'a, E> {
    /// The message of `error` in `template` (one of its descriptor's
    /// [`translations`](crate::Descriptor::translations)).
    pub fn new(error: &'a E, template: &'static str) -> Self {
        Translated { error, template }
    }
}

impl<E: ApiError + ?Sized> fmt::Display for Translated<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The derive admits `{field}` placeholders only, each naming a
        // details field, and no other brace: the own messages' split.
        let fields = self.error.descriptor().field_list();
        crate::model::interpolate::write_template(self.template, f, |name, f| {
            match fields.idents.iter().position(|ident| *ident == name) {
                Some(index) => write_field(self.error, fields.names[index], f),
                // Not from the derive: shown as written.
                None => write!(f, "{{{name}}}"),
            }
        })
    }
}

impl<E: ApiError + ?Sized> Serialize for Translated<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        crate::message::collect_str(serializer, self)
    }
}

/// Writes the text of the details field `key` of `error`.
fn write_field<E: ApiError + ?Sized>(
    error: &E,
    key: &str,
    f: &mut fmt::Formatter<'_>,
) -> fmt::Result {
    struct One<'k, 'f, 'g> {
        key: &'k str,
        f: &'f mut fmt::Formatter<'g>,
    }
    impl crate::fields::FieldVisitor for One<'_, '_, '_> {
        type Error = fmt::Error;
        fn field<T: Serialize + ?Sized>(
            &mut self,
            key: &str,
            _: &str,
            value: &T,
        ) -> Result<(), fmt::Error> {
            if key == self.key {
                write!(self.f, "{}", crate::format::text::RawText(value))?;
            }
            Ok(())
        }
        fn str_field(&mut self, key: &str, _: &str, value: &str) -> Result<(), fmt::Error> {
            if key == self.key {
                self.f.write_str(value)?;
            }
            Ok(())
        }
        fn violations_field(
            &mut self,
            key: &str,
            _: &str,
            value: &crate::Violations,
        ) -> Result<(), fmt::Error> {
            if key == self.key {
                write!(self.f, "{value}")?;
            }
            Ok(())
        }
    }
    crate::error::visit_fields(error, &mut One { key, f })
}

/// The public message `error` shows for `context`: its translation when
/// the context's `Accept-Language` chose one, else [`ApiError::message`].
pub enum PublicText<'a, E: ?Sized> {
    /// The type's own message.
    Own(crate::Message<'a>),
    /// A translation.
    Translated(Translated<'a, E>),
}

impl<'a, E: ApiError + ?Sized> PublicText<'a, E> {
    /// See [`PublicText`].
    pub fn new(error: &'a E, context: &Context<'_>) -> Self {
        match error.descriptor().language_for(context) {
            Some((_, Some(template))) => PublicText::Translated(Translated::new(error, template)),
            _ => PublicText::Own(error.message()),
        }
    }
}

impl<E: ApiError + ?Sized> fmt::Display for PublicText<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PublicText::Own(message) => fmt::Display::fmt(message, f),
            PublicText::Translated(text) => fmt::Display::fmt(text, f),
        }
    }
}

impl<E: ApiError + ?Sized> Serialize for PublicText<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            PublicText::Own(message) => message.serialize(serializer),
            PublicText::Translated(text) => text.serialize(serializer),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_is_negotiated_by_weight_and_primary_tag() {
        let available = ["de", "fr", "pt-BR"];
        let pick = |header: &str| {
            Context::new()
                .with_accept_language(header)
                .negotiate(available.iter().copied(), "en")
        };
        assert_eq!(pick("de"), "de");
        assert_eq!(pick("DE"), "de");
        assert_eq!(pick("de-CH"), "de");
        assert_eq!(pick("fr;q=0.4, de;q=0.9"), "de");
        assert_eq!(pick("fr, de"), "fr");
        assert_eq!(pick("it, fr;q=0.1"), "fr");
        assert_eq!(pick("it"), "en");
        assert_eq!(pick("en-US, de;q=0.5"), "en");
        assert_eq!(pick("*"), "en");
        assert_eq!(pick("de;q=0, fr;q=0.001"), "fr");
        assert_eq!(pick("pt"), "pt-BR");
        assert_eq!(pick("pt-br"), "pt-BR");
        assert_eq!(pick(""), "en");
        assert_eq!(pick(",,;q=,de;q=abc"), "de");
        assert_eq!(pick("de;q=0.5;q=0.1, fr;q=0.50"), "de");
        // Huge headers are read up to a bound, never panic.
        let long = "xx;q=0.9,".repeat(10_000) + "de";
        assert_eq!(pick(&long), "en");
    }

    /// The negotiation as RFC 9110 §12.5.4 reads: ranges by weight (a
    /// stable sort), the first that matches. What `Context::negotiate` does
    /// in one pass.
    fn by_sorting<'l>(header: &str, available: &[&'l str], default: &'l str) -> &'l str {
        let mut ranges: Vec<(&str, u16)> = header
            .split(',')
            .take(32)
            .filter_map(|part| {
                let mut parts = part.split(';');
                let tag = parts.next()?.trim_matches([' ', '\t']);
                if tag.is_empty() {
                    return None;
                }
                let weight = parts
                    .find_map(|p| {
                        p.trim_start_matches([' ', '\t'])
                            .strip_prefix("q=")
                            .map(weight)
                    })
                    .unwrap_or(1000);
                (weight > 0).then_some((tag, weight))
            })
            .collect();
        ranges.sort_by_key(|range| std::cmp::Reverse(range.1));
        ranges
            .into_iter()
            .find_map(|(range, _)| matching(range, available.iter().copied(), default))
            .unwrap_or(default)
    }

    proptest::proptest! {
        #[test]
        fn one_pass_negotiation_is_the_sorted_one(
            ranges in proptest::collection::vec(
                ("(de|DE|de-CH|fr|fr-FR|en|en-GB|pt|pt-br|it|\\*|)", "(|;q=0|;q=0\\.[0-9]{1,4}|;q=1|;q=1\\.0|;q=x|; q=0\\.5|;a=b;q=0\\.3)"),
                0..40,
            )
        ) {
            let header: Vec<String> = ranges.iter().map(|(tag, q)| format!("{tag}{q}")).collect();
            let header = header.join(", ");
            let available = ["de", "fr", "pt-BR"];
            proptest::prop_assert_eq!(
                Context::new()
                    .with_accept_language(&header)
                    .negotiate(available.iter().copied(), "en"),
                by_sorting(&header, &available, "en"),
                "{}", header
            );
        }

        #[test]
        fn any_header_negotiates_without_panicking(header in "[a-zA-Z*,;=.0-9 -]{0,40}") {
            let chosen = Context::new()
                .with_accept_language(&header)
                .negotiate(["de", "fr"].into_iter(), "en");
            proptest::prop_assert!(["de", "fr", "en"].contains(&chosen));
        }
    }
}
