// The `de` file has no line for `GONE`: spanned at the variant.
use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", language = "en", locales("de"))]
#[api_error(translations = "ui-locales/missing")]
pub enum NodeError {
    #[status(404)]
    NotFound,
    #[status(410)]
    Gone,
}

fn main() {}
