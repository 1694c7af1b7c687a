use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum ShopError {
    #[status(404)]
    #[message("No order {order}")]
    OrderNotFound {
        #[api_error(schema = "String")]
        order: u64,
    },
    #[status(410)]
    #[message("Gone")]
    Gone {
        #[api_error(schema = String, schema = u64)]
        order: u64,
    },
}

fn main() {}
