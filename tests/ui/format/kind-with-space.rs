use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", format = "openai")]
pub enum GatewayError {
    #[status(429)]
    #[api_error(kind = "rate limit")]
    RateLimitExceeded,
}

fn main() {}
