use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum ShopError {
    #[status(404)]
    #[message("No order {order}")]
    OrderNotFound {
        order: u64,
        #[api_error(skip, schema = String)]
        cursor: u64,
    },
    #[status(409)]
    #[message("Conflict on {0}")]
    Conflict(#[api_error(schema = String)] u64),
}

fn main() {}
