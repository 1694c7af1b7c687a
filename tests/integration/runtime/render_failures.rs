//! Rendering never panics on user data. A details field whose `Serialize`
//! fails (a custom impl, a map with non-string keys), a message field whose
//! `Display` fails, a `Serialize` that answers differently each time it is
//! called or writes a key twice, and a custom format that writes invalid
//! JSON: `to_vec` returns an
//! error, and every response (`to_response`, axum, actix-web) falls back to
//! a valid body, in every format, with and without a context, HTML-safe or
//! not.

use crate::outputs;

use apierror::format::{Context, Format, Google};
use apierror::{ApiError, Render};
use outputs::{every_output, FORMATS};
use serde::ser::{Error as _, SerializeMap, Serializer};
use serde::Serialize;
use std::cell::Cell;
use std::collections::BTreeMap;
use std::fmt;

/// A value whose `Serialize` fails half-way through.
#[derive(Debug)]
pub struct Failing;

impl Serialize for Failing {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("half", &1)?;
        Err(S::Error::custom("this value cannot be serialized"))
    }
}

/// A value whose `Serialize` writes one key twice: JSON that parsers read
/// differently, so the render fails as for invalid JSON.
#[derive(Debug)]
pub struct Twice;

impl Serialize for Twice {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("half", &1)?;
        map.serialize_entry("half", &2)?;
        map.end()
    }
}

/// A value whose `Display` fails without its formatter failing.
#[derive(Debug)]
pub struct BadDisplay;

impl fmt::Display for BadDisplay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("partial")?;
        Err(fmt::Error)
    }
}

/// A string the first time it is serialized, a map after that.
#[derive(Debug, Default)]
pub struct Fickle {
    calls: Cell<u32>,
}

impl Serialize for Fickle {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let call = self.calls.get();
        self.calls.set(call + 1);
        if call.is_multiple_of(2) {
            serializer.serialize_str("first")
        } else {
            let mut map = serializer.serialize_map(Some(1))?;
            map.serialize_entry("then", "\"quoted\"")?;
            map.end()
        }
    }
}

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum Broken {
    #[status(422)]
    #[message("Invalid input")]
    Details { ok: u32, bad: Failing },

    /// The failing field first, a good one after it: the visit keeps the
    /// first error although the later call succeeds.
    #[status(422)]
    #[message("Invalid first")]
    First { bad: Failing, ok: u32 },

    #[status(400)]
    #[message("Bad keys")]
    Keys { map: BTreeMap<(u8, u8), u32> },

    #[status(500)]
    #[message("Broken {shown}")]
    Message {
        #[api_error(skip)]
        shown: BadDisplay,
    },

    #[status(409)]
    #[message("Both {shown}")]
    Both {
        #[api_error(skip)]
        shown: BadDisplay,
        bad: Failing,
    },

    #[status(422)]
    #[message("Ambiguous input")]
    Duplicate { ok: u32, nested: Vec<Twice> },

    #[status(429)]
    #[message("Fickle")]
    Fickle {
        value: Fickle,
        #[api_error(retry_after)]
        wait: u32,
    },
}

fn cases() -> Vec<fn() -> Broken> {
    vec![
        || Broken::Details {
            ok: 1,
            bad: Failing,
        },
        || Broken::First {
            bad: Failing,
            ok: 1,
        },
        || Broken::Keys {
            map: [((1, 2), 3)].into(),
        },
        || Broken::Message { shown: BadDisplay },
        || Broken::Duplicate {
            ok: 1,
            nested: vec![Twice],
        },
        || Broken::Both {
            shown: BadDisplay,
            bad: Failing,
        },
    ]
}

#[test]
fn failing_fields_never_panic_and_responses_fall_back() {
    for make in cases() {
        let error = make();
        for format in FORMATS.iter() {
            for context in outputs::contexts() {
                for html in [false, true] {
                    let mut render = Render::new(&error).format(format).context(context);
                    if html {
                        render = render.html_safe();
                    }
                    assert!(render.to_vec().is_err(), "{error:?} in {format:?}");
                    assert!(render.to_string().is_err());
                    assert!(render.to_writer(Vec::new()).is_err());
                }
            }
        }
        let outputs = every_output(make);
        // Every response: the error's status, valid JSON, and its code.
        let responses: Vec<_> = outputs
            .iter()
            .filter(|o| !o.path.ends_with("to_vec"))
            .collect();
        assert_eq!(responses.len(), crate::outputs::FORMATS.len() * 2 * 2 + 3);
        for output in responses {
            assert_eq!(output.status, error.status().as_u16(), "{}", output.path);
            let body = output.json();
            let text = body.to_string();
            // (The OpenAI style carries no code: its `type` and status instead.)
            let said = if output.path.starts_with("OpenAi") {
                body["error"]["code"] == error.status().as_u16()
            } else {
                text.contains(error.code())
            };
            assert!(said, "{}: {text}", output.path);
            // No half-written value, no half-written message.
            assert!(
                !text.contains("half") && !text.contains("partial"),
                "{}: {text}",
                output.path
            );
        }
    }
}

#[test]
fn fallbacks_keep_what_can_be_kept() {
    // Only the details fail: the message stays, the details go.
    let response = apierror::Render::new(&Broken::Details {
        ok: 1,
        bad: Failing,
    })
    .to_response();
    assert_eq!(
        std::str::from_utf8(response.body()).unwrap(),
        r#"{"error":{"code":"DETAILS","message":"Invalid input"}}"#
    );
    // The message fails: the status's reason phrase.
    let response = apierror::Render::new(&Broken::Message { shown: BadDisplay }).to_response();
    assert_eq!(
        std::str::from_utf8(response.body()).unwrap(),
        r#"{"error":{"code":"MESSAGE","message":"Internal Server Error"}}"#
    );
    // In the format chosen, with the context.
    let problem = apierror::format::Problem::new();
    let response = Render::new(&Broken::Both {
        shown: BadDisplay,
        bad: Failing,
    })
    .format(&problem)
    .context(Context::new().with_instance("/x"))
    .to_response();
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(response.body()).unwrap(),
        serde_json::json!({"type":"about:blank","title":"Conflict","status":409,"detail":"Conflict","instance":"/x","code":"BOTH"})
    );
}

#[test]
fn a_value_is_serialized_once_per_render() {
    for format in FORMATS.iter() {
        for html in [false, true] {
            let error = Broken::Fickle {
                value: Fickle::default(),
                wait: 3,
            };
            let mut render = Render::new(&error).format(format);
            if html {
                render = render.html_safe();
            }
            let body = render.to_vec().unwrap();
            let json: serde_json::Value = serde_json::from_slice(&body)
                .unwrap_or_else(|e| panic!("{format:?}: {e}: {}", String::from_utf8_lossy(&body)));
            let Broken::Fickle { value, .. } = &error else {
                unreachable!()
            };
            assert_eq!(value.calls.get(), 1, "{format:?} html={html}: {json}");
        }
    }
    // AIP-193 metadata: the one answer, as text.
    let error = Broken::Fickle {
        value: Fickle::default(),
        wait: 3,
    };
    let body = Render::new(&error)
        .format(&Google::new("api.example.com"))
        .to_string()
        .unwrap();
    assert!(
        body.contains(r#""metadata":{"value":"first","wait":"3"}"#),
        "{body}"
    );
    let Broken::Fickle { value, .. } = &error else {
        unreachable!()
    };
    value.calls.set(1);
    let body = Render::new(&error)
        .format(&Google::new("api.example.com"))
        .to_string()
        .unwrap();
    assert!(
        body.contains(r#""metadata":{"value":"{\"then\":\"\\\"quoted\\\"\"}","wait":"3"}"#),
        "{body}"
    );
    let _: serde_json::Value = serde_json::from_str(&body).unwrap();
}

/// A custom format that misuses serde: a key without its value.
struct KeyWithoutValue;

impl Format for KeyWithoutValue {
    fn media_type(&self) -> &'static str {
        "application/json"
    }

    fn serialize<E, S>(&self, error: &E, _: &Context<'_>, serializer: S) -> Result<S::Ok, S::Error>
    where
        E: ApiError + ?Sized,
        S: Serializer,
    {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_key(error.code())?;
        map.end()
    }
}

#[test]
fn a_custom_format_cannot_send_invalid_json() {
    let error = Broken::Details {
        ok: 1,
        bad: Failing,
    };
    let render = Render::new(&error).format(&KeyWithoutValue);
    let failure = render.to_vec().unwrap_err();
    assert!(failure.to_string().contains("invalid JSON"), "{failure}");
    assert!(render.html_safe().to_vec().is_err());
    // The response falls back to the standard format (a static message
    // cannot fail, and stays).
    let response = render.to_response();
    assert_eq!(response.status(), 422);
    assert_eq!(
        std::str::from_utf8(response.body()).unwrap(),
        r#"{"error":{"code":"DETAILS","message":"Invalid input"}}"#
    );
    // An interpolated message that fails: the reason phrase.
    let error = Broken::Both {
        shown: BadDisplay,
        bad: Failing,
    };
    let response = Render::new(&error).format(&KeyWithoutValue).to_response();
    assert_eq!(
        std::str::from_utf8(response.body()).unwrap(),
        r#"{"error":{"code":"BOTH","message":"Conflict"}}"#
    );
    // Through `to_writer`: the bytes up to the first invalid one, then the error.
    let mut out = Vec::new();
    assert!(Render::new(&Broken::Fickle {
        value: Default::default(),
        wait: 1
    })
    .format(&KeyWithoutValue)
    .to_writer(&mut out)
    .is_err());
    assert_eq!(out, br#"{"FICKLE""#);
}
