use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(pattern = "ERR-###################")]
pub enum InventoryError {
    #[code("ERR-0000000000000000001")]
    #[status(404)]
    NotFound,
}

fn main() {}
