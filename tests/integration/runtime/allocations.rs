//! Rendering allocates nothing beyond the output buffer, for static and
//! interpolated messages alike, translated or not, in every built-in format; `code()`,
//! `status()` and `message()` allocate nothing at all.
//!
//! A counting global allocator makes this deterministic: a test, not a
//! benchmark. Counts are per thread, so tests running in parallel do not
//! see each other's allocations.

use apierror::format::{BuiltIn, Context};
use apierror::{ApiError, Render};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|count| count.set(count.get() + 1));
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, size: usize) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|count| count.set(count.get() + 1));
        unsafe { System.realloc(ptr, layout, size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations(work: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    work();
    ALLOCATIONS.with(Cell::get) - before
}

#[derive(Debug, ApiError)]
#[api_error(pattern = "ERR-02-###")]
pub enum InventoryError {
    #[code("ERR-02-003")]
    #[status(409)]
    #[message("The selected node does not have enough CPU capacity")]
    InsufficientVcpu {
        requested: u32,
        node: String,
        zone: Option<String>,
    },
    #[code("ERR-02-004")]
    #[status(409)]
    #[message("Node {node} has no {requested} free vCPUs")]
    NodeFull { requested: u32, node: String },
    #[code("ERR-02-005")]
    #[status(429)]
    #[message("Too many requests: \"slow down\"")]
    Throttled {
        #[api_error(retry_after)]
        retry_after: u64,
    },
}

fn errors() -> [InventoryError; 3] {
    [
        InventoryError::InsufficientVcpu {
            requested: 8,
            node: "teepod-eu-west-1-a07".into(),
            zone: Some("eu-west-1a".into()),
        },
        InventoryError::NodeFull {
            requested: 8,
            node: "teepod-eu-west-1-a07".into(),
        },
        InventoryError::Throttled { retry_after: 30 },
    ]
}

static FORMATS: std::sync::LazyLock<Vec<BuiltIn>> = std::sync::LazyLock::new(|| {
    crate::outputs::every_built_in("https://docs.example.com/errors/{code}")
});

#[test]
fn rendering_allocates_nothing_but_the_output() {
    let mut out = Vec::with_capacity(4096);
    let context = Context::new()
        .with_request_id("req_123456")
        .with_timestamp("2024-01-20T10:00:00Z")
        .with_instance("/nodes/a07");
    for error in &errors() {
        for format in FORMATS.iter() {
            for context in [Context::new(), context] {
                let count = allocations(|| {
                    out.clear();
                    Render::new(error)
                        .format(format)
                        .context(context)
                        .to_writer(&mut out)
                        .unwrap();
                });
                assert_eq!(count, 0, "{} in {format:?} with {context:?}", error.code());
                assert!(!out.is_empty());
            }
        }
        // The type's own format, through the shortcut.
        let count = allocations(|| {
            out.clear();
            apierror::Render::new(error).to_writer(&mut out).unwrap();
        });
        assert_eq!(count, 0, "{}", error.code());
    }
}

#[test]
fn accessors_allocate_nothing() {
    for error in &errors() {
        let count = allocations(|| {
            std::hint::black_box((
                error.code(),
                error.status(),
                error.descriptor(),
                error.retry_after(),
            ));
            let message = error.message();
            std::hint::black_box(message.as_static());
        });
        assert_eq!(count, 0, "{}", error.code());
    }
}

#[test]
fn the_counter_sees_allocations() {
    // Without this, a broken counter would make the tests above pass.
    assert!(allocations(|| drop(std::hint::black_box(vec![1u8; 64]))) >= 1);
    let error = &errors()[1];
    assert!(allocations(|| drop(std::hint::black_box(error.message().to_string()))) >= 1);
}

/// A Stripe-style format of the user's own that lifts two details fields to
/// the top of the error object and nests the rest, through
/// `apierror::fields`: streamed, no `serde_json::Value` in between.
struct Stripe;

const LIFTED: &[&str] = &["node", "zone"];

struct StripeObject<'a, E: ?Sized>(&'a E);

impl<E: ApiError + ?Sized> apierror::serde::Serialize for StripeObject<'_, E> {
    fn serialize<S: apierror::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use apierror::serde::ser::SerializeMap;
        let error = self.0;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("type", error.descriptor().kind().unwrap_or("api_error"))?;
        map.serialize_entry("code", error.code())?;
        map.serialize_entry("message", &error.message())?;
        error.details().lift(&mut map, LIFTED)?;
        let rest = apierror::fields::Without::new(error, LIFTED);
        if !rest.is_empty() {
            map.serialize_entry("details", &rest)?;
        }
        map.end()
    }
}

impl apierror::format::Format for Stripe {
    fn media_type(&self) -> &'static str {
        "application/json"
    }

    fn serialize<E, S>(&self, error: &E, _: &Context<'_>, serializer: S) -> Result<S::Ok, S::Error>
    where
        E: ApiError + ?Sized,
        S: apierror::serde::Serializer,
    {
        use apierror::serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry("error", &StripeObject(error))?;
        map.end()
    }
}

#[test]
fn a_format_lifting_fields_allocates_nothing_but_the_output() {
    let mut out = Vec::with_capacity(4096);
    for error in &errors() {
        let count = allocations(|| {
            out.clear();
            Render::new(error)
                .format(&Stripe)
                .to_writer(&mut out)
                .unwrap();
        });
        assert_eq!(count, 0, "{}", error.code());
    }
    // And the fields went where the format put them.
    out.clear();
    Render::new(&errors()[0])
        .format(&Stripe)
        .to_writer(&mut out)
        .unwrap();
    assert_eq!(
        std::str::from_utf8(&out).unwrap(),
        r#"{"error":{"type":"api_error","code":"ERR-02-003","message":"The selected node does not have enough CPU capacity","node":"teepod-eu-west-1-a07","zone":"eu-west-1a","details":{"requested":8}}}"#
    );
    out.clear();
    Render::new(&errors()[2])
        .format(&Stripe)
        .to_writer(&mut out)
        .unwrap();
    assert_eq!(
        std::str::from_utf8(&out).unwrap(),
        r#"{"error":{"type":"api_error","code":"ERR-02-005","message":"Too many requests: \"slow down\"","details":{"retry_after":30}}}"#
    );
}

/// A response is the body and its headers: `Render::to_response` allocates
/// no more than building the same `http::Response` by hand, with the body
/// rendered into a `Vec` and each header value made the usual way (static
/// ones from `from_static`, run-time ones copied).
#[test]
fn responses_allocate_no_more_than_a_hand_built_one() {
    use apierror::http::header::{self, HeaderValue};
    let context = Context::new().with_request_id("req_123456");
    for error in &errors() {
        for format in FORMATS.iter() {
            let render = Render::new(error).format(format).context(context);
            let ours = allocations(|| {
                std::hint::black_box(render.to_response());
            });
            let theirs = allocations(|| {
                let body = render.to_vec().unwrap();
                let mut response = apierror::http::Response::new(body);
                *response.status_mut() = error.status();
                let headers = response.headers_mut();
                headers.insert(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static(render.media_type()),
                );
                headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
                headers.insert(
                    header::X_CONTENT_TYPE_OPTIONS,
                    HeaderValue::from_static("nosniff"),
                );
                if let Some(seconds) = error.retry_after() {
                    headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
                }
                headers.insert("x-request-id", HeaderValue::from_str("req_123456").unwrap());
                std::hint::black_box(response);
            });
            assert!(
                ours <= theirs,
                "{} in {format:?}: {ours} allocations, by hand {theirs}",
                error.code()
            );
        }
    }
}

use crate::translated;

use translated::QuotaExceeded;

#[test]
fn translated_renders_allocate_nothing_but_the_output() {
    let mut out = Vec::with_capacity(4096);
    let error = QuotaExceeded {
        limit: 100,
        retry_after_secs: 30,
    };
    for format in FORMATS.iter() {
        for header in ["de-CH, fr;q=0.9, en;q=0.1", "ja", "*"] {
            let context = Context::new().with_accept_language(header);
            let count = allocations(|| {
                out.clear();
                Render::new(&error)
                    .format(format)
                    .context(context)
                    .to_writer(&mut out)
                    .unwrap();
            });
            assert_eq!(count, 0, "{format:?} for {header:?}");
        }
    }
    let body = Render::new(&error)
        .context(Context::new().with_accept_language("de"))
        .to_string()
        .unwrap();
    assert!(body.contains("Kontingent von 100 Anfragen"), "{body}");
}
