// A file with `[TypeName]` tables: the type reads its own table, which
// must be there; a line outside every table is an error.
use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", language = "en", locales("de"))]
#[api_error(translations = "ui-locales/tables")]
pub enum AuthError {
    #[status(401)]
    TokenExpired,
}

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", language = "en", locales("de"))]
#[api_error(translations = "ui-locales/rootline")]
pub enum Rooted {
    #[status(401)]
    TokenExpired,
}

fn main() {}
