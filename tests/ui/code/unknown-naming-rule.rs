use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "camelCase_wrong")]
pub enum AuthError {
    #[status(401)]
    TokenExpired,
}

fn main() {}
