#[derive(Debug, ApiError)]
#[api_error(pattern = "ERR-02-###")]
pub enum InventoryError {
    #[code("ERR-2-001")]
    #[status(404)]
    NotFound,

    #[code("ERR-02-002")]
    #[status(302)]
    Moved,

    #[code("ERR-02-003")]
    #[status(409)]
    #[message("Node {node} lacks {requested} vCPU")]
    InsufficientVcpu { requested: u32 },
}
