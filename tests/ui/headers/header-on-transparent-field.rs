use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 404)]
pub enum Inner {
    Missing,
}

#[derive(Debug, ApiError)]
pub enum Outer {
    #[api_error(transparent)]
    Inner(#[api_error(header = "X-Inner")] Inner),
}

fn main() {}
