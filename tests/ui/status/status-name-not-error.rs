use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum ApiErrorKind {
    #[code("SUCCESS")]
    #[status(OK)]
    Success,
}

fn main() {}
