use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", log = "loud")]
pub enum ShopError {
    #[status(500)]
    Storage,
}

fn main() {}
