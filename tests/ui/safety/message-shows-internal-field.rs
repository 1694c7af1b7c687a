use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 500)]
pub enum ShopError {
    #[message("Cannot reach {dsn}")]
    Database {
        #[api_error(internal)]
        dsn: String,
    },
}

fn main() {}
