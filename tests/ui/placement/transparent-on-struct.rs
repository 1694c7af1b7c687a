use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(transparent)]
pub struct Wrapper(Inner);

#[derive(Debug, ApiError)]
#[code("INNER")]
#[status(400)]
pub struct Inner;

fn main() {}
