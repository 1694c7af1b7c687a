// The languages are the type's: on a variant or a field they are errors.
use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum OnVariant {
    #[status(404)]
    #[api_error(locales("de"))]
    NotFound,
}

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum OnField {
    #[status(404)]
    NotFound {
        #[api_error(language = "de")]
        node: String,
    },
}

fn main() {}
