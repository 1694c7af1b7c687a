//! The first stage: the derive's input read into plain data, nothing
//! checked yet but the attributes' own syntax. `ast` holds the type, its
//! variants and fields; `attr` the `#[api_error]`, `#[code]`, `#[status]`
//! and `#[message]` attributes; `args` a message's arguments; `doc` the
//! doc comments' sections.

pub mod args;
pub mod ast;
pub mod attr;
pub mod doc;
