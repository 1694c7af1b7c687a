use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", format = "probelm")]
pub enum ChoreoError {
    #[status(500)]
    Internal,
}

fn main() {}
