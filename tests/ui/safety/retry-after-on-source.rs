use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 503)]
pub enum ShopError {
    Down {
        #[source]
        #[api_error(retry_after)]
        cause: std::io::Error,
    },
}

fn main() {}
