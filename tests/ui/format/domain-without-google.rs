use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", format = "problem", domain = "shop.example.com")]
pub enum ShopError {
    #[status(404)]
    OrderNotFound,
}

fn main() {}
