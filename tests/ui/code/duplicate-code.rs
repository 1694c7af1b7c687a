use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(pattern = "ERR-02-###")]
pub enum InventoryError {
    #[code("ERR-02-001")]
    #[status(404)]
    InstanceTypeNotFound,

    #[code("ERR-02-001")]
    #[status(409)]
    InsufficientVcpu,
}

fn main() {}
