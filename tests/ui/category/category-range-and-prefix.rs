use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(pattern = "ORD-###", status = 404)]
#[api_error(category(name = "orders", range = 1..=99, prefix = "ORD-0"))]
pub enum ShopError {
    #[code("ORD-001")]
    OrderNotFound,
}

fn main() {}
