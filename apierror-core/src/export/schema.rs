//! JSON Schema of the bodies a catalog's errors render to.

use crate::catalog::Catalog;
use crate::envelope::Envelope;

/// The JSON Schema of the bodies of `catalog` in `envelope` (being written).
pub fn json_schema(catalog: &Catalog, envelope: &Envelope) -> String {
    let _ = (catalog, envelope);
    String::new()
}
