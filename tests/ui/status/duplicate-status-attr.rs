use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum ApiErrorKind {
    #[code("CONFLICT")]
    #[status(409)]
    #[status(400)]
    Conflict,
}

fn main() {}
