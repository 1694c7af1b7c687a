// A line that is not `CODE = "text"`: its file and line.
use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", language = "en", locales("de"))]
#[api_error(translations = "ui-locales/syntax")]
pub enum NodeError {
    #[status(404)]
    NotFound,
    #[status(410)]
    Gone,
}

fn main() {}
