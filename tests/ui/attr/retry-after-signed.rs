// `Retry-After` is never negative: a signed field is a compile error, not a
// header left out at run time.
use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 429)]
pub enum ShopError {
    RateLimited {
        #[api_error(retry_after)]
        wait: i64,
    },
    Maybe {
        #[api_error(retry_after)]
        wait: Option<i32>,
    },
}

fn main() {}
