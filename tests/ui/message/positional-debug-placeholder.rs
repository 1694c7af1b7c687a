use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 422)]
pub enum ShopError {
    #[message("Invalid config {0:>10?}")]
    InvalidConfig(Vec<String>),
}

fn main() {}
