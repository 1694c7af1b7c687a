use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", format = "google")]
pub enum ComputeError {
    #[status(429)]
    ResourceExhausted,
}

fn main() {}
