//! `#[derive(ApiError)]` on arbitrary source text: whatever parses as a
//! derive input must expand without panicking.
//!
//! A proc-macro crate exports no functions, so the derive's modules are
//! compiled into this target (they refer to each other as `crate::...`).

#![no_main]
#![allow(dead_code)]

#[macro_use]
#[path = "../../apierror-derive/src/base/mod.rs"]
mod base;
#[path = "../../apierror-derive/src/expand/mod.rs"]
mod expand;
#[path = "../../apierror-derive/src/grammar/mod.rs"]
mod grammar;
#[path = "../../apierror-derive/src/parse/mod.rs"]
mod parse;
#[path = "../../apierror-derive/src/valid/mod.rs"]
mod valid;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    // Any tokens, whether or not they parse as a derive input: the entry
    // the proc macro calls must answer with tokens (compile_error! for bad input).
    let Ok(tokens) = source.parse::<proc_macro2::TokenStream>() else {
        return;
    };
    let output = expand::derive_tokens(tokens);
    // The output must be tokens that tokenize again.
    let text = output.to_string();
    if let Err(error) = text.parse::<proc_macro2::TokenStream>() {
        panic!("the expansion does not re-tokenize: {error}\n{text}");
    }
});
