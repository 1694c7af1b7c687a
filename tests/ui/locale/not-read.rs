// TOML 1.0 that translation files do not read is an error that says so.
// One file per construct: de an array, fr a number, it an inline table,
// es a dotted key, nl a multi-line string, pt an array of tables, pl a
// dotted table name.
use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", language = "en")]
#[api_error(locales("de", "fr", "it", "es", "nl", "pt", "pl"), translations = "ui-locales/not-read")]
pub enum NodeError {
    #[status(404)]
    NotFound,
}

fn main() {}
