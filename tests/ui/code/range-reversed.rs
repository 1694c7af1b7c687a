use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(pattern = "CHOREO-####", range = 9999..=1000)]
pub enum ChoreoError {
    #[code("CHOREO-1001")]
    #[status(404)]
    NotFound,
}

fn main() {}
