use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 429)]
pub enum ShopError {
    #[api_error(retry_after)]
    RateLimited { wait: u64 },
}

fn main() {}
