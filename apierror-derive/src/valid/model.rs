//! The checked model the derive's last stage generates code from: the
//! type's rules and format, each variant's code, status, message and
//! fields, resolved; nothing here is checked again.

use crate::grammar::code::{Pattern, Rule};
use crate::grammar::message::SpecTrait;
use crate::parse::ast::{Field, Variant};
use crate::parse::attr::RangeAttr;
use crate::parse::doc;
use proc_macro2::Span;

pub struct Model<'a> {
    pub krate: syn::Path,
    pub pattern: Option<String>,
    pub range: Option<(u64, u64)>,
    pub categories: Vec<Category>,
    pub retired: Vec<String>,
    pub entries: Vec<Entry<'a>>,
    pub format: BuiltIn,
    /// The type's settings that reach its responses.
    pub response: super::response::ResponseSettings,
    pub decode: bool,
    /// No derived framework impls: the user writes them.
    pub manual_response: bool,
    /// The type's doc comment: introduction and appendices.
    pub doc: doc::TypeDoc,
    pub doc_url: Option<String>,
    /// An enum's `class`: the base class of its errors' classes.
    pub class: Option<String>,
    /// `(status, description, troubleshooting)`.
    pub status_docs: Vec<(u16, String, Option<String>)>,
    /// `bound = "..."`: the impls' where-clause predicates, in place of the
    /// inferred ones.
    pub bound: Option<&'a [syn::WherePredicate]>,
    /// `language = "en"`: the language of the messages as written.
    pub language: Option<String>,
    /// The translation files read (absolute paths), for rebuilds.
    pub locale_files: Vec<String>,
}

/// A built-in format, as the table shared with the runtime lists it.
pub struct Row {
    /// Its type in `apierror::format`, also its variant of `BuiltIn`.
    pub ty: &'static str,
    /// Its name in `#[api_error(format = "...")]`.
    pub name: &'static str,
    /// The attribute it takes its one setting from, and whether it is
    /// required.
    pub setting: Option<(&'static str, bool)>,
    /// Details keys its own members take.
    pub reserved: &'static [&'static str],
}

macro_rules! rows {
    ($($ty:ident $name:literal $doc:literal ($setting:expr) ($reserved:expr);)*) => {
        /// The built-in formats, the default first.
        pub const ROWS: &[Row] = &[$(Row {
            ty: stringify!($ty),
            name: $name,
            setting: $setting,
            reserved: $reserved,
        }),*];
    };
}

use crate::base::formats::PROBLEM_MEMBERS;
built_in_formats!(rows);

/// The type's default format.
pub enum BuiltIn {
    /// A built-in one, with the value of its setting.
    Named {
        row: &'static Row,
        setting: Option<String>,
    },
    /// The user's own format: the path of a value whose type implements it.
    Custom(syn::Path),
}

impl BuiltIn {
    /// The default format.
    pub fn standard() -> Self {
        BuiltIn::Named {
            row: &ROWS[0],
            setting: None,
        }
    }

    /// The value of the setting `key` of a built-in format.
    pub fn setting(&self, key: &str) -> Option<&str> {
        match self {
            BuiltIn::Named {
                row,
                setting: Some(value),
            } if row.setting.is_some_and(|(k, _)| k == key) => Some(value),
            _ => None,
        }
    }
}

pub struct Category {
    pub name: String,
    pub title: Option<String>,
    pub range: Option<(u64, u64)>,
    pub prefix: Option<String>,
}

// Built once per derive and read by codegen: size does not matter, and
// codegen destructures `Own` in place.
#[allow(clippy::large_enum_variant)]
pub enum Entry<'a> {
    Own(Own<'a>),
    Transparent {
        variant: &'a Variant<'a>,
        field: &'a Field<'a>,
    },
}

pub struct Own<'a> {
    pub variant: &'a Variant<'a>,
    pub code: String,
    pub status: u16,
    /// The template as written, or the reason phrase.
    pub template: String,
    pub message: Message<'a>,
    /// The message has literal text besides its placeholders.
    pub literal: bool,
    pub category: Option<String>,
    pub details: Vec<(&'a Field<'a>, String)>,
    pub has_details: bool,
    pub retry_after: Option<&'a Field<'a>>,
    /// Fields that feed a header, with its lowercase name.
    pub headers: Vec<(&'a Field<'a>, String)>,
    pub source: Option<&'a Field<'a>>,
    pub title: Option<String>,
    pub kind: Option<String>,
    /// `grpc = "..."`: the canonical gRPC code name, checked.
    pub grpc: Option<String>,
    /// The log level bits of the descriptor flags: 0 the status's default.
    pub log: u8,
    pub class: Option<String>,
    /// The doc comment, read.
    pub doc: doc::VariantDoc,
    /// `(language, template)` of each translation of the message.
    pub translations: Vec<(String, String)>,
    /// The interpolated message is the type's `Display` text: thiserror's
    /// `#[error("...")]` is one string literal with the same template, and
    /// the message takes no arguments of its own. It is then written by that
    /// `Display`, and has no arguments' arm.
    pub message_is_display: bool,
}

pub enum Message<'a> {
    Static(String),
    /// A format string with `{__aN}` arguments, each bound to a field.
    Formatted {
        format: String,
        span: Span,
        args: Vec<(&'a Field<'a>, SpecTrait)>,
        /// Computed arguments, `{__cN}` in the format.
        computed: Vec<Computed<'a>>,
        /// The template's pieces, for the runtime's `Piece`s.
        pieces: Vec<Part<'a>>,
    },
}

/// A computed message argument: `.limit * 2`, `n = .items.len()`.
pub struct Computed<'a> {
    pub name: Option<syn::Ident>,
    pub expr: &'a proc_macro2::TokenStream,
    /// The fields it uses, to bind in the match arm.
    pub fields: Vec<&'a Field<'a>>,
    pub span: Span,
}

/// A piece of a formatted template, its placeholder bound to a field.
pub enum Part<'a> {
    Text(String),
    Arg {
        /// As written, braces included: `{price:.2}`.
        written: String,
        field: &'a Field<'a>,
        spec: String,
    },
    /// A computed argument, shown by its name: `{n}` for `n = .items.len()`,
    /// `{arg1}` for the first argument without one.
    Computed {
        written: String,
        /// Its index among the variant's computed arguments.
        index: usize,
        spec: String,
    },
}

pub(super) struct Rules {
    pub(super) pattern: Option<Pattern>,
    pub(super) range: Option<RangeAttr>,
    pub(super) rule: Option<Rule>,
    /// A rule was written, even if it was not understood (already reported).
    pub(super) rule_written: bool,
    pub(super) prefix: String,
    pub(super) status: Option<u16>,
    pub(super) status_written: bool,
    /// The type's attributes could not all be read (reported already).
    pub(super) unreadable: bool,
}
