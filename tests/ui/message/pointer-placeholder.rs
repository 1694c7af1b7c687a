use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 422)]
pub enum ShopError {
    #[message("At {at:p}")]
    Invalid { at: &'static u8 },
}

fn main() {}
