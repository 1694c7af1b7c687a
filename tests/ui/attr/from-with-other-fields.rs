use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 500)]
pub enum ShopError {
    Storage {
        #[from]
        cause: std::io::Error,
        path: String,
    },
}

fn main() {}
