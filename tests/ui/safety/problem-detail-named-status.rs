use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", format = "problem")]
pub enum DeploymentError {
    #[status(409)]
    #[message("The deployment is not in a state that allows this")]
    InvalidState { deployment: String, status: String },
}

fn main() {}
