use apierror::ApiError;

#[derive(Debug, ApiError)]
#[message("Something went wrong")]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 400)]
pub enum ShopError {
    OrderNotFound,
}

fn main() {}
