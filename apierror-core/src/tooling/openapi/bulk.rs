//! The `207 Multi-Status` body of [`Bulk`](crate::Bulk), described.

use super::field::any_value;
use super::infer::Print;
use super::probe::Components;
use super::response::Variant;
use crate::catalog::Catalog;
use crate::error::ApiError;
use crate::format::Standard;
use std::collections::BTreeMap;
use std::marker::PhantomData;
use utoipa::openapi::content::ContentBuilder;
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, OneOfBuilder, Schema, Type};
use utoipa::openapi::RefOr;

/// The `207` response of a [`Bulk`](crate::Bulk) of `E`'s errors, for
/// `#[utoipa::path(responses(BulkResponses<MyError>))]`; without the macro,
/// [`BulkResponses::of`] builds it for any catalog.
pub struct BulkResponses<E> {
    _type: PhantomData<fn() -> E>,
}

/// Without the macro: the response of any catalog. The `()` stands for no
/// error type: the catalog is an argument (`BulkResponses::of(MyError::CATALOG)`).
impl BulkResponses<()> {
    /// The `207 Multi-Status` response a [`Bulk`](crate::Bulk) of `catalog`'s
    /// errors sends: `{"success": true, "results": [...]}`, each result either
    /// `{"id", "success": true, "status": 2xx, "data"}` or
    /// `{"id", "success": false, "status", "error"}` whose `error` is the
    /// standard format's error object of one of the catalog's codes.
    ///
    /// ```
    /// use apierror::openapi::BulkResponses;
    /// use apierror::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(code = "SCREAMING_SNAKE_CASE")]
    /// pub enum ServerError {
    ///     #[status(404)]
    ///     #[message("Resource not found")]
    ///     NotFound,
    ///     #[status(409)]
    ///     #[message("Invalid state transition")]
    ///     InvalidStateTransition { from: String, to: String },
    /// }
    ///
    /// let response = BulkResponses::of(ServerError::CATALOG);
    /// let json = serde_json::to_value(&response)?;
    /// let schema = &json["content"]["application/json"]["schema"];
    /// assert_eq!(schema["properties"]["success"]["enum"], serde_json::json!([true]));
    /// let failure = &schema["properties"]["results"]["items"]["oneOf"][1];
    /// assert_eq!(failure["properties"]["success"]["enum"], serde_json::json!([false]));
    /// assert_eq!(failure["properties"]["status"]["enum"], serde_json::json!([404, 409]));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn of(catalog: &Catalog) -> Response {
        let mut components = Components::new();
        let variants: Vec<Variant> = crate::body::model(catalog, &Standard)
            .into_iter()
            .map(|model| Variant::new(model, &Standard, &mut components))
            .collect();
        // One branch per distinct error object, titled with its codes.
        let mut groups: Vec<(&crate::body::Node, &Variant, Vec<&'static str>)> = Vec::new();
        let mut statuses: Vec<u16> = Vec::new();
        for variant in &variants {
            let status = variant.descriptor.status().as_u16();
            if !statuses.contains(&status) {
                statuses.push(status);
            }
            let Some(error) = variant.body().and_then(|s| s.member("error")) else {
                continue;
            };
            let code = variant.descriptor.code();
            match groups
                .iter_mut()
                .find(|(node, first, _)| *node == error && first.fields_alike(variant))
            {
                Some((_, _, codes)) => codes.push(code),
                None => groups.push((error, variant, vec![code])),
            }
        }
        statuses.sort_unstable();
        let print = |node, variant: &Variant, codes: &[&'static str]| {
            Print {
                codes,
                status: 0,
                fields: &variant.fields,
            }
            .schema(node)
        };
        let error: RefOr<Schema> = match groups.as_slice() {
            [(node, variant, codes)] => RefOr::T(print(node, variant, codes)),
            _ => {
                let mut one_of = OneOfBuilder::new();
                for (node, variant, codes) in &groups {
                    let mut schema = print(node, variant, codes);
                    if let Schema::Object(object) = &mut schema {
                        object.title = Some(codes.join(", "));
                    }
                    one_of = one_of.item(schema);
                }
                RefOr::T(one_of.build().into())
            }
        };
        let constant = |value: bool| {
            ObjectBuilder::new()
                .schema_type(Type::Boolean)
                .enum_values(Some([value]))
        };
        let described = |text: &str| {
            let mut schema = any_value();
            if let Schema::Object(object) = &mut schema {
                object.description = Some(text.to_owned());
            }
            schema
        };
        let id = described("The item's id, as the service names it.");
        let success = ObjectBuilder::new()
            .title(Some("Success"))
            .schema_type(Type::Object)
            .property("id", id.clone())
            .property("success", constant(true))
            .property(
                "status",
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .minimum(Some(200))
                    .maximum(Some(299)),
            )
            .property("data", described("The item's result."))
            .required("id")
            .required("success")
            .required("status")
            .required("data");
        let failure = ObjectBuilder::new()
            .title(Some("Failure"))
            .schema_type(Type::Object)
            .property("id", id)
            .property("success", constant(false))
            .property(
                "status",
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .enum_values(Some(statuses.iter().copied())),
            )
            .property("error", error)
            .required("id")
            .required("success")
            .required("status")
            .required("error");
        let schema = ObjectBuilder::new()
            .schema_type(Type::Object)
            .property("success", constant(true))
            .property(
                "results",
                ArrayBuilder::new().items(OneOfBuilder::new().item(success).item(failure)),
            )
            .required("success")
            .required("results");
        let mut content = ContentBuilder::new().schema(Some(schema));
        if let Some(first) = variants.iter().find_map(|v| {
            let example = v.example.as_ref()?;
            Some((
                v.descriptor.status().as_u16(),
                example.get("error")?.clone(),
            ))
        }) {
            content = content.example(Some(serde_json::json!({
                "success": true,
                "results": [
                    {"id": "item-1", "success": true, "status": 200, "data": {}},
                    {"id": "item-2", "success": false, "status": first.0, "error": first.1},
                ]
            })));
        }
        ResponseBuilder::new()
            .description(
                "Multi-Status: one result per item of the batch, in order; a failed item \
                 carries its error object.",
            )
            .content(Standard::MEDIA_TYPE, content.build())
            .build()
    }
}

impl<E: ApiError> utoipa::IntoResponses for BulkResponses<E> {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        BTreeMap::from([("207".to_owned(), RefOr::T(BulkResponses::of(E::CATALOG)))])
    }
}

/// The `207 Multi-Status` response a [`Bulk`](crate::Bulk) of `catalog`'s
/// errors sends.
#[doc(hidden)]
#[deprecated(
    since = "0.1.0",
    note = "moved to `apierror::openapi::BulkResponses::of`"
)]
pub fn bulk_response(catalog: &Catalog) -> Response {
    BulkResponses::of(catalog)
}
