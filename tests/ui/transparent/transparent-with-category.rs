use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 404)]
pub enum Inner {
    Missing,
}

#[derive(Debug, ApiError)]
#[api_error(category(name = "inner", prefix = "MISSING"))]
pub enum Outer {
    #[api_error(transparent, category = "inner")]
    Inner(Inner),
}

fn main() {}
