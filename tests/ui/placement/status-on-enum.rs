use apierror::ApiError;

#[derive(Debug, ApiError)]
#[status(404)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum ShopError {
    #[status(404)]
    OrderNotFound,
}

fn main() {}
