use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(status = 404)]
pub enum ShopError {
    #[api_error(code = "ORDER_NOT_FOUND")]
    OrderNotFound,
}

fn main() {}
