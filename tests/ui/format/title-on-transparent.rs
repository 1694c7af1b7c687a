use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum Inner {
    #[status(404)]
    OrderNotFound,
}

#[derive(Debug, ApiError)]
pub enum Outer {
    #[api_error(transparent, title = "Not here")]
    Inner(Inner),
}

fn main() {}
