use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(prefix = "AUTH_")]
pub enum AuthError {
    #[code("AUTH_TOKEN_EXPIRED")]
    #[status(401)]
    TokenExpired,
}

fn main() {}
