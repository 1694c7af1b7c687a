use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 404, format = "google", domain = "")]
pub enum ShopError {
    OrderNotFound,
}

fn main() {}
