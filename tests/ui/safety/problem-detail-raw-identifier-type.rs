use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", format = "problem")]
pub enum InventoryError {
    #[status(404)]
    #[message("No such instance type")]
    InstanceTypeNotFound { r#type: String },
}

fn main() {}
