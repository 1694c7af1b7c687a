//! aide integration (the `aide` feature): derived errors implement
//! [`aide::OperationOutput`], so a handler that returns `Result<T, MyError>`
//! documents every error response of `MyError`, with the same statuses,
//! examples, schemas and headers as the [`openapi`](crate::openapi) module
//! builds for utoipa (one generator, two document models).
//!
//! The components the details refer to (your own types, from their
//! `utoipa::ToSchema`) are registered in the document's schemas through the
//! generator aide documents with.
//!
//! ```
//! use aide::openapi::OpenApi;
//! use apierror::ApiError;
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(code = "SCREAMING_SNAKE_CASE")]
//! pub enum OrderError {
//!     #[status(404)]
//!     #[message("Order {order} not found")]
//!     OrderNotFound { order: u64 },
//! }
//!
//! let responses = aide::generate::in_context(|ctx| {
//!     <OrderError as aide::OperationOutput>::inferred_responses(ctx, &mut Default::default())
//! });
//! let (status, response) = &responses[0];
//! assert_eq!(*status, Some(404));
//! let json = serde_json::to_value(response)?;
//! assert_eq!(json["content"]["application/json"]["examples"]["ORDER_NOT_FOUND"]["value"]["error"]["message"], "Order 0 not found");
//! # let _ = OpenApi::default();
//! # Ok::<(), serde_json::Error>(())
//! ```

use crate::catalog::Catalog;
use crate::error::ApiError;
use crate::format::{Format, FormatVisitor};
use aide::generate::GenContext;
use aide::openapi::Response;

/// The responses of `E` in its type's format, for
/// [`OperationOutput::inferred_responses`](aide::OperationOutput::inferred_responses);
/// the derived impls call it. The components they refer to are added to
/// the generator's definitions.
pub fn inferred_responses<E: ApiError + ?Sized>(
    ctx: &mut GenContext,
) -> Vec<(Option<u16>, Response)> {
    struct Build(&'static Catalog);
    impl FormatVisitor for Build {
        type Output = (
            utoipa::openapi::Responses,
            crate::openapi::probe::Components,
        );
        fn visit<F: Format + ?Sized>(self, format: &F) -> Self::Output {
            crate::openapi::responses_and_schemas(self.0, format)
        }
    }
    let (responses, components) = E::__with_format(Build(E::CATALOG));
    let definitions = ctx.schema.definitions_mut();
    for (name, schema) in components {
        if let (false, Ok(value)) = (
            definitions.contains_key(&name),
            serde_json::to_value(&schema),
        ) {
            definitions.insert(name, value);
        }
    }
    responses
        .responses
        .into_iter()
        .filter_map(|(status, response)| {
            // The same OpenAPI 3.1 JSON in aide's types.
            let value = serde_json::to_value(&response).ok()?;
            let response: Response = serde_json::from_value(value).ok()?;
            Some((status.parse().ok(), response))
        })
        .collect()
}
