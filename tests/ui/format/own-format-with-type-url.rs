use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", format = apierror::format::Standard, type_url = "https://x/{code}")]
pub enum ShopError {
    #[status(404)]
    OrderNotFound,
}

fn main() {}
