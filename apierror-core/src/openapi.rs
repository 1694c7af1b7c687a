//! OpenAPI responses for a catalog (the `utoipa` feature).
