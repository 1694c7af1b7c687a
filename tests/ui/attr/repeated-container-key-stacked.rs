use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(pattern = "ERR-02-###", status = 400)]
#[api_error(status = 404)]
pub enum InventoryError {
    #[code("ERR-02-001")]
    NotFound,
}

fn main() {}
