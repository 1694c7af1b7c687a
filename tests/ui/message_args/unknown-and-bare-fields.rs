use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum ShopError {
    #[status(400)]
    #[message("{} {}", .nope + 1, limit * 2)]
    Invalid { limit: u32 },
    #[status(409)]
    #[message("{}", .3)]
    Tuple(u32),
}

fn main() {}
