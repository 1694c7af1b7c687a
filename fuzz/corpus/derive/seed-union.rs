#[derive(ApiError)]
pub union InventoryError {
    code: u32,
}
