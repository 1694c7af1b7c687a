use apierror::ApiError;

#[derive(Debug, ApiError)]
#[code("ORDER_NOT_FOUND")]
#[status(404)]
#[api_error(title = "")]
pub struct OrderNotFound;

fn main() {}
