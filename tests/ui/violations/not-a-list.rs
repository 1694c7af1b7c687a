use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum SignupError {
    #[status(422)]
    Invalid {
        #[api_error(violations)]
        list: Vec<String>,
    },
}

fn main() {}
