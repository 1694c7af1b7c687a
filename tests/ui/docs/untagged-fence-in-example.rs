use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum ChoreoError {
    /// Component specification contains invalid configuration.
    ///
    /// # Example
    /// ```
    /// Component validation failed: spec.runtime 'php' is not supported.
    /// ```
    #[code("CHOREO-1001")]
    #[status(400)]
    ValidationFailed,
}

fn main() {}
