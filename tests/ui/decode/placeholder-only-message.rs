use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 429, decode)]
pub enum GatewayError {
    #[message("{detail}")]
    Throttled { detail: String },
    #[message("Rate limit exceeded")]
    RateLimited,
}

fn main() {}
