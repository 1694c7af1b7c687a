//! Collects every error of one derive so that all are reported in one compile.

use proc_macro2::TokenStream;
use quote::ToTokens;
use std::cell::RefCell;
use std::fmt::Display;

#[derive(Default)]
pub struct Ctxt {
    errors: RefCell<Option<syn::Error>>,
}

impl Ctxt {
    /// An error spanned on the given tokens of the user's input.
    pub fn error_spanned_by<T: ToTokens, M: Display>(&self, tokens: T, message: M) {
        self.push(syn::Error::new_spanned(tokens.into_token_stream(), message));
    }

    /// An error spanned on one span.
    pub fn error_at<M: Display>(&self, span: proc_macro2::Span, message: M) {
        self.push(syn::Error::new(span, message));
    }

    pub fn push(&self, error: syn::Error) {
        let mut errors = self.errors.borrow_mut();
        match errors.as_mut() {
            Some(all) => all.combine(error),
            None => *errors = Some(error),
        }
    }

    pub fn has_errors(&self) -> bool {
        self.errors.borrow().is_some()
    }

    /// Each collected error's message, in the order reported.
    #[cfg(test)]
    pub fn messages(self) -> Vec<String> {
        self.errors
            .into_inner()
            .into_iter()
            .flat_map(|all| all.into_iter().map(|e| e.to_string()))
            .collect()
    }

    /// The collected errors as `compile_error!` invocations, empty when none.
    pub fn into_compile_errors(self) -> TokenStream {
        match self.errors.into_inner() {
            Some(errors) => errors.to_compile_error(),
            None => TokenStream::new(),
        }
    }
}

/// The closest candidate to a misspelt name, for "did you mean" hints.
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let name = name.to_ascii_lowercase();
    candidates
        .into_iter()
        .map(|candidate| {
            (
                edit_distance(&name, &candidate.to_ascii_lowercase()),
                candidate,
            )
        })
        .filter(|(distance, candidate)| *distance <= (candidate.len() / 3).max(1))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names() {
        let names = ["CONFLICT", "NOT_FOUND", "GONE"];
        assert_eq!(closest("CONFLCT", names), Some("CONFLICT"));
        assert_eq!(closest("not_fund", names), Some("NOT_FOUND"));
        assert_eq!(closest("TEAPOT", names), None);
    }
}
