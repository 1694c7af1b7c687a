use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum ShopError {
    #[status(404)]
    OrderNotFound {
        #[status(404)]
        order_id: String,
    },
}

fn main() {}
