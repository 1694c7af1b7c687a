use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum ShopError {
    #[status(400)]
    #[message("{} {} {}", self.descriptor().code(), format!("{:?}", .items), dbg!(.count))]
    Invalid { items: Vec<u32>, count: u32 },
    #[status(409)]
    #[message("{}", format!("{v:#?}", v = .items))]
    Conflict { items: Vec<u32> },
}

fn main() {}
