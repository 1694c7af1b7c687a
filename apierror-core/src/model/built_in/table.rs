//! The built-in formats, one row each: the one list both the runtime and
//! the derive read (apierror-derive includes this file, as serde_derive
//! shares its internals). The runtime builds [`BuiltIn`](super::BuiltIn)
//! from it, its `Format` impl and its names; the derive reads the names,
//! the settings and the reserved keys to check `#[api_error(format = "...")]`
//! and to name the format in generated code. Adding a built-in format is a
//! row here and the format's module (see CONTRIBUTING.md).
//!
//! A row: the format's type in `apierror::format` (also the variant of
//! `BuiltIn`), its name in `#[api_error(format = "...")]`, the variant's
//! documentation, the one setting it takes from the type's attributes (the
//! attribute's key and whether it is required; the type's
//! `__built_in(setting)` builds the format from it), and the details keys
//! its own members take (a field of such a key is a compile error). The
//! first row is the default format.

/// The standard members of RFC 9457 problem details: no details field may
/// take their names.
pub const PROBLEM_MEMBERS: &[&str] = &["type", "title", "status", "detail", "instance", "code"];

/// Calls `$callback!` with the rows, each
/// `Type "name" "doc" (setting) (reserved);`.
macro_rules! built_in_formats {
    ($callback:ident) => {
        $callback! {
            Standard "standard"
                "`{\"error\":{\"code\",\"message\",\"details\"}}`, see [`Standard`]."
                (None) (&[]);
            Tagged "tagged"
                "`{\"success\":false,\"error\":{...},\"requestId\"}`, see [`Tagged`]."
                (None) (&[]);
            OpenAi "openai"
                "`{\"error\":{\"message\",\"type\",\"code\":<status>,\"details\"}}`, see [`OpenAi`]."
                (None) (&[]);
            Problem "problem"
                "RFC 9457 `application/problem+json`, see [`Problem`]."
                (Some(("type_url", false))) (PROBLEM_MEMBERS);
            Google "google"
                "Google AIP-193, see [`Google`]."
                (Some(("domain", true))) (&[]);
            WebSocket "websocket"
                "`{\"type\":\"error\",\"error\":{...}}`, see [`WebSocket`]."
                (None) (&[]);
        }
    };
}
