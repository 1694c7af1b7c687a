use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", format = "problem")]
pub enum QuotaError {
    #[status(429)]
    #[message("Too many requests")]
    RateLimited {
        #[api_error(rename = "retry-after")]
        retry_after_secs: u64,
    },
}

fn main() {}
