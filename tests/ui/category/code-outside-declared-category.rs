use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(pattern = "CHOREO-####")]
#[api_error(category(name = "component", range = 1000..=1999))]
#[api_error(category(name = "project", range = 2000..=2999))]
pub enum ChoreoError {
    #[code("CHOREO-2001")]
    #[status(404)]
    #[api_error(category = "component")]
    ComponentNotFound,
}

fn main() {}
