//! Bodies are always valid JSON: arbitrary strings (control characters,
//! quotes, backslashes, U+2028/U+2029, astral-plane characters, `<>&`) in
//! details fields, interpolated messages and the request context give bodies
//! that parse with serde_json, in every format, and give back exactly the
//! input. HTML-safe bodies hold none of `<`, `>`, `&`, U+2028, U+2029 raw and
//! are the same JSON value.

use apierror::format::{BuiltIn, Context};
use apierror::{ApiError, Render};
use proptest::prelude::*;
use serde_json::{json, Value};

static FORMATS: std::sync::LazyLock<Vec<BuiltIn>> =
    std::sync::LazyLock::new(|| crate::outputs::every_built_in("api.example.com"));

#[derive(Debug, PartialEq, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", decode)]
pub enum Fuzz {
    #[status(422)]
    #[message("x {text} y")]
    Text {
        text: String,
        maybe: Option<String>,
        list: Vec<String>,
    },
    #[status(503)]
    #[message("{0}")]
    Bare(String),
    #[status(400)]
    #[message("a \"quoted\" <b>&amp;</b> \\ message\u{2028}")]
    Fixed { text: String },
}

/// Characters that need care in JSON or HTML, mixed with any character.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => any::<char>(),
        1 => (0u32..0x20).prop_map(|c| char::from_u32(c).unwrap()),
        2 => prop::sample::select(vec![
            '"', '\\', '/', '\n', '\r', '\t', '\0', '\u{7f}', '\u{80}', '\u{2028}', '\u{2029}',
            '<', '>', '&', '\'', '{', '}', '\u{feff}', '\u{fffd}', '\u{1F600}', '\u{10FFFF}',
            '\u{E000}', 'é',
        ]),
        2 => prop::char::range('a', 'z'),
    ]
}

fn tricky_string() -> impl Strategy<Value = String> {
    prop::collection::vec(tricky_char(), 0..24).prop_map(String::from_iter)
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Whether `body` holds `text` as one of its strings: wherever the format
/// puts the message, it is there, unchanged.
fn holds_text(body: &Value, text: &str) -> bool {
    match body {
        Value::String(s) => s == text,
        Value::Array(items) => items.iter().any(|item| holds_text(item, text)),
        Value::Object(map) => map.values().any(|item| holds_text(item, text)),
        _ => false,
    }
}

/// A decoder of each format's bodies, from the format's model: where each
/// format puts the details, whatever it is.
static DECODERS: std::sync::LazyLock<Vec<apierror::decode::Decoder<Fuzz>>> =
    std::sync::LazyLock::new(|| FORMATS.iter().map(apierror::decode::Decoder::new).collect());

/// `body` of the `index`th format, decoded back.
fn decoded(index: usize, body: &Value) -> Fuzz {
    match DECODERS[index].decode(body.to_string().as_bytes()) {
        Ok(apierror::decode::Decoded::Known(value)) => value,
        other => panic!("{:?}: {other:?} for {body}", FORMATS[index]),
    }
}

/// Renders `error` in every format with `context`, plainly and HTML-safe;
/// checks both parse, are the same value, and the HTML-safe one has no raw
/// unsafe character. Returns the parsed bodies.
fn render_all(error: &Fuzz, context: Context<'_>) -> Vec<(BuiltIn, Value)> {
    FORMATS
        .iter()
        .map(|format| {
            let render = Render::new(error).format(format).context(context);
            let body = render.to_string().unwrap();
            let value: Value = serde_json::from_str(&body)
                .unwrap_or_else(|e| panic!("{format:?}: invalid JSON ({e}): {body:?}"));
            assert_eq!(render.to_response().body(), body.as_bytes());

            let safe = render.html_safe();
            let html = safe.to_string().unwrap();
            assert!(
                !html.contains(['<', '>', '&', '\u{2028}', '\u{2029}']),
                "{format:?}: {html:?}"
            );
            let html_value: Value = serde_json::from_str(&html)
                .unwrap_or_else(|e| panic!("{format:?}: invalid HTML-safe JSON ({e}): {html:?}"));
            assert_eq!(html_value, value, "{format:?}");
            assert_eq!(safe.to_vec().unwrap(), html.as_bytes());
            let response = safe.to_response();
            assert_eq!(response.body(), html.as_bytes());
            assert_eq!(response.status(), error.status());
            (*format, value)
        })
        .collect()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn details_and_interpolated_messages_round_trip(
        text in tricky_string(),
        maybe in proptest::option::of(tricky_string()),
        list in prop::collection::vec(tricky_string(), 0..4),
    ) {
        let error = Fuzz::Text { text: text.clone(), maybe, list };
        for (index, (format, body)) in render_all(&error, Context::new()).into_iter().enumerate() {
            prop_assert!(holds_text(&body, &format!("x {text} y")), "{:?}: {}", format, body);
            prop_assert_eq!(&decoded(index, &body), &error, "{:?}", format);
        }
    }

    #[test]
    fn bare_interpolated_message_round_trips(message in tricky_string()) {
        let error = Fuzz::Bare(message.clone());
        for (format, body) in render_all(&error, Context::new()) {
            prop_assert!(holds_text(&body, &message), "{:?}: {}", format, body);
        }
    }

    #[test]
    fn context_strings_round_trip(
        request_id in tricky_string(),
        timestamp in tricky_string(),
        instance in tricky_string(),
        text in tricky_string(),
    ) {
        let error = Fuzz::Fixed { text: text.clone() };
        let context = Context::new()
            .with_request_id(&request_id)
            .with_timestamp(&timestamp)
            .with_instance(&instance);
        // A request id is kept trimmed, unless blank or too long.
        let kept = request_id.trim_ascii();
        let request_id = (!kept.is_empty() && kept.len() <= Context::MAX_REQUEST_ID)
            .then(|| kept.to_owned());
        prop_assert_eq!(context.request_id(), request_id.as_deref());
        for (index, (format, body)) in render_all(&error, context).into_iter().enumerate() {
            prop_assert!(
                holds_text(&body, "a \"quoted\" <b>&amp;</b> \\ message\u{2028}"),
                "{:?}: {}", format, body
            );
            prop_assert_eq!(&decoded(index, &body), &error);
            match format {
                BuiltIn::Standard(_) => {
                    prop_assert_eq!(&body["error"]["request_id"], &json!(request_id));
                    prop_assert_eq!(&body["meta"]["request_id"], &json!(request_id));
                    prop_assert_eq!(&body["meta"]["timestamp"], &json!(timestamp));
                }
                BuiltIn::Tagged(_) => prop_assert_eq!(&body["requestId"], &json!(request_id)),
                BuiltIn::Problem(_) => prop_assert_eq!(&body["instance"], &json!(instance)),
                _ => {}
            }
        }
    }
}

#[test]
fn html_safe_static_message_bypasses_the_fast_path() {
    // A static message with `<>&` is written as constant bytes by the fast
    // path; HTML-safe rendering must still escape it, in every format.
    let error = Fuzz::Fixed {
        text: "</script>".into(),
    };
    for format in FORMATS.iter() {
        for context in [Context::new(), Context::new().with_request_id("<&>")] {
            let render = Render::new(&error).format(format).context(context);
            let plain = render.to_string().unwrap();
            assert!(plain.contains("<b>&amp;</b>"), "{format:?}: {plain}");
            let html = render.html_safe().to_string().unwrap();
            assert!(
                html.contains(r"\u003cb\u003e\u0026amp;\u003c/b\u003e"),
                "{format:?}: {html}"
            );
            assert!(html.contains(r"\u2028"), "{format:?}: {html}");
            assert!(!html.contains(['<', '>', '&', '\u{2028}']));
            assert_eq!(
                serde_json::from_str::<Value>(&html).unwrap(),
                serde_json::from_str::<Value>(&plain).unwrap()
            );
        }
    }
    // The default is unchanged: not HTML-safe.
    assert!(Render::new(&error).to_string().unwrap().contains('<'));
}
