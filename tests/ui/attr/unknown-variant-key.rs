use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum InventoryError {
    #[code("NOT_FOUND")]
    #[status(404)]
    #[api_error(empty_detail)]
    NotFound,
}

fn main() {}
