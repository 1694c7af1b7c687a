use apierror::ApiError;

pub const ORDER_MISSING: u16 = 404;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum ShopError {
    #[status(ORDER_MISSING)]
    OrderNotFound,
}

fn main() {}
