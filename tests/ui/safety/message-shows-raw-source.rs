use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "SCREAMING_SNAKE_CASE", status = 503)]
pub enum ShopError {
    #[message("Cache down: {source}")]
    CacheDown { r#source: std::io::Error },
}

fn main() {}
