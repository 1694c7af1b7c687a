use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(pattern = "ERR-01-###", status = 404)]
pub enum PreflightError {
    #[code("ERR-01-001")]
    NodeNotFound,
}

#[derive(Debug, ApiError)]
pub enum CvmApiError {
    #[api_error(transparent)]
    Preflight(PreflightError),
}

#[derive(Debug, ApiError)]
#[api_error(pattern = "ERR-01-###", status = 409)]
pub enum LegacyError {
    #[code("ERR-01-001")]
    DuplicateName,
}

// The duplicate sits two levels down on one side.
#[derive(Debug, ApiError)]
pub enum PhalaError {
    #[api_error(transparent)]
    Cvm(CvmApiError),
    #[api_error(transparent)]
    Legacy(LegacyError),
}

fn main() {}
