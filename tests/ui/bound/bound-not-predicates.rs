use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(bound = "T Display")]
pub enum LookupError<T> {
    #[code("NOT_FOUND")]
    #[status(404)]
    #[message("No record {key}")]
    NotFound { key: T },
}

fn main() {}
