use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 404)]
pub enum Inner {
    Missing,
}

#[derive(Debug, ApiError)]
pub enum Borrowed<'a> {
    #[code("MISSING")]
    #[status(400)]
    #[message("Bad {name}")]
    Bad { name: &'a str },
    #[api_error(transparent)]
    Inner(Inner),
}

fn main() {}
