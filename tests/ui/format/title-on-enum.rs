use apierror::ApiError;

// `kind` on an enum is the default of its variants; `title` names one error.
#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", title = "Shop errors", kind = "invalid_request_error")]
pub enum ShopError {
    #[status(404)]
    OrderNotFound,
}

fn main() {}
