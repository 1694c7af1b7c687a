use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum InventoryError {
    #[code("NOT_FOUND")]
    #[code("INSTANCE_NOT_FOUND")]
    #[status(404)]
    NotFound,
}

fn main() {}
