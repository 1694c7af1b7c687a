use apierror::ApiError;

#[derive(Debug, ApiError)]
pub enum CacheError {
    #[code("CACHE_UNAVAILABLE")]
    #[status(503)]
    #[message("The cache is unavailable ({source})")]
    CacheUnavailable { source: std::io::Error },
}

fn main() {}
