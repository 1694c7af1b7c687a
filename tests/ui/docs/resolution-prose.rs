use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum ChoreoError {
    /// # Resolution
    /// Check the component name, then the runtime.
    #[code("CHOREO-1001")]
    #[status(400)]
    ValidationFailed,
}

fn main() {}
