use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 404, format = "problem", type_url = "file:///docs/{code}")]
pub enum ShopError {
    OrderNotFound,
}

fn main() {}
