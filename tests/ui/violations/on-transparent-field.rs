use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum Inner {
    #[status(422)]
    Invalid,
}

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum Outer {
    #[api_error(transparent)]
    Inner(#[api_error(violations)] Inner),
}

fn main() {}
