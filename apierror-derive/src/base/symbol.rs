//! Every name the derive reads in the user's attributes, written once
//! (serde_derive's `symbol.rs` habit): the parsers match on these, the
//! tables of keys by place list them, the misplaced-key hints name them.

/// `#[api_error(...)]`, the derive's own attribute.
pub const API_ERROR: &str = "api_error";
/// `#[code("...")]` on a variant; `code = "..."` (the naming rule) on a type.
pub const CODE: &str = "code";
/// `#[status(404)]` on a variant; `status = ...` (the default) on a type.
pub const STATUS: &str = "status";
/// `#[message("...")]`, the public message.
pub const MESSAGE: &str = "message";
/// `#[source]` on a field, as thiserror reads it.
pub const SOURCE: &str = "source";
/// `#[from]` on a field, as thiserror reads it.
pub const FROM: &str = "from";
/// `pattern`.
pub const PATTERN: &str = "pattern";
/// `range`.
pub const RANGE: &str = "range";
/// `category`.
pub const CATEGORY: &str = "category";
/// `retired`.
pub const RETIRED: &str = "retired";
/// `prefix`.
pub const PREFIX: &str = "prefix";
/// `empty_details`.
pub const EMPTY_DETAILS: &str = "empty_details";
/// `crate`.
pub const CRATE: &str = "crate";
/// `format`.
pub const FORMAT: &str = "format";
/// `manual_response`.
pub const MANUAL_RESPONSE: &str = "manual_response";
/// `type_url`.
pub const TYPE_URL: &str = "type_url";
/// `domain`.
pub const DOMAIN: &str = "domain";
/// `www_authenticate`.
pub const WWW_AUTHENTICATE: &str = "www_authenticate";
/// `title`.
pub const TITLE: &str = "title";
/// `kind`.
pub const KIND: &str = "kind";
/// `grpc`.
pub const GRPC: &str = "grpc";
/// `decode`.
pub const DECODE: &str = "decode";
/// `log`.
pub const LOG: &str = "log";
/// `class`.
pub const CLASS: &str = "class";
/// `doc_url`.
pub const DOC_URL: &str = "doc_url";
/// `status_doc`.
pub const STATUS_DOC: &str = "status_doc";
/// `bound`.
pub const BOUND: &str = "bound";
/// `language`.
pub const LANGUAGE: &str = "language";
/// `locales`.
pub const LOCALES: &str = "locales";
/// `translations`.
pub const TRANSLATIONS: &str = "translations";
/// `transparent`.
pub const TRANSPARENT: &str = "transparent";
/// `rename`.
pub const RENAME: &str = "rename";
/// `skip`.
pub const SKIP: &str = "skip";
/// `retry_after`.
pub const RETRY_AFTER: &str = "retry_after";
/// `internal`.
pub const INTERNAL: &str = "internal";
/// `header`.
pub const HEADER: &str = "header";
/// `schema`.
pub const SCHEMA: &str = "schema";
/// `violations`.
pub const VIOLATIONS: &str = "violations";
/// `name`.
pub const NAME: &str = "name";
/// The old name of `format`, answered with a hint.
pub const ENVELOPE: &str = "envelope";
/// Doc comments, read for documentation.
pub const DOC: &str = "doc";
/// thiserror's `#[error(...)]`, read for the message.
pub const ERROR: &str = "error";

/// The keys of `#[api_error(...)]` on a type.
pub const CONTAINER_KEYS: &[&str] = &[
    PATTERN,
    RANGE,
    CATEGORY,
    RETIRED,
    CODE,
    PREFIX,
    STATUS,
    EMPTY_DETAILS,
    CRATE,
    FORMAT,
    MANUAL_RESPONSE,
    TYPE_URL,
    DOMAIN,
    WWW_AUTHENTICATE,
    TITLE,
    KIND,
    GRPC,
    DECODE,
    LOG,
    CLASS,
    DOC_URL,
    STATUS_DOC,
    BOUND,
    LANGUAGE,
    LOCALES,
    TRANSLATIONS,
];

/// The keys of `#[api_error(...)]` on an enum variant.
pub const VARIANT_KEYS: &[&str] = &[
    CATEGORY,
    EMPTY_DETAILS,
    TRANSPARENT,
    TITLE,
    KIND,
    GRPC,
    LOG,
    CLASS,
];

/// The keys of `#[api_error(...)]` on a field.
pub const FIELD_KEYS: &[&str] = &[
    RENAME,
    SKIP,
    RETRY_AFTER,
    INTERNAL,
    HEADER,
    SCHEMA,
    VIOLATIONS,
];

/// The keys of `category(...)` on an enum.
pub const CATEGORY_KEYS: &[&str] = &[NAME, TITLE, RANGE, PREFIX];
