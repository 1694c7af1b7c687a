//! `#[derive(ApiError)]` in a crate of edition 2021.
#![deny(warnings)]

include!("../../shared.rs");
