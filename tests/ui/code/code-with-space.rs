use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum ApiErrorKind {
    #[code("NOT FOUND")]
    #[status(404)]
    NotFound,
}

fn main() {}
