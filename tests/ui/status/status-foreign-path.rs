use apierror::ApiError;

pub struct Codes;
impl Codes {
    pub const GONE: u16 = 404;
}

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum ShopError {
    #[status(Codes::GONE)]
    OrderNotFound,
}

fn main() {}
