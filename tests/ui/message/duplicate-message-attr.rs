use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum InventoryError {
    #[code("NOT_FOUND")]
    #[status(404)]
    #[message("Not here")]
    #[message("Not there")]
    NotFound,
}

fn main() {}
