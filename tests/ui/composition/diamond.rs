use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 404)]
pub enum Inner {
    Missing,
}

#[derive(Debug, ApiError)]
pub enum Left {
    #[api_error(transparent)]
    Inner(Inner),
}

#[derive(Debug, ApiError)]
pub enum Right {
    #[api_error(transparent)]
    Inner(Inner),
}

#[derive(Debug, ApiError)]
pub enum Service {
    #[api_error(transparent)]
    Left(Left),
    #[api_error(transparent)]
    Right(Right),
}

fn main() {}
