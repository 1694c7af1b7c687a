use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(pattern = "CHOREO-####", range = 1000..=9999)]
pub enum ChoreoError {
    #[code("CHOREO-0999")]
    #[status(404)]
    NotFound,
}

fn main() {}
