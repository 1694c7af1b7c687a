use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum ShopError {
    #[status(409)]
    Duplicate {
        #[api_error(grpc = "ALREADY_EXISTS")]
        order: String,
    },
}

fn main() {}
