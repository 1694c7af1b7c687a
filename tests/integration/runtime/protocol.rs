//! The protocol between the derive's generated code and the runtime stays
//! small: `__private` offers at most 30 names (re-exports counted by their
//! leaf names, its macros among them, plus the items defined there), and every name the
//! derive's code generation writes after `__private::` is one of them.
//! Read from the sources, nothing compiled.
//!
//! `cargo test -p apierror-tests --test runtime protocol`

use std::collections::BTreeSet;
use std::path::Path;

/// The most names `__private` may offer.
const MAX_NAMES: usize = 30;

fn workspace() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// The names a module's source offers: the leaves of its `pub use`
/// declarations (the module's own name for `self`, the new name for
/// `as`; read by the layer checker's parser), and its `pub` items. The `#[cfg(test)]` module is left out.
pub fn offered(source: &str) -> BTreeSet<String> {
    let source = match source.find("#[cfg(test)]\nmod tests") {
        Some(at) => &source[..at],
        None => source,
    };
    let mut names: BTreeSet<String> = super::layers::pub_use_names(source).into_iter().collect();
    // Items at the module's top level only (not an impl's associated items).
    for line in source.lines().filter(|line| line.starts_with("pub ")) {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.first() != Some(&"pub") {
            continue;
        }
        let kinds = [
            "fn", "struct", "enum", "trait", "const", "static", "mod", "type",
        ];
        let mut words = words[1..].iter();
        while let Some(word) = words.next() {
            if *word == "const" && words.clone().next() == Some(&"fn") {
                continue;
            }
            if kinds.contains(word) {
                if let Some(name) = words.next() {
                    let name: String = name
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    names.insert(name);
                }
                break;
            }
        }
    }
    names
}

/// The names written after `__private::` (or its `__ApierrorP` alias, or a
/// `#private` variable holding the path) in the derive's code generation.
fn used_by_the_derive() -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let dir = workspace().join("apierror-derive/src/expand");
    for entry in std::fs::read_dir(&dir).expect("the derive's expand/ folder") {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).expect("a source file");
            for marker in ["__private::", "__ApierrorP::", "#private::"] {
                for (at, _) in text.match_indices(marker) {
                    let after = text[at + marker.len()..].trim_start();
                    let name: String = after
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if !name.is_empty() {
                        names.insert(name);
                    }
                }
            }
        }
    }
    names
}

#[test]
fn the_protocol_offers_at_most_thirty_names() {
    let source = std::fs::read_to_string(workspace().join("apierror-core/src/private.rs"))
        .expect("apierror-core/src/private.rs");
    let offered = offered(&source);
    println!("__private offers {} names: {offered:?}", offered.len());
    assert!(
        offered.len() <= MAX_NAMES,
        "__private offers {} names, more than {MAX_NAMES}: {offered:?}",
        offered.len()
    );
    let used = used_by_the_derive();
    let unknown: Vec<&String> = used.difference(&offered).collect();
    assert!(
        unknown.is_empty(),
        "the derive writes names __private does not offer: {unknown:?}"
    );
    // What is offered and not written by the derive, for the reader.
    let unused: Vec<&String> = offered.difference(&used).collect();
    println!("offered, not written by the derive: {unused:?}");
}

#[test]
fn the_counter_counts_what_it_should() {
    let names = offered(
        "pub use crate::a::{self, B, c::D as E};\npub use {http, serde};\npub fn f() {}\npub const fn g() {}\npub trait T {}\nfn hidden() {}\nimpl T for () {\n    pub const C: u8 = 0;\n}\n#[cfg(test)]\nmod tests { pub fn not_counted() {} }",
    );
    let expected: BTreeSet<String> = ["a", "B", "E", "http", "serde", "f", "g", "T"]
        .into_iter()
        .map(String::from)
        .collect();
    assert_eq!(names, expected);
}
