use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum GatewayError {
    /// # Solution
    /// Add the key to the `api_keys` section.
    ///
    /// Then restart the gateway.
    #[code("invalid_api_key")]
    #[status(401)]
    InvalidApiKey,
}

fn main() {}
