use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 404)]
pub enum Inner {
    Missing,
}

#[derive(Debug, ApiError)]
pub enum Sized<const N: usize> {
    #[code("MISSING")]
    #[status(410)]
    Gone,
    #[api_error(transparent)]
    Inner(Inner),
}

fn main() {}
