// Translation files are TOML 1.0: what TOML 1.0 rejects is an error, in
// any table of the file. One file per mistake:
// de: a CR without its LF hides the rest of a comment's line;
// fr: a control character in a comment; it: TOML 1.1's `\e`;
// es: TOML 1.1's `\xHH`; nl: a key twice in another type's table;
// pt: a name that is a key and a table; pl: `\u` without 4 hex digits.
use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", language = "en")]
#[api_error(locales("de", "fr", "it", "es", "nl", "pt", "pl"), translations = "ui-locales/toml10")]
pub enum NodeError {
    #[status(404)]
    NotFound,
}

fn main() {}
