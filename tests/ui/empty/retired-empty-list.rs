use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(pattern = "ORD-###", retired(), status = 404)]
pub enum ShopError {
    #[code("ORD-001")]
    OrderNotFound,
}

fn main() {}
