//! The translation files' TOML reader (`apierror-derive/src/valid/toml_subset.rs`)
//! on arbitrary bytes: it never panics; whatever it accepts, the `toml`
//! crate reads too, with the same keys and strings in the same tables
//! (toml 0.8 reads TOML 1.0.0, toml 1.x TOML 1.1.0); and whatever TOML 1.0
//! reads, the reader rejects only as "not read", never as "not TOML".
//!
//! The reader uses nothing but `std`: it is compiled into this target as
//! it is.

#![no_main]

// `is_bare_key` is the derive's.
#[allow(dead_code)]
#[path = "../../apierror-derive/src/valid/toml_subset.rs"]
mod toml_subset;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The derive reads a file as UTF-8 first, and rejects what is not.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(failure) = toml_subset::oracle::compare(text) {
        panic!("{failure}");
    }
});
