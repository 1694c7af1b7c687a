use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "snake_case", status_doc(429))]
pub enum GatewayError {
    #[status(429)]
    RateLimitExceeded,
}

fn main() {}
