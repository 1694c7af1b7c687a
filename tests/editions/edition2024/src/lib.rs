//! `#[derive(ApiError)]` in a crate of edition 2024.
#![deny(warnings)]

include!("../../shared.rs");
