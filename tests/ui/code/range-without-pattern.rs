use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(range = 1000..=9999)]
pub enum ChoreoError {
    #[code("CHOREO-1001")]
    #[status(404)]
    NotFound,
}

fn main() {}
