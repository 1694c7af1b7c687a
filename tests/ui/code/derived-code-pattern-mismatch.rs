use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(pattern = "AUTH-####", code = "SCREAMING_SNAKE_CASE")]
pub enum AuthError {
    #[status(401)]
    TokenExpired,
}

fn main() {}
