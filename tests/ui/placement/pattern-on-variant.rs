use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(status = 404)]
pub enum ShopError {
    #[code("ORD-001")]
    #[api_error(pattern = "ORD-###")]
    OrderNotFound,
}

fn main() {}
