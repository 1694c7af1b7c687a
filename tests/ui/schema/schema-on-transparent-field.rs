use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum Inner {
    #[status(404)]
    #[message("Not found")]
    NotFound,
}

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum Outer {
    #[api_error(transparent)]
    Inner(#[api_error(schema = String)] Inner),
}

fn main() {}
