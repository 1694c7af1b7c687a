//! Behaviour of the runtime and the derive: catalogs of the five services, every format, rendering, decoding, composition, generics, safety.
//!
//! One test binary: `cargo test -p apierror-tests --test runtime`.

#[path = "../support/common.rs"]
pub mod common;
#[path = "../support/outputs.rs"]
pub mod outputs;
/// The formats of the tests' own (Stripe-, JSON:API- and Kubernetes-shaped).
#[path = "../support/formats.rs"]
pub mod own_formats;
#[path = "../support/services.rs"]
pub mod services;
#[path = "../support/translated.rs"]
pub mod translated;

/// `apierror` under another name, for the hygiene tests (`#[api_error(crate = ...)]`).
extern crate apierror as renamed_apierror;

pub mod allocations;
pub mod bound;
pub mod composition;
pub mod decode;
pub mod decode_hostile;
pub mod derive;
pub mod fast_path;
pub mod format_helpers;
pub mod formats;
pub mod generics;
pub mod hygiene;
pub mod internal;
pub mod json_validity;
pub mod layers;
pub mod leaks;
pub mod migration;
pub mod protocol;
pub mod render_failures;
pub mod service_hexabase;
pub mod service_k0rdent;
pub mod service_llm_gateway;
pub mod service_openchoreo;
pub mod service_phala;
pub mod standard_format;
pub mod with_thiserror;
