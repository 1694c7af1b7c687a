use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(category(name = "auth", prefix = "AUTH_"))]
#[api_error(category(name = "validation", prefix = "VALIDATION_"))]
pub enum HexabaseError {
    #[code("AUTH_TOKEN_EXPIRED")]
    #[status(401)]
    TokenExpired,

    #[code("QUOTA_EXCEEDED")]
    #[status(429)]
    QuotaExceeded,
}

fn main() {}
