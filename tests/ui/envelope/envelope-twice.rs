use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", envelope = "problem")]
#[api_error(envelope = "tagged")]
pub enum ShopError {
    #[status(404)]
    OrderNotFound,
}

fn main() {}
