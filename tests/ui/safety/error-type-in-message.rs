use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 400)]
pub enum ShopError {
    #[message("Bad number: {cause}")]
    BadNumber {
        #[api_error(skip)]
        cause: std::num::ParseIntError,
    },
}

fn main() {}
