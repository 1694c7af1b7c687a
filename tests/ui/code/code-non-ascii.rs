use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum ApiErrorKind {
    #[code("NOT_FOUNDé")]
    #[status(404)]
    NotFound,
}

fn main() {}
