use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum ShopError {
    #[status(StatusCode::<u8>::GONE)]
    OrderGone,
}

fn main() {}
