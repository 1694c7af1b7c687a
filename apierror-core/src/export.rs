//! Catalog export: a Markdown reference and a JSON catalog.
