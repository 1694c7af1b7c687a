// A line for a code the type does not have, and a code translated twice.
use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", language = "en", locales("de"))]
#[api_error(translations = "ui-locales/unknown")]
pub enum NodeError {
    #[status(404)]
    NotFound,
}

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", language = "en", locales("de"))]
#[api_error(translations = "ui-locales/twice")]
pub enum Twice {
    #[status(404)]
    NotFound,
}

fn main() {}
