use apierror::{ApiError, Violations};

type Alias = Violations;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum SignupError {
    #[status(422)]
    Invalid {
        body: Violations,
        query: Option<apierror::Violations>,
        #[api_error(violations)]
        headers: Alias,
    },
}

fn main() {}
