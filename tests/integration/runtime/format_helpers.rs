//! The helpers a format of one's own writes its body with: `Details::lift`
//! in the order asked, `Details::lift_others`, `Only`, `Without`,
//! `Details::has`, and the validation list as typed data
//! (`Details::with_violations`), through two formats like real APIs': Stripe's error
//! object (members in alphabetical order) and JSON:API's `errors` list (one
//! error object per field error).

use apierror::fields::{Only, Without};
use apierror::format::{Context, Format};
use apierror::serde::ser::{SerializeMap, SerializeSeq, Serializer};
use apierror::serde::Serialize;
use apierror::{ApiError, Render, Violations};
use serde_json::json;

#[derive(Debug, ApiError)]
#[api_error(code = "snake_case", kind = "card_error")]
pub enum PaymentError {
    #[status(402)]
    #[message("Your card was declined")]
    CardDeclined {
        param: String,
        decline_code: String,
        attempt: u32,
        charge: Option<String>,
    },
    #[status(422)]
    #[message("The request is not valid")]
    Invalid {
        violations: Violations,
        form: String,
    },
}

fn declined(charge: Option<&str>) -> PaymentError {
    PaymentError::CardDeclined {
        param: "card_number".into(),
        decline_code: "insufficient_funds".into(),
        attempt: 2,
        charge: charge.map(str::to_owned),
    }
}

/// Stripe: `{"error":{"charge"?,"code","decline_code","message","param","type"}}`,
/// members in alphabetical order, the fields not named nested in `details`.
struct Stripe;

struct Object<'a, E: ?Sized>(&'a E);

impl<E: ApiError + ?Sized> Serialize for Object<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let error = self.0;
        let mut map = serializer.serialize_map(None)?;
        error.details().lift(&mut map, &["charge"])?;
        map.serialize_entry("code", error.code())?;
        error.details().lift(&mut map, &["decline_code"])?;
        let rest = Without::new(error, &["charge", "decline_code", "param"]);
        if !rest.is_empty() {
            map.serialize_entry("details", &rest)?;
        }
        map.serialize_entry("message", &error.message())?;
        error.details().lift(&mut map, &["param"])?;
        map.serialize_entry("type", error.descriptor().kind().unwrap_or("api_error"))?;
        map.end()
    }
}

impl Format for Stripe {
    fn media_type(&self) -> &'static str {
        "application/json"
    }

    fn serialize<E, S>(&self, error: &E, _: &Context<'_>, serializer: S) -> Result<S::Ok, S::Error>
    where
        E: ApiError + ?Sized,
        S: Serializer,
    {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry("error", &Object(error))?;
        map.end()
    }
}

#[test]
fn lift_writes_in_the_order_asked() {
    let body = Render::new(&declined(Some("ch_1")))
        .format(&Stripe)
        .to_string()
        .unwrap();
    assert_eq!(
        body,
        r#"{"error":{"charge":"ch_1","code":"card_declined","decline_code":"insufficient_funds","details":{"attempt":2},"message":"Your card was declined","param":"card_number","type":"card_error"}}"#
    );
    // A `None` field is no member.
    let body = Render::new(&declined(None))
        .format(&Stripe)
        .to_string()
        .unwrap();
    assert!(
        body.starts_with(r#"{"error":{"code":"card_declined","#),
        "{body}"
    );
    // One call, several keys: in the order of the keys, not of the fields.
    let mut out = Vec::new();
    let mut serializer = serde_json::Serializer::new(&mut out);
    let mut map = serializer.serialize_map(None).unwrap();
    declined(None)
        .details()
        .lift(&mut map, &["param", "attempt", "decline_code", "nope"])
        .unwrap();
    SerializeMap::end(map).unwrap();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        r#"{"param":"card_number","attempt":2,"decline_code":"insufficient_funds"}"#
    );
}

#[test]
fn only_without_and_lift_others_split_the_details() {
    let error = declined(Some("ch_1"));
    let keys = &["param", "charge"];
    assert_eq!(
        serde_json::to_value(Only::new(&error, keys)).unwrap(),
        json!({"param": "card_number", "charge": "ch_1"})
    );
    assert_eq!(Only::new(&error, keys).len(), 2);
    assert_eq!(Only::new(&declined(None), keys).len(), 1);
    assert!(Only::new(&error, &["nope"]).is_empty());
    assert_eq!(
        serde_json::to_value(Without::new(&error, keys)).unwrap(),
        json!({"decline_code": "insufficient_funds", "attempt": 2})
    );
    let mut out = Vec::new();
    let mut serializer = serde_json::Serializer::new(&mut out);
    let mut map = serializer.serialize_map(None).unwrap();
    map.serialize_entry("code", "card_declined").unwrap();
    error.details().lift_others(&mut map, keys).unwrap();
    SerializeMap::end(map).unwrap();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        r#"{"code":"card_declined","decline_code":"insufficient_funds","attempt":2}"#
    );
}

#[test]
fn has_says_which_fields_a_value_has() {
    assert!(declined(Some("ch_1")).details().has("charge"));
    assert!(!declined(None).details().has("charge"));
    assert!(declined(None).details().has("attempt"));
    assert!(!declined(None).details().has("nope"));
    let invalid = PaymentError::Invalid {
        violations: Violations::new(),
        form: "signup".into(),
    };
    assert!(invalid.details().has("violations") && invalid.details().has("form"));
}

/// JSON:API: `{"errors":[{"status","code","title","detail","source":{"pointer"}}]}`,
/// one object per field error, one for the error itself when it has none.
struct JsonApi;

struct Errors<'a, E: ?Sized>(&'a E);

impl<E: ApiError + ?Sized> Serialize for Errors<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let error = self.0;
        let status = error.status().as_u16().to_string();
        let mut list = serializer.serialize_seq(None)?;
        let written = error.details().with_violations(|violations| {
            for violation in violations {
                list.serialize_element(&json!({
                    "status": status,
                    "code": violation.code(),
                    "title": error.message().to_string(),
                    "detail": violation.message(),
                    "source": {"pointer": violation.pointer()},
                }))?;
            }
            Ok(())
        });
        match written {
            Some(result) => result?,
            None => list.serialize_element(&json!({
                "status": status,
                "code": error.code(),
                "title": error.message().to_string(),
            }))?,
        }
        list.end()
    }
}

impl Format for JsonApi {
    fn media_type(&self) -> &'static str {
        "application/vnd.api+json"
    }

    fn serialize<E, S>(&self, error: &E, _: &Context<'_>, serializer: S) -> Result<S::Ok, S::Error>
    where
        E: ApiError + ?Sized,
        S: Serializer,
    {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry("errors", &Errors(error))?;
        map.end()
    }
}

#[test]
fn a_format_reads_the_validation_list_as_typed_data() {
    let invalid = PaymentError::Invalid {
        violations: Violations::new()
            .with(
                "/data/attributes/email",
                "email",
                "must be an email address",
            )
            .with("/data/attributes/age", "range", "must be at least 18"),
        form: "signup".into(),
    };
    let body: serde_json::Value =
        serde_json::from_slice(&Render::new(&invalid).format(&JsonApi).to_vec().unwrap()).unwrap();
    assert_eq!(
        body,
        json!({"errors": [
            {"status": "422", "code": "email", "title": "The request is not valid",
             "detail": "must be an email address", "source": {"pointer": "/data/attributes/email"}},
            {"status": "422", "code": "range", "title": "The request is not valid",
             "detail": "must be at least 18", "source": {"pointer": "/data/attributes/age"}},
        ]})
    );
    let body: serde_json::Value = serde_json::from_slice(
        &Render::new(&declined(None))
            .format(&JsonApi)
            .to_vec()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        body,
        json!({"errors": [{"status": "402", "code": "card_declined", "title": "Your card was declined"}]})
    );
}

/// A visitor of one's own that fails is handed no field after its error,
/// and the visit returns that error (generated code visits every field and
/// keeps the first error: the runtime stops handing them over).
#[test]
fn a_detail_visitor_sees_no_field_after_its_error() {
    struct FailAt {
        at: &'static str,
        seen: Vec<String>,
    }
    impl apierror::fields::DetailVisitor for FailAt {
        type Error = String;
        fn field<T: Serialize + ?Sized>(&mut self, key: &str, _: &T) -> Result<(), String> {
            self.seen.push(key.to_owned());
            if key == self.at {
                return Err(format!("stopped at {key}"));
            }
            Ok(())
        }
    }
    let error = PaymentError::CardDeclined {
        param: "card".into(),
        decline_code: "insufficient_funds".into(),
        attempt: 2,
        charge: Some("ch_1".into()),
    };
    let mut visitor = FailAt {
        at: "decline_code",
        seen: Vec::new(),
    };
    assert_eq!(
        error.visit_details(&mut visitor),
        Err("stopped at decline_code".to_owned())
    );
    assert_eq!(visitor.seen, ["param", "decline_code"]);
    // Without a failure, every field, the `Some` option included.
    let mut visitor = FailAt {
        at: "none",
        seen: Vec::new(),
    };
    assert_eq!(error.visit_details(&mut visitor), Ok(()));
    assert_eq!(visitor.seen, ["param", "decline_code", "attempt", "charge"]);
}
