use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", envelope = "google")]
pub enum ComputeError {
    #[status(429)]
    ResourceExhausted,
}

fn main() {}
