use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum ShopError {
    #[status(404)]
    #[api_error(manual_response)]
    OrderNotFound,
}

fn main() {}
