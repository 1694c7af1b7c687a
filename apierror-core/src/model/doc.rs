//! Structured documentation of error codes, read from doc comments at
//! compile time.
//!
//! The derive reads each variant's doc comment once, at expansion, and
//! stores what it finds as static data: nothing is parsed at run time.
//!
//! ```text
//! /// Component specification contains invalid configuration.   <- description
//! ///
//! /// # Causes                                                   <- a `-` list
//! /// - Invalid component name format
//! ///
//! /// # Example                                                  <- one fenced block
//! /// ```text
//! /// Component validation failed: spec.runtime 'php' is not supported.
//! /// ```
//! ///
//! /// # Resolution                                               <- numbered steps,
//! /// 1. **Check component name**: Must be DNS-1123 compliant       then command blocks
//! ///
//! /// ```bash
//! /// choreo validate component ./my-component.yaml
//! /// ```
//! ///
//! /// # Solution                                                 <- one line
//! /// Use supported runtimes
//! ///
//! /// # Anything else                                            <- kept verbatim, in order
//! ```
//!
//! Fences in these sections must name their language (`text`, `bash`,
//! `sh`, `json`, ...): in a library crate, an untagged fence in a doc
//! comment is a Rust doctest, which an error message or a shell command
//! would fail. The derive rejects untagged fences in the sections it reads.

use core::fmt;

/// A fenced code block: its language tag and its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Block {
    pub(crate) lang: &'static str,
    pub(crate) code: &'static str,
}

impl Block {
    /// The fence's language tag: `"text"`, `"bash"`, `"json"`, ...
    pub const fn lang(&self) -> &'static str {
        self.lang
    }

    /// The block's text, without the fences, lines joined with `\n`.
    pub const fn code(&self) -> &'static str {
        self.code
    }
}

/// A section of a doc comment under a heading the derive does not read
/// itself, or an appendix of a type's documentation, kept verbatim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Section {
    pub(crate) heading: &'static str,
    pub(crate) body: &'static str,
}

impl Section {
    /// The heading's text, without the `#`; empty for the paragraphs that
    /// follow a description before any heading.
    pub const fn heading(&self) -> &'static str {
        self.heading
    }

    /// The section's Markdown, as written. Headings inside it keep their
    /// level as written in the doc comment.
    pub const fn body(&self) -> &'static str {
        self.body
    }
}

/// Everything a variant's documentation says about its code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Docs {
    pub(crate) description: &'static str,
    pub(crate) causes: &'static [&'static str],
    pub(crate) example: Option<Block>,
    pub(crate) resolution: &'static [&'static str],
    pub(crate) commands: &'static [Block],
    pub(crate) solution: Option<&'static str>,
    pub(crate) sections: &'static [Section],
    pub(crate) class: Option<&'static str>,
    pub(crate) fields: &'static [&'static str],
}

impl Docs {
    /// A fenced block, as the derive writes it.
    #[doc(hidden)]
    pub const fn __block(lang: &'static str, code: &'static str) -> Block {
        Block { lang, code }
    }

    /// A section of documentation, as the derive writes it.
    #[doc(hidden)]
    pub const fn __section(heading: &'static str, body: &'static str) -> Section {
        Section { heading, body }
    }

    /// A status's documentation, as the derive writes it.
    #[doc(hidden)]
    pub const fn __status(
        status: u16,
        description: &'static str,
        troubleshooting: Option<&'static str>,
    ) -> StatusDoc {
        StatusDoc {
            status,
            description,
            troubleshooting,
        }
    }

    /// No documentation at all.
    #[doc(hidden)]
    pub const EMPTY: Docs = Docs {
        description: "",
        causes: &[],
        example: None,
        resolution: &[],
        commands: &[],
        solution: None,
        sections: &[],
        class: None,
        fields: &[],
    };

    /// What generated code writes: every part, empty where absent.
    #[doc(hidden)]
    #[allow(clippy::too_many_arguments)]
    pub const fn __new(
        description: &'static str,
        causes: &'static [&'static str],
        example: Option<Block>,
        resolution: &'static [&'static str],
        commands: &'static [Block],
        solution: Option<&'static str>,
        sections: &'static [Section],
        class: Option<&'static str>,
        fields: &'static [&'static str],
    ) -> Self {
        Docs {
            description,
            causes,
            example,
            resolution,
            commands,
            solution,
            sections,
            class,
            fields,
        }
    }

    /// The first paragraph of the doc comment, lines joined with `\n`.
    pub const fn description(&self) -> &'static str {
        self.description
    }

    /// The items of `# Causes`, each as written (Markdown).
    pub const fn causes(&self) -> &'static [&'static str] {
        self.causes
    }

    /// The fenced block of `# Example`: the error as users see it.
    pub const fn example(&self) -> Option<Block> {
        self.example
    }

    /// The numbered steps of `# Resolution`, each as written (Markdown),
    /// without their numbers.
    pub const fn resolution(&self) -> &'static [&'static str] {
        self.resolution
    }

    /// The fenced blocks of `# Resolution`: the commands that carry the
    /// steps out, in order.
    pub const fn commands(&self) -> &'static [Block] {
        self.commands
    }

    /// The text of `# Solution`: a one-line fix.
    pub const fn solution(&self) -> Option<&'static str> {
        self.solution
    }

    /// The sections under other headings, verbatim and in order.
    pub const fn sections(&self) -> &'static [Section] {
        self.sections
    }

    /// The name the service's own code gives this error, from
    /// `#[api_error(class = "NodeNotFoundError")]`: an exception class or
    /// error type in another language.
    pub const fn class(&self) -> Option<&'static str> {
        self.class
    }

    /// The doc comments of the details fields, parallel to
    /// [`Descriptor::fields`](crate::Descriptor::fields); empty strings for
    /// undocumented fields, an empty slice when none is documented.
    pub const fn fields(&self) -> &'static [&'static str] {
        self.fields
    }

    /// Whether there is anything beyond the description.
    pub fn is_structured(&self) -> bool {
        !self.causes.is_empty()
            || self.example.is_some()
            || !self.resolution.is_empty()
            || !self.commands.is_empty()
            || self.solution.is_some()
            || !self.sections.is_empty()
    }
}

/// Text attached to an HTTP status in a type's reference, from
/// `#[api_error(status_doc(429, "Rate limit exceeded", "Wait and retry with backoff"))]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct StatusDoc {
    pub(crate) status: u16,
    pub(crate) description: &'static str,
    pub(crate) troubleshooting: Option<&'static str>,
}

impl StatusDoc {
    /// The status number.
    pub const fn status(&self) -> u16 {
        self.status
    }

    /// What the status means in this API.
    pub const fn description(&self) -> &'static str {
        self.description
    }

    /// What a client does about it.
    pub const fn troubleshooting(&self) -> Option<&'static str> {
        self.troubleshooting
    }
}

/// A documentation URL: a template from `#[api_error(doc_url = "...")]`
/// with `{code}` replaced by an error code, transformed as the placeholder
/// says.
///
/// | placeholder | `card_declined` | `AUTH-TOKEN_EXPIRED` |
/// |---|---|---|
/// | `{code}` | `card_declined` | `AUTH-TOKEN_EXPIRED` |
/// | `{code:lowercase}` | `card_declined` | `auth-token_expired` |
/// | `{code:UPPERCASE}` | `CARD_DECLINED` | `AUTH-TOKEN_EXPIRED` |
/// | `{code:kebab-case}` | `card-declined` | `auth-token-expired` |
/// | `{code:snake_case}` | `card_declined` | `auth_token_expired` |
///
/// The derive checks the template at compile time; written out with
/// `Display`, without allocating.
///
/// ```
/// use apierror::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(code = "snake_case", doc_url = "https://docs.example.com/errors/{code:kebab-case}")]
/// enum PaymentError {
///     #[status(402)]
///     #[message("Your card was declined")]
///     CardDeclined,
/// }
///
/// let url = PaymentError::CardDeclined.doc_url().unwrap();
/// assert_eq!(url.to_string(), "https://docs.example.com/errors/card-declined");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocUrl {
    template: &'static str,
    code: &'static str,
}

impl DocUrl {
    /// `template` for `code`.
    pub const fn new(template: &'static str, code: &'static str) -> Self {
        DocUrl { template, code }
    }

    /// The template, as written.
    pub const fn template(&self) -> &'static str {
        self.template
    }
}

impl fmt::Display for DocUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.template;
        while let Some(open) = rest.find("{code") {
            f.write_str(&rest[..open])?;
            let after = &rest[open + "{code".len()..];
            let Some(close) = after.find('}') else {
                // Checked by the derive; written as it is otherwise.
                f.write_str(&rest[open..])?;
                return Ok(());
            };
            let transform = after[..close].strip_prefix(':').unwrap_or("");
            for c in self.code.chars() {
                let c = match transform {
                    "lowercase" => c.to_ascii_lowercase(),
                    "UPPERCASE" => c.to_ascii_uppercase(),
                    "kebab-case" if c == '_' => '-',
                    "kebab-case" => c.to_ascii_lowercase(),
                    "snake_case" if c == '-' => '_',
                    "snake_case" => c.to_ascii_lowercase(),
                    _ => c,
                };
                fmt::Write::write_char(f, c)?;
            }
            rest = &after[close + 1..];
        }
        f.write_str(rest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transforms() {
        let url = |t: &'static str, code| DocUrl::new(t, code).to_string();
        assert_eq!(url("/e/{code}", "card_declined"), "/e/card_declined");
        assert_eq!(
            url("/e/{code:kebab-case}", "card_declined"),
            "/e/card-declined"
        );
        assert_eq!(
            url("/e/{code:snake_case}#{code:lowercase}", "ERR-01-001"),
            "/e/err_01_001#err-01-001"
        );
        assert_eq!(url("/{code:UPPERCASE}/x", "not_found"), "/NOT_FOUND/x");
    }

    /// Every transform the derive accepts changes something `{code}` alone
    /// would not.
    #[test]
    fn every_accepted_transform_is_applied() {
        use crate::facts::DOC_URL_TRANSFORMS as TRANSFORMS;
        for transform in TRANSFORMS {
            let template: &'static str =
                Box::leak(format!("/{{code:{transform}}}").into_boxed_str());
            assert_ne!(
                DocUrl::new(template, "Ab_c-D").to_string(),
                "/Ab_c-D",
                "{transform}"
            );
        }
    }
}
