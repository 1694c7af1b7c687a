use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 502)]
pub enum ShopError {
    #[message("Upstream failed: {cause}")]
    Upstream { cause: Box<dyn std::error::Error + Send + Sync> },
}

fn main() {}
