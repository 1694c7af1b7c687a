use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(status = 200)]
pub enum ApiErrorKind {
    #[code("NOT_FOUND")]
    NotFound,
}

fn main() {}
