// A declared locale without its file; the default directory is `locales`.
use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", language = "en", locales("de", "fr"))]
#[api_error(translations = "ui-locales/complete")]
pub enum NodeError {
    #[status(404)]
    NotFound,
}

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", language = "en", locales("de"))]
pub enum DefaultDir {
    #[status(404)]
    NotFound,
}

fn main() {}
