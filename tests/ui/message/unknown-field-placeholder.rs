use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum InventoryError {
    #[code("INSTANCE_TYPE_NOT_FOUND")]
    #[status(404)]
    #[message("The requested instance type '{instance_typ}' does not exist")]
    InstanceTypeNotFound { instance_type: String },
}

fn main() {}
