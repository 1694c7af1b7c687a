use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum ApiErrorKind {
    #[code("CONFLICT")]
    #[status(CONFLCT)]
    Conflict,
}

fn main() {}
