use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum StoreError {
    #[status(503)]
    #[message("The store is unavailable")]
    Unavailable {
        #[api_error(internal, schema = String)]
        address: std::net::SocketAddr,
        #[source]
        #[api_error(schema = String)]
        source: std::io::Error,
    },
}

fn main() {}
