use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(pattern = "CHOREO-####", range = 1000..=2999, status = 500)]
pub enum ComponentError {
    #[code("CHOREO-1001")]
    ValidationFailed,
}

#[derive(Debug, ApiError)]
#[api_error(pattern = "CHOREO-####", range = 2000..=3999, status = 500)]
pub enum ProjectError {
    #[code("CHOREO-3001")]
    CreationFailed,
}

#[derive(Debug, ApiError)]
pub enum ChoreoError {
    #[api_error(transparent)]
    Component(ComponentError),
    #[api_error(transparent)]
    Project(ProjectError),
}

fn main() {}
