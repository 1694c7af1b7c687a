use apierror::ApiError;

#[derive(ApiError)]
pub union InventoryError {
    code: u32,
}

fn main() {}
