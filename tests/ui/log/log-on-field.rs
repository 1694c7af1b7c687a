use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum ShopError {
    #[status(500)]
    Storage {
        #[api_error(log = "warn")]
        path: String,
    },
}

fn main() {}
