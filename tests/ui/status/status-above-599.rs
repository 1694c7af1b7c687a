use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum ApiErrorKind {
    #[code("TOO_HIGH")]
    #[status(600)]
    TooHigh,
}

fn main() {}
