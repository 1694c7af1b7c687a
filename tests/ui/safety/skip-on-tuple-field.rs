use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 400)]
pub enum ShopError {
    Invalid(#[api_error(skip)] String),
}

fn main() {}
