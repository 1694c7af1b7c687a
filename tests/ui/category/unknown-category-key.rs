use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(pattern = "ORD-###", status = 404)]
#[api_error(category(name = "orders", rnage = 1..=99))]
pub enum ShopError {
    #[code("ORD-001")]
    OrderNotFound,
}

fn main() {}
