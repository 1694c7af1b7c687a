use apierror::ApiError;

#[derive(Debug, ApiError)]
#[code("ORDER_NOT_FOUND")]
#[api_error(status = 404)]
pub enum ShopError {
    #[code("ORDER_NOT_FOUND")]
    OrderNotFound,
}

fn main() {}
