use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum GatewayError {
    /// # Causes
    /// - API key not in config
    ///
    /// # Causes
    /// - Key doesn't exist
    #[code("invalid_api_key")]
    #[status(401)]
    InvalidApiKey,
}

fn main() {}
