// A file of many bad lines gives its first 10 errors and one that counts
// the rest: 25 lines that are not `CODE = "text"`, then 12 lines for codes
// the type does not have.
use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", language = "en", locales("de"))]
#[api_error(translations = "ui-locales/many")]
pub enum NodeError {
    #[status(404)]
    NotFound,
}

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", language = "en", locales("de"))]
#[api_error(translations = "ui-locales/many-unknown")]
pub enum Renamed {
    #[status(404)]
    NotFound,
}

fn main() {}
