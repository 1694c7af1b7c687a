//! `#[derive(ApiError)]` on arbitrary source text: whatever parses as a
//! derive input must expand without panicking.
//!
//! A proc-macro crate exports no functions, so the derive's modules are
//! compiled into this target (they refer to each other as `crate::...`).

#![no_main]
#![allow(dead_code)]

#[path = "../../apierror-derive/src/args.rs"]
mod args;
#[path = "../../apierror-derive/src/ast.rs"]
mod ast;
#[path = "../../apierror-derive/src/attr.rs"]
mod attr;
#[path = "../../apierror-derive/src/code.rs"]
mod code;
#[path = "../../apierror-derive/src/ctxt.rs"]
mod ctxt;
#[path = "../../apierror-derive/src/doc.rs"]
mod doc;
#[path = "../../apierror-derive/src/expand/mod.rs"]
mod expand;
#[path = "../../apierror-derive/src/json.rs"]
mod json;
#[path = "../../apierror-derive/src/message.rs"]
mod message;
#[path = "../../apierror-derive/src/shape.rs"]
mod shape;
#[path = "../../apierror-derive/src/status.rs"]
mod status;
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
