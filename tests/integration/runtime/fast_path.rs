//! The built-in formats write their bodies with a byte writer of their own
//! (constant parts, the fields straight into the output), with or without a
//! request context; serde writes the same bodies through `Format::serialize`.
//! Both must be the same bytes, for every variant of every service catalog,
//! in every built-in format, with every kind of context, including request
//! ids and timestamps that need escaping.

use apierror::decode::Decode;
use apierror::format::{BuiltIn, Context, Problem};
use apierror::{ApiError, Render};

use crate::common;

use crate::services;
use services::{hexabase, k0rdent, llm_gateway, openchoreo, phala};

/// Every built-in format, and the `type` templates split in const eval and
/// the ones that are not: two `{code}`s, and characters that JSON escapes.
static FORMATS: std::sync::LazyLock<Vec<BuiltIn>> = std::sync::LazyLock::new(|| {
    let mut formats = crate::outputs::every_built_in("https://docs.example.com/errors/{code}");
    formats.extend([
        BuiltIn::Problem(Problem::with_type("urn:errors:{code}:{code}")),
        BuiltIn::Problem(Problem::with_type("https://x.example/\"{code}\"\t")),
    ]);
    formats
});

fn contexts() -> Vec<Context<'static>> {
    let ids = [
        "req_1",
        "quote \" and \\ backslash",
        "tab\tand\u{1}control",
        "réq ✓ \u{2028}",
    ];
    let times = ["2024-01-20T10:00:00Z", "not \"a\" time\n"];
    let mut out = vec![Context::new()];
    for id in ids {
        out.push(Context::new().with_request_id(id));
        out.push(
            Context::new()
                .with_request_id(id)
                .with_instance("/orders/\"7\""),
        );
        for time in times {
            out.push(Context::new().with_request_id(id).with_timestamp(time));
        }
    }
    for time in times {
        out.push(Context::new().with_timestamp(time));
    }
    out
}

fn agree<E: Decode + ApiError>() -> usize {
    let mut checked = 0;
    for (descriptor, error) in common::every_variant::<E>() {
        for format in FORMATS.iter() {
            for context in contexts() {
                let render = Render::new(&error).format(format).context(context);
                let fast = render.to_vec().unwrap();
                let serde = serde_json::to_vec(&render).unwrap();
                assert_eq!(
                    String::from_utf8_lossy(&fast),
                    String::from_utf8_lossy(&serde),
                    "{} in {format:?} with {context:?}",
                    descriptor.code()
                );
                serde_json::from_slice::<serde_json::Value>(&fast).unwrap();
                checked += 1;
            }
        }
    }
    checked
}

/// Texts the derive marks as needing JSON escaping (it computes the
/// plain-text flags the byte writer trusts): titles and static
/// messages with quotes, backslashes, control characters and `{{`.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(decode)]
enum Escaped {
    #[code("QUOTE")]
    #[status(409)]
    #[message("a \"quoted\" message")]
    #[api_error(title = "The \"title\"", kind = "quote_error")]
    Quote,
    #[code("CONTROL")]
    #[status(400)]
    #[message("tab\there, newline\nthere")]
    #[api_error(title = "tab\ttitle")]
    Control,
    #[code("BRACES")]
    #[status(422)]
    #[message("literal {{braces}} and \\")]
    Braces,
    #[code("PLAIN")]
    #[status(404)]
    #[message("Nothing to escape")]
    #[api_error(title = "Plain title")]
    Plain { id: u32 },
    #[code("FIELD")]
    #[status(400)]
    #[message("Field \"{name}\" is wrong")]
    #[api_error(title = "Bad \\ field")]
    Field { name: String },
}

#[test]
fn texts_that_need_escaping_are_escaped_by_both_writers() {
    assert_eq!(agree::<Escaped>(), 5 * FORMATS.len() * contexts().len());
    let body = Render::new(&Escaped::Quote)
        .format(&BuiltIn::Problem(Problem::new()))
        .to_vec()
        .unwrap();
    let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(body["title"], "The \"title\"");
    assert_eq!(body["detail"], "a \"quoted\" message");
    let body = Render::new(&Escaped::Braces).to_vec().unwrap();
    let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(body["error"]["message"], "literal {braces} and \\");
}

#[test]
fn the_byte_writer_and_serde_write_the_same_bodies() {
    let checked = agree::<phala::PhalaError>()
        + agree::<hexabase::HexabaseError>()
        + agree::<k0rdent::K0rdentError>()
        + agree::<llm_gateway::GatewayError>()
        + agree::<openchoreo::OpenChoreoError>();
    assert!(checked > 1000, "{checked}");
}
