use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum ApiErrorKind {
    #[code("NOT_FOUND")]
    #[status(404)]
    NotFound,

    #[status(409)]
    Conflict,
}

fn main() {}
