use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 500)]
pub enum ShopError {
    Database {
        #[api_error(internal, skip)]
        dsn: String,
    },
}

fn main() {}
