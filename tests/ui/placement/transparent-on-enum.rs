use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(transparent)]
pub enum ShopError {
    #[code("ORDER_NOT_FOUND")]
    #[status(404)]
    OrderNotFound,
}

fn main() {}
