use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", prefix = "AUTH_")]
pub enum AuthError {
    #[status(401)]
    TokenExpired,

    #[code("AUTH_TOKEN_EXPIRED")]
    #[status(401)]
    SessionExpired,
}

fn main() {}
