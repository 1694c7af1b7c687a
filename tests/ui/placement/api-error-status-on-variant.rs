use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum ShopError {
    #[api_error(status = 404)]
    OrderNotFound,
}

fn main() {}
