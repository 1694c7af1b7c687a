use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(bound = "T: std::fmt::Display + serde::Serialize")]
#[api_error(bound = "T: std::fmt::Display")]
pub enum LookupError<T>
where
    T: Clone,
{
    #[code("NOT_FOUND")]
    #[status(404)]
    #[message("No record {key}")]
    NotFound { key: T },
}

fn main() {}
