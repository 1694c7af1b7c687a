use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "snake_case")]
#[api_error(status_doc(429, "Rate limit exceeded"), status_doc(429, "Too many requests"))]
pub enum GatewayError {
    #[status(429)]
    RateLimitExceeded,
}

fn main() {}
