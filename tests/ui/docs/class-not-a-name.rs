// `class` is the name of an exception class in the service's code.
use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", class = "not a class!")]
pub enum ShopError {
    #[status(404)]
    #[api_error(class = "9Lives")]
    NotFound,
    #[status(409)]
    #[api_error(class = "errors..Conflict")]
    Conflict,
    #[status(410)]
    #[api_error(class = "Gone<T>")]
    Gone,
    // Accepted: identifiers joined by `.` or `::`.
    #[status(400)]
    #[api_error(class = "errors.InvalidRequest")]
    Invalid,
    #[status(422)]
    #[api_error(class = "api::errors::_Unprocessable2")]
    Unprocessable,
}

fn main() {}
