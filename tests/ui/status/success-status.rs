use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum ApiErrorKind {
    #[code("SUCCESS")]
    #[status(200)]
    Success,
}

fn main() {}
