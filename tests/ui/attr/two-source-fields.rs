use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 500)]
pub enum ShopError {
    Storage {
        #[source]
        cause: std::io::Error,
        #[source]
        other: std::io::Error,
    },
}

fn main() {}
