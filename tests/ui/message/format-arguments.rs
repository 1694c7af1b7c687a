use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 404)]
pub enum ShopError {
    #[message("Order {} not found", order_id)]
    OrderNotFound { order_id: String },
}

fn main() {}
