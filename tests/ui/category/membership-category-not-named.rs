use apierror::ApiError;

// A category without range or prefix holds the codes that name it: a code
// naming none is in no category.
#[derive(Debug, ApiError)]
#[api_error(code = "snake_case")]
#[api_error(category(name = "auth", title = "Authentication & Authorization"))]
#[api_error(category(name = "rate", title = "Rate Limiting"))]
pub enum GatewayError {
    #[status(401)]
    #[api_error(category = "auth")]
    InvalidApiKey,
    #[status(429)]
    RateLimitExceeded,
}

fn main() {}
