use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum ShopError {
    #[status(429)]
    #[api_error(header = "X-Limit")]
    RateLimited { limit: u32 },
}

fn main() {}
