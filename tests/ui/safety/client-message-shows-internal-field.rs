use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 401)]
pub enum ShopError {
    #[message("Token {token} was rejected")]
    BadToken {
        #[api_error(internal)]
        token: String,
    },
}

fn main() {}
