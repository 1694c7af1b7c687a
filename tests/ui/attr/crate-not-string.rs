use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(crate = 5)]
pub enum InventoryError {
    #[code("NOT_FOUND")]
    #[status(404)]
    NotFound,
}

fn main() {}
