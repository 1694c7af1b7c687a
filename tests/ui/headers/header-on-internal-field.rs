use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum ShopError {
    #[status(500)]
    Database {
        #[api_error(internal, header = "X-Dsn")]
        dsn: String,
    },
}

fn main() {}
