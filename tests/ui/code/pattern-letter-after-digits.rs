use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(pattern = "E##A", status = 400)]
pub enum ShopError {
    #[code("E12A")]
    Fine,
    #[code("E12B")]
    WrongLetter,
}

fn main() {}
