#[derive(Debug, ApiError)]
#[api_error(patern = "ERR-02-###")]
pub enum InventoryError {
    #[code("ERR-02-001")]
    #[status(404)]
    NotFound,
}
