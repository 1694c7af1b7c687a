use apierror::{ApiError, Violations};

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", format = "problem")]
pub enum SignupError {
    #[status(422)]
    Invalid {
        list: Violations,
        errors: u32,
    },
    #[status(400)]
    Renamed {
        list: Violations,
        #[api_error(rename = "errors")]
        count: u32,
    },
}

fn main() {}
