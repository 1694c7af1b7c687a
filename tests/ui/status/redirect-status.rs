use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum ApiErrorKind {
    #[code("MOVED")]
    #[status(302)]
    Moved,
}

fn main() {}
