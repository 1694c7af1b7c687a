use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 422)]
pub enum ShopError {
    #[message("Invalid bytes {bytes:x?}")]
    InvalidBytes { bytes: Vec<u8> },
}

fn main() {}
