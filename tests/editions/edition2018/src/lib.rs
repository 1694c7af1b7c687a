//! `#[derive(ApiError)]` in a crate of edition 2018.
#![deny(warnings)]

include!("../../shared.rs");
