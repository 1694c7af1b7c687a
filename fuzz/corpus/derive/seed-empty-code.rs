#[derive(Debug, ApiError)]
pub enum ApiErrorKind {
    #[code("")]
    #[status(404)]
    NotFound,
}
