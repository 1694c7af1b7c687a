use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum GatewayError {
    #[code("UPSTREAM_UNREACHABLE")]
    #[status(BAD_GATEWAY)]
    #[message("The upstream service failed: {0}")]
    UpstreamUnreachable(#[from] std::io::Error),
}

fn main() {}
