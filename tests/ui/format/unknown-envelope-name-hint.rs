use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", format = "stripe")]
pub enum ShopError {
    #[status(404)]
    OrderNotFound,
}

fn main() {}
