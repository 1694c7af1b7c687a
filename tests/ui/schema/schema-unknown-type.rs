use apierror::ApiError;

// A type that does not exist fails to compile, whatever the features.
#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum ShopError {
    #[status(409)]
    #[message("Conflict on {order}")]
    Conflict {
        #[api_error(schema = Strnig)]
        order: u64,
    },
}

fn main() {}
