use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum ChoreoError {
    /// # Example
    /// Component validation failed: spec.runtime 'php' is not supported.
    #[code("CHOREO-1001")]
    #[status(400)]
    ValidationFailed,
}

fn main() {}
