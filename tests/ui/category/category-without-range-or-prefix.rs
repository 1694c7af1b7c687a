use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(pattern = "CHOREO-####")]
#[api_error(category(name = "component"))]
pub enum ChoreoError {
    #[code("CHOREO-1001")]
    #[status(404)]
    ComponentNotFound,
}

fn main() {}
