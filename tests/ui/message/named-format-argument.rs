use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 404)]
pub enum ShopError {
    #[message("{n} items", n = items.len())]
    TooMany { items: Vec<String> },
}

fn main() {}
