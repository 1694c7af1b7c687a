use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum GatewayError {
    /// # causes
    /// - API key not in config
    #[code("invalid_api_key")]
    #[status(401)]
    InvalidApiKey,
}

fn main() {}
