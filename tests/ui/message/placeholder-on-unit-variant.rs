use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum InventoryError {
    #[code("NO_RESOURCES")]
    #[status(409)]
    #[message("No resources match {requirements}")]
    NoResources,
}

fn main() {}
