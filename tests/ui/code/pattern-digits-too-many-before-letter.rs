use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(pattern = "E##A", status = 400)]
pub enum ShopError {
    #[code("E123A")]
    TooMany,
}

fn main() {}
