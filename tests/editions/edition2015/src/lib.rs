//! `#[derive(ApiError)]` in a crate of edition 2015.
#![deny(warnings)]

extern crate apierror;
extern crate serde;

include!("../../shared.rs");
