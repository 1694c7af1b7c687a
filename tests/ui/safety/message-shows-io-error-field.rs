use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 500)]
pub enum ShopError {
    #[message("Storage failed: {cause}")]
    Storage {
        #[api_error(skip)]
        cause: std::io::Error,
    },
}

fn main() {}
