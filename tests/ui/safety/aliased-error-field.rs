use apierror::ApiError;

type Cause = std::io::Error;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 500)]
pub enum StoreError {
    #[message("Storage failed: {cause}")]
    Storage {
        #[api_error(skip)]
        cause: Cause,
    },
}

fn main() {}
