use apierror::ApiError;

// `key` is a detail, so the impls need `T: Serialize` too.
#[derive(Debug, ApiError)]
#[api_error(bound = "T: std::fmt::Display")]
pub enum LookupError<T> {
    #[code("NOT_FOUND")]
    #[status(404)]
    #[message("No record {key}")]
    NotFound { key: T },
}

fn main() {}
