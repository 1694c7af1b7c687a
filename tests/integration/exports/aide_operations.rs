//! aide: a service documented by aide from its handlers, whose error type is
//! derived. The error responses are those the utoipa feature builds (one
//! generator), in aide's document, with the components they refer to.

use aide::axum::routing::get;
use aide::axum::ApiRouter;
use aide::openapi::{Info, OpenApi};
use apierror::ApiError;
use axum::Json;
use serde::Serialize;
use serde_json::{json, Value};

/// What a listing returns.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct Item {
    id: u64,
}

/// The page a listing was asked for.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Page {
    number: u32,
}

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", format = "problem")]
pub enum ItemError {
    /// No item has that id.
    #[status(404)]
    #[message("Item {id} not found")]
    ItemNotFound { id: u64 },
    #[status(416)]
    #[message("Page {} is past the end", .page.number)]
    PageOutOfRange { page: Page },
    #[status(429)]
    #[message("Slow down")]
    RateLimited {
        #[api_error(retry_after)]
        retry_after: u64,
    },
}

async fn item() -> Result<Json<Item>, ItemError> {
    Err(ItemError::ItemNotFound { id: 7 })
}

fn document() -> Value {
    let mut api = OpenApi {
        info: Info {
            title: "Items".into(),
            version: "1".into(),
            ..Info::default()
        },
        ..OpenApi::default()
    };
    let _router: axum::Router = ApiRouter::new()
        .api_route("/items", get(item))
        .finish_api(&mut api);
    serde_json::to_value(&api).unwrap()
}

#[test]
fn handlers_document_every_error_response_of_their_error_type() {
    let doc = document();
    let responses = &doc["paths"]["/items"]["get"]["responses"];
    for status in ["404", "416", "429"] {
        assert!(responses[status].is_object(), "{status}: {responses:#}");
    }
    let problem = &responses["404"]["content"]["application/problem+json"];
    assert_eq!(
        problem["examples"]["ITEM_NOT_FOUND"]["value"]["detail"],
        "Item 0 not found"
    );
    assert_eq!(
        problem["schema"]["properties"]["status"],
        json!({"type": "integer", "enum": [404]})
    );
    assert_eq!(
        responses["429"]["headers"]["Retry-After"]["schema"]["type"],
        "integer"
    );
    // The same responses the utoipa feature builds (aide writes headers'
    // default `style` out).
    let utoipa = serde_json::to_value(apierror::openapi::ErrorResponses::built_in(
        ItemError::CATALOG,
    ))
    .unwrap();
    for status in ["404", "416", "429"] {
        let mut aide = responses[status].clone();
        for header in aide["headers"].as_object_mut().unwrap().values_mut() {
            assert_eq!(header["style"], "simple");
            header.as_object_mut().unwrap().remove("style");
        }
        assert_eq!(aide, utoipa[status], "{status}");
    }
}

#[test]
fn components_of_the_details_are_registered() {
    let doc = document();
    let responses = &doc["paths"]["/items"]["get"]["responses"];
    let page =
        &responses["416"]["content"]["application/problem+json"]["schema"]["properties"]["page"];
    assert_eq!(page, &json!({"$ref": "#/components/schemas/Page"}));
    let schemas = &doc["components"]["schemas"];
    assert_eq!(schemas["Page"]["properties"]["number"]["type"], "integer");
    // aide's own schemas are there too.
    assert!(schemas["Item"].is_object(), "{schemas:#}");
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("apierror-openapi-aide.json");
    std::fs::write(path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
}
