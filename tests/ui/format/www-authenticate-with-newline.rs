use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", www_authenticate = "Bearer\r\nSet-Cookie: a=b")]
pub enum AuthError {
    #[status(401)]
    TokenExpired,
}

fn main() {}
