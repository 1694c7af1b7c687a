use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", type_url = "https://docs.example.com/errors/{code}")]
pub enum ShopError {
    #[status(404)]
    OrderNotFound,
}

fn main() {}
