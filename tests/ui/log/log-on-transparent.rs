use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 500)]
pub enum Inner {
    Storage,
}

#[derive(Debug, ApiError)]
pub enum Outer {
    #[api_error(transparent, log = "off")]
    Inner(Inner),
}

fn main() {}
