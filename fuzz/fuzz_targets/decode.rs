//! The client decoder on arbitrary bytes: a result, never a panic; a body
//! over the size limit is rejected before parsing.

#![no_main]

#[allow(dead_code)]
#[path = "../../examples/phala.rs"]
mod phala;

use apierror::decode::{Decode, DecodeError, Limits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = phala::PhalaError::decode(data);
    // Small limits: every path of the limit checks gets exercised.
    let limits = Limits {
        max_size: 256,
        max_depth: 4,
    };
    let result = limits.decode::<phala::PhalaError>(data);
    if data.len() > 256 {
        assert!(matches!(result, Err(DecodeError::TooLarge { .. })));
    }
});
