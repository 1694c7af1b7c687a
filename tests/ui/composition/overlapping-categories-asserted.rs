use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(pattern = "CHOREO-####", status = 500)]
#[api_error(category(name = "component", range = 1000..=1999))]
pub enum ComponentError {
    #[code("CHOREO-1001")]
    ValidationFailed,
}

#[derive(Debug, ApiError)]
#[api_error(pattern = "CHOREO-####", status = 500)]
#[api_error(category(name = "project", range = 1500..=2999))]
pub enum ProjectError {
    #[code("CHOREO-2001")]
    CreationFailed,
}

apierror::assert_unique_codes!(ComponentError, ProjectError);

fn main() {}
