use apierror::ApiError;

// The attribute is `format`, like the trait: `envelope` names nothing.
#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", envelope = "problem")]
pub enum ShopError {
    #[status(404)]
    #[message("Not found")]
    NotFound,
}

fn main() {}
