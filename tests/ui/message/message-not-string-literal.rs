use apierror::ApiError;

const NOT_FOUND_MESSAGE: &str = "The requested resource does not exist";

#[derive(Debug, ApiError)]
pub enum InventoryError {
    #[code("NOT_FOUND")]
    #[status(404)]
    #[message(NOT_FOUND_MESSAGE)]
    NotFound,
}

fn main() {}
