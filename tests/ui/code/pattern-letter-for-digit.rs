use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(pattern = "ERR-02-###")]
pub enum InventoryError {
    #[code("ERR-02-00A")]
    #[status(404)]
    NotFound,
}

fn main() {}
