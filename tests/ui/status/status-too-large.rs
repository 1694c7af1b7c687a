use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum ApiErrorKind {
    #[code("CONFLICT")]
    #[status(4090000000)]
    Conflict,
}

fn main() {}
