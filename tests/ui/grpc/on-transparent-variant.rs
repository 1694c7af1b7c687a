use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum Inner {
    #[status(409)]
    Duplicate,
}

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum Outer {
    #[api_error(transparent, grpc = "ALREADY_EXISTS")]
    Inner(Inner),
}

fn main() {}
