use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum ChoreoError {
    /// # Causes
    ///
    /// # Solution
    /// Fix the component file
    #[code("CHOREO-1001")]
    #[status(400)]
    ValidationFailed,
}

fn main() {}
