#[derive(Debug, ApiError)]
#[api_error(pattern = "CHOREO-####")]
#[api_error(category(name = "component", range = 1000..=1999))]
#[api_error(category(name = "project", range = 1900..=2999))]
pub enum ChoreoError {
    #[code("CHOREO-1001")]
    #[status(404)]
    ComponentNotFound,
}
