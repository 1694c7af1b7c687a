use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 500)]
pub enum ShopError {
    #[from]
    Storage(std::io::Error),
}

fn main() {}
