//! Implementation detail of the `apierror` crate: `#[derive(ApiError)]`.
//!
//! The derive runs in three stages, one module each: `ast`/`attr` parse the
//! input into plain data, `valid` checks it (codes, statuses, messages), and
//! `expand` generates the impls. All user errors are collected in a `Ctxt`
//! and reported together, spanned on the user's tokens.

mod args;
/// The built-in formats' table, the runtime's own file (a link to
/// `apierror-core/src/model/built_in/table.rs`).
#[macro_use]
mod formats;
mod ast;
mod attr;
mod code;
mod ctxt;
mod doc;
mod expand;
mod json;
mod message;
#[cfg(test)]
mod property;
mod shape;
mod status;
mod valid;

use proc_macro::TokenStream;

/// Derives `apierror::ApiError`. See the `apierror` crate for the guide.
#[proc_macro_derive(ApiError, attributes(api_error, code, status, message, source, from))]
pub fn derive_api_error(input: TokenStream) -> TokenStream {
    expand::derive_tokens(input.into()).into()
}

/// Lists the derive and the runtime must agree on, each kept once per crate.
#[cfg(test)]
mod agreement {
    use apierror_core::__private::flags as runtime;

    #[test]
    fn reserved_headers_are_the_runtimes() {
        use crate::valid::Reserved as D;
        use apierror_core::response::Reserved as R;
        let runtime: Vec<(&str, D)> = apierror_core::response::RESERVED_HEADERS
            .iter()
            .map(|(name, why)| {
                let why = match why {
                    R::Owned => D::Owned,
                    R::Framing => D::Framing,
                    R::Connection => D::Connection,
                    R::Cookie => D::Cookie,
                    R::Cors => D::Cors,
                    R::Redirect => D::Redirect,
                    _ => unreachable!("a reason the derive does not know"),
                };
                (*name, why)
            })
            .collect();
        assert_eq!(crate::valid::RESERVED_HEADERS, runtime.as_slice());
    }

    #[test]
    fn grpc_codes_are_the_runtimes() {
        assert_eq!(
            crate::valid::GRPC_CODES,
            apierror_core::format::google::RPC_CODES
        );
    }

    #[test]
    fn flags_agree_with_the_runtime() {
        use crate::expand::flags;
        assert_eq!(flags::HAS_DETAILS, runtime::HAS_DETAILS);
        assert_eq!(flags::RETRY_AFTER, runtime::RETRY_AFTER);
        assert_eq!(flags::STATIC, runtime::STATIC);
        assert_eq!(flags::PLAIN, runtime::PLAIN);
        assert_eq!(0b111 << flags::LOG_SHIFT, runtime::LOG);
        assert_eq!(flags::PLAIN_CODE, runtime::PLAIN_CODE);
        assert_eq!(flags::PLAIN_TITLE, runtime::PLAIN_TITLE);
        assert_eq!(flags::VIOLATIONS, runtime::VIOLATIONS);
    }

    #[test]
    fn plain_text_is_the_runtimes() {
        for text in [
            "",
            "E-1",
            "a\"b",
            "back\\slash",
            "tab\t",
            "\u{1f}",
            "\u{7f}",
            "é ü",
        ] {
            assert_eq!(
                crate::expand::json_plain(text),
                apierror_core::__private::json_plain(text),
                "{text:?}"
            );
        }
    }

    /// Both splits of a template, whole, as comparable lists (the two
    /// `Split` types print alike).
    fn splits(template: &str) -> (Vec<String>, Vec<String>) {
        macro_rules! walk {
            ($split:path) => {{
                let (mut pieces, mut rest) = (Vec::new(), template);
                while let Some((piece, after)) = $split(rest) {
                    pieces.push(format!("{piece:?}"));
                    rest = after;
                }
                pieces
            }};
        }
        (
            walk!(crate::message::split),
            walk!(apierror_core::template::split),
        )
    }

    #[test]
    fn template_split_is_the_runtimes() {
        for template in [
            "",
            "plain",
            "{a}",
            "No type '{instance_type}'",
            "{a}{b}",
            "x {0} y {1:>4} z",
            "{{escaped}} {a}",
            "unclosed {a",
            "stray } brace",
            "{}",
            "{:}",
            "é {ü:.2} ß",
        ] {
            let (ours, theirs) = splits(template);
            assert_eq!(ours, theirs, "{template:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn template_split_is_the_runtimes_on_any_text(template in "[a{}:. é0]{0,24}") {
            let (ours, theirs) = splits(&template);
            proptest::prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn doc_url_transforms_are_the_runtimes() {
        assert_eq!(crate::valid::TRANSFORMS, apierror_core::doc::TRANSFORMS);
        // And each one changes something `{code}` alone would not.
        for transform in apierror_core::doc::TRANSFORMS {
            let template: &'static str =
                Box::leak(format!("/{{code:{transform}}}").into_boxed_str());
            let url = apierror_core::doc::DocUrl::new(template, "Ab_c-D").to_string();
            assert_ne!(url, "/Ab_c-D", "{transform}");
        }
    }
}
