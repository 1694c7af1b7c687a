#[derive(Debug, ApiError)]
pub enum InventoryError {
    #[code("NOT_FOUND")]
    #[status(404)]
    NotFound {
        #[api_error(skip, rename = "type")]
        instance_type: String,
    },
}
