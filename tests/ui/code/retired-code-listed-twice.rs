use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(pattern = "ERR-02-###", retired("ERR-02-016", "ERR-02-016"))]
pub enum InventoryError {
    #[code("ERR-02-001")]
    #[status(404)]
    NotFound,
}

fn main() {}
