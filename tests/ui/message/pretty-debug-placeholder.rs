use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 422)]
pub enum ShopError {
    #[message("Invalid config {config:#?}")]
    InvalidConfig { config: Vec<String> },
}

fn main() {}
