// The challenge goes out with 401 responses only: on a type none of whose
// variants answers 401 it would never be sent.
use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", www_authenticate = "Bearer realm=\"api\"")]
pub enum ShopError {
    #[status(403)]
    Forbidden,
    #[status(404)]
    NotFound,
}

// Accepted: a 401 variant, a default status of 401, or an included type
// that may answer 401.
#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", www_authenticate = "Bearer realm=\"api\"")]
pub enum AuthError {
    #[status(401)]
    SignIn,
}

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 401, www_authenticate = "Basic")]
pub struct Unauthenticated;

#[derive(Debug, ApiError)]
#[api_error(www_authenticate = "Bearer realm=\"shop\"")]
pub enum ServiceError {
    #[api_error(transparent)]
    Auth(AuthError),
}

fn main() {}
