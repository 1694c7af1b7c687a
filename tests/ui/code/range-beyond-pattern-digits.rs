use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(pattern = "CHOREO-####", range = 1000..=99999)]
pub enum ChoreoError {
    #[code("CHOREO-1001")]
    #[status(404)]
    NotFound,
}

fn main() {}
