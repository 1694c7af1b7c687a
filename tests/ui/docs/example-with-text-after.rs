use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum ChoreoError {
    /// # Example
    /// ```text
    /// Component validation failed
    /// ```
    /// Seen when the runtime is `php`.
    #[code("CHOREO-1001")]
    #[status(400)]
    ValidationFailed,
}

fn main() {}
