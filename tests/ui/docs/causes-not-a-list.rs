use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum ChoreoError {
    /// Component specification contains invalid configuration.
    ///
    /// # Causes
    /// An invalid component name or an unsupported runtime.
    #[code("CHOREO-1001")]
    #[status(400)]
    ValidationFailed,
}

fn main() {}
