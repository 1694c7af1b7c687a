use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum LookupError<T> {
    #[code("NOT_FOUND")]
    #[status(404)]
    #[message("No record {key}")]
    NotFound {
        #[api_error(bound = "T: std::fmt::Display + serde::Serialize")]
        key: T,
    },
}

fn main() {}
