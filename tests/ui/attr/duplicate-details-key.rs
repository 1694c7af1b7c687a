use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum InventoryError {
    #[code("NOT_FOUND")]
    #[status(404)]
    NotFound {
        #[api_error(rename = "id")]
        instance_id: String,
        id: u32,
    },
}

fn main() {}
