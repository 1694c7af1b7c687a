use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "snake_case")]
pub enum GatewayError {
    #[status(429)]
    #[api_error(status_doc(429, "Rate limit exceeded"))]
    RateLimitExceeded,
}

fn main() {}
