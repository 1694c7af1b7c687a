//! The type's settings that reach its responses (`www_authenticate`),
//! checked: a leaf of the stage, the model holds what it returns.

use crate::base::ctxt::Ctxt;
use crate::parse::ast::Input;

/// The type's settings that reach its responses, checked: the catalog's
/// `Owner` carries them to every response of the variants the type
/// declares. A new type-level setting of this kind is a field here and its
/// check below, its key (`base/symbol.rs`, `parse/attr.rs`), the `Owner`
/// builder call (`expand/catalog.rs`), and the runtime's `Owner` and
/// response (CONTRIBUTING.md has the worked example).
pub struct ResponseSettings {
    /// `www_authenticate = "..."`: the challenge of 401s; `""` for none.
    pub www_authenticate: Option<String>,
}

/// `answers_401`: a variant of the type answers 401, or may (an included
/// type's).
pub(super) fn response_settings(cx: &Ctxt, input: &Input, answers_401: bool) -> ResponseSettings {
    let www_authenticate = input.attrs.www_authenticate.as_ref().and_then(|lit| {
        if !answers_401 {
            cx.error_at(
                lit.span(),
                format_args!(
                    "`www_authenticate` is the challenge of 401 responses, and no variant of `{}` answers 401: add one, or leave the attribute out",
                    input.ident
                ),
            );
            return None;
        }
        match lit {
            // No challenge at all (APIs that send none, as GitHub's):
            // the empty setting, which the response reads as "leave out".
            syn::Lit::Bool(flag) if !flag.value => Some(String::new()),
            syn::Lit::Str(lit) => {
                let value = lit.value();
                let valid = !value.is_empty()
                    && value.bytes().all(|b| b == b'\t' || (b' '..=b'~').contains(&b));
                if !valid {
                    cx.error_at(
                        lit.span(),
                        "`www_authenticate` must be a valid header value: visible ASCII and spaces, e.g. \"Bearer realm=\\\"api\\\"\"",
                    );
                }
                valid.then_some(value)
            }
            other => {
                cx.error_at(
                    other.span(),
                    "`www_authenticate` takes the challenge 401 responses send (\"Bearer realm=\\\"api\\\"\"), or false for none",
                );
                None
            }
        }
    });
    ResponseSettings { www_authenticate }
}
