//! The leaves every stage reads: the error collector (`ctxt`), the
//! attribute keys (`symbol`), predicates on types as written (`types`),
//! and two files of the runtime the derive includes as they are: the facts
//! both sides share (`facts`: flag bits, reserved headers, gRPC codes,
//! doc-URL transforms, the plain-text test, the code hash, the template
//! splitter) and the built-in formats' table (`formats`).

pub mod ctxt;
/// A link to `apierror-core`'s facts file.
#[allow(dead_code)]
pub mod facts;
/// A link to `apierror-core`'s table of built-in formats.
#[macro_use]
pub mod formats;
pub mod symbol;
pub mod types;
