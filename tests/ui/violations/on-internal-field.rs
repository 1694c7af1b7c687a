use apierror::{ApiError, Violations};

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum SignupError {
    #[status(422)]
    Invalid {
        #[api_error(internal, violations)]
        list: Violations,
    },
}

fn main() {}
