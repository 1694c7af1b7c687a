//! The shop service of `examples/service` on actix-web: the same error
//! type and format, the request context middleware, actix-web's extractor
//! failures, unmatched routes and methods in the same format, the logs of
//! what the bodies hide. (actix-web catches no panics.)
//!
//! ```text
//! cargo run -p example-service-actix
//! curl -i localhost:3000/orders/42 -H 'X-Request-Id: req_1'       # handler error, 404
//! curl -i localhost:3000/orders/500                               # 503 + Retry-After, cause logged
//! curl -i -X POST localhost:3000/orders -H 'Content-Type: application/json' -d '{"items":'   # bad JSON, 400
//! curl -i localhost:3000/orders/abc                               # bad path, 400
//! curl -i 'localhost:3000/search?limit=999'                       # bad query, 400
//! curl -i localhost:3000/nowhere                                  # no route, 404
//! curl -i -X DELETE localhost:3000/orders/17                      # wrong method, 405 + Allow
//! curl -i -X OPTIONS localhost:3000/search                        # 405 + Allow: GET, HEAD
//! curl -I localhost:3000/orders/42                                # HEAD where GET is (RFC 9110)
//! ```

#[path = "../../shop/mod.rs"]
mod shop;

use actix_web::{guard, web, App, HttpServer, Route};
use apierror::actix::{method_not_allowed, rejection, route_not_found, ContextMiddleware, Json};
use apierror::request::RequestContext;
use shop::ShopError;

/// `Json` reads the body as `web::Json` does (limit, content type, the
/// `JsonConfig` error handler), and a body of the wrong shape answers with
/// the path of the offending field, as on axum.
async fn create(Json(order, _): Json<shop::NewOrder, ShopError>) -> Result<String, ShopError> {
    shop::create(order)
}

async fn show(id: web::Path<u32>) -> Result<String, ShopError> {
    shop::show(id.into_inner())
}

async fn search(search: web::Query<shop::Search>) -> String {
    shop::search(search.into_inner())
}

/// A route for GET and HEAD: RFC 9110 asks for HEAD wherever GET is
/// allowed, and actix-web's `web::get()` takes GET only.
fn get_or_head() -> Route {
    web::route().guard(guard::Any(guard::Get()).or(guard::Head()))
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    tracing_subscriber::fmt()
        .with_target(false)
        .with_writer(std::io::stderr)
        .init();
    let server = HttpServer::new(|| {
        App::new()
            .wrap(ContextMiddleware::new(RequestContext::new()))
            .app_data(
                web::JsonConfig::default()
                    .limit(1024)
                    .error_handler(rejection::<ShopError, _>),
            )
            .app_data(web::PathConfig::default().error_handler(rejection::<ShopError, _>))
            .app_data(web::QueryConfig::default().error_handler(rejection::<ShopError, _>))
            .service(
                web::resource("/orders")
                    .route(web::post().to(create))
                    .default_service(web::to(method_not_allowed::<ShopError>("POST"))),
            )
            .service(
                web::resource("/orders/{id}")
                    .route(get_or_head().to(show))
                    .default_service(web::to(method_not_allowed::<ShopError>("GET, HEAD"))),
            )
            .service(
                web::resource("/search")
                    .route(get_or_head().to(search))
                    .default_service(web::to(method_not_allowed::<ShopError>("GET, HEAD"))),
            )
            .default_service(web::to(route_not_found::<ShopError>))
    })
    .workers(2)
    .bind(shop::addr("service_actix"))?;
    println!("listening on http://{}", server.addrs()[0]);
    server.run().await
}
