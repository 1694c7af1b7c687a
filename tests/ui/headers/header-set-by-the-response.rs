use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum ShopError {
    #[status(429)]
    RateLimited {
        #[api_error(header = "Content-Type")]
        kind: String,
    },
}

fn main() {}
