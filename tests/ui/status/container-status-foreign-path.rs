use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = my::GONE)]
pub enum ShopError {
    OrderGone,
}

fn main() {}
