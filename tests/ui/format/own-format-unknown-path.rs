use apierror::ApiError;

mod formats {}

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", format = formats::MISSING)]
pub enum ShopError {
    #[status(404)]
    OrderNotFound,
}

fn main() {}
