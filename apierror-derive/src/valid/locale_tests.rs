//! Tests of reading translation files.

use super::locale::*;
use crate::base::ctxt::Ctxt;
use crate::parse::ast::Input;
use proc_macro2::Span;
use syn::parse_quote;

/// The errors of reading `text` as the `de` file of a type with the
/// codes `NOT_FOUND` and `GONE`.
fn errors_of(text: &str) -> Vec<String> {
    let input: syn::DeriveInput = parse_quote! {
        #[api_error(code = "SCREAMING_SNAKE_CASE", status = 404)]
        enum NodeError { NotFound, Gone }
    };
    let cx = Ctxt::default();
    let parsed = Input::from_syn(&cx, &input).expect("a valid input");
    let mut entries = super::check(&cx, &parsed).entries;
    translate(
        &cx,
        Span::call_site(),
        "de",
        "de.toml",
        text,
        &parsed,
        &mut entries,
    );
    cx.messages()
}

#[test]
fn a_file_is_read_into_its_codes() {
    let errors = errors_of("NOT_FOUND = \"Nicht gefunden\"\r\n'GONE' = 'Weg' # comment\n");
    assert!(errors.is_empty(), "{errors:#?}");
    let errors = errors_of("[Other]\nA = 1\n[NodeError]\nNOT_FOUND = \"a\"\nGONE = \"b\"");
    assert_eq!(errors, ["de.toml:2: numbers, booleans and dates are not read: a translation is a string, `CODE = \"text\"`"]);
}

#[test]
fn a_file_gives_ten_errors_and_counts_the_rest() {
    let started = std::time::Instant::now();
    let unknown: String = (0..100_000).map(|i| format!("OLD_{i} = \"x\"\n")).collect();
    let errors = errors_of(&format!("NOT_FOUND = \"a\"\nGONE = \"b\"\n{unknown}"));
    assert_eq!(errors.len(), MAX_FILE_ERRORS + 1, "{errors:#?}");
    assert_eq!(errors[0], "de.toml:3: `OLD_0` is not a code of `NodeError`");
    assert_eq!(
        errors[MAX_FILE_ERRORS],
        "... and 99990 more errors in de.toml (the first 10 are shown)"
    );
    let errors = errors_of(&"A = x\n".repeat(100_000));
    assert_eq!(errors.len(), MAX_FILE_ERRORS + 1, "{errors:#?}");
    assert!(errors[9].starts_with("de.toml:10: expected the translation"));
    let errors = errors_of(&"A = x\n".repeat(11));
    assert_eq!(
        errors.last().map(String::as_str),
        Some("... and 1 more error in de.toml (the first 10 are shown)")
    );
    // Reading and checking both files, in a debug build.
    assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
}

#[test]
fn the_files_are_in_the_crate() {
    for inside in [
        "locales",
        "i18n/messages",
        "./locales",
        "locales/",
        "a/../locales",
        "a/..",
        "",
        ".",
    ] {
        assert_eq!(in_crate(inside), Ok(()), "{inside:?}");
    }
    for (outside, why) in [
        ("..", "leaves the crate's directory"),
        ("../..", "leaves the crate's directory"),
        ("../locales", "leaves the crate's directory"),
        ("locales/../../shared", "leaves the crate's directory"),
        ("./..", "leaves the crate's directory"),
        ("locales\\..\\..", "leaves the crate's directory"),
        ("/etc/locales", "absolute path"),
        ("\\\\server\\locales", "absolute path"),
        ("C:\\locales", "absolute path"),
        ("c:locales", "absolute path"),
    ] {
        let got = in_crate(outside).unwrap_err();
        assert!(got.contains(why), "{outside:?}: {got}");
        assert!(got.contains("break when published"), "{outside:?}: {got}");
    }
}
