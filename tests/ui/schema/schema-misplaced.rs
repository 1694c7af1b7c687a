use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", schema = String)]
pub enum ShopError {
    #[status(404)]
    #[api_error(schema = String)]
    #[message("Not found")]
    NotFound,
}

fn main() {}
