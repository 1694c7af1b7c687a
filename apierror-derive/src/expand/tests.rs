//! Tests of the generated impls' where clauses (`bound = ...`), and of
//! which messages get a writer of their own.

use crate::valid::tests::errors;
use syn::{parse_quote, DeriveInput};

/// The where clause of each impl the derive generates for `input`, as
/// tokens printed: the impls it writes itself, and the four framework
/// impls the runtime's `frameworks!` writes from the clause it is given
/// (`[impl generics] [type] [where clause]`).
fn where_clauses(input: &syn::DeriveInput) -> Vec<String> {
    let output = crate::expand::derive(input).to_string();
    assert!(!output.contains("compile_error"), "{output}");
    let mut clauses: Vec<String> = output
        .split("impl <")
        .skip(1)
        .map(|item| {
            let head = &item[..item.find('{').unwrap()];
            head.split_once(" where ")
                .map_or_else(String::new, |(_, clause)| clause.trim().to_owned())
        })
        .collect();
    for call in output.split("frameworks ! {").skip(1) {
        let call = &call[..call.find('}').unwrap()];
        let clause = call.rsplit_once('[').unwrap().1;
        let clause = clause.trim_end().strip_suffix(']').unwrap();
        let clause = clause.trim().strip_prefix("where").unwrap_or(clause).trim();
        // IntoResponse, ResponseError, From<E> for Status, OperationOutput.
        clauses.extend(std::iter::repeat_n(clause.to_owned(), 4));
    }
    clauses
}

#[test]
fn bound_replaces_the_inferred_predicates_on_every_impl() {
    let input = parse_quote! {
        #[api_error(bound = "T: Copy, U: Clone", decode)]
        enum E<T, U> {
            #[code("A")] #[status(400)] #[message("v {v}")] A { v: T },
            #[api_error(transparent)] B(U),
        }
    };
    let clauses = where_clauses(&input);
    // ApiError, IntoResponse, ResponseError, From<E> for tonic::Status,
    // OperationOutput, Decode and the inherent impl of its constructors,
    // Display, Error.
    assert_eq!(clauses.len(), 9, "{clauses:#?}");
    for clause in &clauses {
        assert!(clause.ends_with("T : Copy , U : Clone ,"), "{clause}");
        assert!(!clause.contains("apierror"), "{clause}");
        assert!(!clause.contains("Serialize"), "{clause}");
    }
    // Without `bound`, the predicates are the fields'.
    let inferred = where_clauses(&parse_quote! {
        #[api_error(decode)]
        enum E<T, U> {
            #[code("A")] #[status(400)] #[message("v {v}")] A { v: T },
            #[api_error(transparent)] B(U),
        }
    });
    assert!(
        inferred.iter().all(|c| !c.contains("Copy")),
        "{inferred:#?}"
    );
    assert!(inferred[0].contains("Serialize"), "{inferred:#?}");
}

#[test]
fn an_empty_bound_leaves_the_types_own_where_clause() {
    let input = parse_quote! {
        #[api_error(bound = "")]
        enum E<T> where T: Default {
            #[code("A")] #[status(400)] #[message("v {v}")] A { v: T },
        }
    };
    let clauses = where_clauses(&input);
    assert_eq!(clauses.len(), 7, "{clauses:#?}");
    for clause in &clauses {
        // The type's own predicate, and what the type answers for itself.
        let rest = clause.strip_prefix("T : Default ,").expect(clause);
        let rest = rest.trim();
        assert!(
            rest.is_empty()
                || rest == "E < T > : :: std :: error :: Error ,"
                || rest == "E < T > : :: core :: fmt :: Debug + :: core :: fmt :: Display ,",
            "{clause}"
        );
    }
}

#[test]
fn bound_on_a_type_without_parameters_is_kept_as_written() {
    let clauses = where_clauses(&parse_quote! {
        #[api_error(bound = "String: Clone")]
        enum E<'a> { #[code("A")] #[status(400)] #[message("{v}")] A { v: &'a str } }
    });
    assert!(!clauses.is_empty());
    assert!(
        clauses.iter().all(|c| c == "String : Clone ,"),
        "{clauses:#?}"
    );
}

#[test]
fn bound_is_a_type_attribute_of_where_predicates() {
    for bound in [
        "T: std::fmt::Display + Clone, U: Copy",
        "T: Clone,",
        "",
        " ",
        "for<'x> &'x T: std::ops::Sub<Output = T>, 'a: 'static",
    ] {
        let input: DeriveInput = syn::parse_str(&format!(
            "#[api_error(bound = {bound:?}, status = 400)] enum E<'a, T, U> {{ #[code(\"A\")] A {{ t: &'a T, u: U }} }}"
        ))
        .unwrap();
        let found = errors(input);
        assert!(found.is_empty(), "{bound:?}: {found:#?}");
    }
    let cases: Vec<(DeriveInput, &str)> = vec![
        (
            parse_quote! { #[api_error(bound = "T Display", status = 400)] enum E<T> { #[code("A")] A(T) } },
            "invalid `bound`: expected `:`; write where-clause predicates separated by commas, as in `bound = \"T: std::fmt::Display\"`",
        ),
        (
            parse_quote! { #[api_error(bound = "T: Display;", status = 400)] enum E<T> { #[code("A")] A(T) } },
            "invalid `bound`",
        ),
        (
            parse_quote! { #[api_error(bound = T: Display, status = 400)] enum E<T> { #[code("A")] A(T) } },
            "expected where-clause predicates in a string: `bound = \"T: std::fmt::Display\"`",
        ),
        (
            parse_quote! { #[api_error(bound(api_error = "T: Clone"), status = 400)] enum E<T> { #[code("A")] A(T) } },
            "expected where-clause predicates in a string",
        ),
        (
            parse_quote! { #[api_error(bound = "T: Clone", status = 400)] #[api_error(bound = "")] enum E<T> { #[code("A")] A(T) } },
            "duplicate `bound` attribute",
        ),
        // A duplicate is reported even after a bound that does not parse.
        (
            parse_quote! { #[api_error(bound = "T", bound = "T: Clone", status = 400)] enum E<T> { #[code("A")] A(T) } },
            "invalid `bound`",
        ),
        (
            parse_quote! { #[api_error(status = 400)] enum E<T> { #[code("A")] #[api_error(bound = "T: Clone")] A(T) } },
            "`bound` has no meaning on a variant: `bound` is a type attribute: put it in #[api_error(...)] on the type",
        ),
        (
            parse_quote! { #[api_error(status = 400)] enum E<T> { #[code("A")] A { #[api_error(bound = "T: Clone")] t: T } } },
            "`bound` has no meaning on a field: `bound` is a type attribute: put it in #[api_error(...)] on the type",
        ),
        (
            parse_quote! { #[api_error(bond = "T: Clone", status = 400)] enum E<T> { #[code("A")] A(T) } },
            "did you mean `bound`?",
        ),
    ];
    for (input, expected) in cases {
        let found = errors(input);
        assert!(
            found.iter().any(|f| f.contains(expected)),
            "expected an error containing {expected:?}, found {found:#?}"
        );
    }
    let twice = errors(parse_quote! {
        #[api_error(bound = "T", bound = "T: Clone", status = 400)] enum E<T> { #[code("A")] A(T) }
    });
    assert_eq!(twice.len(), 2, "{twice:#?}");
    assert_eq!(twice[1], "duplicate `bound` attribute");
}

/// A message that is thiserror's `#[error]` text is written by `Display`:
/// no arguments' arm, and no message writer when every interpolated message
/// is such; any difference (text, a computed argument, a formatted
/// `#[error]`) keeps the writer.
#[test]
fn a_message_equal_to_the_error_text_has_no_writer_of_its_own() {
    let expand = |input: DeriveInput| crate::expand::derive(&input).to_string();
    let same = expand(parse_quote! {
        enum E {
            #[error("{n} left")] #[code("A")] #[status(400)] #[message("{n} left")] A { n: u32 },
            #[error("{0} and {1:.1}")] #[code("B")] #[status(400)] #[message("{0} and {1:.1}")] B(u8, f64),
            #[error("internal")] #[code("C")] #[status(400)] #[message("plain")] C,
        }
    });
    assert!(same.contains("Message :: __displayed (self)"), "{same}");
    assert!(
        !same.contains("__formatted") && !same.contains("__args"),
        "{same}"
    );
    for other in [
        quote::quote!(#[error("{n} left!")] #[message("{n} left")]),
        quote::quote!(#[error("{} left", .n)] #[message("{n} left")]),
        quote::quote!(#[error("{n} left")] #[message("{} left", .n)]),
        quote::quote!(#[message("{n} left")]),
    ] {
        let output = expand(parse_quote! {
            enum E {
                #[error("{n} was")] #[code("A")] #[status(400)] #[message("{n} was")] A { n: u32 },
                #other #[code("B")] #[status(400)] B { n: u32 },
            }
        });
        assert!(
            output.contains("Message :: __formatted (self)"),
            "{other}: {output}"
        );
        assert_eq!(output.matches("__args (").count(), 1, "{other}: {output}");
    }
}
