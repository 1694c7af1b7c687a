use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum PhalaError {
    #[code("ERR-01-001")]
    #[status(404)]
    #[api_error(class = "")]
    NodeNotFound,
}

fn main() {}
