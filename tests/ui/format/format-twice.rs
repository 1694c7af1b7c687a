use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", format = "problem")]
#[api_error(format = "tagged")]
pub enum ShopError {
    #[status(404)]
    OrderNotFound,
}

fn main() {}
