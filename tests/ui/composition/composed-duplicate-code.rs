use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum PreflightError {
    #[code("ERR-01-001")]
    #[status(400)]
    InvalidImage,
}

#[derive(Debug, ApiError)]
pub enum PhalaError {
    #[api_error(transparent)]
    Preflight(PreflightError),

    #[code("ERR-01-001")]
    #[status(500)]
    Internal,
}

fn main() {}
