use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum InventoryError {
    #[code("NOT_FOUND")]
    #[status(404)]
    NotFound {
        #[api_error(renam = "type")]
        instance_type: String,
    },
}

fn main() {}
