//! A service error of 20 000 codes across 50 types. Its derive checks at
//! compile time that no code repeats across the types (a hash table filled
//! in constant evaluation); this crate compiling is the test that the check
//! stays within the compiler's constant-evaluation budget at that size.

use apierror::ApiError;

include!(concat!(env!("OUT_DIR"), "/catalog.rs"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_whole_catalog_is_there() {
        assert_eq!(Service::CATALOG.len(), CODES);
        assert_eq!(Service::Module50(Module50::V400).code(), "M50-0400");
        assert_eq!(
            Service::CATALOG.find("M17-0123").map(|d| d.variant()),
            Some("V123")
        );
    }
}
