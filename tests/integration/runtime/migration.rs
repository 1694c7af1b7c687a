//! Code written against the names of the previous release still compiles
//! (with a deprecation warning naming the new spelling) and does what it did.
#![allow(deprecated)]

use apierror::format::BuiltIn;
use apierror::{ApiError, Render};

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", format = "problem")]
enum ShopError {
    #[status(404)]
    #[message("Order {order} not found")]
    OrderNotFound { order: u32 },
}

const ERROR: ShopError = ShopError::OrderNotFound { order: 17 };

#[test]
fn the_envelope_module_is_the_format_module() {
    use apierror::envelope::{Context, Envelope, Standard};
    let old: &Envelope = ShopError::CATALOG.envelope();
    assert_eq!(old, ShopError::CATALOG.built_in());
    assert!(matches!(old, BuiltIn::Problem(_)));
    let context = Context::new().with_request_id("req_1");
    assert_eq!(
        Render::new(&ERROR)
            .format(&Standard)
            .context(context)
            .to_string()
            .unwrap(),
        Render::new(&ERROR)
            .format(&apierror::format::Standard)
            .context(context)
            .to_string()
            .unwrap()
    );
}

#[test]
fn the_json_functions_render_as_render_does() {
    let render = Render::new(&ERROR);
    assert_eq!(
        apierror::json::to_string(&ERROR).unwrap(),
        render.to_string().unwrap()
    );
    assert_eq!(
        apierror::json::to_vec(&ERROR).unwrap(),
        render.to_vec().unwrap()
    );
    let mut written = Vec::new();
    apierror::json::to_writer(&mut written, &ERROR).unwrap();
    assert_eq!(written, render.to_vec().unwrap());
}

#[test]
fn the_response_functions_answer_as_render_does() {
    let expected = Render::new(&ERROR).to_response();
    let old = apierror::response::to_response(&ERROR);
    assert_eq!(old.status(), expected.status());
    assert_eq!(old.headers(), expected.headers());
    assert_eq!(old.body(), expected.body());

    let axum = apierror::axum::into_response(&Render::new(&ERROR));
    assert_eq!(axum.status().as_u16(), 404);
    assert_eq!(axum.headers()["content-type"], "application/problem+json");

    let actix = apierror::actix::into_response(&Render::new(&ERROR));
    assert_eq!(actix.status().as_u16(), 404);
    assert_eq!(
        actix.headers().get("content-type").unwrap(),
        "application/problem+json"
    );
}

#[test]
fn moved_catalog_items_keep_their_old_names() {
    let descriptor = ERROR.descriptor();
    assert_eq!(descriptor.message(), descriptor.template());
    let old: apierror::Iter<'_> = ShopError::CATALOG.iter();
    assert_eq!(old.count(), 1);
    let problem = apierror::format::Problem::new();
    let render: apierror::envelope::Rendered<'_, ShopError, apierror::format::Problem> =
        Render::new(&ERROR).format(&problem);
    assert_eq!(
        serde_json::to_value(render).unwrap()["status"],
        serde_json::json!(404)
    );
}

#[test]
fn type_envelope_is_type_format() {
    use apierror::openapi::{ErrorResponses, TypeEnvelope, TypeFormat};
    use utoipa::IntoResponses;
    let old = <ErrorResponses<ShopError, TypeEnvelope> as IntoResponses>::responses();
    let new = <ErrorResponses<ShopError, TypeFormat> as IntoResponses>::responses();
    assert!(!new.is_empty());
    assert_eq!(
        serde_json::to_string(&old).unwrap(),
        serde_json::to_string(&new).unwrap()
    );
}
