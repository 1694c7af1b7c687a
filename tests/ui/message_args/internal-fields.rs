use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE")]
pub enum StoreError {
    #[status(503)]
    #[message("Unavailable: {}, {}, {}", .address.len(), .source.kind(), .cause.len())]
    Unavailable {
        #[api_error(internal)]
        address: String,
        source: std::io::Error,
        #[api_error(internal)]
        cause: String,
    },
}

fn main() {}
