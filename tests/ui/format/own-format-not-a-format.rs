use apierror::ApiError;

pub const NOT_A_FORMAT: u32 = 7;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", format = NOT_A_FORMAT)]
pub enum ShopError {
    #[status(404)]
    OrderNotFound,
}

fn main() {}
