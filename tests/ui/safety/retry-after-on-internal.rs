use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 429)]
pub enum ShopError {
    RateLimited {
        #[api_error(internal, retry_after)]
        wait: u64,
    },
}

fn main() {}
