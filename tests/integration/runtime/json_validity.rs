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

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
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

/// The public message in a parsed body of `format`.
fn message_of<'v>(format: &BuiltIn, body: &'v Value) -> &'v str {
    let message = match format {
        BuiltIn::Problem(_) => &body["detail"],
        _ => &body["error"]["message"],
    };
    message
        .as_str()
        .unwrap_or_else(|| panic!("no message in {body}"))
}

/// The details in a parsed body of `format`, as their JSON values.
fn details_of(format: &BuiltIn, body: &Value) -> Value {
    match format {
        BuiltIn::Problem(_) => {
            let mut members = body.as_object().unwrap().clone();
            for key in apierror::format::problem::RESERVED {
                members.remove(*key);
            }
            Value::Object(members)
        }
        BuiltIn::Google(_) => {
            // AIP-193 metadata values are strings: a string as itself,
            // anything else as its compact JSON.
            let metadata = body["error"]["details"][0]["metadata"].as_object().unwrap();
            let values = metadata
                .iter()
                .map(|(key, text)| {
                    let text = text.as_str().unwrap();
                    let value = match key.as_str() {
                        "list" => serde_json::from_str(text).unwrap(),
                        _ => Value::String(text.to_owned()),
                    };
                    (key.clone(), value)
                })
                .collect();
            Value::Object(values)
        }
        _ => body["error"]["details"].clone(),
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
        let error = Fuzz::Text { text: text.clone(), maybe: maybe.clone(), list: list.clone() };
        let mut expected = json!({"text": text, "list": list});
        if let Some(maybe) = &maybe {
            expected["maybe"] = json!(maybe);
        }
        for (format, body) in render_all(&error, Context::new()) {
            prop_assert_eq!(message_of(&format, &body), format!("x {text} y"));
            prop_assert_eq!(details_of(&format, &body), expected.clone(), "{:?}", format);
        }
    }

    #[test]
    fn bare_interpolated_message_round_trips(message in tricky_string()) {
        let error = Fuzz::Bare(message.clone());
        for (format, body) in render_all(&error, Context::new()) {
            prop_assert_eq!(message_of(&format, &body), message.as_str());
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
        for (format, body) in render_all(&error, context) {
            prop_assert_eq!(
                message_of(&format, &body),
                "a \"quoted\" <b>&amp;</b> \\ message\u{2028}"
            );
            prop_assert_eq!(details_of(&format, &body), json!({"text": text}));
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
