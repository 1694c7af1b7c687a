use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 401, www_authenticate = "")]
pub enum ShopError {
    SignIn,
}

fn main() {}
