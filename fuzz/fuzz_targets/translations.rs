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
use std::collections::BTreeMap;
use toml_subset::{parse, Document, Kind};

/// A file as `key -> string` per table (`None`: the root).
type Read = BTreeMap<Option<String>, BTreeMap<String, String>>;

fn ours(document: &Document) -> Read {
    let mut read = Read::new();
    let root = read.entry(None).or_default();
    for pair in &document.root {
        root.insert(pair.key.clone(), pair.value.clone());
    }
    for table in &document.tables {
        let pairs = read.entry(Some(table.name.clone())).or_default();
        for pair in &table.pairs {
            pairs.insert(pair.key.clone(), pair.value.clone());
        }
    }
    read
}

/// What a toml document reads as, when it is only strings in the root
/// and in tables of the root.
macro_rules! theirs {
    ($table:expr, $value:path) => {{
        use $value as Value;
        let mut read = Read::new();
        read.entry(None).or_default();
        let mut only_strings = true;
        for (key, value) in $table {
            match value {
                Value::String(text) => {
                    read.entry(None)
                        .or_default()
                        .insert(key.clone(), text.clone());
                }
                Value::Table(table) => {
                    let pairs = read.entry(Some(key.clone())).or_default();
                    for (key, value) in table {
                        match value {
                            Value::String(text) => {
                                pairs.insert(key.clone(), text.clone());
                            }
                            _ => only_strings = false,
                        }
                    }
                }
                _ => only_strings = false,
            }
        }
        only_strings.then_some(read)
    }};
}

fuzz_target!(|data: &[u8]| {
    // The derive reads a file as UTF-8 first, and rejects what is not.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let read = parse(text);
    let toml_1_0 = text.parse::<toml_1_0::Table>();
    match read {
        Ok(document) => {
            let read = Some(ours(&document));
            let current = text.parse::<toml::Table>();
            let current = current.as_ref().ok().and_then(|t| theirs!(t, toml::Value));
            let toml_1_0 = toml_1_0
                .as_ref()
                .ok()
                .and_then(|t| theirs!(t, toml_1_0::Value));
            assert_eq!(
                read, toml_1_0,
                "toml 0.8 (TOML 1.0) reads {text:?} otherwise"
            );
            assert_eq!(
                read, current,
                "toml 1.x (TOML 1.1) reads {text:?} otherwise"
            );
        }
        Err(errors) => {
            assert!(!errors.is_empty());
            if toml_1_0.is_ok() {
                assert!(
                    errors.iter().all(|e| e.kind == Kind::Unsupported),
                    "{text:?} is TOML 1.0, and the reader says it is not: {errors:?}"
                );
            }
        }
    }
});
