use apierror::{ApiError, Violations};

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum SignupError {
    #[status(422)]
    Invalid {
        #[api_error(violations = "yes")]
        list: Violations,
    },
    #[status(400)]
    Twice {
        #[api_error(violations, violations = false)]
        list: Violations,
    },
}

fn main() {}
