use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(pattern = "CHOREO-####", range = 1000..=8999)]
#[api_error(category(name = "component", range = 1000..=1999))]
#[api_error(category(name = "system", range = 9000..=9999))]
pub enum ChoreoError {
    #[code("CHOREO-1001")]
    #[status(404)]
    ComponentNotFound,
}

fn main() {}
