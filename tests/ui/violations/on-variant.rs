use apierror::{ApiError, Violations};

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum SignupError {
    #[status(422)]
    #[api_error(violations)]
    Invalid { list: Violations },
}

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", violations)]
pub enum OtherError {
    #[status(422)]
    Invalid { list: Violations },
}

fn main() {}
