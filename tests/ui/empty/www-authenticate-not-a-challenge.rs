// `www_authenticate` takes a challenge, or `false` for none.
use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 401, www_authenticate = true)]
pub enum Yes {
    SignIn,
}

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 401, www_authenticate = 3)]
pub enum Three {
    SignIn,
}

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 403, www_authenticate = false)]
pub enum Never {
    Forbidden,
}

fn main() {}
