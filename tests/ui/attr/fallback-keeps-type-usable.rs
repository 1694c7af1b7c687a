use apierror::ApiError;

// The derive rejects the code, but still implements ApiError, Display and
// Error: the only error is the bad code, not one per use of the type below.
#[derive(Debug, ApiError)]
#[api_error(pattern = "ERR-02-###", status = 400)]
pub enum InventoryError {
    #[code("ERR-2-001")]
    InstanceTypeNotFound,
}

fn render<E: ApiError>(error: &E) -> Vec<u8> {
    apierror::Render::new(error).to_vec().unwrap()
}

fn main() {
    let error = InventoryError::InstanceTypeNotFound;
    let _ = (error.code(), error.status(), error.to_string());
    let _: Box<dyn std::error::Error> = Box::new(InventoryError::InstanceTypeNotFound);
    let _ = render(&error);
    let _ = InventoryError::CATALOG.len();
}
