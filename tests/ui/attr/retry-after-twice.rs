use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum GatewayError {
    #[code("RATE_LIMITED")]
    #[status(429)]
    RateLimited {
        #[api_error(retry_after)]
        retry_after_secs: u64,
        #[api_error(retry_after)]
        reset_after_secs: u64,
    },
}

fn main() {}
