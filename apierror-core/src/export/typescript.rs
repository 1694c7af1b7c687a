//! TypeScript declarations for a catalog's codes, details and bodies.

use crate::catalog::Catalog;

/// TypeScript declarations for `catalog` (being written).
pub fn typescript(catalog: &Catalog) -> String {
    let _ = catalog;
    String::new()
}
