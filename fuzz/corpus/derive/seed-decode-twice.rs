#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", decode, decode)]
pub enum StoreError {
    #[status(500)]
    Corrupt,
}
