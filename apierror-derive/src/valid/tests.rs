use super::container::type_url;
use super::*;
use syn::{parse_quote, DeriveInput};

/// The messages of every error the derive reports for `input`.
/// The messages of every error the derive reports for `input`.
pub(crate) fn errors(input: DeriveInput) -> Vec<String> {
    let cx = Ctxt::default();
    if let Some(parsed) = Input::from_syn(&cx, &input) {
        let _ = check(&cx, &parsed);
    }
    cx.messages()
}

fn assert_one(input: DeriveInput, expected: &str) {
    let found = errors(input);
    assert!(
        found.len() == 1 && found[0].contains(expected),
        "expected one error containing {expected:?}, found {found:#?}"
    );
}

#[test]
fn valid_input_has_no_errors() {
    let found = errors(parse_quote! {
        #[api_error(pattern = "ERR-02-###", range = 1..=99, retired("ERR-02-016"), status = 400)]
        #[api_error(category(name = "low", range = 1..=49), category(name = "high", range = 50..=99))]
        enum E {
            #[code("ERR-02-003")] #[status(CONFLICT)] #[message("cpu {requested}")]
            A { requested: u32 },
            #[code("ERR-02-050")] #[api_error(category = "high")]
            B(#[source] std::io::Error),
            #[api_error(transparent)]
            C(Inner),
        }
    });
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn code_rules() {
    assert_one(
        parse_quote! {
            #[api_error(pattern = "ERR-02-###", status = 400)]
            enum E { #[code("ERR-03-001")] A }
        },
        "does not match the pattern `ERR-02-###`",
    );
    assert_one(
        parse_quote! {
            #[api_error(pattern = "C-####", range = 1000..=1999, status = 400)]
            enum E { #[code("C-2000")] A }
        },
        "outside the type's range 1000..=1999",
    );
    assert_one(
        parse_quote! {
            #[api_error(pattern = "E-###", retired("E-003"), status = 400)]
            enum E { #[code("E-003")] A }
        },
        "retired",
    );
    assert_one(
        parse_quote! {
            #[api_error(status = 400)]
            enum E { A }
        },
        "has no error code",
    );
    assert_one(
        parse_quote! {
            #[api_error(code = "SCREAMING_SNAKE", status = 400)]
            enum E { A }
        },
        "did you mean \"SCREAMING_SNAKE_CASE\"",
    );
}

#[test]
fn duplicates_report_both_sites() {
    let found = errors(parse_quote! {
        #[api_error(code = "SCREAMING_SNAKE_CASE", status = 400)]
        enum E { NotFound, #[code("NOT_FOUND")] Other }
    });
    assert_eq!(
        found,
        [
            "duplicate error code `NOT_FOUND`",
            "`NOT_FOUND` is first used here"
        ]
    );
}

#[test]
fn categories() {
    assert_one(
        parse_quote! {
            #[api_error(pattern = "C-####", status = 400)]
            #[api_error(category(name = "a", range = 1000..=1999))]
            enum E { #[code("C-5000")] A }
        },
        "is in no category",
    );
    assert_one(
        parse_quote! {
            #[api_error(pattern = "C-####", status = 400)]
            #[api_error(category(name = "a", range = 1000..=1999))]
            #[api_error(category(name = "b", range = 1500..=2999))]
            enum E { #[code("C-1001")] A }
        },
        "overlaps category `a`",
    );
    assert_one(
        parse_quote! {
            #[api_error(pattern = "C-####", status = 400)]
            #[api_error(category(name = "component", range = 1000..=1999))]
            enum E { #[code("C-1001")] #[api_error(category = "componet")] A }
        },
        "did you mean `component`?",
    );
}

#[test]
fn statuses_and_messages() {
    assert_one(
        parse_quote! { enum E { #[code("A")] #[status(302)] A } },
        "not an error status",
    );
    assert_one(
        parse_quote! { enum E { #[code("A")] #[status(CONFLCT)] A } },
        "did you mean `CONFLICT`?",
    );
    assert_one(parse_quote! { enum E { #[code("A")] A } }, "has no status");
    assert_one(
        parse_quote! { enum E { #[code("A")] #[status(465)] A } },
        "no standard reason phrase",
    );
    assert_one(
        parse_quote! { enum E { #[code("A")] #[status(400)] #[message("{nope}")] A { yes: u8 } } },
        "`{nope}` names no field; `A` has one field: `{yes}`",
    );
    assert_one(
        parse_quote! { enum E { #[code("A")] #[status(400)] #[message("{1}")] A(u8) } },
        "`{1}` names no field",
    );
}

#[test]
fn attributes() {
    assert_one(
        parse_quote! { #[api_error(patern = "E-#")] enum E {} },
        "unknown type attribute `patern`; did you mean `pattern`?",
    );
    assert_one(
        parse_quote! { #[api_error(status = 400, status = 401)] enum E {} },
        "duplicate `status` attribute",
    );
    assert_one(
        parse_quote! { union U { a: u8 } },
        "cannot be derived for a union",
    );
    assert_one(
        parse_quote! {
            enum E { #[api_error(transparent)] #[code("X")] A(Inner) }
        },
        "remove #[code]",
    );
    assert_one(
        parse_quote! { enum E { #[api_error(transparent)] A(Inner, u8) } },
        "exactly one field",
    );
}

#[test]
fn every_error_of_one_derive_is_reported() {
    let found = errors(parse_quote! {
        #[api_error(pattern = "E-###")]
        enum E {
            #[code("X-001")] #[status(200)] A,
            #[code("E-002")] #[status(400)] #[message("{missing}")] B,
        }
    });
    assert_eq!(found.len(), 3, "{found:#?}");
}

#[test]
fn messages_never_show_internal_fields() {
    let hidden = "a public message may not show";
    let cases: Vec<(DeriveInput, &str)> = vec![
        (
            parse_quote! { enum E { #[code("A")] #[status(500)] #[message("failed: {cause}")] A { #[source] cause: Io } } },
            "may not show `cause`: it is the source error",
        ),
        (
            parse_quote! { enum E { #[code("A")] #[status(502)] #[message("upstream: {0}")] A(#[from] Io) } },
            "may not show field `{0}`: it is the source error",
        ),
        (
            parse_quote! { enum E { #[code("A")] #[status(503)] #[message("down: {source}")] A { source: Io } } },
            "may not show `source`",
        ),
        // A raw identifier is the same name.
        (
            parse_quote! { enum E { #[code("A")] #[status(503)] #[message("down: {source}")] A { r#source: Io } } },
            "may not show `source`",
        ),
        // 4xx messages too: internal is internal.
        (
            parse_quote! { enum E { #[code("A")] #[status(400)] #[message("bad: {cause}")] A { #[source] cause: Io } } },
            hidden,
        ),
        (
            parse_quote! { enum E { #[code("A")] #[status(500)] #[message("dsn {dsn}")] A { #[api_error(internal)] dsn: String } } },
            "it is marked #[api_error(internal)]",
        ),
        (
            parse_quote! { enum E { #[code("A")] #[status(400)] A { #[api_error(internal, skip)] token: String } } },
            "`skip` has no meaning on an internal field",
        ),
        // Error types are internal without a mark, skipped or not.
        (
            parse_quote! { enum E { #[code("A")] #[status(500)] #[message("io: {e}")] A { e: std::io::Error } } },
            "its type is an error, internal by default",
        ),
        (
            parse_quote! { enum E { #[code("A")] #[status(500)] #[message("{e}")] A { e: Box<dyn std::error::Error + Send + Sync> } } },
            "its type is an error",
        ),
        (
            parse_quote! { enum E { #[code("A")] #[status(500)] #[message("{e}")] A { e: anyhow::Error } } },
            "its type is an error",
        ),
        (
            parse_quote! { enum E { #[code("A")] #[status(500)] #[message("{e}")] A { e: Option<std::sync::Arc<io::Error>> } } },
            "its type is an error",
        ),
        // The type's default status counts too.
        (
            parse_quote! { #[api_error(status = 500)] enum E { #[code("A")] #[message("{e}")] A { #[source] e: Io } } },
            hidden,
        ),
    ];
    for (input, expected) in cases {
        assert_one(input, expected);
    }
    let allowed = errors(parse_quote! {
        #[api_error(status = 500)]
        enum E {
            // Skipped fields are not secret: they are just not details.
            #[code("B")] #[message("node {node} failed")] B { #[api_error(skip)] node: String, #[source] cause: Io },
            // The source can be there, unnamed by the message.
            #[code("C")] #[message("storage failed")] C(#[from] Io),
            // Internal values can be held, and named internal redundantly.
            #[code("D")] D { #[api_error(internal)] dsn: String, #[api_error(internal)] e: std::io::Error },
        }
    });
    assert!(allowed.is_empty(), "{allowed:#?}");
}

#[test]
fn internal_fields_are_never_details_or_headers() {
    assert_one(
        parse_quote! { enum E { #[code("A")] #[status(429)] A { #[api_error(internal, retry_after)] wait: u64 } } },
        "an internal field cannot be `retry_after`",
    );
    assert_one(
        parse_quote! { enum E { #[code("A")] #[status(429)] A { #[source] #[api_error(rename = "x")] e: Io } } },
        "`rename` has no meaning on a source field",
    );
    assert_one(
        parse_quote! { enum E { #[code("A")] #[status(400)] A(#[api_error(skip)] u8) } },
        "`skip` has no meaning on a tuple field",
    );
    assert_one(
        parse_quote! { enum E { #[api_error(transparent)] A(#[api_error(rename = "x")] Inner) } },
        "has no meaning on the field of a transparent variant",
    );
    assert_one(
        parse_quote! { enum E { #[api_error(transparent)] A(#[source] Inner) } },
        "`#[source]` has no meaning on the field of a transparent variant",
    );
}

#[test]
fn attributes_in_the_wrong_place() {
    let cases: Vec<(DeriveInput, &str)> = vec![
        (
            parse_quote! { #[code("A")] #[api_error(status = 400)] enum E { #[code("A")] A } },
            "`#[code]` on an enum has no meaning",
        ),
        (
            parse_quote! { #[status(404)] enum E { #[code("A")] #[status(404)] A } },
            "`#[status]` on an enum has no meaning",
        ),
        (
            parse_quote! { #[message("x")] #[api_error(status = 400)] enum E { #[code("A")] A } },
            "`#[message]` on an enum has no meaning",
        ),
        (
            parse_quote! { #[source] #[api_error(status = 400)] enum E { #[code("A")] A } },
            "`#[source]` marks a field",
        ),
        (
            parse_quote! { #[api_error(status = 400)] enum E { #[code("A")] #[from] A } },
            "`#[from]` marks a field",
        ),
        (
            parse_quote! { #[from] #[code("A")] #[status(400)] struct S; },
            "`#[from]` marks a field",
        ),
        (
            parse_quote! { #[api_error(status = 400)] enum E { #[code("A")] A { #[code("B")] x: u8 } } },
            "`#[code]` on a field has no meaning",
        ),
        (
            parse_quote! { #[api_error(status = 400)] enum E { #[code("A")] A { #[message("m")] x: u8 } } },
            "`#[message]` on a field has no meaning",
        ),
        (
            parse_quote! { #[api_error(status = 400)] enum E { #[code("A")] #[api_error(pattern = "A")] A } },
            "`pattern` is a type attribute",
        ),
        (
            parse_quote! { #[api_error(status = 400)] enum E { #[code("A")] #[api_error(status = 404)] A } },
            "a variant's status is written #[status(404)]",
        ),
        (
            parse_quote! { #[api_error(status = 400)] enum E { #[api_error(code = "A")] A } },
            "a variant's code is written #[code(\"...\")]",
        ),
        (
            parse_quote! { #[api_error(status = 400)] enum E { #[code("A")] #[api_error(skip)] A } },
            "`skip` is a field attribute",
        ),
        (
            parse_quote! { #[api_error(status = 400, rename = "x")] enum E { #[code("A")] A } },
            "`rename` is a field attribute",
        ),
        (
            parse_quote! { #[api_error(transparent)] enum E { #[code("A")] #[status(400)] A } },
            "`transparent` marks an enum variant",
        ),
        (
            parse_quote! { #[api_error(status = 400)] enum E { #[code("A")] A { #[api_error(transparent)] x: u8 } } },
            "`transparent` marks the variant",
        ),
        (
            parse_quote! { #[api_error(status = 400)] enum E { #[code("A")] A { #[api_error(category = "c")] x: u8 } } },
            "`category` is a variant or type attribute",
        ),
        (
            parse_quote! { #[api_error(status = 400)] enum E { #[code("A")] A { #[api_error(pattern = "c")] x: u8 } } },
            "`pattern` is a type attribute",
        ),
        (
            parse_quote! { #[api_error(status = 400)] enum E { #[code("A")] A { #[api_error(status = 404)] x: u8 } } },
            "write #[status(...)] on the variant",
        ),
        (
            parse_quote! { #[api_error(status = 400, category = "x")] enum E { #[code("A")] A } },
            "on an enum, `category` declares a category",
        ),
        (
            parse_quote! { #[api_error(status = 400)] enum E { #[code("A")] A { #[api_error(skip = true)] x: u8 } } },
            "`skip` takes no value",
        ),
        (
            parse_quote! { #[api_error(status = 400)] enum E { #[code("A")] A { #[source(x)] x: Io } } },
            "`#[source]` takes no arguments",
        ),
    ];
    for (input, expected) in cases {
        assert_one(input, expected);
    }
}

#[test]
fn empty_and_malformed_values() {
    let cases: Vec<(DeriveInput, &str)> = vec![
        (
            parse_quote! { enum E { #[code("A")] #[status(400)] #[message("")] A } },
            "`message` cannot be empty",
        ),
        (
            parse_quote! { enum E { #[code("A")] #[status(400)] #[message("  ")] A } },
            "`message` cannot be empty",
        ),
        (
            parse_quote! { enum E { #[code("A")] #[status(465)] #[message("")] A } },
            "`message` cannot be empty",
        ),
        (
            parse_quote! { enum E { #[code("A")] #[status(400)] A { #[api_error(rename = "")] x: u8 } } },
            "`rename` cannot be empty",
        ),
        (
            parse_quote! { enum E { #[code("A")] #[status(400)] #[api_error(title = "")] A } },
            "`title` cannot be empty",
        ),
        (
            parse_quote! { #[api_error(format = "google", domain = "")] enum E { #[code("A")] #[status(400)] A } },
            "`domain` cannot be empty",
        ),
        (
            parse_quote! { #[api_error(format = "google", domain = "a b")] enum E { #[code("A")] #[status(400)] A } },
            "`domain` is a service name",
        ),
        (
            parse_quote! { #[api_error(format = "problem", type_url = "")] enum E { #[code("A")] #[status(400)] A } },
            "`type_url` cannot be empty",
        ),
        (
            parse_quote! { #[api_error(format = "problem", type_url = "javascript:alert(1)")] enum E { #[code("A")] #[status(400)] A } },
            "not a `javascript:` URL",
        ),
        (
            parse_quote! { #[api_error(format = "problem", type_url = "file:///etc/{code}")] enum E { #[code("A")] #[status(400)] A } },
            "not a `file:` URL",
        ),
        (
            parse_quote! { #[api_error(format = "problem", type_url = "https://x/{id}")] enum E { #[code("A")] #[status(400)] A } },
            "`{code}` is the only placeholder",
        ),
        (
            parse_quote! { #[api_error(format = "problem", type_url = "https://x/\"{code}")] enum E { #[code("A")] #[status(400)] A } },
            "is not a URI character",
        ),
        (
            parse_quote! { #[api_error(category(name = "", prefix = "A"))] enum E { #[code("A")] #[status(400)] A } },
            "a category's `name` cannot be empty",
        ),
        (
            parse_quote! { #[api_error(retired())] enum E { #[code("A")] #[status(400)] A } },
            "`retired` lists codes",
        ),
        (
            parse_quote! { enum E { #[code("A")] #[status(400)] #[message("{}", x)] A { x: u8 } } },
            "write `.x` to name the field `x`",
        ),
        (
            parse_quote! { enum E { #[code("A")] #[status(400)] #[message("{x:?}")] A { x: u8 } } },
            "Debug is for logs",
        ),
        (
            parse_quote! { enum E { #[code("A")] #[status(400)] #[message("{x:p}")] A { x: &'static u8 } } },
            "pointer",
        ),
        (
            parse_quote! { enum E { #[code("A")] #[status(Foo::GONE)] A } },
            "a status path must name a constant of `StatusCode`",
        ),
        (
            parse_quote! { enum E { #[code("A")] #[status(MY_STATUS)] A } },
            "constants of your own are not read",
        ),
    ];
    for (input, expected) in cases {
        assert_one(input, expected);
    }
    let fine = errors(parse_quote! {
        #[api_error(format = "problem", type_url = "/errors/{code}")]
        enum E {
            #[code("A")] #[status(StatusCode::GONE)] A,
            #[code("B")] #[status(http::StatusCode::CONFLICT)] B,
            #[code("C")] #[status(::apierror::http::StatusCode::NOT_FOUND)] C,
        }
    });
    assert!(fine.is_empty(), "{fine:#?}");
    for url in [
        "https://docs.example.com/errors/{code}",
        "urn:example:error:{code}",
        "HTTP://X/{code}?a=b#c",
        "errors/{code}",
    ] {
        assert_eq!(type_url(url), Ok(()), "{url}");
    }
}

#[test]
fn decode_rejects_messages_that_match_everything() {
    assert_one(
        parse_quote! {
            #[api_error(decode, status = 429)]
            enum E { #[code("A")] #[message("{detail}")] A { detail: String }, #[code("B")] #[message("Slow down")] B }
        },
        "`{detail}` is only placeholders and matches every message of status 429",
    );
    let fine = errors(parse_quote! {
        #[api_error(decode, status = 429)]
        enum E { #[code("A")] #[message("{detail}")] A { detail: String }, #[code("B")] #[status(400)] B }
    });
    assert!(fine.is_empty(), "{fine:#?}");
}

#[test]
fn problem_members_are_checked() {
    assert_one(
        parse_quote! {
            #[api_error(format = "problem", status = 400)]
            enum E { #[code("A")] A { status: String } }
        },
        "details key `status` collides with a standard member of RFC 9457 problem details",
    );
    assert_one(
        parse_quote! {
            #[api_error(format = "problem", status = 400)]
            enum E { #[code("A")] A { #[api_error(rename = "code")] reason: String } }
        },
        "details key `code` collides with the error code's member `code`",
    );
    assert_one(
        parse_quote! {
            #[api_error(format = "problem", status = 400)]
            enum E { #[code("A")] A { r#type: String } }
        },
        "details key `type` collides",
    );
    assert_one(
        parse_quote! {
            #[api_error(format = "problem", status = 400)]
            enum E { #[code("A")] A { #[api_error(rename = "retry-after")] wait: u32 } }
        },
        "RFC 9457 §3.2 asks that extension members start with a letter and contain only letters, digits and underscores; e.g. \"retry_after\"",
    );
    assert_one(
        parse_quote! {
            #[api_error(format = "problem", status = 400)]
            enum E { #[code("A")] A { _internal: u32 } }
        },
        "e.g. #[api_error(rename = \"internal\")]",
    );
    assert_one(
        parse_quote! {
            #[api_error(format = "problem", status = 400)]
            #[code("A")]
            struct S { #[api_error(rename = "9lives")] lives: u32 }
        },
        "start with a letter",
    );
    // Short names, camelCase, skipped and source fields, other formats: all fine.
    let allowed = errors(parse_quote! {
        #[api_error(format = "problem", status = 400)]
        enum E {
            #[code("A")] A { id: u32, #[api_error(rename = "vmType")] vm: String },
            #[code("B")] B { #[api_error(skip)] status: u16, #[source] title: Io },
            #[code("C")] C(u8),
        }
    });
    assert!(allowed.is_empty(), "{allowed:#?}");
    let standard = errors(parse_quote! {
        #[api_error(status = 400)]
        enum E { #[code("A")] A { status: String, #[api_error(rename = "retry-after")] wait: u32 } }
    });
    assert!(standard.is_empty(), "{standard:#?}");
}

#[test]
fn an_unknown_format_name_lists_every_built_in_one() {
    let names: Vec<&str> = super::ROWS.iter().map(|row| row.name).collect();
    assert_one(
        parse_quote! {
            #[api_error(format = "stripe", status = 400)]
            enum E { #[code("A")] A }
        },
        &format!(
            "unknown format \"stripe\"; expected one of: {}, or the path of your own format without quotes (format = my::FORMAT)",
            names.join(", ")
        ),
    );
    assert_eq!(names[0], "standard", "the default comes first");
}
