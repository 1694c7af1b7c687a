use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(pattern = "ERR-02-###")]
pub enum InventoryError {
    #[code("ERR-03-001")]
    #[status(404)]
    NotFound,
}

fn main() {}
