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

/// The free functions and constants that became associated items of the
/// type they describe answer as the new paths do.
#[test]
fn free_items_moved_into_their_types_keep_their_old_paths() {
    use apierror::format::{Context, Google, OpenAi, Problem};
    use apierror::grpc::Grpc;
    use apierror::response::Reserved;
    use apierror::Violations;

    // gRPC.
    assert_eq!(apierror::grpc::CODES, Grpc::CODES);
    assert_eq!(apierror::grpc::MAX_MESSAGE, Grpc::MAX_MESSAGE);
    assert_eq!(apierror::grpc::MAX_TEXT, Grpc::MAX_TEXT);
    assert_eq!(apierror::grpc::MAX_METADATA_BYTES, Grpc::MAX_METADATA_BYTES);
    assert_eq!(
        apierror::grpc::MAX_VIOLATIONS_BYTES,
        Grpc::MAX_VIOLATIONS_BYTES
    );
    assert_eq!(apierror::grpc::TRUNCATED, Grpc::TRUNCATED);
    assert_eq!(apierror::grpc::code(&ERROR), Grpc::code(&ERROR));
    assert_eq!(
        apierror::grpc::http_status(tonic::Code::AlreadyExists),
        Grpc::http_status(tonic::Code::AlreadyExists)
    );
    assert_eq!(apierror::grpc::domain(&ERROR), Grpc::domain_of(&ERROR));
    let mut metadata = tonic::metadata::MetadataMap::new();
    metadata.insert("accept-language", "fr".parse().unwrap());
    assert_eq!(
        apierror::grpc::accept_language(&metadata),
        Grpc::accept_language(&metadata)
    );
    let old = apierror::grpc::status(&ERROR);
    let new = Grpc::status_of(&ERROR);
    assert_eq!(old.code(), new.code());
    assert_eq!(old.message(), new.message());
    assert_eq!(old.details(), new.details());
    #[derive(Debug, PartialEq, ApiError)]
    #[api_error(decode, code = "SCREAMING_SNAKE_CASE")]
    enum Decodable {
        #[status(404)]
        #[message("Order {order} not found")]
        OrderNotFound { order: u32 },
    }
    let status = Grpc::status_of(&Decodable::OrderNotFound { order: 17 });
    assert_eq!(
        apierror::grpc::decode_status::<Decodable>(&status).unwrap(),
        Grpc::decode_status::<Decodable>(&status).unwrap()
    );

    // The formats' helpers.
    assert_eq!(apierror::format::google::RPC_CODES, Google::RPC_CODES);
    for status in [400, 409, 418, 503] {
        assert_eq!(
            apierror::format::google::rpc_code(status),
            Google::rpc_code_of(status)
        );
    }
    assert_eq!(
        apierror::format::openai::error_type(&ERROR),
        OpenAi::error_type(&ERROR)
    );
    assert_eq!(
        apierror::format::openai::descriptor_type(ERROR.descriptor()),
        OpenAi::descriptor_type(ERROR.descriptor())
    );
    assert_eq!(apierror::format::problem::RESERVED, Problem::RESERVED);
    assert_eq!(
        apierror::format::problem::title(&ERROR),
        Problem::title(&ERROR)
    );

    // Response headers, violations, the request's language.
    assert_eq!(apierror::response::RESERVED_HEADERS, Reserved::HEADERS);
    for name in ["Set-Cookie", "access-control-max-age", "x-shop-code"] {
        assert_eq!(apierror::response::reserved(name), Reserved::of(name));
    }
    assert_eq!(apierror::violations::TRUNCATED, Violations::TRUNCATED);
    assert_eq!(
        apierror::locale::MAX_ACCEPT_LANGUAGE,
        Context::MAX_ACCEPT_LANGUAGE
    );

    // actix-web's config error handlers: each old one fits its config and
    // answers as `rejection` does.
    use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError, UrlencodedError};
    use actix_web::web;
    use apierror::actix::rejection;
    use apierror::RequestError;
    let _ = web::JsonConfig::default().error_handler(apierror::actix::json_error::<RequestError>);
    let _ = web::PathConfig::default().error_handler(apierror::actix::path_error::<RequestError>);
    let _ = web::QueryConfig::default().error_handler(apierror::actix::query_error::<RequestError>);
    let _ = web::FormConfig::default().error_handler(apierror::actix::form_error::<RequestError>);
    let request = actix_web::test::TestRequest::default().to_http_request();
    let answer = |error: actix_web::Error| {
        let response = error.as_response_error();
        (response.status_code(), response.to_string())
    };
    assert_eq!(
        answer(apierror::actix::json_error::<RequestError>(
            JsonPayloadError::ContentType,
            &request
        )),
        answer(rejection::<RequestError, _>(
            JsonPayloadError::ContentType,
            &request
        ))
    );
    let path = || PathError::Deserialize(serde::de::Error::custom("not a number"));
    assert_eq!(
        answer(apierror::actix::path_error::<RequestError>(
            path(),
            &request
        )),
        answer(rejection::<RequestError, _>(path(), &request))
    );
    let query = || QueryPayloadError::Deserialize(serde::de::Error::custom("no limit"));
    assert_eq!(
        answer(apierror::actix::query_error::<RequestError>(
            query(),
            &request
        )),
        answer(rejection::<RequestError, _>(query(), &request))
    );
    assert_eq!(
        answer(apierror::actix::form_error::<RequestError>(
            UrlencodedError::Chunked,
            &request
        )),
        answer(rejection::<RequestError, _>(
            UrlencodedError::Chunked,
            &request
        ))
    );
}

/// The tooling's free functions and constants that became associated items
/// (decoding with limits, the update variables, the request's language)
/// answer as the new paths do.
#[test]
fn tooling_items_moved_into_their_types_keep_their_old_paths() {
    use crate::translated::ResourceError;
    use apierror::decode::{DecodeError, Decoded, Limits};
    use apierror::format::Context;

    // Decoding with limits.
    let body = Render::new(&ResourceError::LimitExceeded {
        limit: 3,
        current: 4,
    })
    .to_vec()
    .unwrap();
    let small = Limits {
        max_size: 16,
        ..Limits::DEFAULT
    };
    let shallow = Limits {
        max_depth: 2,
        ..Limits::DEFAULT
    };
    let outcome = |result: Result<Decoded<ResourceError>, DecodeError>| format!("{result:?}");
    for limits in [Limits::DEFAULT, small, shallow] {
        assert_eq!(
            outcome(apierror::decode::decode_with_limits(&body, limits)),
            outcome(limits.decode(&body))
        );
        let response = apierror::http::Response::builder()
            .status(422)
            .body(body.clone())
            .unwrap();
        assert_eq!(
            outcome(apierror::decode::decode_response_with_limits(
                &response, limits
            )),
            outcome(limits.decode_response(&response))
        );
    }
    assert!(matches!(
        Limits::DEFAULT.decode::<ResourceError>(&body),
        Ok(Decoded::Known(ResourceError::LimitExceeded {
            limit: 3,
            ..
        }))
    ));

    // The variables that rewrite committed files.
    assert_eq!(
        apierror::export::UPDATE_VAR,
        apierror::export::JsonCatalog::UPDATE_VAR
    );
    assert_eq!(
        apierror::stability::UPDATE_ENV,
        apierror::stability::Drift::UPDATE_ENV
    );

    // The request's language.
    let error = ResourceError::LimitExceeded {
        limit: 3,
        current: 4,
    };
    for header in ["de-CH", "fr;q=0.4, de;q=0.9", "it", "*", "", "pt, fr;q=0.1"] {
        let context = Context::new().with_accept_language(header);
        assert_eq!(
            apierror::locale::negotiate(header, ["de", "fr"].into_iter(), "en"),
            context.negotiate(["de", "fr"].into_iter(), "en")
        );
        assert_eq!(
            apierror::locale::choose(&error, &context),
            error.descriptor().language_for(&context)
        );
    }
    assert_eq!(
        apierror::locale::choose(&error, &Context::new()),
        error.descriptor().language_for(&Context::new())
    );
    assert_eq!(
        apierror::locale::choose(&ERROR, &Context::new().with_accept_language("de")),
        None
    );
}

/// `export`'s functions, now associated functions of `Export`, answer as
/// the new paths do.
#[test]
fn export_functions_moved_into_export_keep_their_old_paths() {
    use crate::translated::ResourceError;
    use apierror::export::Export;
    use apierror::format::{Google, Problem};

    for catalog in [ShopError::CATALOG, ResourceError::CATALOG] {
        assert_eq!(
            apierror::export::markdown(catalog),
            Export::markdown(catalog)
        );
        assert_eq!(apierror::export::json(catalog), Export::json(catalog));
        assert_eq!(
            apierror::export::typescript(catalog),
            Export::typescript(catalog)
        );
        let google = Google::new("shop.example.com");
        assert_eq!(
            apierror::export::typescript_for(catalog, &google),
            Export::typescript_for(catalog, &google)
        );
        assert_eq!(
            apierror::export::json_schema(catalog, &Problem::new()),
            Export::json_schema(catalog, &Problem::new())
        );
    }
    assert_eq!(
        apierror::export::typescript_of::<ShopError>(),
        Export::typescript_of::<ShopError>()
    );
    assert_eq!(
        apierror::export::json_schema_of::<ResourceError>(),
        Export::json_schema_of::<ResourceError>()
    );

    // The committed catalog file: current for both paths, then stale for
    // both, with the same message.
    let dir = std::env::temp_dir().join(format!("apierror-migration-{}", std::process::id()));
    let path = dir.join("shop.json");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(&path, Export::json(ShopError::CATALOG) + "\n").unwrap();
    apierror::export::assert_catalog_file(ShopError::CATALOG, &path);
    Export::assert_catalog_file(ShopError::CATALOG, &path);
    std::fs::write(&path, "{}\n").unwrap();
    let stale = |old: bool| {
        let path = path.clone();
        std::panic::catch_unwind(move || {
            if old {
                apierror::export::assert_catalog_file(ShopError::CATALOG, &path)
            } else {
                Export::assert_catalog_file(ShopError::CATALOG, &path)
            }
        })
        .map_err(|panic| panic.downcast::<String>().map(|message| *message).ok())
    };
    // (Unless the tests run with `APIERROR_UPDATE=1`, which rewrites it.)
    if std::env::var_os(apierror::export::JsonCatalog::UPDATE_VAR).is_none() {
        let message = stale(true).unwrap_err();
        assert!(message.as_deref().is_some_and(|m| m.contains("is stale")));
        assert_eq!(message, stale(false).unwrap_err());
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `openapi`'s functions, now associated functions of `ErrorResponses`,
/// `ErrorSchemas` and `BulkResponses`, answer as the new paths do.
#[test]
fn openapi_functions_moved_into_their_types_keep_their_old_paths() {
    use crate::translated::ResourceError;
    use apierror::format::Problem;
    use apierror::openapi::utoipa::openapi::path::{HttpMethod, OperationBuilder, PathItem};
    use apierror::openapi::utoipa::openapi::{InfoBuilder, OpenApi, OpenApiBuilder, PathsBuilder};
    use apierror::openapi::{BulkResponses, ErrorResponses, ErrorSchemas};

    /// A page of a listing: a component the details refer to.
    #[derive(Debug, serde::Serialize, utoipa::ToSchema)]
    struct Page {
        number: u32,
    }

    #[derive(Debug, ApiError)]
    #[api_error(code = "SCREAMING_SNAKE_CASE")]
    enum ListError {
        #[status(416)]
        #[message("The page is past the end of the list")]
        PageOutOfRange { page: Page },
    }

    /// JSON text, for comparing utoipa's types (not all `PartialEq`).
    fn json<T: serde::Serialize>(value: &T) -> String {
        serde_json::to_string(value).unwrap()
    }
    for catalog in [
        ShopError::CATALOG,
        ResourceError::CATALOG,
        ListError::CATALOG,
    ] {
        let problem = Problem::new();
        assert_eq!(
            json(&apierror::openapi::responses(catalog, &problem)),
            json(&ErrorResponses::of(catalog, &problem))
        );
        assert_eq!(
            json(&apierror::openapi::default_responses(catalog)),
            json(&ErrorResponses::built_in(catalog))
        );
        assert_eq!(
            json(&apierror::openapi::schemas(catalog)),
            json(&ErrorSchemas::of(catalog))
        );
        assert_eq!(
            json(&apierror::openapi::bulk_response(catalog)),
            json(&BulkResponses::of(catalog))
        );

        // Merged into responses of one's own.
        let mut old = ErrorResponses::of(catalog, &problem);
        let mut new = old.clone();
        apierror::openapi::merge(&mut old, ErrorResponses::built_in(catalog));
        ErrorResponses::merge(&mut new, ErrorResponses::built_in(catalog));
        assert_eq!(json(&old), json(&new));

        // Added to a document's operation, and its components.
        let document = || {
            OpenApiBuilder::new()
                .info(InfoBuilder::new().title("Shop").version("1").build())
                .paths(PathsBuilder::new().path(
                    "/orders",
                    PathItem::new(HttpMethod::Get, OperationBuilder::new().build()),
                ))
                .build()
        };
        let (mut old, mut new): (OpenApi, OpenApi) = (document(), document());
        for path in ["/orders", "/missing"] {
            assert_eq!(
                apierror::openapi::add_to(
                    &mut old,
                    path,
                    HttpMethod::Get,
                    ErrorResponses::built_in(catalog)
                ),
                ErrorResponses::add_to(
                    &mut new,
                    path,
                    HttpMethod::Get,
                    ErrorResponses::built_in(catalog)
                )
            );
        }
        apierror::openapi::add_schemas(&mut old, catalog);
        ErrorSchemas::add_to(&mut new, catalog);
        assert_eq!(json(&old), json(&new));
    }
    assert!(!ErrorSchemas::of(ListError::CATALOG).is_empty());
    let past = ListError::PageOutOfRange {
        page: Page { number: 9 },
    };
    assert_eq!(past.status(), 416);
}

/// `stability`'s functions, now associated functions of `Drift`, answer as
/// the new paths do.
#[test]
fn stability_functions_moved_into_drift_keep_their_old_paths() {
    use apierror::stability::Drift;

    let dir = std::env::temp_dir().join(format!(
        "apierror-migration-stability-{}",
        std::process::id()
    ));
    let path = dir.join("shop.catalog");
    std::fs::create_dir_all(&dir).unwrap();
    let _ = std::fs::remove_file(&path);

    assert_eq!(
        apierror::stability::snapshot(ShopError::CATALOG),
        Drift::snapshot(ShopError::CATALOG)
    );
    // No snapshot yet: the same failure.
    assert_eq!(
        apierror::stability::check_with(ShopError::CATALOG, &path, false)
            .unwrap_err()
            .to_string(),
        Drift::check_with(ShopError::CATALOG, &path, false)
            .unwrap_err()
            .to_string()
    );
    // Written by the old path, current for the new one, and back.
    apierror::stability::check_with(ShopError::CATALOG, &path, true).unwrap();
    Drift::check(ShopError::CATALOG, &path).unwrap();
    Drift::check_with(ShopError::CATALOG, &path, true).unwrap();
    apierror::stability::check(ShopError::CATALOG, &path).unwrap();
    apierror::stability::assert_stable(ShopError::CATALOG, &path);
    Drift::assert_stable(ShopError::CATALOG, &path);

    // A changed status: the same report, and the same panic.
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace(" 404 ", " 410 ")).unwrap();
    let old = apierror::stability::check_with(ShopError::CATALOG, &path, false).unwrap_err();
    let new = Drift::check_with(ShopError::CATALOG, &path, false).unwrap_err();
    assert!(new.is_breaking());
    assert_eq!(old.to_string(), new.to_string());
    if std::env::var_os(Drift::UPDATE_ENV).is_none() {
        assert_eq!(
            apierror::stability::check(ShopError::CATALOG, &path)
                .unwrap_err()
                .to_string(),
            new.to_string()
        );
        let panic = |old: bool| {
            let path = path.clone();
            std::panic::catch_unwind(move || {
                if old {
                    apierror::stability::assert_stable(ShopError::CATALOG, &path)
                } else {
                    Drift::assert_stable(ShopError::CATALOG, &path)
                }
            })
            .unwrap_err()
            .downcast::<String>()
            .map(|message| *message)
            .ok()
        };
        assert_eq!(panic(true), Some(new.to_string()));
        assert_eq!(panic(false), Some(new.to_string()));
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `metrics`'s functions, now associated functions of `Series`, count as
/// the new paths do: each path on a recorder of its own, the scrapes
/// compared.
#[test]
fn metrics_functions_moved_into_series_keep_their_old_paths() {
    use apierror::metrics::{Series, Source};
    use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusRecorder};

    // Both alive at once, so that they are two recorders at two addresses
    // (`register` keeps counters by recorder).
    let old = PrometheusBuilder::new().build_recorder();
    let new = PrometheusBuilder::new().build_recorder();
    let scrape = |recorder: &PrometheusRecorder| {
        let mut lines: Vec<String> = recorder
            .handle()
            .render()
            .lines()
            .map(str::to_owned)
            .collect();
        lines.sort();
        lines
    };
    metrics::with_local_recorder(&old, || {
        apierror::metrics::register::<ShopError>(Source::Http);
        apierror::metrics::describe::<ShopError>();
    });
    metrics::with_local_recorder(&new, || {
        Series::register::<ShopError>(Source::Http);
        Series::describe::<ShopError>();
    });
    assert_eq!(scrape(&old), scrape(&new));
    assert!(scrape(&new)
        .iter()
        .any(|line| line.contains("ORDER_NOT_FOUND")));

    metrics::with_local_recorder(&old, || {
        apierror::metrics::record(&ERROR, Source::Http);
        apierror::metrics::record(&ERROR, Source::Bulk);
    });
    metrics::with_local_recorder(&new, || {
        Series::record(&ERROR, Source::Http);
        Series::record(&ERROR, Source::Bulk);
    });
    assert_eq!(scrape(&old), scrape(&new));
}

/// `decode::{decode, decode_response}`, now associated functions of the
/// `Decode` trait, answer as the new paths do.
#[test]
fn decode_functions_moved_into_the_decode_trait_keep_their_old_paths() {
    use crate::translated::ResourceError;
    use apierror::decode::{Decode, DecodeError, Decoded};

    let outcome = |result: Result<Decoded<ResourceError>, DecodeError>| format!("{result:?}");
    let known = Render::new(&ResourceError::LimitExceeded {
        limit: 3,
        current: 4,
    })
    .to_vec()
    .unwrap();
    let problem = Render::new(&ResourceError::LimitExceeded {
        limit: 3,
        current: 4,
    })
    .format(&apierror::format::Problem::new())
    .to_vec()
    .unwrap();
    let unknown = br#"{"error":{"code":"RESOURCE_ARCHIVED","message":"Archived"}}"#.to_vec();
    for body in [
        known,
        problem,
        unknown,
        b"not json".to_vec(),
        b"{}".to_vec(),
    ] {
        assert_eq!(
            outcome(apierror::decode::decode(&body)),
            outcome(ResourceError::decode(&body))
        );
        let response = apierror::http::Response::builder()
            .status(422)
            .body(body.clone())
            .unwrap();
        assert_eq!(
            outcome(apierror::decode::decode_response(&response)),
            outcome(ResourceError::decode_response(&response))
        );
    }
}

/// `fields::{lift, lift_others, has, with_violations}`, now methods of
/// `Details`, answer as the new paths do.
#[test]
fn fields_functions_moved_into_details_keep_their_old_paths() {
    use apierror::serde::ser::{SerializeMap, Serializer};
    use apierror::Violations;

    #[derive(Debug, ApiError)]
    #[api_error(code = "snake_case")]
    enum PaymentError {
        #[status(402)]
        #[message("Your card was declined")]
        CardDeclined {
            param: String,
            decline_code: String,
            charge: Option<String>,
        },
        #[status(422)]
        #[message("The request is not valid")]
        Invalid { violations: Violations },
    }

    let declined = PaymentError::CardDeclined {
        param: "card_number".into(),
        decline_code: "insufficient_funds".into(),
        charge: None,
    };
    let invalid = PaymentError::Invalid {
        violations: Violations::new().with("/email", "email", "must be an email address"),
    };
    type Map<'a> =
        serde_json::ser::Compound<'a, &'a mut Vec<u8>, serde_json::ser::CompactFormatter>;
    /// The entries `write` gives a map, as JSON.
    fn entries(write: impl FnOnce(&mut Map<'_>)) -> String {
        let mut out = Vec::new();
        let mut serializer = serde_json::Serializer::new(&mut out);
        let mut map = serializer.serialize_map(None).unwrap();
        write(&mut map);
        SerializeMap::end(map).unwrap();
        String::from_utf8(out).unwrap()
    }
    let keys = &["decline_code", "param", "charge", "nope"];
    for error in [&declined, &invalid] {
        assert_eq!(
            entries(|map| apierror::fields::lift(error, map, keys).unwrap()),
            entries(|map| error.details().lift(map, keys).unwrap())
        );
        assert_eq!(
            entries(|map| apierror::fields::lift_others(error, map, &["param"]).unwrap()),
            entries(|map| error.details().lift_others(map, &["param"]).unwrap())
        );
        for key in ["param", "charge", "violations", "nope"] {
            assert_eq!(apierror::fields::has(error, key), error.details().has(key));
        }
        let pointers = |list: &Violations| {
            list.iter()
                .map(|v| v.pointer().to_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            apierror::fields::with_violations(error, pointers),
            error.details().with_violations(pointers)
        );
    }
    assert_eq!(
        entries(|map| declined.details().lift(map, keys).unwrap()),
        r#"{"decline_code":"insufficient_funds","param":"card_number"}"#
    );
    assert_eq!(
        invalid.details().with_violations(|list| list.len()),
        Some(1)
    );
}

/// The constants that became associated constants of the type they
/// describe are the same values.
#[test]
fn constants_moved_into_their_types_keep_their_old_paths() {
    use apierror::format::{Context, Standard};

    assert_eq!(apierror::format::JSON, Standard::MEDIA_TYPE);
    assert_eq!(apierror::format::JSON, "application/json");
    assert_eq!(apierror::response::X_REQUEST_ID, Context::REQUEST_ID_HEADER);
    assert_eq!(
        Context::REQUEST_ID_HEADER.as_str(),
        Context::new().request_id_header()
    );
    let response = Render::new(&ERROR)
        .context(Context::new().with_request_id("req_1"))
        .to_response();
    assert_eq!(
        response.headers()[apierror::response::X_REQUEST_ID],
        "req_1"
    );
    assert_eq!(response.headers()[Context::REQUEST_ID_HEADER], "req_1");
}
