use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum ShopError {
    #[status(409)]
    #[api_error(grpc = "ALREADY_EXIST")]
    Duplicate,
    #[status(409)]
    #[api_error(grpc = "already-exists")]
    Lowercase,
    #[status(400)]
    #[api_error(grpc = "OK")]
    Fine,
    #[status(400)]
    #[api_error(grpc = "TEAPOT")]
    Teapot,
}

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 409, grpc = "Aborted")]
pub struct Conflict;

fn main() {}
