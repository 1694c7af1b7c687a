use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum AuthError {
    #[status(401)]
    TokenExpired,
}

#[derive(Debug, ApiError)]
pub enum ServiceError {
    #[api_error(transparent, class = "AuthError")]
    Auth(AuthError),
}

fn main() {}
