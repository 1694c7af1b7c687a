use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum ShopError {
    #[status(500)]
    Database {
        #[source]
        #[api_error(header = "X-Cause")]
        cause: std::io::Error,
    },
}

fn main() {}
