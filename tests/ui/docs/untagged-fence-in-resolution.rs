use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum ChoreoError {
    /// # Resolution
    /// 1. **Validate**: the component file
    ///
    /// ```
    /// choreo validate component ./my-component.yaml
    /// ```
    #[code("CHOREO-1001")]
    #[status(400)]
    ValidationFailed,
}

fn main() {}
