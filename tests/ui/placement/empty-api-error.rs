use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 404)]
pub enum ShopError {
    #[api_error()]
    OrderNotFound,
}

fn main() {}
