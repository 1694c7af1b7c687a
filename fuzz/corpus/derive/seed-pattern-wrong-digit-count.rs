#[derive(Debug, ApiError)]
#[api_error(pattern = "ERR-02-###")]
pub enum InventoryError {
    #[code("ERR-02-0001")]
    #[status(404)]
    NotFound,
}
