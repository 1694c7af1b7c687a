use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum PhalaError {
    #[code("ERR-01-005")]
    #[status(465)]
    CreditsExhausted,
}

fn main() {}
