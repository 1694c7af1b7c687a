use apierror::ApiError;

#[derive(Debug, ApiError)]
#[source]
#[code("STORAGE")]
#[status(500)]
pub struct StorageError {
    cause: std::io::Error,
}

fn main() {}
