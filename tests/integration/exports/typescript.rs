//! TypeScript declarations and JSON Schemas, proven against what the formats
//! really render: every variant of every service catalog (and of a type made to
//! cover every kind of details field), in every built-in format, with and
//! without a request context.
//!
//! For each catalog, `target/tmp/typescript/<name>/` gets `catalog.d.ts`
//! ([`apierror::export::Export::typescript`]), `bodies.ts`, which assigns each
//! rendered body to a constant of its format's body type and each broken
//! body (wrong code, missing member, details of the wrong shape or type, a
//! member too many) to one under `// @ts-expect-error`, a `tsconfig.json`
//! for `tsc --strict --noEmit`, and a JSON Schema per format
//! ([`apierror::export::Export::json_schema`]) with `cases.json`, the same bodies
//! marked valid or not.
//!
//! The TypeScript compiler checks `bodies.ts` when it is installed (in
//! `target/tmp/node_modules/.bin/tsc`, as CI installs it, or on `PATH`), and
//! Python's `jsonschema` checks `cases.json`; each is skipped when missing,
//! unless `APIERROR_REQUIRE_TSC=1` or `APIERROR_REQUIRE_JSONSCHEMA=1`. A
//! validator of the keywords the schemas use checks the cases here in any
//! case.

use crate::formats::{AnyFormat, JsonApiLike, StatusLike, StripeLike};
use crate::translated::ResourceError;
use apierror::format::{BuiltIn, Context, Format, Google, Problem};
use apierror::{ApiError, Catalog, Render};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common;

use crate::services;
use services::{hexabase, k0rdent, llm_gateway, openchoreo, phala};

// ---------------------------------------------------------------------------
// A type with every kind of details field

/// A value whose JSON only its own `Serialize` knows: `unknown`.
#[derive(Debug, serde::Serialize)]
struct Custom {
    depth: u8,
}

/// Errors of a service with documentation URLs, composing one with its own
/// RFC 9457 `type` URLs.
#[derive(Debug, ApiError)]
#[api_error(
    code = "SCREAMING_SNAKE_CASE",
    doc_url = "https://docs.example.com/errors/{code:kebab-case}"
)]
enum Coverage {
    #[status(409)]
    #[message("Conflict on {name}")]
    Fields {
        name: String,
        hint: Option<String>,
        ratio: f64,
        tags: Vec<Option<u8>>,
        limits: std::collections::BTreeMap<String, u32>,
        pair: (String, bool),
        letter: char,
        flag: bool,
        raw: &'static str,
        nested: Option<Option<i64>>,
        wait: std::time::Duration,
        #[api_error(rename = "retry-after")]
        retry: u64,
        /// Named like a member of a problem: no extension member.
        status: u16,
        extra: Custom,
    },
    #[status(401)]
    #[message("Credentials rejected")]
    #[api_error(empty_details)]
    Empty,
    #[status(465)]
    #[message("Unregistered status")]
    Unregistered,
    /// Validation lists: one always there, one an `Option`, each next to
    /// another field; the formats place them themselves.
    #[status(422)]
    #[message("Invalid")]
    Invalid {
        form: String,
        checks: apierror::Violations,
    },
    #[status(400)]
    #[message("Maybe invalid")]
    MaybeInvalid {
        checks: Option<apierror::Violations>,
    },
    #[api_error(transparent)]
    Inner(Inner),
}

#[derive(Debug, ApiError)]
#[api_error(
    code = "SCREAMING_SNAKE_CASE",
    format = "problem",
    type_url = "https://inner.example.com/{code}"
)]
enum Inner {
    #[status(429)]
    #[message("Slow down")]
    #[api_error(kind = "slow_down")]
    SlowDown { seconds: u32 },
    #[status(503)]
    #[message("Maintenance")]
    Maintenance,
}

/// A Stripe-like catalog: fields a Stripe-like format lifts out of the
/// details, an `Option` one, a validation list, a retry hint, a 401.
#[derive(Debug, ApiError)]
#[api_error(code = "snake_case", kind = "card_error")]
enum Payment {
    #[status(402)]
    #[message("Your card was declined: {decline_code}")]
    CardDeclined {
        param: String,
        decline_code: String,
        attempt: u32,
        charge: Option<String>,
    },
    #[status(422)]
    #[message("The request is not valid")]
    #[api_error(kind = "invalid_request_error")]
    Invalid {
        violations: apierror::Violations,
        form: String,
    },
    #[status(429)]
    #[message("Too many requests")]
    RateLimited {
        #[api_error(retry_after)]
        retry_after: u64,
    },
    #[status(401)]
    #[message("No valid API key provided")]
    Unauthenticated,
}

fn payment_values() -> Vec<Payment> {
    let declined = |charge: Option<&str>| Payment::CardDeclined {
        param: "card_number".into(),
        decline_code: "insufficient_funds".into(),
        attempt: 2,
        charge: charge.map(Into::into),
    };
    vec![
        declined(Some("ch_1")),
        declined(None),
        Payment::Invalid {
            violations: apierror::Violations::new()
                .with(
                    "/data/attributes/email",
                    "email",
                    "must be an email address",
                )
                .with("/data/attributes/age", "range", "must be at least 18"),
            form: "signup".into(),
        },
        Payment::Invalid {
            violations: apierror::Violations::new(),
            form: "empty".into(),
        },
        Payment::RateLimited { retry_after: 30 },
        Payment::Unauthenticated,
    ]
}

fn translated_values() -> Vec<ResourceError> {
    vec![
        ResourceError::NotFound {
            resource_type: "volume".into(),
            resource_id: "vol-1".into(),
        },
        ResourceError::AlreadyExists {
            resource_type: "volume".into(),
            value: "data".into(),
            owner: "secret-owner".into(),
        },
        ResourceError::LimitExceeded {
            limit: 10,
            current: 12,
        },
        ResourceError::Invalid {
            violations: apierror::Violations::new().with("name", "required", "must not be empty"),
        },
        ResourceError::Quoted {
            name: "\"x\"".into(),
        },
    ]
}

fn coverage_values() -> Vec<Coverage> {
    let fields = |hint: Option<&str>, ratio: f64, nested: Option<Option<i64>>| Coverage::Fields {
        name: "db".into(),
        hint: hint.map(Into::into),
        ratio,
        tags: vec![Some(1), None],
        limits: [("cpu".to_owned(), 4)].into_iter().collect(),
        pair: ("a".into(), true),
        letter: 'x',
        flag: false,
        raw: "raw \"quoted\" */",
        nested,
        wait: std::time::Duration::from_millis(1500),
        retry: 30,
        status: 7,
        extra: Custom { depth: 2 },
    };
    vec![
        fields(Some("retry later"), 0.5, Some(Some(-3))),
        // `None` is left out, `Some(None)` is `null`, NaN is `null`.
        fields(None, f64::NAN, Some(None)),
        fields(None, f64::INFINITY, None),
        Coverage::Empty,
        Coverage::Unregistered,
        Coverage::Invalid {
            form: "signup".into(),
            checks: apierror::Violations::new()
                .with("email", "email", "must be an email address")
                .with("items[2].name", "length", "too long"),
        },
        Coverage::Invalid {
            form: "empty".into(),
            checks: apierror::Violations::new(),
        },
        Coverage::MaybeInvalid { checks: None },
        Coverage::MaybeInvalid {
            checks: Some(apierror::Violations::new().with("", "body", "no body")),
        },
        Coverage::Inner(Inner::SlowDown { seconds: 5 }),
        Coverage::Inner(Inner::Maintenance),
    ]
}

// ---------------------------------------------------------------------------
// Formats, renders and broken bodies

/// The built-in formats and three of the tests' own: (file stem, format).
pub(crate) fn formats(catalog: &Catalog) -> Vec<(&'static str, AnyFormat)> {
    // Every built-in format of the table the library and the derive share,
    // with and without its setting; file stems from their names.
    let mut formats: Vec<(&'static str, AnyFormat)> = Vec::new();
    for name in BuiltIn::NAMES {
        if let Some(format) = BuiltIn::from_name(name, None) {
            formats.push((name, AnyFormat::BuiltIn(format)));
        }
        let setting = match *name {
            "google" => "api.example.com",
            _ => "https://errors.example.com/{code}",
        };
        if let Some(format) = BuiltIn::from_name(name, Some(setting)) {
            let stem: &'static str = Box::leak(format!("{name}_set").into_boxed_str());
            formats.push((stem, AnyFormat::BuiltIn(format)));
        }
    }
    formats.extend([
        ("stripe", AnyFormat::Stripe(StripeLike)),
        ("jsonapi", AnyFormat::JsonApi(JsonApiLike)),
        ("status", AnyFormat::Status(StatusLike)),
        // The catalog's own format, as `typescript` declares it.
        ("own", AnyFormat::BuiltIn(*catalog.built_in())),
    ]);
    formats
}

fn contexts() -> [(&'static str, Context<'static>); 5] {
    [
        ("no context", Context::new()),
        ("in German", Context::new().with_accept_language("de")),
        (
            "in French with a request id",
            Context::new()
                .with_accept_language("fr")
                .with_request_id("req_fr"),
        ),
        (
            "timestamp",
            Context::new().with_timestamp("2024-01-20T10:00:00Z"),
        ),
        (
            "full context",
            Context::new()
                .with_request_id("req_123456")
                .with_timestamp("2024-01-20T10:00:00Z")
                .with_instance("/cvms/cvm-7f3a"),
        ),
    ]
}

/// One body to check: which format's type and schema it is for, whether it
/// is one the format renders (`valid`) or a broken one, and what it is.
struct Case {
    format: usize,
    status: u16,
    label: String,
    body: Value,
    valid: bool,
}

/// `error` in `format` with `context`, through the format's writer and
/// through serde, which must agree.
fn render<E: ApiError>(error: &E, format: &AnyFormat, context: Context<'_>) -> Value {
    let render = Render::new(error).format(format).context(context);
    let bytes = render.to_vec().expect("renders");
    let written: Value = serde_json::from_slice(&bytes).expect("rendered JSON parses");
    let serialized = serde_json::to_value(render).expect("serializes");
    assert_eq!(
        written,
        serialized,
        "{} in {format:?}: the writer and serde disagree",
        error.code()
    );
    written
}

/// The object where a body's code and details are: the error object, or the
/// problem itself.
fn error_object(body: &mut Value) -> &mut Value {
    if body.get("error").is_some() {
        &mut body["error"]
    } else {
        body
    }
}

/// The first details field of `d` to give a value of the wrong type: one
/// whose type is known (not `Custom`), present, and not left out of `object`.
fn known_field<'v>(
    d: &apierror::Descriptor,
    object: &'v mut serde_json::Map<String, Value>,
) -> Option<&'v mut Value> {
    let key = d
        .fields()
        .iter()
        .zip(d.field_types())
        .find(|(key, ty)| **ty != "Custom" && object.get(**key).is_some_and(|v| !v.is_null()))
        .map(|(key, _)| *key)?;
    object.get_mut(key)
}

/// Broken copies of a body in `stem`'s format: each must be rejected.
fn broken(
    catalog: &Catalog,
    stem: &str,
    body: &Value,
    d: &apierror::Descriptor,
) -> Vec<(&'static str, Value)> {
    let mut out = Vec::new();
    let mut with = |what: &'static str, change: &dyn Fn(&mut Value) -> bool| {
        let mut copy = body.clone();
        if change(&mut copy) {
            out.push((what, copy));
        }
    };
    let mistype = |value: Option<&mut Value>| match value {
        Some(value) => {
            *value = match value {
                Value::String(_) => json!(12345),
                _ => json!("mistyped"),
            };
            true
        }
        None => false,
    };
    with("a code of no variant", &|b| match stem {
        "openai" => {
            b["error"]["type"] = json!("not_a_type");
            true
        }
        _ => replace_string(b, d.code(), "NOT_A_CODE"),
    });
    with("no message", &|b| {
        if stem == "jsonapi" {
            return b["errors"]
                .get_mut(0)
                .and_then(Value::as_object_mut)
                .is_some_and(|error| error.remove("title").is_some());
        }
        let object = error_object(b).as_object_mut().unwrap();
        object
            .remove("message")
            .or_else(|| object.remove("detail"))
            .is_some()
    });
    with("a member too many", &|b| {
        b.as_object_mut()
            .unwrap()
            .insert("unexpected".into(), json!(true));
        true
    });
    with("another status", &|b| {
        let status = match stem {
            "problem" | "problem_set" => b.get_mut("status"),
            "openai" | "google_set" => b["error"].get_mut("code"),
            "status" => b.get_mut("code"),
            _ => None,
        };
        match status {
            Some(status) => {
                *status = json!(599);
                true
            }
            None => false,
        }
    });
    match stem {
        "google_set" => {
            with("metadata added or left out", &|b| {
                let info = b["error"]["details"][0].as_object_mut().unwrap();
                if info.remove("metadata").is_none() {
                    info.insert("metadata".into(), json!({"unexpected": "1"}));
                }
                true
            });
            with("a metadata value not a string", &|b| {
                let metadata = b["error"]["details"][0]["metadata"].as_object_mut();
                match metadata.and_then(|m| m.values_mut().next()) {
                    Some(value) => {
                        *value = json!(1);
                        true
                    }
                    None => false,
                }
            });
        }
        "problem" | "problem_set" => {
            with("an extension member of the wrong type", &|b| {
                let reserved = apierror::format::Problem::RESERVED;
                let object = b.as_object_mut().unwrap();
                let Some((key, _)) = d.fields().iter().zip(d.field_types()).find(|(key, ty)| {
                    !reserved.contains(key)
                        && **ty != "Custom"
                        && object.get(**key).is_some_and(|v| !v.is_null())
                }) else {
                    return false;
                };
                mistype(object.get_mut(*key))
            });
        }
        "jsonapi" | "status" => {}
        _ => {
            // An OpenAI-style body has no code: without its details, or with
            // them, it may be that of another code of the same status and type.
            let kind = apierror::format::OpenAi::descriptor_type;
            let twin = catalog.iter().any(|o| {
                o.status() == d.status() && kind(o) == kind(d) && o.has_details() != d.has_details()
            });
            // A Stripe-like body leaves out details that are all `None`.
            if !(stem == "openai" && twin) && stem != "stripe" {
                with("details added or left out", &|b| {
                    let object = error_object(b).as_object_mut().unwrap();
                    if object.remove("details").is_none() {
                        object.insert("details".into(), json!({}));
                    }
                    true
                });
            }
            if d.has_details() {
                with("a details key of no field", &|b| {
                    error_object(b)["details"]["unexpected"] = json!(1);
                    true
                });
                with(
                    "a details field of the wrong type",
                    &|b| match error_object(b)["details"].as_object_mut() {
                        Some(details) => mistype(known_field(d, details)),
                        None => false,
                    },
                );
            }
        }
    }
    if stem == "standard" && body.get("meta").is_some() {
        with("a meta member too many", &|b| {
            b["meta"]["unexpected"] = json!(1);
            true
        });
    }
    out
}

/// `value` with the first string equal to `from` (depth first) replaced.
fn replace_string(value: &mut Value, from: &str, to: &str) -> bool {
    match value {
        Value::String(s) if s == from => {
            *s = to.to_owned();
            true
        }
        Value::Array(items) => items.iter_mut().any(|item| replace_string(item, from, to)),
        Value::Object(map) => map.values_mut().any(|item| replace_string(item, from, to)),
        _ => false,
    }
}

/// Every case of `values` in every format and context: each body a format
/// renders once (formats that ignore the context render the same body in
/// each), and broken copies of each.
fn cases<E: ApiError>(catalog: &Catalog, values: &[E]) -> Vec<Case> {
    let formats = formats(catalog);
    let mut cases = Vec::new();
    for error in values {
        for (index, (stem, format)) in formats.iter().enumerate() {
            let mut seen: Vec<Value> = Vec::new();
            for (context_name, context) in contexts() {
                let body = render(error, format, context);
                if seen.contains(&body) {
                    continue;
                }
                seen.push(body.clone());
                let label = format!("{} in {stem}, {context_name}", error.code());
                // `ErrorBody` is one of the others: its broken copies are theirs.
                if *stem != "own" {
                    for (what, bad) in broken(catalog, stem, &body, error.descriptor()) {
                        cases.push(Case {
                            format: index,
                            status: error.status().as_u16(),
                            label: format!("{label}: {what}"),
                            body: bad,
                            valid: false,
                        });
                    }
                }
                cases.push(Case {
                    format: index,
                    status: error.status().as_u16(),
                    label,
                    body,
                    valid: true,
                });
            }
        }
    }
    cases
}

// ---------------------------------------------------------------------------
// The files

/// `bodies.ts`: each case as a typed constant; broken ones must not compile.
/// Then narrowing: checking the code gives the code's details and status.
fn bodies_ts(catalog: &Catalog, cases: &[Case]) -> String {
    let formats = formats(catalog);
    let mut out = format!(
        "// Generated by the TypeScript tests: what {} renders, typed.\n",
        catalog.type_name(),
    );
    for (stem, _) in &formats {
        out.push_str(&format!("import type * as {stem} from \"./{stem}\";\n"));
    }
    out.push('\n');
    for (i, case) in cases.iter().enumerate() {
        // One line per body: `@ts-expect-error` covers the next line only.
        out.push_str(&format!("// {}\n", case.label.replace('\n', " ")));
        if !case.valid {
            out.push_str("// @ts-expect-error\n");
        }
        out.push_str(&format!(
            "const b{i}: {}.ErrorBody = {};\n",
            formats[case.format].0, case.body
        ));
    }
    out.push('\n');
    for (i, d) in catalog.iter().enumerate() {
        let code = serde_json::to_string(d.code()).unwrap();
        out.push_str(&format!(
            "export function standard{i}(body: standard.ErrorBody): void {{\n  if (body.error.code === {code}) {{\n"
        ));
        if d.has_details() {
            out.push_str(&format!(
                "    const details: standard.Details[{code}] = body.error.details;\n"
            ));
        } else {
            out.push_str("    // @ts-expect-error: no details member\n    body.error.details;\n");
        }
        out.push_str("  }\n}\n");
        out.push_str(&format!(
            "export function problem{i}(body: problem.ErrorBody): void {{\n  if (body.code === {code}) {{\n    const status: problem.Status[{code}] = body.status;\n    const exact: {} = body.status;\n  }}\n}}\n",
            d.status().as_u16()
        ));
    }
    out
}

const TSCONFIG: &str = r#"{
  "compilerOptions": {
    "strict": true,
    "noEmit": true,
    "exactOptionalPropertyTypes": true,
    "noUncheckedIndexedAccess": true,
    "target": "es2020",
    "lib": ["es2020"],
    "module": "esnext",
    "moduleResolution": "bundler",
    "types": [],
    "skipLibCheck": false
  },
  "files": ["bodies.ts"]
}
"#;

const VALIDATE_PY: &str = r#"
import json, sys
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

directory = sys.argv[1]
with open(f"{directory}/cases.json") as f:
    cases = json.load(f)
validators = {}
failures = []
for case in cases:
    name = case["schema"]
    if name not in validators:
        with open(f"{directory}/{name}") as f:
            schema = json.load(f)
        Draft202012Validator.check_schema(schema)
        validators[name] = Draft202012Validator(schema)
    validator = validators[name]
    if validator.is_valid(case["body"]) == case["valid"]:
        continue
    if case["valid"]:
        error = best_match(validator.iter_errors(case["body"]))
        failures.append(f"{case['label']} ({name}): rejected: {error.message[:300]}")
    else:
        failures.append(f"{case['label']} ({name}): accepted")
for failure in failures:
    print(failure)
print(f"jsonschema: {len(cases)} bodies against {len(validators)} schemas, {len(failures)} wrong")
sys.exit(1 if failures else 0)
"#;

fn directory(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("typescript")
        .join(name);
    std::fs::create_dir_all(&dir).expect("creates the output directory");
    dir
}

fn write(dir: &Path, file: &str, text: &str) {
    std::fs::write(dir.join(file), text).unwrap_or_else(|e| panic!("writes {file}: {e}"));
}

fn required(variable: &str) -> bool {
    std::env::var(variable).is_ok_and(|v| v == "1")
}

/// `tsc`: the one CI installs into `target/tmp`, else one on `PATH`.
fn tsc() -> Option<PathBuf> {
    let local = Path::new(env!("CARGO_TARGET_TMPDIR")).join("node_modules/.bin/tsc");
    if local.is_file() {
        return Some(local);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join("tsc"))
        .find(|candidate| candidate.is_file())
}

fn run_tsc(dir: &Path) {
    let Some(tsc) = tsc() else {
        assert!(
            !required("APIERROR_REQUIRE_TSC"),
            "APIERROR_REQUIRE_TSC=1 but tsc was found neither in target/tmp/node_modules/.bin nor on PATH"
        );
        println!("skipped: tsc not found (npm install --prefix target/tmp typescript@5)");
        return;
    };
    let output = Command::new(&tsc)
        .arg("-p")
        .arg(dir.join("tsconfig.json"))
        .output()
        .unwrap_or_else(|e| panic!("runs {}: {e}", tsc.display()));
    assert!(
        output.status.success(),
        "tsc rejected {}:\n{}{}",
        dir.display(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    println!("tsc ({}): {} type-checks", tsc.display(), dir.display());
}

fn run_jsonschema(dir: &Path) {
    let python = Command::new("python3")
        .args(["-c", "import jsonschema"])
        .output();
    if !python.is_ok_and(|o| o.status.success()) {
        assert!(
            !required("APIERROR_REQUIRE_JSONSCHEMA"),
            "APIERROR_REQUIRE_JSONSCHEMA=1 but python3 cannot import jsonschema"
        );
        println!("skipped: python3 with jsonschema not found (python3 -m pip install jsonschema)");
        return;
    }
    write(dir, "validate.py", VALIDATE_PY);
    let output = Command::new("python3")
        .arg(dir.join("validate.py"))
        .arg(dir)
        .output()
        .expect("runs python3");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "jsonschema disagrees on {}:\n{stdout}{}",
        dir.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    print!("{stdout}");
}

// ---------------------------------------------------------------------------
// A validator of the keywords the schemas use

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// A JSON number, exactly for integers.
fn number(value: &Value) -> Option<Number> {
    if let Some(n) = value.as_i64() {
        Some(Number::Int(n.into()))
    } else if let Some(n) = value.as_u64() {
        Some(Number::Int(n.into()))
    } else {
        value.as_f64().map(Number::Float)
    }
}

#[derive(Clone, Copy)]
enum Number {
    Int(i128),
    Float(f64),
}

impl Number {
    fn float(self) -> f64 {
        match self {
            Number::Int(n) => n as f64,
            Number::Float(n) => n,
        }
    }
}

impl PartialEq for Number {
    fn eq(&self, other: &Self) -> bool {
        self.partial_cmp(other) == Some(std::cmp::Ordering::Equal)
    }
}

impl PartialOrd for Number {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        match (self, other) {
            (Number::Int(a), Number::Int(b)) => a.partial_cmp(b),
            _ => self.float().partial_cmp(&other.float()),
        }
    }
}

/// Whether `value` matches `schema`; panics on a keyword it does not know,
/// so that a schema cannot pass here by using one.
pub(crate) fn matches(schema: &Value, value: &Value) -> bool {
    let schema = match schema {
        Value::Bool(b) => return *b,
        Value::Object(schema) => schema,
        other => panic!("not a schema: {other}"),
    };
    schema.iter().all(|(keyword, arg)| match keyword.as_str() {
        "$schema" | "title" | "description" | "format" => true,
        "type" => {
            let ty = json_type(value);
            let fits = |t: &Value| t == ty || (t == "number" && ty == "integer");
            match arg {
                Value::Array(types) => types.iter().any(fits),
                t => fits(t),
            }
        }
        "const" => arg == value,
        "enum" => arg.as_array().unwrap().contains(value),
        "allOf" => arg.as_array().unwrap().iter().all(|s| matches(s, value)),
        "example" | "examples" | "default" => true,
        "not" => !matches(arg, value),
        "anyOf" => arg.as_array().unwrap().iter().any(|s| matches(s, value)),
        "oneOf" => {
            arg.as_array()
                .unwrap()
                .iter()
                .filter(|s| matches(s, value))
                .count()
                == 1
        }
        "properties" => value.as_object().is_none_or(|object| {
            arg.as_object().unwrap().iter().all(|(key, property)| {
                object
                    .get(key)
                    .is_none_or(|member| matches(property, member))
            })
        }),
        "required" => value.as_object().is_none_or(|object| {
            arg.as_array()
                .unwrap()
                .iter()
                .all(|key| object.contains_key(key.as_str().unwrap()))
        }),
        "additionalProperties" => value.as_object().is_none_or(|object| {
            let known = schema.get("properties").and_then(Value::as_object);
            object
                .iter()
                .filter(|(key, _)| known.is_none_or(|known| !known.contains_key(*key)))
                .all(|(_, member)| matches(arg, member))
        }),
        "minProperties" => value
            .as_object()
            .is_none_or(|o| o.len() as u64 >= arg.as_u64().unwrap()),
        "prefixItems" => value.as_array().is_none_or(|items| {
            arg.as_array()
                .unwrap()
                .iter()
                .zip(items)
                .all(|(s, item)| matches(s, item))
        }),
        "items" => value.as_array().is_none_or(|items| {
            let skip = schema
                .get("prefixItems")
                .and_then(Value::as_array)
                .map_or(0, Vec::len);
            items.iter().skip(skip).all(|item| matches(arg, item))
        }),
        "minItems" => value
            .as_array()
            .is_none_or(|a| a.len() as u64 >= arg.as_u64().unwrap()),
        "maxItems" => value
            .as_array()
            .is_none_or(|a| a.len() as u64 <= arg.as_u64().unwrap()),
        "uniqueItems" => value
            .as_array()
            .is_none_or(|a| a.iter().enumerate().all(|(i, x)| !a[..i].contains(x))),
        "minLength" => value
            .as_str()
            .is_none_or(|s| s.chars().count() as u64 >= arg.as_u64().unwrap()),
        "maxLength" => value
            .as_str()
            .is_none_or(|s| s.chars().count() as u64 <= arg.as_u64().unwrap()),
        "minimum" => number(value).is_none_or(|n| n >= number(arg).unwrap()),
        "maximum" => number(value).is_none_or(|n| n <= number(arg).unwrap()),
        other => panic!("the schema uses `{other}`, which this validator does not know"),
    })
}

// ---------------------------------------------------------------------------
// The checks

fn check<E: ApiError>(name: &str, values: &[E]) {
    let catalog = E::CATALOG;
    let dir = directory(name);
    let declarations = apierror::export::Export::typescript(catalog);
    assert_eq!(
        declarations,
        apierror::export::Export::typescript(catalog),
        "deterministic"
    );
    assert!(declarations.starts_with("// Generated by apierror::export::typescript"));
    write(&dir, "catalog.d.ts", &declarations);

    let formats = formats(catalog);
    let mut schemas: BTreeMap<&str, Value> = BTreeMap::new();
    for (stem, format) in &formats {
        let openai = matches!(format, AnyFormat::BuiltIn(BuiltIn::OpenAi(_)));
        let declarations = match *stem {
            // The catalog's own format, as `typescript` declares it.
            "own" => apierror::export::Export::typescript(catalog),
            _ => apierror::export::Export::typescript_for(catalog, format),
        };
        write(&dir, &format!("{stem}.d.ts"), &declarations);
        let text = apierror::export::Export::json_schema(catalog, format);
        assert_eq!(
            text,
            apierror::export::Export::json_schema(catalog, format),
            "deterministic"
        );
        write(&dir, &format!("schema-{stem}.json"), &text);
        let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        // One branch per code, titled with it, the code a `const` in it.
        let branches = schema["oneOf"]
            .as_array()
            .or_else(|| schema["anyOf"].as_array())
            .expect("a oneOf or anyOf of branches");
        assert_eq!(
            branches.len(),
            catalog.len(),
            "{name} {stem}: one branch per code"
        );
        for (branch, d) in branches.iter().zip(catalog.iter()) {
            assert_eq!(branch["title"], d.code(), "{name} {stem}: order");
            let text = branch.to_string();
            let constant = json!({"const": d.code()}).to_string();
            let status = json!({"const": d.status().as_u16()}).to_string();
            assert!(
                text.contains(&constant) || (openai && text.contains(&status)),
                "{name} {stem}: {} is no const in its branch",
                d.code()
            );
        }
        schemas.insert(stem, schema);
    }

    let cases = cases(catalog, values);
    // The OpenAPI responses of each format, from the same model: every
    // rendered body matches its status's schema, and a body with a code
    // of no variant does not.
    let openapi: Vec<Value> = formats
        .iter()
        .map(|(_, format)| {
            serde_json::to_value(apierror::openapi::ErrorResponses::of(catalog, format)).unwrap()
        })
        .collect();
    for case in &cases {
        let bites = case.valid || case.label.ends_with(": a code of no variant");
        if !bites || formats[case.format].0 == "openai" {
            continue;
        }
        let media = formats[case.format].1.media_type();
        let schema = &openapi[case.format][case.status.to_string()]["content"][media]["schema"];
        assert_eq!(
            matches(schema, &case.body),
            case.valid,
            "{name}: OpenAPI {} {}: {}\n{schema}",
            case.status,
            case.label,
            case.body
        );
    }
    let mut wrong = Vec::new();
    for case in &cases {
        let stem = formats[case.format].0;
        if matches(&schemas[stem], &case.body) != case.valid {
            wrong.push(format!(
                "{} ({}): {}",
                case.label,
                if case.valid { "rejected" } else { "accepted" },
                case.body
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{name}: the schemas disagree with {} of {} bodies:\n{}",
        wrong.len(),
        cases.len(),
        wrong.join("\n")
    );
    assert!(cases.iter().any(|c| !c.valid) && cases.iter().any(|c| c.valid));

    // Python's jsonschema is slow: it gets every rendered body, and the
    // broken copies of those rendered without a context.
    let json_cases: Vec<Value> = cases
        .iter()
        .filter(|case| case.valid || case.label.contains(", no context: "))
        .map(|case| {
            json!({
                "schema": format!("schema-{}.json", formats[case.format].0),
                "label": case.label,
                "body": case.body,
                "valid": case.valid,
            })
        })
        .collect();
    write(
        &dir,
        "cases.json",
        &serde_json::to_string(&json_cases).unwrap(),
    );
    write(&dir, "bodies.ts", &bodies_ts(catalog, &cases));
    write(&dir, "tsconfig.json", TSCONFIG);
    println!(
        "{name}: {} codes, {} bodies ({} broken) in {}",
        catalog.len(),
        cases.len(),
        cases.iter().filter(|c| !c.valid).count(),
        dir.display()
    );
    run_jsonschema(&dir);
    run_tsc(&dir);
}

fn values<E: apierror::decode::Decode + ApiError>() -> Vec<E> {
    common::every_variant::<E>()
        .into_iter()
        .map(|(_, value)| value)
        .collect()
}

#[test]
fn openchoreo() {
    check("openchoreo", &values::<openchoreo::OpenChoreoError>());
}

#[test]
fn llm_gateway() {
    check("llm_gateway", &values::<llm_gateway::GatewayError>());
}

#[test]
fn hexabase() {
    check("hexabase", &values::<hexabase::HexabaseError>());
}

#[test]
fn k0rdent() {
    check("k0rdent", &values::<k0rdent::K0rdentError>());
}

#[test]
fn phala() {
    check("phala", &values::<phala::PhalaError>());
}

#[test]
fn a_stripe_like_catalog() {
    check("payment", &payment_values());
}

#[test]
fn a_translated_catalog() {
    check("translated", &translated_values());
}

#[test]
fn every_kind_of_field() {
    check("coverage", &coverage_values());
}

#[test]
fn declarations_of_every_kind_of_field() {
    let ts = apierror::export::Export::typescript(Coverage::CATALOG);
    let fields = [
        "  \"FIELDS\": {",
        "    name: string;",
        "    hint?: string;",
        "    ratio: number | null;",
        "    tags: (number | null)[];",
        "    limits: Record<string, number>;",
        "    pair: [string, boolean];",
        "    letter: string;",
        "    flag: boolean;",
        "    raw: string;",
        "    nested?: number | null;",
        "    wait: { secs: number; nanos: number };",
        "    \"retry-after\": number;",
        "    status: number;",
        "    extra: unknown;",
        "  };\n",
    ]
    .join("\n");
    assert!(ts.contains(&fields), "{ts}");
    assert!(ts.contains("  \"EMPTY\": Record<string, never>;\n"), "{ts}");
    assert!(ts.contains("  \"UNREGISTERED\": never;\n"), "{ts}");
    assert!(ts.contains("  \"UNREGISTERED\": 465;\n"), "{ts}");
    assert!(ts.contains("  \"EMPTY\": \"https://docs.example.com/errors/empty\";\n"));
    assert!(ts.contains("export type ErrorBody = ErrorBodies[Code];\n"));
    assert!(ts.contains("export type StandardBody = ErrorBody;\n"));
    // Validation lists: standard entries in the details.
    let standard = "Array<{ field: string; pointer: string; code: string; message: string }>";
    assert!(
        ts.contains(&format!(
            "  \"INVALID\": {{\n    form: string;\n    checks: {standard};\n  }};\n"
        )),
        "{ts}"
    );
    assert!(ts.contains(&format!(
        "  \"MAYBE_INVALID\": {{\n    checks?: {standard};\n  }};\n"
    )));

    // Each format's bodies, from what it renders: a problem's extension
    // members leave out `status` (the problem's own) and carry the
    // validation list as `errors`; AIP-193's metadata is text.
    let problem = apierror::export::Export::typescript_for(Coverage::CATALOG, &Problem::new());
    let fields = problem
        .split("\"FIELDS\": {\n")
        .nth(2)
        .expect("the body of FIELDS");
    let fields = &fields[..fields.find("\n  };").unwrap()];
    assert!(fields.contains("    status: 409;\n"), "{fields}");
    assert!(
        fields.contains("    \"retry-after\": number;\n"),
        "{fields}"
    );
    assert!(fields.contains("    extra: unknown;"), "{fields}");
    assert!(fields.contains("    title: \"Conflict\";\n"), "{fields}");
    assert!(fields.contains("    instance?: string;"), "{fields}");
    let errors = "errors: Array<{ pointer: string; detail: string; code: string }>";
    assert!(problem.contains(errors), "{problem}");
    let google = apierror::export::Export::typescript_for(
        Coverage::CATALOG,
        &Google::new("api.example.com"),
    );
    assert!(google.contains(" ratio: string;\n"), "{google}");
    assert!(
        google.contains("\"type.googleapis.com/google.rpc.BadRequest\""),
        "{google}"
    );

    let schema: Value = serde_json::from_str(&apierror::export::Export::json_schema(
        Coverage::CATALOG,
        &BuiltIn::Problem(Problem::with_type("https://errors.example.com/{code}")),
    ))
    .unwrap();
    let types: Vec<&Value> = schema["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|branch| &branch["properties"]["type"]["const"])
        .collect();
    // The format's template, but the inner type's own `type_url` first.
    assert_eq!(
        types,
        [
            "https://errors.example.com/FIELDS",
            "https://errors.example.com/EMPTY",
            "https://errors.example.com/UNREGISTERED",
            "https://errors.example.com/INVALID",
            "https://errors.example.com/MAYBE_INVALID",
            "https://inner.example.com/SLOW_DOWN",
            "https://inner.example.com/MAINTENANCE",
        ]
    );
    // Without a template, the documentation URL.
    let schema: Value = serde_json::from_str(&apierror::export::Export::json_schema(
        Coverage::CATALOG,
        &BuiltIn::Problem(Problem::new()),
    ))
    .unwrap();
    assert_eq!(
        schema["oneOf"][0]["properties"]["type"]["const"],
        "https://docs.example.com/errors/fields"
    );
}
