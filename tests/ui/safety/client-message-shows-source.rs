use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 400)]
pub enum ShopError {
    #[message("Bad number: {cause}")]
    BadNumber {
        #[source]
        cause: std::num::ParseIntError,
    },
}

fn main() {}
