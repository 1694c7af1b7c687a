use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum ShopError {
    #[status(StatusCode::FOUND)]
    OrderMoved,
}

fn main() {}
