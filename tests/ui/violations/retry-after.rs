use apierror::{ApiError, Violations};

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum SignupError {
    #[status(429)]
    Invalid {
        #[api_error(retry_after)]
        list: Violations,
    },
}

fn main() {}
