use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 500)]
pub enum ShopError {
    Storage {
        #[source]
        #[api_error(rename = "cause")]
        error: std::io::Error,
    },
}

fn main() {}
